"""Documents as records: reprints byte for byte, frozen template versions, all-or-nothing issuing,
the kinds each state offers, the paged register of issued documents and the office settings."""

from __future__ import annotations

import hashlib
import io
import shutil

import pdfplumber
import pytest
from sqlalchemy import func, select
from sqlalchemy import text as text_sql

from app.documents.templates import TEMPLATE_DIR, TemplateLibrary
from app.domain.errors import DomainError, ValidationFailed
from app.services import documents, office_settings, queries
from app.services import intake as intake_service
from app.store import document_index
from app.store.tables import events, number_blocks
from app.sync.reference import _put
from tests.document_cases import PATHS, SAMPLES, complaint_in, complaint_intake

OFFERED = {
    "registered": ["receipt"],
    "rejected": ["rejection"],
    "forwarded": ["receipt", "forward_letter"],
    "unsubstantiated": ["receipt", "forward_letter", "feedback_letter"],
    "disputed_mediation": ["receipt", "forward_letter", "feedback_letter"],
    "rectifying": ["receipt", "forward_letter", "rectification_notice"],
    "rectified": ["receipt", "forward_letter", "rectification_notice", "feedback_letter"],
    # issue 9: the complainant is told a confirmed breach (feedback_letter.breach)
    "breach_confirmed": ["receipt", "forward_letter", "rectification_notice", "breach_determination",
                         "feedback_letter"],
    "sanctioned": ["receipt", "forward_letter", "rectification_notice", "breach_determination", "feedback_letter"],
    "repaired": ["receipt", "forward_letter", "rectification_notice", "breach_determination", "repair_notice",
                 "feedback_letter"],
}


def counts(office) -> tuple[int, int]:
    """(events, document numbers handed out) in the profile."""
    with office.profile.store.read() as session:
        n_events = session.execute(select(func.count()).select_from(events)).scalar_one()
        used = session.execute(select(func.coalesce(func.sum(number_blocks.c.next - 1), 0))
                               .where(number_blocks.c.series.like("doc:%"))).scalar_one()
    return n_events, used


def text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "".join(page.extract_text().replace("\n", "") for page in doc.pages)


@pytest.fixture
def templates(tmp_path) -> TemplateLibrary:
    """A copy of the shipped templates that a test may edit."""
    root = tmp_path / "templates"
    shutil.copytree(TEMPLATE_DIR, root)
    return TemplateLibrary(root)


def test_each_state_offers_its_kinds(office):
    assert set(OFFERED) <= set(PATHS)
    for state, kinds in OFFERED.items():
        case_no = complaint_in(office, state)
        offers = documents.offers(office.profile, office.handler, case_no)
        assert [o.kind for o in offers] == kinds, state
    closed = complaint_in(office, "unsubstantiated")
    office.clock.advance(days=1)
    from app.services.act import act

    act(office.profile, office.handler, closed, "feedback", {"method": "letter", "summary": "已书面反馈"})
    act(office.profile, office.handler, closed, "close", {"summary": "办结"})
    assert "feedback_letter" in [o.kind for o in documents.offers(office.profile, office.handler, closed)]


def test_a_kind_the_state_does_not_offer_is_refused_without_a_number(office):
    case_no = complaint_in(office, "registered")
    before = counts(office)
    with pytest.raises(DomainError) as refused:
        documents.issue(office.profile, office.handler, case_no, "rectification_notice")
    assert refused.value.code == "document_not_available"
    with pytest.raises(DomainError, match="document_kind_unknown"):
        documents.issue(office.profile, office.handler, case_no, "briefing")
    with pytest.raises(DomainError, match="role_not_permitted"):
        documents.issue(office.profile, office.clerk, case_no, "receipt")
    assert counts(office) == before


def test_reprint_is_byte_identical_and_rewrites_a_lost_file(office):
    case_no = complaint_in(office, "repaired")
    issued = documents.issue(office.profile, office.leader, case_no, "repair_notice")
    original = issued.path.read_bytes()
    issued.path.unlink()
    again = documents.reprint(office.profile, issued.event_id)
    assert again == original and issued.path.read_bytes() == original
    assert documents.reprint(office.profile, issued.number, actor=office.handler) == original
    issued.path.write_bytes(original[:1000])  # a copy cut short (a crash, a bad disk) is put right
    assert documents.reprint(office.profile, issued.event_id) == original and issued.path.read_bytes() == original


