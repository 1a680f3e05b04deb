"""Projections rebuilt from events equal the live ones; search is correct for any term length;
backup and restore round-trip."""

from __future__ import annotations

import random
import sqlite3

import pytest

from app.common.packing import unpacked
from app.domain.errors import DomainError
from app.security.fieldcrypt import open_json
from app.services import act, intake, maintenance, queries
from app.services.profile import open_profile
from app.store.search import tokens
from tests.conftest import make_office
from tests.factories import FixedClock, china_noon
from tests.factories import intake as make_intake

COMPANIES = ["绿源农业科技有限公司", "彧辉建材有限公司", "楚雄昇达物流有限公司", "双柏县雄鹰建筑工程有限公司",
             "云南堃泰医药有限公司", "双柏赟峰食品有限公司", "楚雄州珺瑶文旅开发有限公司", "双柏县山水商贸有限公司"]
RESPONDENTS = ["双柏县财政局", "双柏县农业农村局", "双柏县住房和城乡建设局", "妥甸镇人民政府", "双柏县交通运输局"]
PLAN = [
    [],
    [("handler", "forward", {"department": "双柏县人民政府"})],
    [("handler", "forward", {"department": "双柏县人民政府"}),
     ("handler", "conclude", {"finding": "unsubstantiated", "explanation": "款项已付清"})],
    [("handler", "forward", {"department": "双柏县人民政府"}),
     ("handler", "conclude", {"finding": "disputed", "explanation": "对验收结论有分歧", "dispute_path": "legal_remedy"}),
     ("handler", "feedback", {"method": "phone", "summary": "已告知可依法申请仲裁"}),
     ("handler", "close", {"summary": "引导通过法律途径解决"})],
    [("handler", "forward", {"department": "双柏县人民政府"}),
     ("handler", "conclude", {"finding": "substantiated", "explanation": "属实", "requirements": "限期支付",
                              "rectify_due": "2026-12-31"}),
     ("leader", "refuse", {"confirmed_by": "双柏县人民政府", "confirmed_on": "2026-11-26", "facts": "拒不整改",
                           "ground": "refused", "ground_detail": "书面答复拒绝支付"}),
     ("leader", "sanction", {"measures": ["public_criticism"], "imposed_by": "双柏县发改局", "start_on": "2026-11-26"}),
     ("leader", "mark_typical", {"reason": "多次反复失信"})],
    [("handler", "reject", {"reason": "不属于受理范围"})],
    [("clerk", "note", {"text": "投诉人补充了付款凭证"}),
     ("clerk", "amend", {"changes": {"claim.amount": "88000"}, "reason": "金额笔误"})],
]


@pytest.fixture
def populated(office):
    return populate(office)


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """One populated profile for the read-only search tests."""
    made = populate(make_office(tmp_path_factory.mktemp("search") / "profile", FixedClock(china_noon(2026, 11, 26))))
    yield made
    made.profile.close()


def populate(office):
    rng = random.Random(7)
    for i in range(40):
        data = make_intake(complainant=f"双柏县{COMPANIES[i % len(COMPANIES)]}" if i % 3 else COMPANIES[i % 8],
                           respondent=RESPONDENTS[i % len(RESPONDENTS)], rng=rng)
        data["description"] += f"（第{i}号补充说明：涉及金额{rng.randint(1, 99)}万元。）"
        reg = intake.register(office.profile, office.clerk, data)
        for role, action, payload in PLAN[i % len(PLAN)]:
            act.act(office.profile, getattr(office, role), reg.case_no, action, payload)
        office.clock.advance(minutes=7)
    return office


def snapshot(profile):
    """Every projected row, every aggregate and every entry of the (contentless) search index."""
    con = sqlite3.connect(profile.files.database)
    try:
        rows = con.execute("SELECT * FROM complaints ORDER BY num").fetchall()
        # the aggregates as they read (personal data is sealed with a fresh nonce at every write)
        data = [(num, open_json(text)) for num, text in con.execute("SELECT * FROM complaint_data ORDER BY num")]
        con.execute("CREATE VIRTUAL TABLE temp.search_vocab USING fts5vocab(main, complaint_search, instance)")
        index = con.execute("SELECT * FROM temp.search_vocab ORDER BY 1, 2, 3, 4").fetchall()
    finally:
        con.close()
    return rows, data, index


