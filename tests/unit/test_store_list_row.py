"""The list's row of a complaint (``app.store.complaints.projection_row``): the claimed amount in cents
whatever form the officer typed it in (none, blank, whole yuan, yuan and fen), the department it went to
or else the competent one, and no deadline sorting last."""

from __future__ import annotations

import copy

import pytest

from app.services import act, intake
from app.store.complaints import NO_DEADLINE, projection_row
from tests.factories import intake as make_intake


@pytest.fixture
def complaint(office):
    reg = intake.register(office.profile, office.clerk, make_intake())
    with office.profile.store.reading() as uow:
        return uow.complaints.get(reg.complaint_id)


@pytest.mark.parametrize(("amount", "cents"), [(None, None), ("", None), ("300000", 30000000),
                                                ("1200.5", 120050), ("0.01", 1)])
def test_the_claimed_amount_in_cents(complaint, amount, cents):
    changed = copy.deepcopy(complaint)
    changed.intake["claim"]["amount"] = amount
    assert projection_row(changed, None)["claim_cents"] == cents


def test_the_department_and_an_absent_deadline(office, complaint):
    row = projection_row(complaint, None)
    assert (row["department"], row["due_on"], row["due_sort"], row["due_kind"]) == (
        "双柏县人民政府", None, NO_DEADLINE, None)
    act.act(office.profile, office.handler, complaint.case_no, "forward", {"department": "双柏县财政局"})
    with office.profile.store.read() as session:
        listed = session.connection().exec_driver_sql(
            "SELECT department, due_on, office_code, conflict, due_sort FROM complaints WHERE id = ?",
            (complaint.id,)).one()
    assert listed[0] == "双柏县财政局" and listed[1] is not None and listed[2] == complaint.office_code
    assert listed[3] == 0
    # sorted by deadline, soonest first: a complaint with one comes before one without, whatever the date
    assert sorted([NO_DEADLINE, listed[4], "2999-12-31"]) == [listed[4], "2999-12-31", NO_DEADLINE]


def test_the_row_flags_a_complaint_kept_for_review_and_keeps_its_channel_reference(complaint):
    assert projection_row(complaint, None)["conflict"] == 0
    changed = copy.deepcopy(complaint)
    changed.conflicts = [{"event": "e-1", "action": "forward"}]
    changed.intake["channel_ref"] = "12345-2026-0088"
    row = projection_row(changed, None)
    assert (row["conflict"], row["channel_ref"]) == (1, "12345-2026-0088")
