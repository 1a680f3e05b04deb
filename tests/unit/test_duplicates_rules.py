"""Similarity of Chinese texts and the duplicate rules (no database)."""

from __future__ import annotations

import random
from datetime import date

from app.domain import similarity as sim
from app.domain.duplicates import Reason, Side, complainant_key, judge, pair, respondent_key

TEXT = ("2024年3月与县农业农村局签订产业扶持协议，约定项目验收合格后兑现扶持资金30万元，"
        "项目已于2024年12月验收合格，至今未兑现。请求按协议兑现产业扶持资金30万元。")
OTHER = "2025年起为县政务服务中心提供物业服务，合同约定按季度付款，已连续三个季度未付。请求支付物业服务费。"
CODE = "91532322MA6N2XKQ4B"


def test_normalise_ignores_width_case_punctuation_and_spaces():
    assert sim.normalise("ＡＢＣ　１２３，（双柏县）！ a b") == "abc123双柏县ab"
    assert sim.normalise(None) == ""


def test_full_width_and_punctuation_do_not_change_the_similarity():
    variant = TEXT.replace("，", ",").replace("。", ". ").replace("30", "３０")
    assert sim.similarity(TEXT, variant) == 1.0
    assert sim.text_marks(TEXT) == sim.text_marks(variant)


def test_a_text_wrapped_in_a_longer_record_is_contained():
    wrapped = "【12345热线工单】来电人反映：" + TEXT + "来电人要求尽快处理并回复。"
    assert sim.jaccard(sim.shingles(TEXT), sim.shingles(wrapped)) < 0.8
    assert sim.similarity(TEXT, wrapped) >= 0.95


def test_unrelated_texts_are_far_apart_and_rarely_share_a_mark():
    assert sim.similarity(TEXT, OTHER) < 0.3
    assert not set(sim.text_marks(TEXT)) & set(sim.text_marks(OTHER))


def test_marks_find_near_identical_texts_and_few_distant_ones():
    rng = random.Random(3)
    alphabet = [chr(0x4E00 + i) for i in range(400)]
    near = far = 0
    for _ in range(100):
        base = [rng.choice(alphabet) for _ in range(90)]
        close = list(base)
        for i in rng.sample(range(90), 2):
            close[i] = rng.choice(alphabet)
        distant = [rng.choice(alphabet) for _ in range(90)]
        a, b, c = ("".join(x) for x in (base, close, distant))
        near += bool(set(sim.text_marks(a)) & set(sim.text_marks(b)))
        far += bool(set(sim.text_marks(a)) & set(sim.text_marks(c)))
    assert near >= 95 and far <= 2


def test_short_texts_carry_no_marks():
    assert sim.text_marks("未付款") == [] and sim.shingles("款") == frozenset({"款"})


def test_keys_prefer_the_credit_code_else_the_normalised_name():
    assert complainant_key("双柏县绿源农业科技有限公司", CODE.lower()) == f"code:{CODE}"
    assert complainant_key("双柏县绿源农业科技 有限公司", None) == "name:双柏县绿源农业科技有限公司"
    assert complainant_key("某公司", "12345") == "name:某公司"
    assert respondent_key("双柏县　农业农村局（）") == respondent_key("双柏县农业农村局")


def _side(name="双柏县绿源农业科技有限公司", code=CODE, respondent="双柏县农业农村局", text=TEXT,
          on=date(2026, 11, 2)):
    return Side(complainant_key(name, code), name, respondent_key(respondent), text, on)


def test_same_parties_or_similar_text_make_a_candidate_with_reasons():
    both = judge(_side(), _side())
    assert both is not None and both.reasons == (Reason.SAME_PARTIES, Reason.SIMILAR_TEXT) and both.score == 1.0
    parties = judge(_side(), _side(text=OTHER))
    assert parties is not None and parties.reasons == (Reason.SAME_PARTIES,) and 0.6 <= parties.score < 0.8
    texts = judge(_side(), _side(name="另一公司", code=None, respondent="双柏县财政局"))
    assert texts is not None and texts.reasons == (Reason.SIMILAR_TEXT,)
    assert judge(_side(), _side(name="另一公司", code=None, text=OTHER)) is None


def test_a_record_without_a_code_matches_by_name():
    assert judge(_side(), _side(code=None, text=OTHER)).reasons == (Reason.SAME_PARTIES,)


def test_outside_the_window_nothing_is_proposed():
    assert judge(_side(), _side(on=date(2027, 8, 1))) is None
    assert judge(_side(), _side(on=date(2027, 3, 1))) is not None


def test_a_pair_has_one_order():
    assert pair("b", "a") == pair("a", "b") == ("a", "b")
