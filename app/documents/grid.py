"""Page geometry of GB/T 9704-2012 党政机关公文格式, in PDF points (origin bottom left).

The text area (版心) is 156 x 225 mm, 37 mm from the top and 28 mm from the left of an A4 sheet, and
holds 22 lines of 28 characters of 3号 text. Lines are *bands* of 225/22 mm numbered 0..21 from the
top; a character cell is 156/28 mm wide, a little narrower than a 16 pt character, as on the
document grid of a word processor.
"""

from __future__ import annotations

MM = 72 / 25.4

PAGE_WIDTH = 210 * MM
PAGE_HEIGHT = 297 * MM
TOP_MARGIN = 37 * MM
LEFT_MARGIN = 28 * MM
TEXT_WIDTH = 156 * MM
TEXT_HEIGHT = 225 * MM
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28

LINE_PITCH = TEXT_HEIGHT / LINES_PER_PAGE
CELL = TEXT_WIDTH / CHARS_PER_LINE

TEXT_LEFT = LEFT_MARGIN
TEXT_RIGHT = LEFT_MARGIN + TEXT_WIDTH
TEXT_TOP = PAGE_HEIGHT - TOP_MARGIN
TEXT_BOTTOM = TEXT_TOP - TEXT_HEIGHT

# Type sizes (字号): 2号 22 pt, 3号 16 pt, 4号 14 pt.
TITLE_SIZE = 22.0
BODY_SIZE = 16.0
SMALL_SIZE = 14.0

EM_ASCENT = 0.88
"""Top of the ideographic em box above the baseline, as a fraction of the size (CJK fonts: 0.88/0.12)."""
EM_DESCENT = 0.12

# 文件 format (GB/T 9704 §7.2).
ISSUER_MARK_TOP = TEXT_TOP - 35 * MM  # 发文机关标志上边缘至版心上边缘 35 mm
ISSUER_MARK_SIZE = 42.0  # about 15 mm high
ISSUER_MARK_MAX_WIDTH = TEXT_WIDTH - 2 * CELL
SEPARATOR_GAP = 4 * MM  # 发文字号之下 4 mm 印红色分隔线
SEPARATOR_THICKNESS = 2.0

# 信函 format (GB/T 9704 §10.1).
LETTER_MARK_TOP = PAGE_HEIGHT - 30 * MM  # 上边缘至上页边 30 mm
LETTER_MARK_SIZE = 30.0
LETTER_RULE_LEFT = (210 - 170) / 2 * MM  # 线长 170 mm, 居中
LETTER_RULE_RIGHT = LETTER_RULE_LEFT + 170 * MM
LETTER_BOTTOM_RULE = 20 * MM  # 距下页边 20 mm
DOUBLE_RULE_THICK = 2.25
DOUBLE_RULE_THIN = 0.75
DOUBLE_RULE_GAP = 1.0

# 版记 (§7.4): first and last rules 0.35 mm, middle 0.25 mm.
RECORD_THICK = 0.35 * MM
RECORD_THIN = 0.25 * MM

# 页码 (§7.5): 一字线上距版心下边缘 7 mm.
PAGE_NUMBER_DROP = 7 * MM


def band_top(band: int, pitch: float = LINE_PITCH) -> float:
    return TEXT_TOP - band * pitch


def band_baseline(band: int, size: float, pitch: float = LINE_PITCH) -> float:
    """Baseline that centres a ``size`` pt em box in band ``band`` (of ``pitch``: a tightened page)."""
    return band_top(band, pitch) - (pitch - size) / 2 - EM_ASCENT * size


def band_below(y: float) -> int:
    """First band whose top is at or below height ``y`` (a band the element at ``y`` leaves free)."""
    band = 0
    while band_top(band) > y + 1e-6:
        band += 1
    return band
