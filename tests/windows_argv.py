"""TESTS ONLY: Windows' ``CommandLineToArgvW`` in pure Python, to read back the command line a scheduled
task gives its program (``app.platform.task_scheduler``) on any system.

The rules (Microsoft, "Parsing C++ command-line arguments", and shell32's CommandLineToArgvW):
argv[0] runs to the next quote when it starts with one, else to the first white space, with no escapes.
After it: white space outside quotes separates arguments; ``2n`` backslashes before a quote give ``n``
backslashes and the quote opens or closes quoting; ``2n+1`` give ``n`` and a literal quote; backslashes
not before a quote are literal; inside quotes ``""`` gives a literal quote.
"""

from __future__ import annotations

WHITE = " \t"


def command_line_to_argv(line: str) -> list[str]:
    argv: list[str] = []
    i, n = 0, len(line)
    # argv[0]: the program
    if line.startswith('"'):
        end = line.find('"', 1)
        end = n if end < 0 else end
        argv.append(line[1:end])
        i = end + 1
    else:
        end = i
        while end < n and line[end] not in WHITE:
            end += 1
        argv.append(line[:end])
        i = end
    while True:
        while i < n and line[i] in WHITE:
            i += 1
        if i >= n:
            return argv
        arg: list[str] = []
        quoted = False
        while i < n:
            ch = line[i]
            if ch == "\\":
                start = i
                while i < n and line[i] == "\\":
                    i += 1
                count = i - start
                if i < n and line[i] == '"':
                    arg.append("\\" * (count // 2))
                    if count % 2:
                        arg.append('"')
                        i += 1
                    # an even count: the quote is handled below as a quote
                else:
                    arg.append("\\" * count)
                continue
            if ch == '"':
                if quoted and i + 1 < n and line[i + 1] == '"':
                    arg.append('"')
                    i += 2
                    continue
                quoted = not quoted
                i += 1
                continue
            if ch in WHITE and not quoted:
                break
            arg.append(ch)
            i += 1
        argv.append("".join(arg))