def test_rebuild_gives_identical_rows_and_index(populated):
    before = snapshot(populated.profile)
    assert len(before[0]) == 40
    report = maintenance.rebuild_projections(populated.profile)
    assert report.complaints == 40
    assert snapshot(populated.profile) == before


def brute_force(profile, term):
    """What a substring search must find, computed the slow obvious way."""
    con = sqlite3.connect(profile.files.database)
    try:
        import json

        found = set()
        words = ["".join(tokens(word)) for word in term.split()]
        for case_no, data in con.execute("SELECT case_no, data FROM complaints JOIN complaint_data USING (num)"):
            c = json.loads(unpacked(data))
            i = c["intake"]
            fields = [case_no, i["complainant"]["name"], i["complainant"]["credit_code"], i["respondent"]["name"],
                      i["agreement"]["title"], i["description"], i["claim"]["text"],
                      i["respondent"]["competent_department"], c.get("department") or "",
                      i["complainant"].get("legal_representative") or "", i["complainant"]["contact_person"],
                      i["agreement"].get("number") or ""]
            normalised = ["".join(tokens(f)) for f in fields]
            if words and all(any(w in f for f in normalised) for w in words):
                found.add(case_no)
        return found
    finally:
        con.close()


@pytest.mark.parametrize("term", ["雄", "彧", "堃泰", "财政", "农业农村", "0007", "2026-00", "不属于", "扶持协议",
                                  "SBN", "sbn", "ＳＢＮ", "喆", "楚雄昇达物流", "532322-2026-0012", "20260",
                                  "县 财政", "有限公司", "0", "不存在的词"])
def test_search_finds_exactly_the_substring_matches(shared, term):
    page = queries.list_complaints(shared.profile, shared.clerk, queries.ComplaintFilter(search=term), limit=100)
    assert {r.case_no for r in page.rows} == brute_force(shared.profile, term)
    assert page.total == len(page.rows)


def test_search_combines_with_filters_sorting_and_paging(populated):
    p, clerk = populated.profile, populated.clerk
    f = queries.ComplaintFilter(search="双柏", states=("registered",))
    everything = queries.list_complaints(p, clerk, f, sort="case_no", descending=False, limit=100)
    assert all(r.state == "registered" for r in everything.rows)
    assert [r.case_no for r in everything.rows] == sorted(r.case_no for r in everything.rows)
    first = queries.list_complaints(p, clerk, f, sort="case_no", descending=False, limit=2)
    second = queries.list_complaints(p, clerk, f, sort="case_no", descending=False, limit=2, offset=2)
    assert [r.case_no for r in first.rows + second.rows] == [r.case_no for r in everything.rows[:4]]
    assert first.total == everything.total
    typical = queries.list_complaints(p, clerk, queries.ComplaintFilter(typical_only=True))
    assert typical.total > 0 and all(r.typical for r in typical.rows)


def test_counts_by_state_add_up(populated):
    counts = queries.counts_by_state(populated.profile, populated.clerk)
    assert sum(counts.values()) == 40
    assert counts["closed"] > 0 and counts["sanctioned"] > 0


def test_backup_and_restore_round_trip(populated, tmp_path):
    profile = populated.profile
    saved = maintenance.backup(profile, tmp_path / "backup.sqlite")
    before = snapshot(profile)
    intake.register(profile, populated.clerk, make_intake())
    assert len(snapshot(profile)[0]) == 41
    with pytest.raises(DomainError, match="file_exists"):
        maintenance.backup(profile, saved)
    profile.close()
    previous = maintenance.restore(profile.files.home, saved)
    assert previous.exists()  # the replaced database was kept
    reopened = open_profile(profile.files.home, clock=populated.clock)
    try:
        assert snapshot(reopened) == before
        assert maintenance.verify_audit(reopened).ok
    finally:
        reopened.close()


def test_restore_refuses_damaged_or_foreign_files(populated, tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(DomainError) as refused:
        maintenance.restore(populated.profile.files.home, junk)
    assert refused.value.code in ("backup_damaged", "backup_not_lvyue")
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.close()
    with pytest.raises(DomainError, match="backup_not_lvyue"):
        maintenance.restore(populated.profile.files.home, other)
    with pytest.raises(DomainError, match="file_not_found"):
        maintenance.restore(populated.profile.files.home, tmp_path / "missing.sqlite")
