"""The statistics' rows of a complaint (state spells, stage deadlines: ``app.store.complaints``) follow each
action: a forward closes the registration spell and opens the next with its deadline, a note leaves them
as they are, and after every action they are what the complaint's own history gives
(``app.domain.milestones``)."""

from __future__ import annotations

from app.domain.milestones import milestone_rows
from app.services import act, intake
from tests.factories import intake as make_intake

ISO = "date({} * 86400, 'unixepoch')"  # the tables' day numbers as the dates they are (migration 0021)


def _stored(office, complaint_id):
    with office.profile.store.reading() as uow:
        complaint = uow.complaints.get(complaint_id)
        connection = uow.session.connection()
        num = connection.exec_driver_sql("SELECT num FROM complaints WHERE id = ?", (complaint_id,)).scalar()
        spells = connection.exec_driver_sql(
            f"SELECT seq, state, {ISO.format('entered_on')}, {ISO.format('left_on')} FROM state_spells "
            f"WHERE num = ? ORDER BY seq", (num,)).all()
        deadlines = connection.exec_driver_sql(
            f"SELECT stage, {ISO.format('due_on')}, {ISO.format('until_on')} FROM stage_deadlines WHERE num = ? "
            f"ORDER BY stage_no, segment",
            (num,)).all()
    return complaint, [tuple(s) for s in spells], [tuple(d) for d in deadlines]


def _as_history_gives(office, complaint, spells, deadlines):
    rows = milestone_rows(complaint, office.profile.calendar, office.profile.rules)
    assert spells == [r[:4] for r in rows.spells]
    assert len(deadlines) == len(rows.deadlines)


def test_the_statistics_rows_follow_each_action_and_a_note_leaves_them(office):
    p, o = office.profile, office
    reg = intake.register(p, o.clerk, make_intake())
    complaint, spells, deadlines = _stored(office, reg.complaint_id)
    assert [s[1] for s in spells] == ["registered"] and spells[0][3] is None
    _as_history_gives(office, complaint, spells, deadlines)

    act.act(p, o.handler, reg.case_no, "forward", {"department": "双柏县人民政府"})
    complaint, spells, deadlines = _stored(office, reg.complaint_id)
    assert [s[1] for s in spells] == ["registered", "forwarded"]
    assert spells[0][3] is not None and spells[1][3] is None
    assert deadlines and deadlines[-1][2] is None  # the deadline in force
    _as_history_gives(office, complaint, spells, deadlines)

    act.act(p, o.handler, reg.case_no, "note", {"text": "已电话联系被投诉单位"})
    noted, noted_spells, noted_deadlines = _stored(office, reg.complaint_id)
    assert (noted_spells, noted_deadlines) == (spells, deadlines)
    assert noted.version > complaint.version
    _as_history_gives(office, noted, noted_spells, noted_deadlines)


def _departments(office, complaint_id):
    with office.profile.store.read() as session:
        connection = session.connection()
        num = connection.exec_driver_sql("SELECT num FROM complaints WHERE id = ?", (complaint_id,)).scalar()
        return connection.exec_driver_sql("SELECT department FROM state_spells WHERE num = ?", (num,)).all()


def test_a_corrected_competent_department_moves_the_statistics_rows_with_it(office):
    p, o = office.profile, office
    reg = intake.register(p, o.clerk, make_intake())
    assert _departments(office, reg.complaint_id) == [("双柏县人民政府",)]
    act.act(p, o.handler, reg.case_no, "amend",
            {"changes": {"respondent.competent_department": "双柏县农业农村局"}, "reason": "主管部门更正"})
    assert _departments(office, reg.complaint_id) == [("双柏县农业农村局",)]
    act.act(p, o.handler, reg.case_no, "amend", {"changes": {"respondent.name": "双柏县农业技术推广中心"},
                                                 "reason": "名称更正"})
    with office.profile.store.read() as session:
        names = session.connection().exec_driver_sql("SELECT respondent_name FROM stage_deadlines").all()
    assert names and set(names) == {("双柏县农业技术推广中心",)}
