"""The dialog every workflow action opens: its fields, inline errors, confirmation and the ``act`` call.

The dialog stays open when the core refuses the input: the errors appear under the fields they
concern and nothing typed is lost. The summary “有 N 处填写有误” is recounted as each field is fixed and
goes at zero. The fields scroll inside the dialog; the dialog is sized from the available screen, so
the buttons stay on screen whatever the errors, the scaling or the font size. ``expected_head`` is always passed, so a change made meanwhile by
someone else is refused (``complaint_changed``) instead of overwritten.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QRect, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

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
from ui.widgets.screen_fit import available_geometry


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
        self._unplaced: list[str] = []  # errors no field shows (kept until the next submit)
        self._counting = False  # the summary shows the live error count
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
        self.about = about
        self.grid = FieldGrid()
        self.grid.errors_changed.connect(self._recount)
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
        self.buttons = QDialogButtonBox()
        restore_draft(self)  # entries kept when this user's session ended with the dialog open
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

    FRAME = 48  # title bar and borders the window manager adds around the dialog

    def available(self) -> QRect:
        """The screen area the dialog may use (the screen of its parent, or the primary screen)."""
        return available_geometry(self)

    def fit(self) -> None:
        """Tall enough to show every field (with its errors) without scrolling, as far as the screen allows:
        the fields scroll, the note above and the summary and buttons below always fit on the screen."""
        if not hasattr(self, "buttons"):
            return  # still building: __init__ fits once everything is there
        area = self.available()
        for grid in [*self.grid.findChildren(FieldGrid), self.grid]:
            grid.layout().activate()  # rows added just now count too
        # wide enough for the fields (two columns of measures, long labels), up to 90% of the screen
        scrollbar = self.scroll.verticalScrollBar().sizeHint().width()
        width = min(max(self.grid.minimumSizeHint().width() + scrollbar + 4, self.minimumWidth()),
                    int(area.width() * 0.9) - 40)
        self.scroll.setMinimumWidth(width)
        margins = self.layout().contentsMargins()
        inner = width + scrollbar
        rest = (margins.top() + margins.bottom() + self.layout().spacing() * 3
                + self.about.heightForWidth(inner) + self.buttons.sizeHint().height()
                + (self.summary.heightForWidth(inner) if not self.summary.isHidden() else 0))
        room = max(area.height() - self.FRAME - rest, 120)
        want = self.grid.sizeHint().height() + 8
        self.scroll.setMinimumHeight(min(want, room))
        self.setMaximumHeight(max(area.height() - self.FRAME, 200))
        self.setMaximumWidth(max(area.width() - 16, 400))
        self.adjustSize()
        self.keep_on_screen()

    def keep_on_screen(self) -> None:
        """Move the dialog back inside the available screen if growing pushed it over an edge."""
        if not self.isVisible():
            return
        area = self.available()
        frame = self.frameGeometry()
        x = min(max(frame.left(), area.left()), max(area.right() - frame.width() + 1, area.left()))
        y = min(max(frame.top(), area.top()), max(area.bottom() - frame.height() + 1, area.top()))
        if (x, y) != (frame.left(), frame.top()):
            self.move(x, y)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.keep_on_screen()

    # --- building ---------------------------------------------------------------------------------

    def build(self) -> None:
        values = defaults(self.action, self.detail, self.ctx.profile, self.today)
        for spec in fields_for(self.action):
            field = self.make_input(spec)
            if spec.name in values and values[spec.name] is not None:
                field.set_value(values[spec.name])
            text = "" if spec.kind == "check" else tr(spec.label)  # the checkbox carries its own text
            row = self.add_row(spec.name, text, field, spec.required)
            if spec.limit and isinstance(field, TextInput) and not isinstance(field, LinesInput):
                row.set_limit(spec.limit)  # “已输入 N / 上限 字”, the core's own limit
            if spec.placeholder and spec.kind in ("date", "opt_date"):
                row.set_hint(tr(spec.placeholder))  # a date edit has no placeholder of its own

    def add_row(self, name: str, text: str, field: FieldInput, required: bool) -> FieldRow:
        row = self.grid.add(name, text, field, required)
        self.rows[name] = row
        field.changed.connect(lambda n=name: self.recheck(n))
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
                                  name=name in PAYLOAD_NAMES.get(self.action, ()), limit=row.limit)
            if text:
                found[name] = text
        return found

    def recheck(self, name: str) -> None:
        """An edited field that shows an error is checked again at once, so the error (and the count in the
        summary) goes as soon as it is fixed; an error only the core can see goes with the first edit."""
        row = self.rows.get(name)
        if row is not None and row.error:
            row.set_error(self.problems().get(name))

    def error_count(self) -> int:
        return sum(row.has_error() for row in self.rows.values()) + len(self._unplaced)

    def _recount(self) -> None:
        """“有 N 处填写有误” as it is now; hidden (and the dialog shrinks back) at zero. Focus stays put."""
        if not hasattr(self, "summary") or not isValid(self.summary):
            return
        count = self.error_count()
        if not count:
            if self._counting:
                self._counting = False
                self.summary.hide()
                self.fit()
            return
        self._counting = True
        self.summary.setText("\n".join([message("validation_failed", {"count": count}), *self._unplaced]))
        if self.summary.isHidden():
            self.summary.show()
            self.fit()

    def confirmation(self) -> str | None:
        """The “确认…？” sentence for actions that need it (``Rule.needs_confirmation``)."""
        if not self.rule.needs_confirmation:
            return None
        return confirm.sentence(self.action, self.detail, self.payload(), self.today)

    # --- submit -----------------------------------------------------------------------------------

    def submit(self) -> None:
        if self.busy:
            return
        self._unplaced = []
        for row in self.rows.values():
            row.set_error(None)
        self._counting = False
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
            self._counting = False
            self.summary.setText(failure.message)
            self.summary.show()
            self.fit()

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
        self._unplaced = unplaced
        self._recount()
        self.fit()  # grow with the errors, as far as the screen allows
        if first:
            self.scroll.ensureWidgetVisible(self.rows[first].holder, 20, 20)  # the field and its message
            self.scroll.ensureWidgetVisible(self.rows[first].field.focus_widget, 20, 20)
            self.rows[first].field.focus_widget.setFocus()

