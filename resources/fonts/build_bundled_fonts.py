"""Rebuild the bundled fonts in this folder from Debian's font packages.

Run once on a Debian 12 machine (not at application start-up)::

    apt-get install -y fonts-noto-cjk fonts-wqy-microhei fonts-lxgw-wenkai
    .venv/bin/python resources/fonts/build_bundled_fonts.py

reportlab embeds only TrueType (glyf) outlines, so the two Noto Serif CJK SC faces (CFF outlines
in an OpenType collection) are subset and converted to quadratic TrueType outlines with fontTools'
cu2qu (2 font units of tolerance: 0.04 pt at 22 pt, invisible in print). WenQuanYi Micro Hei and
LXGW WenKai are copied unchanged (LXGW's licence reserves its name for unmodified builds).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

HERE = Path(__file__).resolve().parent
NOTO = Path("/usr/share/fonts/opentype/noto")
NOTO_SC_INDEX = 2  # JP, KR, SC, TC, HK in the Debian collections
TOLERANCE = 2.0

COPIED = {
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc": "wqy-microhei.ttc",
    "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf": "LXGWWenKai-Regular.ttf",
}
LICENCES = {
    "/usr/share/doc/fonts-noto-cjk/copyright": "LICENSE-NotoSerifCJK.txt",
    "/usr/share/doc/fonts-wqy-microhei/copyright": "LICENSE-WenQuanYiMicroHei.txt",
    "/usr/share/common-licenses/Apache-2.0": "LICENSE-WenQuanYiMicroHei-Apache-2.0.txt",
    "/usr/share/doc/fonts-lxgw-wenkai/copyright": "LICENSE-LXGWWenKai.txt",
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


def main() -> int:
    gbk = gbk_repertoire() | PUNCTUATION
    ext_a = set(range(0x3400, 0x4DC0))
    convert(NOTO / "NotoSerifCJK-Regular.ttc", HERE / "NotoSerifCJKsc-Regular-GB18030.ttf", gbk | ext_a)
    convert(NOTO / "NotoSerifCJK-Bold.ttc", HERE / "NotoSerifCJKsc-Bold-GBK.ttf", gbk)
    for source, name in {**COPIED, **LICENCES}.items():
        shutil.copyfile(source, HERE / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
