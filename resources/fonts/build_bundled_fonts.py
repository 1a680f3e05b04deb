"""Rebuild the bundled fonts in this folder from Debian's font packages.

Run once on a Debian 12 machine (not at application start-up)::

    apt-get install -y fonts-noto-cjk fonts-noto-core fonts-wqy-microhei fonts-lxgw-wenkai
    .venv/bin/python resources/fonts/build_bundled_fonts.py
    .venv/bin/python resources/fonts/build_bundled_fonts.py --yi         # only Noto Sans Yi, coverage.txt
    .venv/bin/python resources/fonts/build_bundled_fonts.py --coverage   # only coverage.txt

The last step writes ``coverage.txt``: the code-point ranges the bundled faces draw, which
``app.domain.glyphs`` reads to refuse, at intake, characters no document can print.

reportlab embeds only TrueType (glyf) outlines, so the two Noto Serif CJK SC faces (CFF outlines
in an OpenType collection) are subset and converted to quadratic TrueType outlines with fontTools'
cu2qu (2 font units of tolerance: 0.04 pt at 22 pt, invisible in print). WenQuanYi Micro Hei and
LXGW WenKai are copied unchanged (LXGW's licence reserves its name for unmodified builds), and so is
Noto Sans Yi (already TrueType, 183 kB: Yi syllables and radicals, U+A000–U+A4CF) is copied with its
Yi outlines scaled to the size of the ideographs (``scale_yi``).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.transformPen import TransformPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
NOTO = Path("/usr/share/fonts/opentype/noto")
NOTO_SC_INDEX = 2  # JP, KR, SC, TC, HK in the Debian collections
TOLERANCE = 2.0

COPIED = {
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc": "wqy-microhei.ttc",
    "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf": "LXGWWenKai-Regular.ttf",
}
YI_SOURCE = Path("/usr/share/fonts/truetype/noto/NotoSansYi-Regular.ttf")
YI_TARGET = "NotoSansYi-Regular-Scaled.ttf"
YI_RANGE = range(0xA000, 0xA4D0)  # Yi syllables and radicals
# Noto Sans Yi draws its syllables at Latin cap height (ink 0.73 em, e.g. ꆈ from -13 to 727 units), so
# between ideographs (ink 0.92 em, 彝 from -77 to 842) they looked a size smaller. Scaled by 1.25 and
# lowered 64 units, their ink spans the ideographic body (-80 to 845).
YI_SCALE = 1.25
YI_SHIFT = -64
LICENCES = {
    "/usr/share/doc/fonts-noto-cjk/copyright": "LICENSE-NotoSerifCJK.txt",
    "/usr/share/doc/fonts-wqy-microhei/copyright": "LICENSE-WenQuanYiMicroHei.txt",
    "/usr/share/common-licenses/Apache-2.0": "LICENSE-WenQuanYiMicroHei-Apache-2.0.txt",
    "/usr/share/doc/fonts-lxgw-wenkai/copyright": "LICENSE-LXGWWenKai.txt",
    "/usr/share/doc/fonts-noto-core/copyright": "LICENSE-NotoSansYi.txt",
}

PUNCTUATION = (
    set(range(0x20, 0x7F))
    | set(range(0xA0, 0x180))  # Latin-1, Latin Extended-A
    | set(range(0x2000, 0x2070))  # general punctuation
    | set(range(0x2100, 0x2200))  # letterlike, number forms (Ⅰ Ⅱ), arrows
    | set(range(0x2460, 0x2500))  # ① ⑴ ⒈
    | set(range(0x3000, 0x3040))  # CJK symbols and punctuation
    | set(range(0xFF00, 0xFFF0))  # full-width forms
)


def gbk_repertoire() -> set[int]:
    """Every character encodable in GBK: GB 2312 plus all 20,902 CJK unified ideographs."""
    found: set[int] = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                text = bytes([lead, trail]).decode("gbk")
            except UnicodeDecodeError:
                continue
            if len(text) == 1:
                found.add(ord(text))
    return found


def convert(source: Path, target: Path, unicodes: set[int]) -> None:
    font = TTCollection(str(source)).fonts[NOTO_SC_INDEX]
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.drop_tables += ["vhea", "vmtx", "VORG", "GSUB", "GPOS", "BASE"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes & set(font.getBestCmap()))
    subsetter.subset(font)

    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, TOLERANCE, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"
    font.recalcTimestamp = False  # same input, same file
    font.save(str(target))
    check = TTFont(str(target))
    print(f"{target.name}: {len(check.getGlyphOrder())} glyphs, {target.stat().st_size:,} bytes")


def scale_yi(source: Path = YI_SOURCE, target: Path = HERE / YI_TARGET) -> None:
    """Noto Sans Yi with its Yi glyphs scaled to the ideographic body; everything else unchanged."""
    font = TTFont(str(source))
    glyph_set = font.getGlyphSet()
    glyf, hmtx = font["glyf"], font["hmtx"]
    names = {name for code, name in font.getBestCmap().items() if code in YI_RANGE}
    for name in sorted(names):
        recording = DecomposingRecordingPen(glyph_set)
        glyph_set[name].draw(recording)
        pen = TTGlyphPen(None)
        recording.replay(TransformPen(pen, (YI_SCALE, 0, 0, YI_SCALE, 0, YI_SHIFT)))
        glyph = pen.glyph()
        glyph.recalcBounds(glyf)
        glyf[name] = glyph
        hmtx[name] = (round(hmtx[name][0] * YI_SCALE), getattr(glyph, "xMin", 0))
    version = font["name"].getDebugName(5)
    font["name"].setName(f"{version}; Yi glyphs scaled {YI_SCALE} for Lvyue", 5, 3, 1, 0x409)
    font.recalcTimestamp = False  # same input, same file
    font.save(str(target))
    print(f"{target.name}: {len(names)} Yi glyphs scaled, {target.stat().st_size:,} bytes")


def write_coverage() -> None:
    """``coverage.txt`` from the faces the documents use (``BUNDLED_CHAINS`` in ``app/documents/fonts.py``)."""
    sys.path.insert(0, str(ROOT))  # this checkout's app/, not an installed one
    from app.documents.fonts import bundled_coverage
    from app.domain.glyphs import COVERAGE_FILE, format_coverage

    ranges = bundled_coverage(HERE)
    header = ("Characters the bundled document fonts draw, as code-point ranges (hex, inclusive).\n"
              "Generated by build_bundled_fonts.py from BUNDLED_CHAINS in app/documents/fonts.py; do not edit.\n"
              f"{sum(b - a + 1 for a, b in ranges)} characters in {len(ranges)} ranges.")
    COVERAGE_FILE.write_text(format_coverage(ranges, header), encoding="utf-8")
    print(f"{COVERAGE_FILE.name}: {len(ranges)} ranges")


def main() -> int:
    if "--coverage" in sys.argv[1:]:
        write_coverage()
        return 0
    if "--yi" in sys.argv[1:]:
        scale_yi()
        write_coverage()
        return 0
    gbk = gbk_repertoire() | PUNCTUATION
    ext_a = set(range(0x3400, 0x4DC0))
    convert(NOTO / "NotoSerifCJK-Regular.ttc", HERE / "NotoSerifCJKsc-Regular-GB18030.ttf", gbk | ext_a)
    convert(NOTO / "NotoSerifCJK-Bold.ttc", HERE / "NotoSerifCJKsc-Bold-GBK.ttf", gbk)
    for source, name in {**COPIED, **LICENCES}.items():
        shutil.copyfile(source, HERE / name)
    scale_yi()
    write_coverage()
    return 0


if __name__ == "__main__":
    sys.exit(main())
