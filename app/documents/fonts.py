"""Fonts for official documents: the official Windows faces when installed, else the bundled ones.

Each *role* of GB/T 9704 has a chain of faces; a character is drawn in the first face of its role's
chain that has a glyph for it, so a rare name character missing from 仿宋_GB2312 is drawn in a
bundled face instead of as a blank box. A character no face has raises ``glyph_missing``.

Roles: ``title`` 小标宋 (issuer mark, title), ``body`` 仿宋 (text, 三级/四级 headings, number,
date), ``hei`` 黑体 (一级 headings), ``kai`` 楷体 (二级 headings), ``song`` 宋体 (page numbers).

Each chain: the official faces installed (``SYSTEM_CANDIDATES``), the bundled CJK faces, then the
installed faces that only widen what can be printed (``SYSTEM_EXTRAS``: Windows' Yi face
msyi.ttf, the SimSun extension faces for rare ideographs), then the bundled Yi face. The extras come
after every bundled CJK face, so a character those faces have is drawn as before (a reprint still
gives the issued bytes); they draw what nothing before them has, and Yi text in Microsoft Yi Baiti
where Windows has it. A face reportlab cannot embed (PostScript/CFF outlines, a damaged file) is
skipped with a log line.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from app.domain.errors import DomainError
from app.domain.glyphs import char_name, to_ranges

Role = Literal["title", "body", "hei", "kai", "song"]
ROLES: tuple[Role, ...] = ("title", "body", "hei", "kai", "song")

BUNDLED_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"

# Official faces as installed on Chinese Windows (file names compared case-insensitively).
SYSTEM_CANDIDATES: Mapping[Role, tuple[tuple[str, int], ...]] = {
    "title": (
        ("方正小标宋简体.ttf", 0),
        ("FZXBSJW.TTF", 0),
        ("FZXBSJW--GB1-0.ttf", 0),
        ("方正小标宋_GBK.ttf", 0),
        ("FZXBSK.TTF", 0),
    ),
    "body": (("仿宋_GB2312.ttf", 0), ("FS_GB2312.ttf", 0), ("FangSong_GB2312.ttf", 0), ("simfang.ttf", 0)),
    "hei": (("simhei.ttf", 0),),
    "kai": (("楷体_GB2312.ttf", 0), ("KaiTi_GB2312.ttf", 0), ("simkai.ttf", 0)),
    "song": (("simsun.ttc", 0), ("simsun.ttf", 0)),
}

# Installed faces that add characters only (see the module docstring), in this order, before the bundled Yi.
SYSTEM_EXTRAS: tuple[tuple[str, int], ...] = (
    ("msyi.ttf", 0),  # Microsoft Yi Baiti, Windows' Yi face (彝文, U+A000–U+A4CF)
    ("simsunb.ttf", 0),  # SimSun-ExtB: CJK Extension B (𠮷 U+20BB7 and the like)
    ("SimsunExtG.ttf", 0),  # SimSun-ExtG (newer Windows 11): CJK Extensions C to G, if installed
)

log = logging.getLogger(__name__)

_SONG_BOLD = ("NotoSerifCJKsc-Bold-GBK.ttf", 0)
_SONG = ("NotoSerifCJKsc-Regular-GB18030.ttf", 0)
_HEI = ("wqy-microhei.ttc", 0)
_KAI = ("LXGWWenKai-Regular.ttf", 0)
_YI = ("NotoSansYi-Regular-Scaled.ttf", 0)  # Yi syllables and radicals (彝文, U+A000–U+A4CF); last: no Han

# Bundled faces per role, best first. Every chain ends with every bundled face, so the fallback
# coverage of any role is the union of all bundled fonts (``bundled_coverage``). No openly licensed simplified-Chinese
# FangSong exists in TrueType, so the body role uses Noto Serif (a Song face) when 仿宋 is absent.
BUNDLED_CHAINS: Mapping[Role, tuple[tuple[str, int], ...]] = {
    "title": (_SONG_BOLD, _SONG, _KAI, _HEI, _YI),
    "body": (_SONG, _KAI, _HEI, _SONG_BOLD, _YI),
    "hei": (_HEI, _SONG_BOLD, _SONG, _KAI, _YI),
    "kai": (_KAI, _SONG, _HEI, _SONG_BOLD, _YI),
    "song": (_SONG, _KAI, _HEI, _SONG_BOLD, _YI),
}


@dataclass(frozen=True, eq=False)
class Face:
    """One registered TrueType face (reportlab embeds it as subsets)."""

    name: str
    path: Path
    subfont: int
    font: TTFont = field(repr=False)

    def has_glyph(self, ch: str) -> bool:
        # Glyph 0 is .notdef, the blank box: cmap format 4 maps U+FFFF to it as its end marker.
        return self.font.face.charToGlyph.get(ord(ch), 0) != 0

    def advance(self, ch: str) -> float:
        """Advance width in ems."""
        face = self.font.face
        return face.charWidths.get(ord(ch), face.defaultWidth) / 1000.0


@dataclass(frozen=True, eq=False)
class FontSet:
    """The face chain of each role; picks the face that draws each character."""

    chains: Mapping[Role, tuple[Face, ...]]
    _choice: dict[tuple[Role, str], Face] = field(default_factory=dict, repr=False)

    def face_for(self, role: Role, ch: str) -> Face:
        key = (role, ch)
        face = self._choice.get(key)
        if face is None:
            face = next((f for f in self.chains[role] if f.has_glyph(ch)), None)
            if face is None:
                raise DomainError("glyph_missing", char=ch, codepoint=f"U+{ord(ch):04X}", char_name=char_name(ch))
            self._choice[key] = face
        return face

    def primary(self, role: Role) -> Face:
        return self.chains[role][0]

    def faces(self) -> list[Face]:
        seen: dict[int, Face] = {}
        for chain in self.chains.values():
            for face in chain:
                seen.setdefault(id(face), face)
        return list(seen.values())


def default_system_dirs() -> tuple[Path, ...]:
    """Where Windows keeps installed fonts: the machine's and (Windows 10+) the user's own."""
    if sys.platform != "win32":
        return ()
    dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return tuple(dirs)


_LOCK = threading.Lock()
_FACES: dict[tuple[Path, int], Face | None] = {}
_SETS: dict[tuple[tuple[Path, ...], Path], FontSet] = {}


def load_font_set(system_dirs: Sequence[Path] | None = None, bundled_dir: Path | None = None) -> FontSet:
    """The font set for these directories, loaded and registered once per process.

    ``system_dirs`` defaults to the Windows font folders (none elsewhere); tests pass their own.
    """
    dirs = tuple(Path(d) for d in (default_system_dirs() if system_dirs is None else system_dirs))
    bundled = Path(bundled_dir) if bundled_dir is not None else BUNDLED_DIR
    key = (dirs, bundled)
    with _LOCK:
        found = _SETS.get(key)
        if found is None:
            found = _SETS[key] = _build(dirs, bundled)
        return found


def bundled_coverage(bundled_dir: Path | None = None) -> list[tuple[int, int]]:
    """The characters the bundled faces draw, as inclusive code-point ranges.

    What every machine can print, whatever fonts it has installed. ``resources/fonts/coverage.txt``
    (read by ``app.domain.glyphs``) is written from this by ``build_bundled_fonts.py``; a test keeps
    the two equal.
    """
    bundled = Path(bundled_dir) if bundled_dir is not None else BUNDLED_DIR
    codes: set[int] = set()
    with _LOCK:
        for name, subfont in dict.fromkeys(entry for chain in BUNDLED_CHAINS.values() for entry in chain):
            face = _face(bundled / name, subfont)
            if face is None:
                raise DomainError("fonts_missing", role=name, directory=str(bundled))
            codes.update(code for code, glyph in face.font.face.charToGlyph.items() if glyph != 0)
    return to_ranges(codes)


def _build(dirs: tuple[Path, ...], bundled: Path) -> FontSet:
    _extract_beyond_bmp()
    installed = _index(dirs)
    chains: dict[Role, tuple[Face, ...]] = {}
    for role in ROLES:
        candidates = [
            (installed[name.lower()], subfont)
            for name, subfont in SYSTEM_CANDIDATES[role]
            if name.lower() in installed
        ]
        extras = [(installed[name.lower()], subfont) for name, subfont in SYSTEM_EXTRAS if name.lower() in installed]
        for name, subfont in BUNDLED_CHAINS[role]:
            if (name, subfont) == _YI:
                candidates += extras
                extras = []
            candidates.append((bundled / name, subfont))
        candidates += extras
        faces: list[Face] = []
        for path, subfont in candidates:
            face = _face(path, subfont)
            if face is not None and face not in faces:
                faces.append(face)
        if not faces:
            raise DomainError("fonts_missing", role=role, directory=str(bundled))
        chains[role] = tuple(faces)
    return FontSet(chains=chains)


def _index(dirs: Iterable[Path]) -> dict[str, Path]:
    installed: dict[str, Path] = {}
    for directory in dirs:
        try:
            entries = sorted(directory.iterdir())
        except OSError:
            continue
        for entry in entries:
            installed.setdefault(entry.name.lower(), entry)
    return installed


def _extract_beyond_bmp() -> None:
    """Let text extraction and search find characters beyond the BMP (𠇔 U+201D4).

    reportlab writes each ToUnicode entry as four hex digits, so U+201D4 reads back as U+201D ”.
    PDF wants UTF-16BE there: a surrogate pair. Entries for BMP characters stay byte for byte the same.
    """
    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "lvyue_utf16", False):
        return

    def make_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
        text = original(fontname, subset)
        for index, code in enumerate(subset):
            if code > 0xFFFF:
                pair = chr(code).encode("utf-16-be").hex().upper()
                text = text.replace(f"\n<{index:02X}> <{code:04X}>\n", f"\n<{index:02X}> <{pair}>\n")
        return text

    make_to_unicode_cmap.lvyue_utf16 = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap


class _GlyphTable:
    """The font file's glyf table, sliced without copying the whole table first."""

    def __init__(self, data: memoryview) -> None:
        self._data = data

    def __getitem__(self, part: slice) -> bytes:
        return self._data[part].tobytes()


