"""The dialog every workflow action opens: its fields, inline errors, confirmation and the ``act`` call.

The dialog stays open when the core refuses the input: the errors appear under the fields they
concern and nothing typed is lost. ``expected_head`` is always passed, so a change made meanwhile by
someone else is refused (``complaint_changed``) instead of overwritten.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import china_date
from app.domain.errors import FieldError, ValidationFailed
from app.domain.facts import DateBounds, date_bounds
from app.domain.glyphs import PAYLOAD_NAMES
from app.domain.payloads import payload_errors
from app.domain.vocabulary import SANCTION_CHOICES, Action, SanctionMeasure, State, choices, label
from app.domain.workflow import RULES
from app.messages import message
from app.services.act import Acted, act
from app.services.queries import ComplaintDetail
from app.services.reference import departments_in_scope
from ui.context import UiContext
from ui.dialogs.actions import confirm
from ui.dialogs.actions.specs import FUTURE_ONLY, PAST_ONLY, ActionField, defaults, fields_for, tr
from ui.forms import checks
from ui.forms.field_grid import INVALID_SHEET, FieldGrid, FieldRow, chain_tab_order
from ui.forms.inputs import (
    CheckInput,
    ChoiceInput,
    DateInput,
    FieldInput,
    LineInput,
    LinesInput,
    MultiCheckInput,
    OptionalDateInput,
    TextInput,
)
from ui.forms.lifetime import while_alive
from ui.session.action_drafts import restore as restore_draft
from ui.tasks import TaskFailure
from ui.widgets.completer import PinyinCompleter


class ActionDialog(QDialog):
    """Generic dialog built from ``specs.fields_for(action)``; subclasses add behaviour."""

    acted = Signal(object)  # app.services.act.Acted

    def __init__(self, ctx: UiContext, detail: ComplaintDetail, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.action = Action(action)
        self.rule = RULES[self.action]
        self.today = china_date(ctx.profile.now())
        self.bounds = date_bounds(detail.complaint, action, self.today)
        self.busy = False
        complaint = detail.complaint
        self.setObjectName(f"dialog:{action}")
        self.setWindowTitle(self.tr("%1 — %2").replace("%1", label(self.action)).replace("%2", complaint.case_no))
        self.setStyleSheet(INVALID_SHEET)
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        about = QLabel(self.tr("Case %1 · %2 · now: %3").replace("%1", complaint.case_no)
                       .replace("%2", complaint.intake["respondent"]["name"])
                       .replace("%3", label(State(complaint.state))))
        about.setWordWrap(True)
        about.setStyleSheet("color: #5f6368;")
        layout.addWidget(about)
        self.grid = FieldGrid()
        self.rows: dict[str, FieldRow] = {}
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(self.grid)
        layout.addWidget(self.scroll, 1)
        self.build()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("summary")
        self.summary.setStyleSheet("color: #b71c1c;")
        self.summary.hide()
        layout.addWidget(self.summary)
        restore_draft(self)  # entries kept when this user's session ended with the dialog open
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(label(self.action), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("ok")
        self.ok_button.setDefault(True)
        cancel = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        chain_tab_order([row.field.focus_widget for row in self.rows.values()] + [self.ok_button, cancel])
        first = next(iter(self.rows.values()), None)
        if first:
            first.field.focus_widget.setFocus()
        self.fit()

    def fit(self) -> None:
        """Tall enough to show every field without scrolling, up to 70% of the screen."""
        screen = self.screen().availableGeometry().height() if self.screen() else 900
        for grid in [*self.grid.findChildren(FieldGrid), self.grid]:
            grid.layout().activate()  # rows added just now count too
        want = self.grid.sizeHint().height() + 8
        self.scroll.setMinimumHeight(min(want, int(screen * 0.7)))
        # wide enough for the fields (two columns of measures, long labels), up to 90% of the screen
        width = self.screen().availableGeometry().width() if self.screen() else 1366
        scrollbar = self.scroll.verticalScrollBar().sizeHint().width()
        self.scroll.setMinimumWidth(min(self.grid.minimumSizeHint().width() + scrollbar + 4, int(width * 0.9) - 40))
        self.adjustSize()

    # --- building ---------------------------------------------------------------------------------

    def build(self) -> None:
        values = defaults(self.action, self.detail, self.ctx.profile, self.today)
        for spec in fields_for(self.action):
            field = self.make_input(spec)
            if spec.name in values and values[spec.name] is not None:
                field.set_value(values[spec.name])
            text = "" if spec.kind == "check" else tr(spec.label)  # the checkbox carries its own text
            row = self.add_row(spec.name, text, field, spec.required)
            if spec.placeholder and spec.kind in ("date", "opt_date"):
                row.set_hint(tr(spec.placeholder))  # a date edit has no placeholder of its own

    def add_row(self, name: str, text: str, field: FieldInput, required: bool) -> FieldRow:
        row = self.grid.add(name, text, field, required)
        self.rows[name] = row
        field.changed.connect(lambda r=row: r.error and r.set_error(None))
        return row

    def make_input(self, spec: ActionField) -> FieldInput:
        placeholder = tr(spec.placeholder) if spec.placeholder else ""
        if spec.kind == "long":
            return TextInput(placeholder, lines=3)
        if spec.kind == "lines":
            return LinesInput(placeholder, lines=2)
        if spec.kind == "choice":
            assert spec.enum is not None
            return ChoiceInput(choices(spec.enum))
        if spec.kind == "multi":
            assert spec.enum is not None
            offered = [(code, text) for code, text in choices(spec.enum)
                       if spec.enum is not SanctionMeasure or code in SANCTION_CHOICES]
            return MultiCheckInput(offered)
        if spec.kind == "check":
            return CheckInput(tr(spec.label))
        if spec.kind in ("date", "opt_date"):
            # the limits the core applies (app.domain.facts), so the calendar offers only allowed dates
            bounds = self.bounds.get(spec.name, DateBounds())
            maximum = bounds.latest or (self.today if spec.name in PAST_ONLY else None)
            minimum = bounds.earliest or (self.today + timedelta(days=1) if spec.name == "new_due" else (
                self.today if spec.name in FUTURE_ONLY else None))
            if spec.kind == "date":
                return DateInput(self.today, maximum=maximum, minimum=minimum)
            return OptionalDateInput(maximum=maximum, suggested=self.today)
        field = LineInput(placeholder)
        if spec.kind == "department":
            field.completer = PinyinCompleter(departments_in_scope(self.ctx.profile.office.region_code), field.edit)
        return field

    # --- values and checks ------------------------------------------------------------------------

    def payload(self) -> dict[str, Any]:
        """What ``act`` receives: visible fields that hold something."""
        data = {}
        for name, row in self.rows.items():
            if not row.holder.isVisibleTo(self):
                continue
            value = row.field.value()
            if isinstance(value, bool) or not checks.is_empty(value):
                data[name] = value
        return data

    def problems(self) -> dict[str, str]:
        """Inline checks before asking the core: required fields, lengths."""
        found = {}
        for name, row in self.rows.items():
            if not row.holder.isVisibleTo(self):
                continue
            value = row.field.value()
            text = checks.problem("long" if isinstance(row.field, TextInput) else "text", value, row.required,
                                  name=name in PAYLOAD_NAMES.get(self.action, ()))
            if text:
                found[name] = text
        return found

    def confirmation(self) -> str | None:
        """The “确认…？” sentence for actions that need it (``Rule.needs_confirmation``)."""
        if not self.rule.needs_confirmation:
            return None
        return confirm.sentence(self.action, self.detail, self.payload(), self.today)

    # --- submit -----------------------------------------------------------------------------------

    def submit(self) -> None:
        if self.busy:
            return
        for row in self.rows.values():
            row.set_error(None)
        self.summary.hide()
        found = self.problems()
        if found:
            self.show_errors([FieldError(name, "", {}) for name in found], found)
            return
        refused = payload_errors(self.rule.payload, self.payload(), today=self.today) \
            if self.rule.needs_confirmation else []  # the domain's rules before asking (惩戒 with no measure)
        if refused:
            self.show_errors(refused)
            return
        question = self.confirmation()
        if question:
            answer = QMessageBox.question(self, label(self.action), question,
                                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                          QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.busy = True
        self.ok_button.setEnabled(False)
        complaint = self.detail.complaint
        self.ctx.tasks.run(self.perform, self.payload(), complaint.head, write=True,
                           on_done=while_alive(self, self._done), on_error=while_alive(self, self._failed))

    def perform(self, data: dict[str, Any], head: str) -> Acted:
        """Runs in the background: one event."""
        return act(self.ctx.profile, self.ctx.actor, self.detail.complaint.id, self.action.value, data,
                   expected_head=head)

    def _done(self, acted: Acted) -> None:
        self.busy = False
        self.acted.emit(acted)
        self.accept()

    def _failed(self, failure: TaskFailure) -> None:
        self.busy = False
        self.ok_button.setEnabled(True)
        if isinstance(failure.error, ValidationFailed):
            self.show_errors(failure.error.errors)
        else:
            self.summary.setText(failure.message)
            self.summary.show()

    def row_for(self, error: FieldError) -> str | None:
        return error.field if error.field in self.rows else None  # the core names the field

    def show_errors(self, errors: list[FieldError], texts: dict[str, str] | None = None) -> None:
        unplaced, first = [], None
        for error in errors:
            text = (texts or {}).get(error.field) or message(error.code, error.params)
            name = self.row_for(error)
            if name is None:
                unplaced.append(text)
                continue
            self.rows[name].set_error(text)
            first = first or name
        self.summary.setText("\n".join([message("validation_failed", {"count": len(errors)}), *unplaced]))
        self.summary.show()
        if first:
            self.rows[first].field.focus_widget.setFocus()

