"""The search index: bigrams and characters per field, and how a term becomes a query."""

from app.store.search import SEPARATOR, document, index_columns, match_query, tokens


def test_tokens_fold_width_and_case_and_drop_punctuation():
    assert tokens("ＡＢ-12，楚雄") == ["a", "b", "1", "2", "楚", "雄"]


def test_bigrams_per_field_with_a_separator_so_phrases_cannot_span_fields():
    columns = index_columns(["张三丰", "李四"])
    assert columns["grams"] == f"张三 三丰 {SEPARATOR} 李四"
    assert set(columns["chars"].split()) == {"张", "三", "丰", "李", "四"}


def test_queries_of_any_length():
    assert match_query("雄") == 'chars : "雄"'
    assert match_query("楚雄") == 'grams : "楚雄"'
    assert match_query("楚雄州") == 'grams : "楚雄 雄州"'
    assert match_query("0007") == 'grams : "00 00 07"'
    assert match_query("楚雄  财政") == 'grams : "楚雄" AND grams : "财政"'
    assert match_query("，。") is None


def test_document_covers_the_searchable_fields():
    intake = {"complainant": {"name": "绿源公司", "credit_code": "91532322X"},
              "respondent": {"name": "农业农村局", "competent_department": "县政府"},
              "agreement": {"title": "扶持协议", "number": "SB-1"}, "claim": {"text": "兑现"},
              "description": "至今未兑现", "channel_ref": "12345-88"}
    grams = document(intake, "532322-2026-0007", None)["grams"].split()
    for expected in ("绿源", "农业", "91", "sb", "扶持", "兑现", "07", "88"):
        assert expected in grams
