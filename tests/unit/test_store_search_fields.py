"""Which parts of a complaint the search box finds it by (``app.store.search``): every searchable field, each
on its own (a name, a credit code, the department it went to, the agreement, the texts), never the
complainant's phone, ID number or address in clear; a phone's last digits only through the profile's
keyed tokens. Checked on a real FTS5 index of the same definition as the profile's."""

from __future__ import annotations

import sqlite3

import pytest

from app.store.search import document, match_query

INTAKE = {
    "complainant": {"name": "绿源农业公司", "legal_representative": "欧阳明远", "contact_person": "司马青",
                    "credit_code": "91532322MA6K7X8Y9Q", "phone": "13887012345", "id_number": "532322198001011234",
                    "address": "妥甸镇团结路8号"},
    "respondent": {"name": "农业农村局", "competent_department": "上级主管委员会", "credit_code": "11532322015107283Q"},
    "agreement": {"title": "高原特色扶持协议", "number": "SBN-2024-017"},
    "claim": {"text": "请求兑现奖补资金"},
    "description": "项目已验收合格至今拖欠",
    "channel_ref": "RX-88213",
}
CASE_NO = "532322-2026-0007"
DEPARTMENT = "县财政局办公室"


def _blind(kind: str, value: str) -> str:
    return f"blind{kind}{value}"


@pytest.fixture
def index():
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE complaint_search USING fts5(grams, chars, content = '', "
                "tokenize = 'unicode61 remove_diacritics 0', detail = full)")
    row = document(INTAKE, CASE_NO, DEPARTMENT, _blind)
    con.execute("INSERT INTO complaint_search(rowid, grams, chars) VALUES (7, ?, ?)", (row["grams"], row["chars"]))
    yield lambda term: [r for (r,) in con.execute(
        "SELECT rowid FROM complaint_search WHERE complaint_search MATCH ?", (match_query(term, _blind),))]
    con.close()


@pytest.mark.parametrize("term", [
    "2026-0007", "绿源农业", "欧阳明远", "司马青", "91532322MA6K7X8Y9Q", "农业农村局", "上级主管委员会",
    "11532322015107283Q", "县财政局办公室", "RX-88213", "高原特色扶持", "SBN-2024-017", "验收合格", "兑现奖补",
    "欧", "ma6k", "阳明 扶持",
])
def test_each_searchable_field_finds_the_complaint(index, term):
    assert index(term) == [7]


@pytest.mark.parametrize("term", ["团结路", "妥甸镇", "5323221980", "13887012", "19800101"])
def test_address_id_number_and_a_phone_head_do_not(index, term):
    assert index(term) == []


@pytest.mark.parametrize("term", ["2345", "012345", "87012345", "3887012345"])
def test_a_phone_is_found_by_its_last_digits_through_keyed_tokens(index, term):
    assert index(term) == [7]
    assert f"blindphone{term}" in document(INTAKE, CASE_NO, DEPARTMENT, _blind)["chars"].split()


def test_without_the_key_no_phone_token_is_indexed():
    chars = document(INTAKE, CASE_NO, DEPARTMENT)["chars"].split()
    assert not [c for c in chars if c.startswith("blind")]


def test_a_term_does_not_span_two_fields(index):
    assert index("司马青915") == []  # contact person, then the credit code
