"""The encoding of the CLI's output (``--encoding``, ``LVYUE_ENCODING``) and of the text files it reads.

Output: UTF-8 unless asked otherwise, for consoles and pipes alike. ``--encoding gbk`` (or ``gb18030``,
``utf-16``, ``ansi`` = the system's ANSI code page…) serves ``type 列表.txt`` and PowerShell captures on
Chinese Windows. A character the chosen encoding lacks (𠮷 in GBK) is written as ``?`` and one note at the
end says so; it never crashes. A Windows console window itself is left alone: Python writes Unicode to it
whatever the encoding, and re-encoding would garble it.

Input (``--file``, ``--summary-file``, ``-`` for standard input): UTF-8 with or without BOM, UTF-16 with
BOM, else GB18030 (what Notepad calls ANSI on Chinese Windows) with a note; anything else is refused with
the file's name. The detection is the importer's (``app.imports.sources.decode_bytes``).
"""

from __future__ import annotations

import codecs
import io
import locale
import sys
from pathlib import Path

from app.domain.errors import DomainError

ENV = "LVYUE_ENCODING"
MARK = "?"
_HANDLER = "lvyue-mark"
_missed: list[str] = []  # characters the output encoding could not hold (the first few)
_count = [0]


def _mark(error: UnicodeEncodeError) -> tuple[str, int]:
    text = error.object[error.start:error.end]
    _count[0] += len(text)
    if len(_missed) < 5:
        _missed.extend(ch for ch in text[:5 - len(_missed)] if ch not in _missed)
    return MARK * len(text), error.end


codecs.register_error(_HANDLER, _mark)


def resolve(name: str) -> str:
    """The codec for ``name`` (``ansi``: the system's ANSI code page); DomainError ``encoding_unknown``."""
    wanted = name.strip()
    if wanted.lower() == "ansi":
        wanted = locale.getencoding()
    try:
        info = codecs.lookup(wanted)
    except LookupError:
        raise DomainError("encoding_unknown", name=name) from None
    if not getattr(info, "_is_text_encoding", True):  # base64, rot13…: not a text encoding
        raise DomainError("encoding_unknown", name=name)
    return info.name


def _is_windows_console(stream) -> bool:
    raw = getattr(getattr(stream, "buffer", None), "raw", None)
    return type(raw).__name__ == "_WindowsConsoleIO"


def configure(name: str | None) -> str:
    """Set stdout and stderr to ``name`` (None: UTF-8); returns the codec used."""
    encoding = resolve(name) if name else "utf-8"
    _missed.clear()
    _count[0] = 0
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        chosen = "utf-8" if _is_windows_console(stream) else encoding
        try:
            stream.flush()
            reconfigure(encoding=chosen, errors="replace" if chosen.startswith("utf") else _HANDLER)
        except (ValueError, OSError, io.UnsupportedOperation):
            pass
    return encoding


def wanted_encoding(argv: list[str], environ) -> tuple[str | None, list[str]]:
    """``--encoding X`` / ``--encoding=X`` taken out of ``argv`` (anywhere, before or after the command),
    else ``LVYUE_ENCODING``; the rest of ``argv``."""
    rest, name, skip = [], None, False
    for i, arg in enumerate(argv):
        if skip:
            skip = False
        elif arg == "--encoding":
            if i + 1 >= len(argv):
                raise DomainError("encoding_unknown", name="")
            name, skip = argv[i + 1], True
        elif arg.startswith("--encoding="):
            name = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    return name or environ.get(ENV) or None, rest


def missed_note(encoding: str) -> str | None:
    """The one note after a run in which characters were written as ``?``."""
    if not _count[0]:
        return None
    shown = "、".join(f"U+{ord(ch):04X}" for ch in _missed)
    return (f"注意：输出中有 {_count[0]} 个字符无法用 {encoding} 表示，已写作“{MARK}”（如 {shown}）。"
            "需要完整内容时请改用 --encoding utf-8 或 --encoding gb18030。")


def _note(text: str) -> None:
    if sys.stderr is not None:
        print(text, file=sys.stderr, flush=True)


def read_text(path: str, info=None) -> str:
    """A text file the officer gave (``-``: standard input), decoded as the module docstring says.
    ``info`` receives the note when the file was read as GB18030."""
    from app.imports.sources import decode_bytes

    name = "标准输入" if path == "-" else path
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except FileNotFoundError:
        raise DomainError("file_not_found", path=path) from None
    except IsADirectoryError:
        raise DomainError("file_unreadable", path=path, detail="这是一个文件夹") from None
    except OSError as error:
        raise DomainError("file_unreadable", path=path, detail=error.strerror or str(error)) from None
    try:  # a BOM promises its encoding: broken bytes after it are refused, not replaced
        text, found = decode_bytes(data, name)
    except DomainError:
        raise DomainError("file_encoding_unknown", path=name) from None
    if "\x00" in text:  # UTF-16 without a BOM, or a binary file: not text we can trust
        raise DomainError("file_encoding_unknown", path=name)
    if found == "gb18030":
        (info or _note)(f"提示：{name} 不是 UTF-8，已按 GB18030（ANSI）读取；如有乱码，请在记事本中另存为 UTF-8 后重试。")
    return text