def test_a_changed_template_never_alters_an_issued_document(office, templates):
    case_no = complaint_in(office, "registered")
    issued = documents.issue(office.profile, office.handler, case_no, "receipt", templates=templates)
    original = issued.path.read_bytes()
    current = templates.root / "receipt.toml"
    edited = current.read_text(encoding="utf-8").replace("version = 3", "version = 4").replace("特此回执。", "特此告知。")
    current.write_text(edited, encoding="utf-8")
    with pytest.raises(DomainError, match="template_not_frozen"):  # new wording must be archived as version 4
        documents.issue(office.profile, office.handler, case_no, "receipt", templates=templates)
    (templates.root / "versions" / "receipt" / "v4.toml").write_text(edited, encoding="utf-8")
    newer = documents.issue(office.profile, office.handler, case_no, "receipt", templates=templates)
    assert "特此告知。" in text(newer.path.read_bytes()) and "特此回执。" in text(original)
    issued.path.unlink()
    assert documents.reprint(office.profile, issued.event_id, templates=templates) == original


def test_reprint_that_cannot_match_is_refused_not_silently_different(office, templates):
    case_no = complaint_in(office, "registered")
    issued = documents.issue(office.profile, office.handler, case_no, "receipt", templates=templates)
    frozen = templates.root / "versions" / "receipt" / "v3.toml"
    frozen.write_text(frozen.read_text(encoding="utf-8").replace("特此回执。", "此复。"), encoding="utf-8")
    assert documents.reprint(office.profile, issued.event_id, templates=templates) == issued.path.read_bytes()
    issued.path.unlink()  # neither the render nor a stored original matches the recorded digest
    with pytest.raises(DomainError, match="reprint_mismatch"):
        documents.reprint(office.profile, issued.event_id, templates=templates)


def test_a_failed_render_uses_no_number_and_writes_no_event(office, monkeypatch):
    complainant = {**complaint_intake()["complainant"], "name": "双柏县\ue000源农业开发有限公司"}  # a private-use glyph
    with monkeypatch.context() as old_version:  # registered before intake refused unprintable characters
        old_version.setattr(intake_service, "intake_unprintable", lambda data: [])
        odd = complaint_in(office, "registered", complainant=complainant)
    before = counts(office)
    with pytest.raises(DomainError) as failed:
        documents.issue(office.profile, office.handler, odd, "receipt")
    assert failed.value.code == "glyph_missing_intake" and failed.value.params["codepoint"] == "U+E000"
    assert failed.value.field == "complainant.name"
    assert counts(office) == before
    assert not list(office.profile.files.documents.rglob("*.pdf"))
    fine = complaint_in(office, "registered")
    assert documents.issue(office.profile, office.handler, fine, "receipt").number == "双发改受〔2026〕1号"


def test_preview_takes_no_number_and_writes_nothing(office):
    case_no = complaint_in(office, "forwarded")
    before = counts(office)
    pdf = documents.preview(office.profile, office.handler, case_no, "forward_letter")
    # issue 9: a preview must not pass for an issued document: no number, "（预览）" and 草稿 instead
    assert "（预览）" in text(pdf) and "草稿" in text(pdf)
    assert "双发改函〔2026〕" not in text(pdf)
    assert counts(office) == before
    assert documents.issue(office.profile, office.handler, case_no, "forward_letter").number == "双发改函〔2026〕1号"