def _share_glyph_table(font: TTFont) -> None:
    """Make reportlab's subsetting read glyphs in place.

    reportlab's ``makeSubset`` copies the whole glyf table (10 MB for a CJK face) for every 256-glyph
    subset of every document, which cost ~1 ms a subset. Glyph slices come out identical.
    """
    face = font.face
    data = getattr(face, "_ttf_data", None)
    original = getattr(face, "get_table", None)
    if not isinstance(data, bytes) or original is None:
        return
    start, length = face.get_table_pos("glyf")
    table = _GlyphTable(memoryview(data)[start : start + length])

    def get_table(tag: str) -> object:
        return table if tag == "glyf" else original(tag)

    face.get_table = get_table


_SUBSETS_KEPT = 64  # font programs remembered per face (a few KB to 200 KB each)


def _remember_subsets(font: TTFont) -> None:
    """Make reportlab's subsetting remember the font programs it built (issue 15).

    ``makeSubset`` rebuilds a font program from the glyphs a document uses, for every document: 2 to
    3 ms a face, four faces on a notice. The next notice uses the same glyphs (or nearly: the same
    boilerplate, headings and 版记), so the program is kept per glyph list: a pure function of the
    face and the list, the same bytes either way. The oldest are dropped beyond ``_SUBSETS_KEPT``.
    """
    face = font.face
    original = getattr(face, "makeSubset", None)
    if original is None:
        return
    kept: dict[tuple[int, ...], bytes] = {}
    lock = threading.Lock()  # a PDF made outside render_pdf's lock (a report) may subset at the same time

    def make_subset(subset) -> bytes:
        key = tuple(subset)
        found = kept.get(key)
        if found is None:
            found = original(subset)
            with lock:
                while len(kept) >= _SUBSETS_KEPT:
                    del kept[next(iter(kept))]
                kept[key] = found
        return found

    face.makeSubset = make_subset


def _face(path: Path, subfont: int) -> Face | None:
    """Load and register a face once; ``None`` if it is missing, not TrueType or not embeddable."""
    key = (path, subfont)
    if key in _FACES:
        return _FACES[key]
    face: Face | None = None
    try:
        size = path.stat().st_size
        name = f"Lvyue-{path.stem}-{subfont}-{size}"
        # asciiReadable=False: each embedded subset takes 255 characters, not 159 plus reserved ASCII,
        # so a notice usually needs one font program per face (a third smaller, a third faster).
        font = TTFont(name, str(path), subfontIndex=subfont, asciiReadable=False, shapable=False)
        _share_glyph_table(font)
        _remember_subsets(font)
        pdfmetrics.registerFont(font)
        face = Face(name=name, path=path, subfont=subfont, font=font)
    except FileNotFoundError:
        face = None
    except Exception as error:  # a font file of the PC's: PostScript (CFF) outlines, damaged, not embeddable
        log.warning("font %s (face %d) skipped: %s", path, subfont, error)
        face = None
    _FACES[key] = face
    return face
