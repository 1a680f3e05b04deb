"""履约 Lvyue. No command: the desktop app. A command: the headless CLI (``python main.py --help``).
``--selftest``: check this installation end to end in a temporary profile (``app.selftest``).

``app.bootstrap.ensure`` runs first: it checks the Python version (this file and the bootstrap parse on
Python 3.6+ so that an old Python gets the Chinese message), sets up ``.venv`` and re-runs the command
there; on Windows the window then runs without a console (``pythonw.exe``; ``lvyue.pyw`` for shortcuts).
Ctrl+C anywhere ends with "已取消" and exit code 130, never a traceback.
"""

import sys


def is_window(args) -> bool:
    """Whether ``args`` open the window (no command, no ``--selftest``)."""
    if "--selftest" in args:
        return False
    from app.cli import is_cli_invocation

    return not is_cli_invocation(args)


def run() -> int:
    args = sys.argv[1:]
    if "--selftest" in args:
        from app.selftest import main as selftest
        from ui.selftest_checks import QT_STEPS

        return selftest(QT_STEPS)
    from app.cli import is_cli_invocation

    if is_cli_invocation(args):
        from app.cli import main as cli

        return cli(args)
    from ui.application import main as desktop

    return desktop(args)


def main() -> int:
    from app.bootstrap import cancelled, ensure

    try:
        ensure(window=lambda: is_window(sys.argv[1:]))
        return run()
    except KeyboardInterrupt:
        return cancelled()


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # before ``main`` could take over (the bootstrap's import)
        sys.exit(130)
