"""The headless command line 命令行 (DESIGN §7): the same services as the window, no Qt.

Exit codes: 0 success; 1 refused (a Chinese message on stderr, nothing written); 2 usage error;
3 ``audit verify`` found problems; 4 try again later (``sync_busy``: another sync of this profile is
running; ``sync`` also uses 4 for an unreachable hub); 5 ``sync`` done but records were refused;
130 cancelled with Ctrl+C (已取消).

``--encoding NAME`` (or ``LVYUE_ENCODING``) sets the output encoding (``app.cli.encoding``).

A command on an existing profile writes its start, its end (exit code), a refusal and the traceback of an
internal error to the profile's log file (``app.cli.log_setup``); the console shows what it showed before.
"""

from __future__ import annotations

import sys

from app.cli.output import Output
from app.domain.errors import DomainError
from app.messages import describe
from app.security import log_masking

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_AUDIT, EXIT_BUSY, EXIT_CANCELLED = 0, 1, 2, 3, 4, 130
BUSY = ("sync_busy",)  # DomainError codes that mean "try again later"


OPTIONS_WITH_VALUE = ("--home", "--user", "--encoding")


def is_cli_invocation(args: list[str]) -> bool:
    """True when ``args`` name a command (or ask for help/version) rather than start the window.

    ``--home demo`` is a folder called demo, not the ``demo`` command: option values are skipped, and
    so is the value of a Qt option (``-platform offscreen``). Any other word is meant as a command: an
    unknown one (``main.py report``) goes to the CLI, which answers with a usage error, never the window.
    """
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in OPTIONS_WITH_VALUE:
            skip = True
        elif arg in ("-h", "--help", "--version"):
            return True
        elif arg.startswith("-") and not arg.startswith("--") and "=" not in arg:
            skip = True  # a Qt option such as -platform, -style: its value is not a command
        elif not arg.startswith("-"):
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    import os

    from app.cli import encoding

    argv = list(sys.argv[1:] if argv is None else argv)
    utf8_streams()
    try:
        name, argv = encoding.wanted_encoding(argv, os.environ)
        chosen = encoding.configure(name)
    except DomainError as error:
        Output(json_mode="--json" in argv).error(describe(error), code=error.code)
        return EXIT_USAGE
    try:
        return _main(argv)
    except KeyboardInterrupt:
        Output(json_mode="--json" in argv).error("已取消", code="cancelled")
        return EXIT_CANCELLED
    finally:
        note = encoding.missed_note(chosen)
        if note and sys.stderr is not None:
            print(note, file=sys.stderr, flush=True)


def _main(argv: list[str]) -> int:
    log_masking.install()  # no phone or ID number reaches a log or the console through logging
    # here, not at the top: ``is_cli_invocation`` stays cheap
    from app.cli.arguments import build_parser, command_of

    parser = build_parser(command_of(argv))  # only the named command's parser: its module alone is imported
    args = parser.parse_args(argv)
    out = Output(json_mode=getattr(args, "json", False))
    if not getattr(args, "handler", None):
        build_parser().print_help()  # every command listed
        return EXIT_USAGE
    from app.cli import log_setup

    log = log_setup.start(args, argv) if log_setup.wanted(args) else None  # <profile>/logs/lvyue.log
    code = EXIT_REFUSED
    try:
        code = _run(args, out, log)
        return code
    except SystemExit as ended:  # a handler's own exit (a usage error of its arguments)
        code = ended.code if isinstance(ended.code, int) else EXIT_REFUSED
        raise
    finally:
        if log is not None:
            log.finished(code)
            log.close()


def _run(args, out: Output, log) -> int:
    try:
        return args.handler(args, out) or EXIT_OK
    except DomainError as error:
        out.error(describe(error), code=error.code)
        if log is not None:
            log.refused(error.code, describe(error))
        return EXIT_BUSY if error.code in BUSY else EXIT_REFUSED
    except KeyboardInterrupt:
        out.error("已取消", code="cancelled")
        return EXIT_CANCELLED
    except BrokenPipeError:  # the reader stopped early (`| head`) while a handler wrote on its own
        from app.cli.output import quiet_stdout

        quiet_stdout()
        return EXIT_OK
    except Exception as error:  # a bug or an environment fault: say so plainly, keep the details
        import os
        import traceback

        from app.store.faults import fault_of

        fault = fault_of(error)  # a full disk, a read-only folder, a locked or damaged database
        if fault is not None:
            out.error(describe(fault), code=fault.code)
            if log is not None:
                log.refused(fault.code, describe(fault))
            return EXIT_REFUSED

        if os.environ.get("LVYUE_DEBUG"):
            traceback.print_exc()
        if log is not None:
            log.failed(error)  # the traceback: in the log file only
        out.error(f"程序内部错误（{type(error).__name__}: {error}）。设置环境变量 LVYUE_DEBUG=1 可查看详细信息。",
                  code="internal_error")
        return EXIT_REFUSED


def utf8_streams() -> None:
    """Windows consoles default to a legacy code page; Chinese output must not crash."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, OSError):
                pass
