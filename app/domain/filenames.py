"""Attachment file names 附件文件名 that cannot hurt the PC that writes or opens them.

An ``attach`` event carries the name its author's file had. Another device (an old version, or a
hostile one) may send ``../../x.bat``, ``C:\\Windows\\x.bat``, ``con.txt`` or a name whose right-to-left
override shows ``fdp.exe`` as ``exe.pdf``. ``safe_filename`` reduces any of them to one plain base
name that is valid on Windows, macOS and Linux; ``is_executable`` names the types the app never hands
to the operating system to open; ``is_sha256_hex`` checks an attachment's content hash before it
becomes a path in the blob store. Pure rules: no I/O.
"""

from __future__ import annotations

import re
import unicodedata

from app.domain.errors import DomainError

MAX_CHARS = 120  # keeps temp-folder paths under Windows' 260-character MAX_PATH
MAX_BYTES = 240  # UTF-8 bytes: 120 Chinese characters would not fit the 255-byte limit of Linux/macOS
FALLBACK_STEM = "附件"

_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})  # controls, bidi/format marks, ...
_SEPARATORS = re.compile(r"[\\/]")
_DRIVE = re.compile(r"^[A-Za-z]:")
_FORBIDDEN = str.maketrans("", "", '<>:"/\\|?*')
_EDGES = re.compile(r"^[\s.]+|[\s.]+$")  # leading: hidden or relative (``..``); trailing: Windows drops them
_TRAILING = re.compile(r"[\s.]+$")
_EXTENSION = re.compile(r"[0-9A-Za-z_-]{1,16}")
_SHA256 = re.compile(r"[0-9a-f]{64}")

# Windows opens these as devices, whatever the extension (``con.txt``, ``NUL .pdf``).
RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"}
    | {f"{port}{n}" for port in ("COM", "LPT") for n in (*"0123456789", "¹", "²", "³")}
)

# Never handed to the OS to open: programs, scripts, shortcuts, installers, macro documents, disk
# images (they mount and run without the download warning), help and web archives that run scripts.
EXECUTABLE = frozenset("""
    exe com scr pif bat cmd btm ps1 ps1xml ps2 ps2xml psc1 psc2 psd1 psm1 msh msh1 msh2 mshxml msh1xml
    msh2xml js jse vb vbs vbe vbp wsf wsh ws wsc sct shb shs hta mht mhtml chm hlp hpj lnk url website
    scf inf ins isp its reg msi msp mst msu msix msixbundle appx appxbundle appinstaller application
    appref-ms xbap gadget msc cpl dll ocx sys drv cab diagcab jar jnlp py pyw pyz pyzw pyc pyo pl rb
    crt cer der iso img vhd vhdx library-ms search-ms searchconnector-ms settingcontent-ms theme
    themepack deskthemepack xll xlam xla docm dotm xlsm xltm xlsb pptm potm ppam ppsm sldm mda mdb mde
    accde ade adp grp bas prf prg printerexport vsmacros vsw xnk
""".split())


def _visible(text: str) -> str:
    return "".join(ch for ch in text if unicodedata.category(ch) not in _INVISIBLE)


def _base_name(text: str) -> str:
    """The last non-empty path part, for ``/`` and ``\\`` alike, without drive or alternate stream."""
    parts = [part for part in _SEPARATORS.split(text) if part]
    name = _DRIVE.sub("", parts[-1]) if parts else ""
    return name.split(":", 1)[0]  # ``report.pdf:stream`` (NTFS alternate data stream)


def _clip(text: str, chars: int, size: int) -> str:
    text = text[:chars]
    while len(text.encode("utf-8")) > size:
        text = text[:-1]
    return text


def _suffix(name: str) -> str:
    return name.rpartition(".")[2].lower() if "." in name else ""


def _reduce(name: str) -> str:
    text = _base_name(_visible(unicodedata.normalize("NFC", name))).translate(_FORBIDDEN)
    text = _TRAILING.sub("", text)
    stem, dot, extension = text.rpartition(".")
    if not dot or not _EXTENSION.fullmatch(extension):
        stem, extension = text, ""
    stem = _EDGES.sub("", stem)
    if stem.split(".", 1)[0].rstrip().upper() in RESERVED:
        stem = "_" + stem
    tail = f".{extension}" if extension else ""
    stem = _EDGES.sub("", _clip(stem, MAX_CHARS - len(tail), MAX_BYTES - len(tail)))
    return (stem or FALLBACK_STEM) + tail


def safe_filename(name: str) -> str:
    """``name`` as one safe base name: no directory, drive, stream, control, bidi or forbidden
    character, no leading or trailing dots and spaces, not a device name, at most ``MAX_CHARS``
    characters (``MAX_BYTES`` in UTF-8) with its extension kept; ``附件`` (+ extension) if nothing is left.
    Chinese stays as it is. Idempotent."""
    text = _reduce(name if isinstance(name, str) else "")
    for _ in range(3):  # clipping a name can expose a new extension (``a .bcd|x.y z`` cut short): settle it
        again = _reduce(text)
        if again == text:
            break
        text = again
    return text


def is_safe_filename(name: str) -> bool:
    """True when ``name`` is already what ``safe_filename`` makes of it."""
    return isinstance(name, str) and bool(name) and safe_filename(name) == name


def carries_no_path(name: str) -> bool:
    """What an attachment event's file name must meet to count at all (``AttachPayload``): no folder,
    drive or parent part and no invisible characters. Looser than ``is_safe_filename`` on purpose:
    earlier versions recorded names such as ``12:30 纪要.docx`` or very long ones, honest history that
    must still fold; whatever is shown, saved or opened goes through ``safe_filename`` anyway."""
    return bool(name) and name not in (".", "..") and not _SEPARATORS.search(name) and not _DRIVE.match(name) \
        and all(unicodedata.category(ch) not in _INVISIBLE for ch in name)


def is_executable(name: str) -> bool:
    """A type that must never be opened directly (``.bat``, ``.exe``, ``.lnk``, ``.docm`` ...), judged
    on the name as written to disk and on the name as sent (``a.BAT. `` counts)."""
    if not isinstance(name, str):
        return False
    return bool({_suffix(safe_filename(name)), _suffix(_TRAILING.sub("", name))} & EXECUTABLE)


def is_sha256_hex(value: object) -> bool:
    """Exactly 64 lowercase hexadecimal characters (an attachment's content hash)."""
    return isinstance(value, str) and _SHA256.fullmatch(value) is not None


def require_sha256(value: object) -> str:
    """``value`` if it is a SHA-256 hex digest; ``attachment_hash_invalid`` otherwise (it never becomes a path)."""
    if not is_sha256_hex(value):
        raise DomainError("attachment_hash_invalid")
    return value  # type: ignore[return-value]
