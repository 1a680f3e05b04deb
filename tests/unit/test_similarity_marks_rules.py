"""The duplicate-search marks a complaint's text leaves in the profile (found by mutation testing,
issue 17): they are stored, so their form is pinned (a new form would hide every complaint stored
before an upgrade from the duplicate search until a rebuild), and each fits SQLite's signed 64-bit
integer; a text of fewer than four character pairs leaves none."""

from __future__ import annotations

from app.domain.similarity import text_marks

TEXT = "请求按协议兑现产业扶持资金30万元，项目已验收合格。"


def test_the_marks_of_a_text_are_pinned_and_fit_a_signed_64_bit_integer():
    assert text_marks(TEXT) == [89593905848364577, -2944852926441175494, -7132900071602006896, -6163012018251763220,
                                -7105444051768485966, -5248892246354018126, -7012195820659372490, -9032018228723198289]
    few = text_marks("拖欠资金款")  # four pairs: most min-hash slots are empty and borrow a neighbour's
    assert few == [-5167431959194010895, 8721047846030736535, -2664790953592317649, 8237087506337849063,
                   5815714776247608353, 4243656820625702267, 3038790783445621575, -4017528380097475477]
    assert all(-(1 << 63) <= mark < (1 << 63) for mark in text_marks(TEXT) + few)
    assert text_marks("拖欠资金") == []
