"""Rows, scores and refusals, from the survivors of the seventh check of app/domain's other files
(mutation testing, issue 17, seed 149, 300 mutants; written after that check was recorded): the register
row's department falls back to the competent department and reads an accountability decision without
persons; a duplicate found by both rules scores above either; the duplicate window holds when a date is
missing; a case number of the year 2100 is refused; a session event passes the envelope; a concurrent event
kept aside is not counted as applied; a breach after a refused rectification closes that stage as refused
and a sanction records its day; a history without a sanctions map still lists sanctions; a dialog's payload
check refuses a date after today; a body typed as 县人民政府 with the region chosen is the office's own
government; a feedback reminder is judged by the feedback deadline even after a conclusion had its own;
an unknown format in the field table lists the choices; a profile's own field table is used; a record
for the province carries the department, the confirming body and the status; a limit is found inside an
annotated optional part; the audit page names the roles of a user added."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import pytest
from pydantic import BaseModel

from app.domain.duplicates import Reason, Side, judge, within_window
from app.domain.errors import DomainError
from app.domain.event_rules import EventRefused, accept, check_envelope
from app.domain.events import SESSION_STREAM
from app.domain.milestones import milestone_rows
from app.domain.payloads import payload_errors
from app.domain.recipients import Relation, relation
from app.domain.regions import RegionRegistry
from app.domain.reminders import SUPERVISION_NOTICE, availability, check_recorded
from app.domain.schema import LongText
from app.domain.submission_fields import FILE_NAME, load_table, parse_table, table_for
from app.domain.submissions import ItemKind, record_values
from app.domain.text_limits import field_limit
from app.domain.vocabulary import Action, State
from app.domain.workdays import WorkCalendar
from app.domain.workflow import RULES, apply
from tests.unit.test_breach_register_row_rules import SANCTION, _complaint, _row
from tests.unit.test_fold import FORWARD, REJECT, ev, folded, register
from tests.unit.test_reminders import CAL, PREFECTURE, complaint
from tests.unit.test_reminders import RULES as DUE_RULES
from tests.unit.test_submission_record_values_rules import _record
from tests.unit.test_workflow import PAYLOADS, A, S, fact, in_state

TEXT = "双柏县农业农村局拖欠高原特色农业产业扶持资金三十万元，多次催要无果"


def test_the_register_row_falls_back_to_the_competent_department_and_reads_a_decision_without_persons():
    c = _complaint(department=None, accountability=[{"decided_by": "县纪委监委", "decided_on": "2026-03-05"}])
    c.intake["respondent"]["competent_department"] = "双柏县财政局"
    row = _row(c)
    assert row["department"] == "双柏县财政局"
    assert '"persons": []' in row["accountability"]


def _side(text: str, received: date | None = date(2026, 11, 2), parties: str = "1") -> Side:
    return Side(f"c-{parties}", "某公司", f"r-{parties}", text, received)


def test_a_duplicate_found_by_both_rules_scores_above_either():
    both = judge(_side(TEXT), _side(TEXT.replace("多次", "三次")))
    assert (both.reasons, both.text_similarity, both.score) == ((Reason.SAME_PARTIES, Reason.SIMILAR_TEXT), 0.933, 1.0)
    near = judge(_side(TEXT), _side("双柏县财政局拖欠高原特色农业产业扶持资金三十万元，催要无果"))
    assert (near.reasons, near.text_similarity, near.score) == ((Reason.SAME_PARTIES, Reason.SIMILAR_TEXT), 0.852, 0.976)


def test_the_duplicate_window_holds_when_a_date_is_missing():
    assert within_window(None, date(2026, 11, 2)) and within_window(date(2026, 11, 2), None)
    assert not within_window(date(2026, 1, 1), date(2026, 11, 2))
    assert judge(_side(TEXT, received=None), _side(TEXT)) is not None


def test_a_case_number_of_the_year_2100_is_refused():
    payload = register().payload | {"case_no": "532322-2100-0001"}
    with pytest.raises(EventRefused) as refused:
        accept(ev("register", payload))
    assert refused.value.code == "case_no_invalid"


def test_a_session_event_passes_the_envelope():
    from dataclasses import replace

    login = replace(ev("login", {}), stream=SESSION_STREAM)
    check_envelope(login)  # no refusal: the session stream is not a complaint id
    with pytest.raises(EventRefused) as refused:
        check_envelope(replace(login, stream="../案件"))
    assert refused.value.code == "stream_invalid"


def test_a_concurrent_event_kept_aside_is_not_counted_as_applied():
    fold = folded((register(), 0), (ev("forward", FORWARD, device="B", seq=2), 1))
    assert fold.feed(ev("reject", REJECT, device="A", seq=3), 1) is False
    assert [k["reason"] for k in fold.complaint.conflicts] == ["concurrent"]


def test_a_refused_rectification_closes_its_stage_as_refused_and_a_sanction_records_its_day():
    c = in_state(S.RECTIFYING)
    c = apply(c, fact(A.REFUSE, PAYLOADS[A.REFUSE], on=date(2027, 1, 5)))
    assert [s[5] for s in c.milestones["stages"] if s[0] == "rectify"] == ["refused"]
    c = apply(c, fact(A.SANCTION, PAYLOADS[A.SANCTION], on=date(2027, 1, 8)))
    assert list(c.milestones["sanctions"].values()) == ["2027-01-08"]


def test_a_history_without_a_sanctions_map_still_lists_its_sanctions():
    from types import SimpleNamespace

    c = SimpleNamespace(milestones={"spells": [], "stages": []}, sanctions=[SANCTION], breach=None)
    rows = milestone_rows(c, WorkCalendar.load_default(), DUE_RULES)
    assert rows.sanctions == ((0, "ev-sanction", "2026-03-01", "2026-03-01", "2027-02-28", None),)


def test_a_dialogs_payload_check_refuses_a_date_after_today():
    model = RULES[Action.REFUSE].payload
    payload = {"confirmed_by": "双柏县人民政府", "confirmed_on": "2026-12-05", "facts": "逾期仍未整改"}
    assert [(e.field, e.code) for e in payload_errors(model, payload, today=date(2026, 12, 4))] == [
        ("confirmed_on", "date_in_future")]
    assert payload_errors(model, payload, today=date(2026, 12, 5)) == []
    assert [e.field for e in payload_errors(model, {**payload, "facts": ""})] == ["facts"]


def test_a_body_typed_as_the_county_government_with_its_region_chosen_is_the_offices_own():
    regions = RegionRegistry.load_default().all()
    assert relation("532322", "县人民政府", regions, recorded_region="532322") == Relation.OWN_GOVERNMENT


def test_a_feedback_reminder_is_judged_by_the_feedback_deadline_after_a_conclusion_had_its_own():
    c = complaint(State.UNSUBSTANTIATED, state_entered_on=date(2026, 11, 13), due_override_on=date(2026, 11, 10),
                  due_override_kind="conclude")
    today = date(2026, 12, 1)
    step = availability(SUPERVISION_NOTICE, c, PREFECTURE, today, CAL, DUE_RULES)
    snapshot = {"reminder_step": "feedback", "reminder_due_on": step.due_on.isoformat(), "reminder_round": "1",
                "office_region": PREFECTURE, "case_no": c.case_no}
    assert step.due_on != date(2026, 11, 10)
    check_recorded(SUPERVISION_NOTICE, snapshot, c, today)  # no refusal: the conclusion's date is not this step's


def test_an_unknown_format_in_the_field_table_lists_the_choices():
    table = {"version": "1", "title": "t", "fields": [{"id": "a", "title": "甲", "source": "case_no", "format": "x"}]}
    with pytest.raises(DomainError) as refused:
        parse_table(table, "x.json")
    assert refused.value.params["detail"] == "第1个字段（a）的格式“x”无效，可选：text、date、money、credit_code"


def test_a_profiles_own_field_table_is_used(tmp_path):
    from pathlib import Path

    default = table_for(None)
    shipped = Path(default.path).read_text(encoding="utf-8")
    (tmp_path / FILE_NAME).write_text(shipped.replace(default.title, "本县自定的字段表", 1), encoding="utf-8")
    assert table_for(tmp_path).title == "本县自定的字段表" and table_for(tmp_path).path == str(tmp_path / FILE_NAME)
    assert table_for(tmp_path / "elsewhere").title == default.title
    assert load_table(Path(default.path)).title == default.title


def test_a_record_for_the_province_carries_the_department_the_confirming_body_and_the_status():
    values = record_values(_record(), ItemKind.NEW)
    assert (values["department"], values["confirmed_by"], values["status"]) == (
        "双柏县人民政府", "双柏县人民政府", "in_force")


class _Part(BaseModel):
    text: LongText


class _Form(BaseModel):
    part: Annotated[_Part, "annotated"] | None = None


def test_a_limit_is_found_inside_an_annotated_optional_part():
    assert field_limit(_Form, "part.text") == 500


def test_the_audit_page_names_the_roles_of_a_user_added():
    from app.domain.audit_records import readable
    from app.domain.events import ADMIN_STREAM

    shown = readable(ADMIN_STREAM, "user_add", {"username": "wang", "display_name": "王颖", "roles": ["handler", "clerk"],
                                                "region_code": "532322"})
    assert shown["roles"] == ["承办人", "登记员"] and shown["username"] == "wang"
