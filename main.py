"""履约 Lvyue. No command: the desktop app. A command: the headless CLI (``python main.py --help``)."""

import sys

from app.bootstrap import ensure

ensure()


def run() -> int:
    args = sys.argv[1:]
    from app.cli import is_cli_invocation

    if is_cli_invocation(args):
        from app.cli import main as cli

        return cli(args)
    from ui.application import main as desktop

    return desktop(args)


if __name__ == "__main__":
    sys.exit(run())
