"""A payload field that fails its type names the field and what was expected (found by mutation testing,
issue 17): the window turns these params into its Chinese message (“应为以下之一：…”)."""

from __future__ import annotations

import pytest

from app.domain.errors import ValidationFailed
from app.domain.intake import Intake
from app.domain.schema import validate
from tests.factories import intake


def test_a_wrong_choice_names_the_field_under_its_prefix_and_the_expected_choices():
    data = intake()
    data["channel"] = "pigeon"
    with pytest.raises(ValidationFailed) as failed:
        validate(Intake, data, prefix="intake")
    [(field, code, params)] = [(e.field, e.code, e.params) for e in failed.value.errors]
    assert (field, code) == ("intake.channel", "enum")
    assert params == {"expected": "credit_website、hotline_12345、internet_supervision、business_environment、"
                                  "online_petition、letter、visit、referred或other"}


def test_a_choice_between_two_reads_as_chinese_and_one_alone_without_quotes():
    from typing import Literal

    from app.domain.schema import InputModel

    class Two(InputModel):
        kind: Literal["letter", "visit"]

    class One(InputModel):
        kind: Literal["letter"]

    for model, expected in ((Two, "letter或visit"), (One, "letter")):
        with pytest.raises(ValidationFailed) as failed:
            validate(model, {"kind": "pigeon"})
        assert [e.params for e in failed.value.errors] == [{"expected": expected}]
