"""The character index: what is indexed and how a term becomes a phrase query."""

from app.store.search import SEPARATOR, document, index_text, match_query, tokens


def test_tokens_fold_width_and_case_and_drop_punctuation():
    assert tokens("ＡＢ-12，楚雄") == ["a", "b", "1", "2", "楚", "雄"]


def test_fields_are_separated_so_phrases_cannot_span_them():
    assert index_text(["张三", "李四"]) == f"张 三 {SEPARATOR} 李 四"


def test_queries_of_any_length_become_phrases():
    assert match_query("雄") == '"雄"'
    assert match_query("楚雄") == '"楚 雄"'
    assert match_query("0007") == '"0 0 0 7"'
    assert match_query("楚雄  财政") == '"楚 雄" AND "财 政"'
    assert match_query("，。") is None


def test_document_covers_the_searchable_fields():
    intake = {"complainant": {"name": "绿源公司", "credit_code": "91532322X"},
              "respondent": {"name": "农业农村局", "competent_department": "县政府"},
              "agreement": {"title": "扶持协议", "number": "SB-1"}, "claim": {"text": "兑现"},
              "description": "至今未兑现", "channel_ref": "12345-88"}
    row = document(intake, "532322-2026-0007", None)
    assert "绿 源" in row["parties"] and "农 业" in row["parties"]
    assert "9 1 5" in row["codes"] and "s b 1" in row["codes"]
    assert row["case_no"].startswith("5 3 2 3 2 2 2 0 2 6 0 0 0 7")
