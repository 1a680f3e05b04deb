"""Reading back what a profile stored (``app.store``): an event by its id and a complaint's events in the
order they were written, a user by id, the issued documents the register has not indexed yet (oldest
first, after its mark), and a search of the register that takes "_" and "%" as typed."""

from __future__ import annotations

from sqlalchemy import select

from app.services import act, intake
from app.store import document_index as index
from tests.factories import intake as make_intake

COLUMNS = "id, stream, action, payload, actor, device_id, device_seq, device_time, base, prev_hash, hash"


def test_an_event_is_found_by_id_and_a_complaint_reads_its_events_in_order(office):
    reg = intake.register(office.profile, office.clerk, make_intake())
    act.act(office.profile, office.handler, reg.case_no, "forward", {"department": "双柏县人民政府"})
    with office.profile.store.reading() as uow:
        written = uow.events.stream(reg.complaint_id)
        assert [e.action for e in written] == ["register", "forward"]
        assert [e.actor for e in written] == [office.clerk.user_id, office.handler.user_id]
        assert all(e.stream == reg.complaint_id for e in written)
        assert uow.events.get(written[1].id) == written[1]
        assert uow.events.get("no-such-event") is None
        assert uow.events.stream("no-such-complaint") == []


def test_a_user_is_found_by_id(office):
    with office.profile.store.reading() as uow:
        user = uow.users.get(office.handler.user_id)
        assert (user.username, user.display_name, user.roles) == ("handler", "王承办", ("handler",))
        assert uow.users.get("no-such-user") is None
        assert uow.users.by_username(" HANDLER ").id == office.handler.user_id
        assert uow.users.by_username("nobody") is None
        assert uow.users.names()[office.leader.user_id] == "张审核"


def _issued(connection, source: dict, number: int) -> int:
    """A copy of an event as an ``issue_document`` one of another device (the index reads only the action)."""
    values = dict(source, id=f"doc-{number}", action=index.ACTION, device_id="another-device", device_seq=number)
    connection.exec_driver_sql(f"INSERT INTO events ({COLUMNS}) VALUES ({','.join('?' * 11)})",
                               tuple(values[c.strip()] for c in COLUMNS.split(",")))
    return connection.exec_driver_sql("SELECT seq FROM events WHERE id = ?", (f"doc-{number}",)).scalar()


def _row(event_id: str, search: str) -> dict:
    return {"event_id": event_id, "complaint_id": "c", "case_no": "532322-2026-0001", "kind": "receipt",
            "variant": None, "number": search, "title": "受理告知书", "recipient": "投诉企业",
            "issued_on": "2026-11-26", "issued_at": "2026-11-26T04:00:00Z", "actor": "u", "sha256": "0" * 64,
            "pages": 1, "template_version": 1, "search": search}


def test_the_documents_not_indexed_yet_come_oldest_first_after_the_mark(office):
    intake.register(office.profile, office.clerk, make_intake())
    with office.profile.store.unit_of_work() as uow:
        connection = uow.session.connection()
        source = dict(connection.exec_driver_sql(f"SELECT {COLUMNS} FROM events WHERE action = 'register'")
                      .mappings().one())
        seqs = [_issued(connection, source, n) for n in range(1, 6)]
        assert index.newest_event_seq(uow.session) == seqs[-1]
        assert index.indexed_up_to(uow.session) == 0
        index.add_rows(uow.session, [_row("doc-2", "a")])
        assert [r.id for r in index.unindexed_after(uow.session, 0)] == ["doc-1", "doc-3", "doc-4", "doc-5"]
        assert [r.id for r in index.unindexed_after(uow.session, seqs[2], limit=1)] == ["doc-4"]
        index.mark_indexed(uow.session, seqs[3])
        assert index.indexed_up_to(uow.session) == seqs[3]
        index.clear(uow.session)
        assert index.indexed_up_to(uow.session) == 0
        assert len(index.unindexed_after(uow.session, 0)) == 5


def test_a_register_search_takes_underscore_percent_and_backslash_as_typed(office):
    texts = ["双柏发改受_1号", "双柏发改受x1号", "完成率100%整", "完成率1000整", "目录a\\b", "目录ab"]
    with office.profile.store.unit_of_work() as uow:
        index.add_rows(uow.session, [_row(f"e{n}", text) for n, text in enumerate(texts)])
        d = index.issued_documents.c

        def found(term: str) -> list[str]:
            return list(uow.session.execute(select(d.search).where(
                d.search.like(f"%{index.escape_like(term)}%", escape="\\")).order_by(d.search)).scalars())

        assert found("受_1") == ["双柏发改受_1号"]
        assert found("100%") == ["完成率100%整"]
        assert found("a\\b") == ["目录a\\b"]
        assert found("1") == sorted(texts[:4])


def test_a_user_changed_by_the_administrator_reads_back_changed(office):
    with office.profile.store.unit_of_work() as uow:
        uow.users.update(office.handler.user_id, "2026-11-26T05:00:00.000Z", roles=["handler", "leader"],
                         active=False, must_change_password=True, display_name="王承办（借调）")
        uow.commit()
    with office.profile.store.reading() as uow:
        user = uow.users.get(office.handler.user_id)
    assert (user.roles, user.active, user.must_change_password, user.display_name) == (
        ("handler", "leader"), False, True, "王承办（借调）")
    with office.profile.store.unit_of_work() as uow:
        uow.users.update(office.handler.user_id, "2026-11-26T06:00:00.000Z", active=True, must_change_password=False)
        uow.commit()
    with office.profile.store.reading() as uow:
        user = uow.users.get(office.handler.user_id)
    assert (user.roles, user.active, user.must_change_password) == (("handler", "leader"), True, False)
