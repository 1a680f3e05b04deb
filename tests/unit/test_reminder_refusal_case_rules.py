"""A reminder refused for the office that would send it names the case (found by mutation testing,
issue 17): the message reads “案件……不由本单位办理” with the case number filled in, whether the window
asked before drafting or the record arrived from another device."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.reminders import (
    SUPERVISION_NOTICE,
    URGE_LETTER,
    ReminderRefused,
    availability,
    check_recorded,
)
from tests.unit.test_reminders import CAL, COUNTY, OTHER_COUNTY, RULES, complaint


def test_an_office_that_may_not_remind_is_told_which_case():
    with pytest.raises(ReminderRefused) as caught:
        availability(URGE_LETTER, complaint(), OTHER_COUNTY, date(2026, 11, 30), CAL, RULES)
    assert (caught.value.code, caught.value.params) == ("reminder_not_handling_office", {"case_no": "532322-2026-0007"})


def test_a_recorded_reminder_from_an_office_that_may_not_send_it_names_the_case():
    snapshot = {"reminder_step": "conclude", "reminder_due_on": "2026-11-24", "reminder_round": "1",
                "office_region": COUNTY, "case_no": "532322-2026-0007"}
    with pytest.raises(ReminderRefused) as caught:
        check_recorded(SUPERVISION_NOTICE, snapshot, complaint(), date(2026, 11, 30))
    assert (caught.value.code, caught.value.params) == ("supervision_prefecture_only", {"case_no": "532322-2026-0007"})
