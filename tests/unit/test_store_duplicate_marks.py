"""The duplicate check's marks (``duplicate_marks``: the character shingles of a complaint's description and
claim, ``app.store.complaints.mark_rows``) follow the complaint's text: a registration writes them, a
correction of the description replaces them, so a later registration is compared with what the complaint
says now and not with what it said before."""

from __future__ import annotations

from app.services import act, intake
from app.store.complaints import mark_rows
from tests.factories import intake as make_intake


def _marks(office, complaint_id):
    with office.profile.store.reading() as uow:
        complaint = uow.complaints.get(complaint_id)
        connection = uow.session.connection()
        num = connection.exec_driver_sql("SELECT num FROM complaints WHERE id = ?", (complaint_id,)).scalar()
        stored = set(connection.exec_driver_sql("SELECT mark, num FROM duplicate_marks WHERE num = ?",
                                                (num,)).all())
        orphans = connection.exec_driver_sql("SELECT count(*) FROM duplicate_marks WHERE num IS NULL").scalar()
    return complaint, num, {tuple(m) for m in stored}, orphans


def test_a_corrected_description_replaces_the_complaints_marks(office):
    p, o = office.profile, office
    reg = intake.register(p, o.clerk, make_intake(description="县政府拖欠道路工程款三百万元，多次催要无果"))
    complaint, num, registered, _ = _marks(office, reg.complaint_id)
    assert registered and registered == set(mark_rows(num, complaint))

    act.act(p, o.handler, reg.case_no, "amend",
            {"changes": {"description": "乡镇卫生院采购医疗设备后未按合同付款"}, "reason": "诉求事项更正"})
    corrected, same_num, marks, orphans = _marks(office, reg.complaint_id)
    assert same_num == num and corrected.intake["description"].startswith("乡镇卫生院")
    assert marks == set(mark_rows(num, corrected))  # the new text's marks, under this complaint
    assert marks != registered and not (registered - set(mark_rows(num, corrected))) & marks  # old ones gone
    assert orphans == 0
