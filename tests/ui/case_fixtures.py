"""Helpers for the registration, detail and lifecycle tests, on top of ``tests/ui/conftest.py``.

The shared fixtures give the profile (``office``: 双柏县, fixed clock, one user per role), ``make_ctx``
and the Chinese translations; these helpers type like a user, drop files like the Explorer, read what
is visible, take a complaint to a given state through the services, and store an event as it arrives
from another device (``receive_event``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QInputMethodEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QTabWidget, QWidget
from sqlalchemy import insert

from app.contract.event_record import event_values as event_row
from app.domain.clock import china_date, iso_utc
from app.domain.events import Event
from app.domain.ids import uuid7
from app.domain.vocabulary import Action
from app.services.act import act
from app.services.intake import register
from app.services.queries import get_complaint
from app.store.projector import Projector
from app.store.tables import events
from tests.factories import corrupt
from tests.factories import credit_code as make_credit_code
from ui.detail.complaint_view import ComplaintView
from ui.dialogs.actions.base import ActionDialog

CREDIT_CODE = make_credit_code("91", "532322", __import__("random").Random(7))


def bad_checksum(code: str = CREDIT_CODE) -> str:
    return corrupt(code)


def intake_values(**overrides: Any) -> dict[str, Any]:
    """Form values (dotted paths) of a typical complaint: unpaid money for a procurement contract."""
    values = {
        "complainant.name": "双柏县绿源农业开发有限公司",
        "complainant.credit_code": CREDIT_CODE,
        "complainant.legal_representative": "李国华",
        "complainant.contact_person": "李明",
        "complainant.phone": "13887012345",
        "complainant.address": "双柏县妥甸镇查姆大道18号",
        "respondent.name": "双柏县财政局",
        "respondent.competent_department": "双柏县人民政府",
        "agreement.title": "办公设备采购合同",
        "agreement.number": "SBCG-2025-031",
        "agreement.amount": "125000",
        "breach_kind": "unpaid",
        "sector": "procurement",
        "description": "2025年3月交付办公设备并经验收合格，合同约定验收后30日内付款，至今未支付。",
        "claim.text": "请求督促支付货款125000元及逾期利息。",
        "claim.amount": "12.5万",
        "channel": "hotline_12345",
        "channel_ref": "12345-20261126-0087",
    }
    values.update(overrides)
    return values


def intake_data(values: dict[str, Any] | None = None) -> dict[str, Any]:
    """The same complaint as ``register`` takes it (nested by section)."""
    data: dict[str, Any] = {"complainant": {}, "respondent": {"region_code": "532322"}, "agreement": {},
                            "claim": {}}
    for path, value in (values or intake_values()).items():
        section, _, name = path.rpartition(".")
        (data[section] if section else data)[name] = value
    return data


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type into ``widget`` as a user would: ASCII key by key, Chinese as an input method commits it."""
    widget.setFocus()
    for chunk in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def drag_and_drop(widget: QWidget, *paths) -> None:
    """What the Explorer sends when files are dragged onto ``widget`` and released."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)


def wait_tasks(qtbot, ctx, timeout: int = 15000) -> None:
    """Let background work finish and its results reach the widgets."""
    qtbot.waitUntil(lambda: not ctx.tasks.busy, timeout=timeout)


def visible_texts(root: QWidget) -> list[str]:
    """Every text a user can read in ``root``: labels, buttons, group titles, tabs, placeholders, tips."""
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        placeholder = getattr(widget, "placeholderText", None)
        if callable(placeholder):
            texts.append(placeholder())
        texts.append(widget.toolTip())
        texts.append(widget.windowTitle() if widget.isWindow() else "")
    return [t for t in texts if t]


def english_in(texts: list[str], allowed: frozenset[str] = frozenset({"Ctrl", "Enter", "czj"})) -> list[str]:
    """The texts that still hold English words (3+ letters; codes in capitals are data, not words)."""
    found = []
    for text in texts:
        plain = re.sub(r"<[^>]+>|&\w+;", "", text)
        words = {w for w in re.findall(r"\b[A-Za-z]{3,}\b", plain) if not w.isupper()}
        if words - allowed:
            found.append(text)
    return found


def open_view(qtbot, ctx, complaint_id: str) -> ComplaintView:
    view = ComplaintView(ctx, complaint_id)
    qtbot.addWidget(view)
    view.resize(1100, 760)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.show()
    return view


def through_dialog(qtbot, view: ComplaintView, action: str, fill: Callable[[ActionDialog], None]) -> ActionDialog:
    """Click the action's button, fill its dialog like a user, press its OK button, wait for the refresh."""
    assert action in view.offered_actions(), view.offered_actions()
    qtbot.mouseClick(view.buttons[Action(action)], Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    fill(dialog)
    head = view.detail.complaint.head
    with qtbot.waitSignal(view.changed, timeout=10000, raising=False) as changed:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    errors = {name: row.error for name, row in dialog.rows.items() if row.error}
    assert changed.signal_triggered, f"{action} refused: {dialog.summary.text()} {errors}"
    qtbot.waitUntil(lambda: view.detail.complaint.head != head, timeout=10000)  # the view shows the result
    return dialog


STEPS = {
    "forwarded": [("handler", "forward", lambda today: {"department": "双柏县人民政府"})],
    "rectifying": [("handler", "conclude", lambda today: {
        "finding": "substantiated", "explanation": "情况属实", "requirements": "30日内支付",
        "rectify_due": (today + timedelta(days=30)).isoformat()})],
    "breach_confirmed": [("leader", "refuse", lambda today: {
        "confirmed_by": "双柏县人民政府", "confirmed_on": today.isoformat(), "facts": "逾期未支付",
        "ground": "refused", "ground_detail": "被投诉主体复函明确表示不予支付"})],
    "repaired": [("leader", "repair", lambda today: {"evidence": "已支付", "fulfilled_on": today.isoformat()})],
    "closed": [("handler", "feedback", lambda today: {"method": "phone", "summary": "已告知"}),
               ("handler", "close", lambda today: {"summary": "办结"})],
}
ORDER = ["registered", "forwarded", "rectifying", "breach_confirmed", "repaired", "closed"]


def to_state(office, state: str) -> str:
    """A complaint registered by the clerk and taken to ``state`` through the services; its id."""
    profile = office.profile
    complaint_id = register(profile, office.clerk, intake_data()).complaint_id
    today = china_date(profile.now())
    for reached in ORDER[1:ORDER.index(state) + 1]:
        for username, action, payload in STEPS[reached]:
            actor = getattr(office, username)
            head = get_complaint(profile, actor, complaint_id).complaint.head
            act(profile, actor, complaint_id, action, payload(today), expected_head=head)
    return complaint_id


def receive_event(profile, complaint_id: str, action: str, payload: dict[str, Any], *, actor: str,
                  device_id: str = "other-device") -> str:
    """An event of another device (an old or a hostile one) as the sync stores it: its payload never
    went through this device's checks. Added to the log on that device's chain, then the complaint is
    refolded. Returns the event id."""
    with profile.store.unit_of_work() as uow:
        seq, prev_hash = uow.events.chain_head(device_id)
        event = Event(id=uuid7(), stream=complaint_id, action=action, payload=payload, actor=actor,
                      device_id=device_id, device_seq=seq + 1, device_time=iso_utc(profile.now()),
                      base=uow.complaints.get(complaint_id).head, prev_hash=prev_hash).sealed()
        uow.session.execute(insert(events).values(**event_row(event)))
        Projector(profile.calendar, profile.rules).refold(uow.complaints, complaint_id)
        uow.commit()
    return event.id
