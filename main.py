"""履约 Lvyue. No command: the desktop app. A command: the headless CLI (``python main.py --help``).
``--selftest``: check this installation end to end in a temporary profile (``app.selftest``)."""

import sys

from app.bootstrap import ensure

ensure()


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


if __name__ == "__main__":
    sys.exit(run())