def test_the_register_lists_searches_pages_and_rebuilds(office):
    made = []
    for state, kind, _ in SAMPLES[:6]:
        case_no = complaint_in(office, state)
        made.append(documents.issue(office.profile, office.leader, case_no, kind))
    page = documents.list_documents(office.profile, office.handler, limit=4)
    assert page.total == 6 and len(page.rows) == 4
    assert [r.number for r in page.rows] == [d.number for d in reversed(made)][:4]  # newest first
    rest = documents.list_documents(office.profile, office.handler, offset=4, limit=4)
    assert len(rest.rows) == 2
    found = documents.list_documents(office.profile, office.handler, search="双发改告")
    assert {r.kind for r in found.rows} == {"rejection", "repair_notice"}
    assert documents.list_documents(office.profile, office.handler, search="回执").rows[0].kind == "receipt"
    assert documents.list_documents(office.profile, office.handler, kind="forward_letter").total == 1
    by_case = documents.list_documents(office.profile, office.handler, complaint=made[2].case_no)
    assert [r.number for r in by_case.rows] == [made[2].number]
    assert documents.list_documents(office.profile, office.handler, search="no such thing").total == 0
    with office.profile.store.unit_of_work() as uow:  # as after sync or a rebuild: the index is recreated
        document_index.clear(uow.session)
        uow.commit()
    assert documents.list_documents(office.profile, office.handler).total == 6
    with office.profile.store.unit_of_work() as uow:
        assert documents.rebuild_document_index(uow.session) == 6
        uow.commit()
    row = documents.list_documents(office.profile, None, search=made[0].number).rows[0]
    assert row.title == "政府违约失信投诉受理回执" and row.recipient == "双柏县绿源农业开发有限公司"


def test_a_malformed_issue_document_in_the_log_is_no_document_and_breaks_nothing(office):
    """An ``issue_document`` event with a broken payload (an older hub let it through; the fold sets it
    aside) is no document: the register's catch-up and the rebuild skip it (the rebuild fuzz test found
    each of these payloads crashing every rebuild before the register checked with ``accept``)."""
    from app.domain.clock import iso_utc
    from app.services import maintenance
    from app.store.events import Draft, EventLog

    case_no = complaint_in(office, "registered")
    issued = documents.issue(office.profile, office.leader, case_no, "receipt")
    good = {"kind": "receipt", "number": "x", "template_version": 1, "snapshot": {}, "sha256": "a" * 64, "pages": 1}
    broken = [{}, {**good, "kind": 7}, {**good, "snapshot": "text"}, {k: v for k, v in good.items() if k != "pages"},
              {**good, "number": {"nested": ["junk"]}}, {**good, "template_version": "v1"}]
    with office.profile.store.unit_of_work() as uow:
        stream = uow.complaints.id_for_case_no(case_no)
        log = EventLog(uow.session, "another-device")
        for i, payload in enumerate(broken):
            log.append(Draft(id=f"broken-{i}", stream=stream, action="issue_document", payload=payload,
                             actor=office.leader.user_id, device_time=iso_utc(office.clock())))
        uow.commit()
    assert documents.list_documents(office.profile, office.handler).total == 1  # the catch-up skips them
    maintenance.rebuild_projections(office.profile)
    page = documents.list_documents(office.profile, office.handler)
    assert [r.number for r in page.rows] == [issued.number]
    with office.profile.store.read() as session:
        aside = set(session.execute(text_sql("SELECT event_id FROM sync_quarantine")).scalars())
    assert aside == {f"broken-{i}" for i in range(len(broken))}


def test_the_register_respects_scope(tmp_path, clock):
    """A prefecture profile holds two counties; a county officer sees only the documents of his county."""
    from app.services import auth, users
    from app.services.profile import create_profile
    from tests.factories import PASSWORD

    profile = create_profile(tmp_path / "prefecture", region_code="532300", office_name="楚雄州发展和改革委员会",
                             clock=clock)
    try:
        users.add_user(profile, None, username="admin", display_name="管理员", roles=["admin"], password=PASSWORD)
        admin = auth.login(profile, "admin", PASSWORD)
        office_settings.update(profile, admin, {"contact_phone": "0878-3117257"})  # documents need it (issue 9)
        for name, region in (("zhou", "532300"), ("shuang", "532322"), ("chu", "532301")):
            users.add_user(profile, admin, username=name, display_name=f"{name}审核", roles=["clerk", "handler"],
                           region_code=region, password=PASSWORD)
        zhou, shuang, chu = (auth.login(profile, n, PASSWORD) for n in ("zhou", "shuang", "chu"))

        class Prefecture:
            pass

        office = Prefecture()
        office.profile, office.clock, office.clerk = profile, clock, zhou
        for region in ("532322", "532301"):
            respondent = {**complaint_intake()["respondent"], "region_code": region}
            case_no = complaint_in(office, "registered", respondent=respondent)
            documents.issue(profile, zhou, case_no, "receipt")
        assert documents.list_documents(profile, zhou).total == 2
        assert [r.number for r in documents.list_documents(profile, shuang).rows] == ["楚发改受〔2026〕1号"]
        assert documents.list_documents(profile, chu).total == 1
        event_id = documents.list_documents(profile, chu).rows[0].event_id
        with pytest.raises(DomainError, match="document_not_found"):
            documents.reprint(profile, event_id, actor=shuang)
    finally:
        profile.close()


