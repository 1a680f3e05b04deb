"""Registration form 登记投诉: every intake field as the paper form groups it, checked while typing.

Nothing typed is lost: a draft is saved shortly after every change and when the form closes, and is
restored (with a notice) when the form opens again. Ctrl+Enter registers.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.domain.clock import china_date
from app.domain.errors import ValidationFailed
from app.domain.glyphs import INTAKE_NAMES
from app.domain.identifiers import normalize_code
from app.domain.text_limits import intake_limit
from app.messages import message
from app.services.reference import find_body
from ui.context import UiContext
from ui.forms import checks
from ui.forms.attachments_box import AttachmentsBox
from ui.forms.draft_keeper import DraftKeeper
from ui.forms.duplicates import DuplicateWarning
from ui.forms.field_grid import INVALID_SHEET, chain_tab_order
from ui.forms.intake_fields import CREDIT_CODE, FIELDS, OVERRIDE, OVERRIDE_REASON
from ui.forms.lifetime import while_alive
from ui.forms.sections import build_sections
from ui.forms.submission import Submitted, register_with_attachments
from ui.forms.success_panel import SuccessPanel
from ui.tasks import TaskFailure


class RegistrationForm(QWidget):
    registered = Signal(str, str)  # complaint id, case number
    closed = Signal()
    open_complaint = Signal(str)  # "open the complaint" on the success panel

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = china_date(ctx.profile.now())
        self.last: Submitted | None = None
        self._submitting = False
        self._closed = False
        self._unplaced: list[str] = []  # errors of the core that no field shows (kept until the next submit)
        self._counting = False  # the summary shows the live error count
        self.setStyleSheet(INVALID_SHEET)
        self.stack = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.stack.addWidget(self._build_form())
        self.success = SuccessPanel()
        self.stack.addWidget(self.success)
        self.success.another.connect(self.start_new)
        self.success.close_requested.connect(self.close_form)
        self.success.open_case.connect(lambda: self.last and self.open_complaint.emit(
            self.last.registered.complaint_id))
        self._wire()
        self.draft = DraftKeeper(ctx, f"registration-{ctx.actor.user_id}", self.snapshot, self)
        self._restore_draft()
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.submit)

    # --- building ---------------------------------------------------------------------------------

    def _build_form(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        title = QLabel(self.tr("Register a complaint"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        intro = QLabel(self.tr("Fields marked * are required. Press Ctrl+Enter to register. What you type is "
                               "kept as a draft until the complaint is registered."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.draft_bar = QFrame()
        self.draft_bar.setStyleSheet("QFrame { background: #e8f0fe; border: 1px solid #aecbfa; }"
                                     "QLabel { border: none; }")
        bar = QHBoxLayout(self.draft_bar)
        self.draft_label = QLabel()
        self.draft_label.setWordWrap(True)
        self.discard_button = QPushButton(self.tr("Discard draft"))
        bar.addWidget(self.draft_label, 1)
        bar.addWidget(self.discard_button)
        self.draft_bar.hide()
        layout.addWidget(self.draft_bar)

        content = QWidget()
        column = QVBoxLayout(content)
        boxes, self.rows = build_sections(self.ctx, self.today)
        for box in boxes:
            column.addWidget(box)
            box.grid.errors_changed.connect(self._recount)
        self.duplicates = DuplicateWarning(self.ctx, self._duplicate_fields)
        self.duplicates.open_requested.connect(self.open_complaint.emit)
        boxes[1].grid.add_widget(self.duplicates)
        self.attachments = AttachmentsBox()
        column.addWidget(self.attachments)
        column.addStretch(1)
        content.setMaximumWidth(960)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(scroll, 1)
        self.scroll = scroll

        footer = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("color: #b71c1c;")
        footer.addWidget(self.summary, 1)
        self.close_button = QPushButton(self.tr("Close"))
        self.submit_button = QPushButton(self.tr("Register (Ctrl+Enter)"))
        self.submit_button.setDefault(True)
        footer.addWidget(self.close_button)
        footer.addWidget(self.submit_button)
        layout.addLayout(footer)
        chain_tab_order([row.field.focus_widget for row in self.rows.values()]
                        + [self.attachments.add_button, self.attachments.remove_button, self.close_button,
                           self.submit_button])
        return page

    def _wire(self) -> None:
        for path, row in self.rows.items():
            row.field.changed.connect(lambda p=path: isValid(self) and self._changed(p))
            row.field.left.connect(lambda p=path: isValid(self) and self.check_field(p))
        self.rows["respondent.name"].field.completer.picked.connect(lambda name: self._prefill(name, True))
        self.attachments.changed.connect(self._touched)
        self.discard_button.clicked.connect(self.discard_draft)
        self.submit_button.clicked.connect(self.submit)
        self.close_button.clicked.connect(self.close_form)
        self._update_override()

    # --- values -----------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """Every field by dotted path, as typed (the draft's form)."""
        return {path: row.field.value() for path, row in self.rows.items()}

    def set_values(self, values: dict[str, Any]) -> None:
        for path, value in values.items():
            if path in self.rows:
                self.rows[path].field.set_value(value)
        self._update_override()

    def snapshot(self) -> dict[str, Any]:
        return {"fields": self.values(), "attachments": self.attachments.paths()}

    def data(self) -> dict[str, Any]:
        """The intake for ``register``: nested by section, empty fields left out."""
        result: dict[str, Any] = {"complainant": {}, "respondent": {}, "agreement": {}, "claim": {}}
        override = bool(self.rows[OVERRIDE].field.value())
        for path, value in self.values().items():
            if path == OVERRIDE_REASON and not override:
                continue
            if checks.is_empty(value) and path != OVERRIDE:
                continue
            section, _, name = path.rpartition(".")
            (result[section] if section else result)[name] = value
        return result

    # --- inline checks ----------------------------------------------------------------------------

    def _override_on(self) -> bool:
        return bool(self.rows[OVERRIDE].field.value())

    def field_problem(self, path: str) -> str | None:
        row = self.rows[path]
        spec = FIELDS[path]
        if not row.holder.isVisibleTo(self) and path in (OVERRIDE, OVERRIDE_REASON):
            return None
        if path == OVERRIDE_REASON:
            return checks.problem("text", row.field.value(), self._override_on()) if self._override_on() else None
        return checks.problem(spec.kind, row.field.value(), spec.required, override=self._override_on(),
                              name=path in INTAKE_NAMES, limit=intake_limit(path))

    def check_field(self, path: str) -> bool:
        row = self.rows[path]
        text = self.field_problem(path)
        row.set_error(text)
        if path == CREDIT_CODE and not text and row.field.value():
            row.field.set_value(normalize_code(row.field.value()))
        if path == "respondent.name":
            self._prefill(row.field.value(), False)
        return text is None

    def check_all(self) -> list[str]:
        """Check every field; the paths with problems, in form order."""
        return [path for path in self.rows if not self.check_field(path)]

    def error_count(self) -> int:
        """Problems still to fix: the fields showing an error, and the core's errors no field shows."""
        return sum(row.has_error() for row in self.rows.values()) + len(self._unplaced)

    def _recount(self) -> None:
        """Keep “有 N 处填写有误” true as fields are fixed (or spoilt); gone at zero. Focus stays put."""
        if self._submitting or not hasattr(self, "summary") or not isValid(self.summary):
            return
        count = self.error_count()
        if not count:
            if self._counting:
                self._counting = False
                self.summary.clear()
            return
        self._counting = True
        self.summary.setStyleSheet("color: #b71c1c;")
        text = message("validation_failed", {"count": count})
        self.summary.setText(text + ("\n" + "\n".join(self._unplaced) if self._unplaced
                                     else self.tr(", see the red notes.")))

    def _changed(self, path: str) -> None:
        row = self.rows[path]
        if row.error:  # say it is fixed as soon as it is, but do not nag while typing
            row.set_error(self.field_problem(path))
        if path == CREDIT_CODE:
            self._update_override()
            if len(normalize_code(row.field.value())) >= 18:
                row.set_error(self.field_problem(path))
        if path == OVERRIDE:
            self._update_override()
            self.rows[CREDIT_CODE].set_error(self.field_problem(CREDIT_CODE) if self.rows[CREDIT_CODE].error
                                            or self._override_on() else None)
        if FIELDS[path].kind == "money":
            row.set_hint(checks.money_hint(row.field.value()) if row.field.value() else None)
        if path in (CREDIT_CODE, "respondent.name", "complainant.name", "description", "claim.text"):
            self.duplicates.schedule()
        self._touched()

    def _duplicate_fields(self) -> dict[str, Any]:
        """What the duplicate banner compares: the parties and the texts as typed."""
        value = lambda path: self.rows[path].field.value()  # noqa: E731
        return {"complainant": {"name": value("complainant.name"), "credit_code": value(CREDIT_CODE)},
                "respondent": {"name": value("respondent.name")},
                "description": value("description"), "claim": {"text": value("claim.text")}}

    def _update_override(self) -> None:
        code = self.rows[CREDIT_CODE].field.value()
        override = self._override_on()
        self.rows[OVERRIDE].set_visible(override or checks.checksum_only(code))
        self.rows[OVERRIDE_REASON].set_visible(override)

    def _prefill(self, name: str, chosen: bool) -> None:
        """A body from the reference list fills its type, region and competent department."""
        body = find_body(name, self.ctx.profile.office.region_code)
        if body is None:
            return
        department = self.rows["respondent.competent_department"]
        if chosen or not department.field.value():
            department.field.set_value(body.competent_department)
            department.set_error(None)
        self.rows["respondent.kind"].field.set_value(body.kind)
        region = self.rows["respondent.region_code"]
        region.field.set_value(body.region_code)
        region.set_error(None)
        self.rows["respondent.name"].set_error(None)
        self.duplicates.schedule()

    # --- draft ------------------------------------------------------------------------------------

    def _touched(self) -> None:
        if not self._submitting and self.stack.currentIndex() == 0:
            self.draft.touched()

    def _restore_draft(self) -> None:
        draft = self.draft.load()
        if not draft:
            return
        self.draft.pause(True)
        self.set_values(draft.get("fields", {}))
        self.attachments.set_paths(draft.get("attachments", []))
        for path, row in self.rows.items():
            if FIELDS[path].kind == "money" and row.field.value():
                row.set_hint(checks.money_hint(row.field.value()))
        self.draft.pause(False)
        saved = str(draft.get("saved_at", ""))
        when = self._local(saved)
        self.draft_label.setText(self.tr("A draft saved at %1 was restored. Check it and register, or discard "
                                         "it to start afresh.").replace("%1", when))
        self.draft_bar.show()
        self.duplicates.schedule()

    @staticmethod
    def _local(iso: str) -> str:
        from app.services.queries import local_time

        try:
            return local_time(iso)
        except ValueError:
            return iso

    def discard_draft(self) -> None:
        self.draft.discard()
        self.clear()
        self.draft_bar.hide()

    def clear(self) -> None:
        self.draft.pause(True)
        fresh = build_defaults(self)
        self.set_values(fresh)
        self.attachments.set_paths([])
        self._unplaced = []
        for row in self.rows.values():
            row.set_error(None)
            row.set_hint(None)
        self._counting = False
        self.summary.clear()
        self.duplicates.hide()
        self.draft.pause(False)
        self.scroll.verticalScrollBar().setValue(0)
        self.rows["complainant.name"].field.focus_widget.setFocus()

    # --- submit -----------------------------------------------------------------------------------

    def submit(self) -> None:
        if self._submitting or self.stack.currentIndex() != 0:
            return
        self._unplaced = []
        bad = self.check_all()
        self._recount()
        if bad:
            self._focus(bad[0])
            return
        self._submitting = True
        self.submit_button.setEnabled(False)
        self._counting = False
        self.summary.setStyleSheet("color: #5f6368;")
        self.summary.setText(self.tr("Registering…"))
        self.ctx.tasks.run(register_with_attachments, self.ctx.profile, self.ctx.actor, self.data(),
                           self.attachments.paths(), self.draft.finish, write=True,
                           on_done=while_alive(self, self._registered), on_error=while_alive(self, self._failed))

    def _focus(self, path: str) -> None:
        row = self.rows[path]
        widget = row.field.focus_widget
        self.scroll.ensureWidgetVisible(row.holder, 50, 40)  # the field and its message under it
        self.scroll.ensureWidgetVisible(widget, 50, 40)  # a tall field: at least its top
        widget.setFocus()

    def _registered(self, submitted: Submitted) -> None:
        self._submitting = False
        self.submit_button.setEnabled(True)
        self.last = submitted
        self.draft_bar.hide()
        self.summary.clear()
        self.success.show_result(submitted)
        self.stack.setCurrentIndex(1)
        self.registered.emit(submitted.registered.complaint_id, submitted.registered.case_no)

    def _failed(self, failure: TaskFailure) -> None:
        self._submitting = False
        self.submit_button.setEnabled(True)
        self.summary.setStyleSheet("color: #b71c1c;")
        if isinstance(failure.error, ValidationFailed):
            placed, unplaced = [], []
            for error in failure.error.errors:
                path = OVERRIDE_REASON if error.code == "credit_code_override_reason_required" else error.field
                if path in self.rows:
                    self.rows[path].set_error(checks.error_text(path, error.code, error.params))
                    placed.append(path)
                else:
                    unplaced.append(message(error.code, error.params))
            self._unplaced = unplaced
            self._recount()
            if placed:
                self._focus(min(placed, key=list(self.rows).index))
        else:
            self._counting = False
            self.summary.setText(failure.message)

    # --- after success / closing ------------------------------------------------------------------

    def start_new(self) -> None:
        self.draft.restart()
        self.clear()
        self.last = None
        self.stack.setCurrentIndex(0)

    def close_form(self) -> None:
        """Keep the draft and say the form is done (the window or tab owning it removes it)."""
        if self._closed:
            return
        self._closed = True
        if self.stack.currentIndex() == 0 and self._has_content():
            self.draft.save_now()
        self.closed.emit()

    def _has_content(self) -> bool:
        defaults = build_defaults(self)
        typed = any(not checks.is_empty(value) and value != defaults.get(path)
                    for path, value in self.values().items())
        return typed or bool(self.attachments.paths())

    def showEvent(self, event) -> None:
        self._closed = False
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_form()
        super().closeEvent(event)


def build_defaults(form: RegistrationForm) -> dict[str, Any]:
    """The values of an untouched form (today's date, the office's region, 机关)."""
    values = {path: None for path in form.rows}
    values.update({OVERRIDE: False, "respondent.kind": "organ", "received_on": form.today.isoformat()})
    region = form.rows["respondent.region_code"].field
    if region.box.count() == 1:
        values["respondent.region_code"] = region.box.itemData(0)
    return values
