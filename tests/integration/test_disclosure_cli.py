"""``complaint show`` masks personal data (text and ``--json``); ``--reveal`` is for case officers and
audited; log records are masked wherever logging is configured (issue 12)."""

from __future__ import annotations

import json
import logging

import pytest
from sqlalchemy import select

import app.cli as cli
from app.cli import session
from app.domain.events import SESSION_STREAM
from app.security import log_masking
from app.services import act as acting
from app.services import intake as intake_service
from app.services.profile import open_profile
from app.store.tables import events
from tests import factories
from tests.factories import PASSWORD

ID = "53232219800101193X"
CLEAR = ("13887012345", "8701 2345", ID, "团结路8号")


@pytest.fixture
def run(office, monkeypatch, capsys):
    data = factories.intake()
    data["complainant"]["contact_id_number"] = ID
    data["description"] += f"联系人手机13887012345，身份证号{ID}。"
    case = intake_service.register(office.profile, office.clerk, data)
    acting.act(office.profile, office.handler, case.case_no, "amend",
               {"changes": {"complainant.phone": "13912345678"}, "reason": "电话记错"})
    monkeypatch.setattr(session, "open_profile", lambda home: open_profile(home, clock=office.clock))
    monkeypatch.setenv("LVYUE_PASSWORD", PASSWORD)
    home = str(office.profile.files.home)

    def call(*args: str) -> tuple[int, str, str]:
        code = cli.main(["--home", home, *args])
        out, err = capsys.readouterr()
        return code, out, err

    call.case_no = case.case_no
    return call


def reveals(office):
    with office.profile.store.read() as s:
        return s.execute(select(events.c.actor).where(events.c.stream == SESSION_STREAM,
                                                      events.c.action == "personal_data_revealed")).all()


@pytest.mark.parametrize("user", [(), ("--user", "handler"), ("--user", "admin")])
def test_show_masks_phone_id_and_address_in_text_and_json(run, office, user):
    code, out, _ = run("complaint", "show", run.case_no, *user)
    assert code == 0 and "139****5678" in out and "5323**********193X" in out
    code, out, _ = run("complaint", "show", run.case_no, "--json", *user)
    assert code == 0
    data = json.loads(out)
    complainant = data["complaint"]["intake"]["complainant"]
    assert complainant["phone"] == "139****5678" and complainant["address"] == "云南省楚雄州双柏县"
    for clear in (*CLEAR, "13912345678", "139 1234 5678"):
        assert clear not in out, clear
    register = next(t for t in data["timeline"] if t["action"] == "register")
    assert register["payload"]["intake"]["complainant"]["contact_id_number"] == "5323**********193X"
    assert reveals(office) == []


def test_reveal_shows_in_full_for_a_handler_and_is_recorded(run, office):
    code, out, _ = run("complaint", "show", run.case_no, "--reveal", "--user", "handler")
    assert code == 0 and ID in out and "139 1234 5678" in out and "团结路8号" in out and "已记入审计记录" in out
    assert [r.actor for r in reveals(office)] == [office.handler.user_id]


@pytest.mark.parametrize(("user", "message"), [(("--user", "admin"), "无权查看"), (("--user", "auditor"), "无权查看"),
                                               ((), "须以用户身份登录")])
def test_reveal_is_refused_to_admin_auditor_and_without_login(run, office, user, message):
    code, out, err = run("complaint", "show", run.case_no, "--reveal", *user)
    assert code == 1 and message in err and ID not in out
    assert reveals(office) == []


def test_log_records_are_masked_on_every_handler(caplog):
    handler = logging.StreamHandler()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        log_masking.install()
        records = []
        handler.emit = records.append  # what the handler would write
        logging.getLogger("app.services.intake").warning("登记 %s 联系电话 %s 身份证 %s", "某公司", "13887012345", ID)
        try:
            raise ValueError(f"bad {ID}")
        except ValueError:
            logging.getLogger("ui.tasks").exception("任务失败 13887012345")
        written = "\n".join(logging.Formatter().format(r) for r in records)
        assert "138****2345" in written and "5323**********193X" in written
        assert "13887012345" not in written and ID not in written
    finally:
        root.removeHandler(handler)
        handler.removeFilter(log_masking.FILTER)
