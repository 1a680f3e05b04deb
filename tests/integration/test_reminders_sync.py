"""Reminders over sync: the prefecture's 督办通知 about a county's overdue case is accepted by the hub and
reaches the county; a county device cannot pass one off (its own, or one naming the prefecture)."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pdfplumber
import pytest

from app.domain.ids import uuid7
from app.services import documents, office_settings, reminders
from app.store.events import Draft
from tests.factories import FixedClock, china_noon
from tests.sync_fixtures import COUNTY_A, PREFECTURE, act, device, register

pytest_plugins = ("tests.sync_fixtures",)


def text_of(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "".join((page.extract_text() or "").replace("\n", "") for page in doc.pages)


@pytest.fixture
def overdue(hub, tmp_path):
    """A county case forwarded on 3 November 2026 (conclusion due 24 November), both devices synced on the 30th."""
    clock = FixedClock(china_noon(2026, 11, 2))
    county = device(hub, tmp_path / "sb", COUNTY_A, clock)
    prefecture = device(hub, tmp_path / "zhou", PREFECTURE, clock)
    case = register(county, received_on="2026-11-02")
    clock.now = china_noon(2026, 11, 3)
    act(county, case, "forward", {"department": "双柏县农业农村局"})
    clock.now = china_noon(2026, 11, 30)
    county.sync()
    prefecture.sync()
    for d in (county, prefecture):
        office_settings.update(d.profile, d.officer, {"contact_person": "王颖", "contact_phone": "0878-3117257"})
    return county, prefecture, case


def test_the_prefecture_supervises_a_county_case_and_the_hub_and_county_accept_it(overdue):
    county, prefecture, case = overdue
    items = reminders.overdue_steps(prefecture.profile, prefecture.officer)
    assert [(i.responsible, i.step, i.working_days_over, i.kinds) for i in items] == [
        ("双柏县农业农村局", "conclude", 4, ("supervision_notice",))]
    batch = reminders.issue_batch(prefecture.profile, prefecture.officer, "supervision_notice", [case])
    assert batch.failed == [] and len(batch.issued) == 1
    text = text_of(batch.pdf)
    if os.environ.get("LVYUE_KEEP_PDF"):
        Path(os.environ["LVYUE_KEEP_PDF"]).write_bytes(batch.pdf)
    assert "楚雄州发展和改革委员会" in text and "双柏县发展和改革局、双柏县农业农村局：" in text
    assert "核实认定期限为2026年11月24日，截至2026年11月30日已超过期限4个工作日" in text
    assert batch.issued[0].number.startswith("楚发改督〔2026〕")
    report = prefecture.sync()
    assert report.rejected == 0
    county.sync()
    assert not county.status().rejected
    with county.profile.store.read() as session:
        from app.store.complaints import ComplaintStore

        docs = ComplaintStore(session).get(case).documents
    assert [(d["kind"], d.get("step")) for d in docs] == [("supervision_notice", "conclude")]
    # the county's list now shows that the step was supervised once
    assert [i.supervised for i in reminders.overdue_steps(county.profile, county.officer)] == [1]


@pytest.mark.parametrize("office", ["532322", "532300"])
def test_a_supervision_notice_from_a_county_device_is_refused_by_the_hub(overdue, office):
    county, _prefecture, case = overdue
    with county.profile.store.unit_of_work() as uow:  # written behind the services' back
        uow.events.append(Draft(id=uuid7(), stream=case, action="issue_document", actor=county.officer.user_id,
                                device_time="2026-11-30T03:00:00.000Z", payload={
                                    "kind": "supervision_notice", "number": "楚发改督〔2026〕99号",
                                    "template_version": 1, "sha256": "b" * 64, "pages": 1,
                                    "snapshot": {"reminder_step": "conclude", "reminder_due_on": "2026-11-24",
                                                 "reminder_round": "1", "office_region": office}}))
        uow.commit()
    report = county.sync()
    assert report.rejected == 1
    refused = county.status().rejected
    expected = "supervision_prefecture_only" if office == "532322" else "reminder_office_mismatch"
    assert [r.code for r in refused] == [expected]
    assert json.dumps(refused[0].message, ensure_ascii=False)  # a Chinese reason is shown


def test_the_county_urges_the_department_through_the_same_documents(overdue):
    county, _prefecture, case = overdue
    offered = [o.kind for o in documents.offers(county.profile, county.officer, case)]
    assert "urge_letter" in offered and "supervision_notice" not in offered
    issued = documents.issue(county.profile, county.officer, case, "urge_letter")
    assert county.sync().rejected == 0
    assert issued.variant is None  # the county's own department: 你单位