def test_office_settings_are_validated_audited_and_used(office):
    settings = office_settings.get(office.profile)
    assert settings.issuer == "双柏县发展和改革局" and settings.prefixes["forward_letter"] == "双发改函"
    assert settings.upstream_office == "楚雄彝族自治州发展和改革委员会"
    with pytest.raises(DomainError, match="settings_not_permitted"):
        office_settings.update(office.profile, office.handler, {"contact_person": "王颖"})
    with pytest.raises(ValidationFailed) as bad:
        office_settings.update(office.profile, office.admin, {
            "contact_phone": "123", "prefixes": {"receipt": "双发改〔受〕", "briefing": "双"}, "colour": "red"})
    assert {(e.field, e.code) for e in bad.value.errors} == {
        ("contact_phone", "phone_invalid"), ("prefixes.receipt", "prefix_invalid"),
        ("prefixes.briefing", "document_kind_unknown"), ("colour", "setting_unknown")}
    changed = office_settings.update(office.profile, office.admin, {
        "contact_person": "杨堃", "contact_phone": "08787721234", "copy_to": {"forward_letter": ["双柏县财政局"]}})
    assert changed.contact_phone == "0878-7721234" and changed.copy_to["forward_letter"] == ("双柏县财政局",)
    case_no = complaint_in(office, "forwarded")
    printed = text(documents.issue(office.profile, office.handler, case_no, "forward_letter").path.read_bytes())
    assert "联系人及电话：杨堃，0878-7721234" in printed and "抄送：双柏县财政局。" in printed
    reset = office_settings.update(office.profile, office.admin, {"contact_person": ""})
    assert reset.contact_person == "" and "contact_person" not in reset.changed
    with office.profile.store.read() as session:
        audited = session.execute(select(func.count()).select_from(events)
                                  .where(events.c.action == "office_settings")).scalar_one()
    assert audited == 3  # the fixture sets the office contact first (documents need it: issue 9)


def test_a_prefix_set_by_the_hub_wins(office):
    with office.profile.store.unit_of_work() as uow:
        _put(uow.session, "document_prefixes", [{"region_code": "532322", "kind": "receipt", "prefix": "双发改收"}])
        uow.commit()
    settings = office_settings.get(office.profile)
    assert settings.prefixes["receipt"] == "双发改收" and settings.hub_prefixes == {"receipt"}
    case_no = complaint_in(office, "registered")
    assert documents.issue(office.profile, office.handler, case_no, "receipt").number == "双发改收〔2026〕1号"


def test_the_complaint_keeps_its_documents_in_order(office):
    case_no = complaint_in(office, "rectified")
    for kind in ("receipt", "forward_letter", "rectification_notice", "feedback_letter"):
        documents.issue(office.profile, office.handler, case_no, kind)
    complaint = queries.get_complaint(office.profile, office.handler, case_no).complaint
    assert [d["kind"] for d in complaint.documents] == ["receipt", "forward_letter", "rectification_notice",
                                                       "feedback_letter"]
    assert complaint.documents[-1]["variant"] == "rectified"
    stored = [documents.document_path(office.profile, d["sha256"]).read_bytes() for d in complaint.documents]
    assert [hashlib.sha256(pdf).hexdigest() for pdf in stored] == [d["sha256"] for d in complaint.documents]
