"""The verdict of a credit check and its wording: only what the register shows, with its date and scope."""

from __future__ import annotations

from datetime import date

from app.domain.credit_check import RecordFact, Scope, Verdict, consequence, limits, statement, verdict

DAY = date(2026, 12, 5)
COUNTY = Scope("532322", "双柏县", includes_lower=False)
PREFECTURE = Scope("532300", "楚雄州", includes_lower=True, synced_at="2026年12月5日 08:30")


def test_no_record_is_none():
    f = verdict([])
    assert (f.verdict, f.label, f.in_force, f.repaired) == (Verdict.NONE, "未发现失信记录", (), ())


def test_one_record_not_repaired_makes_it_in_force_whatever_else():
    f = verdict([RecordFact("A-1", "repaired", "2026-01-02", "2026-03-01"),
                 RecordFact("A-2", "in_force", "2026-11-02", sanctions_in_force=1),
                 RecordFact("A-3", "in_force", "2026-06-02")])
    assert f.verdict == Verdict.IN_FORCE and f.label == "有在效失信记录"
    assert f.in_force == ("A-2", "A-3") and f.repaired == ("A-1",) and f.sanctioned == ("A-2",)


def test_every_record_repaired():
    f = verdict([RecordFact("A-1", "repaired", "2026-01-02", "2026-03-01")])
    assert (f.verdict, f.label) == (Verdict.REPAIRED, "失信记录已修复")


def test_the_statement_claims_nothing_beyond_the_register():
    none = statement(verdict([]), "双柏县财政局", None, DAY, COUNTY)
    assert none == "截至2026年12月5日，本设备所存双柏县政务失信记录台账中未发现“双柏县财政局”的政务失信记录。"
    assert "无失信" not in none and "信用良好" not in none
    live = statement(verdict([RecordFact("A-2", "in_force", "2026-11-02", sanctions_in_force=2)]), "双柏县财政局",
                     "11532322MB0000000X", DAY, PREFECTURE)
    assert "楚雄州及所辖县市" in live and "尚未修复的政务失信记录1条" in live and "其中1条记录仍有惩戒措施" in live
    assert "统一社会信用代码11532322MB0000000X" in live
    repaired = statement(verdict([RecordFact("A-1", "repaired", "2026-01-02", "2026-03-01")]), "", "1153", DAY, COUNTY)
    assert "统一社会信用代码为1153的单位" in repaired and "均已完成信用修复" in repaired


def test_limits_name_the_scope_and_the_last_sync_and_the_seed_is_cited_only_for_a_record_in_force():
    assert "双柏县" in limits(COUNTY, DAY)[0] and "不包括其他地区" in limits(COUNTY, DAY)[0]
    assert len(limits(COUNTY, DAY)) == 1
    assert "2026年12月5日 08:30" in limits(PREFECTURE, DAY)[1]
    assert "不受理" in consequence(verdict([RecordFact("A", "in_force", "2026-01-01")]))
    assert consequence(verdict([RecordFact("A", "repaired", "2026-01-01")])) is None
    assert consequence(verdict([])) is None
