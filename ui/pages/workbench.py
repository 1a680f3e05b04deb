"""The workbench 工作台: what is due (mine and the whole area), counts by state, recent activity.

Every number is a button that opens the complaint list with the matching filter. The figures are read
on the task pool (``workbench_figures``) and refreshed after every change.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import china_date
from app.domain.masking import mask_personal_text
from app.domain.vocabulary import Action, Role, State, label
from app.presentation import event_summary
from app.services.queries import (
    ComplaintFilter,
    TimelineEntry,
    counts_by_state,
    get_complaint,
    list_complaints,
    local_time,
    recent_activity,
)
from app.services.users import user_names
from ui.context import UiContext
from ui.tasks import TaskFailure
from ui.widgets import icons
from ui.widgets.empty_state import EmptyState
from ui.widgets.heading import Heading, NumberButton

DUE_SOON_WORKING_DAYS = 3
BUCKETS = ("due_today", "overdue", "due_soon")


@dataclass(frozen=True)
class WorkbenchFigures:
    today: date
    calendar_known: bool
    filters: dict[str, ComplaintFilter]  # "mine.due_today", "all.overdue", ...
    counts: dict[str, int]
    by_state: dict[str, int]
    recent: list[TimelineEntry]
    names: dict[str, str]  # user id -> display name (assignments in the activity)


def bucket_filters(ctx: UiContext, today: date) -> dict[str, ComplaintFilter]:
    """The filters behind the due-date numbers, for the actor's own complaints and for the whole area."""
    soon = ctx.profile.calendar.add_working_days(today, DUE_SOON_WORKING_DAYS)
    base = {
        "due_today": ComplaintFilter(open_only=True, due_within_days=0),
        "overdue": ComplaintFilter(open_only=True, overdue_only=True),
        "due_soon": ComplaintFilter(open_only=True, due_within_days=(soon - today).days),
    }
    filters: dict[str, ComplaintFilter] = {}
    for name, f in base.items():
        filters[f"mine.{name}"] = dataclasses.replace(f, assignee=ctx.actor.user_id)
        filters[f"all.{name}"] = f
    filters["all.open"] = ComplaintFilter(open_only=True)
    filters["mine.open"] = ComplaintFilter(open_only=True, assignee=ctx.actor.user_id)
    return filters


def workbench_figures(ctx: UiContext) -> WorkbenchFigures:
    """Everything the workbench shows, read in one go (runs on the task pool)."""
    p, actor = ctx.profile, ctx.actor
    today = china_date(p.now())
    filters = bucket_filters(ctx, today)
    counts = {key: list_complaints(p, actor, f, limit=0, with_total=True).total for key, f in filters.items()}
    return WorkbenchFigures(today, p.calendar.is_known(today.year), filters, counts,
                            counts_by_state(p, actor), recent_activity(p, actor, limit=30), user_names(p))


class WorkbenchPage(QWidget):
    open_list = Signal(object, str)  # ComplaintFilter, description shown on the list
    open_complaint = Signal(str, str)  # complaint id, case number
    new_complaint = Signal()
    calendar_help_requested = Signal()  # the holiday warning's button: the settings explain it

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._figures: WorkbenchFigures | None = None
        self._loading = False
        self.greeting = Heading("", self, scale=1.5)
        self.greeting.setWordWrap(True)  # at 150 % and 14 pt the greeting and the button beside it exceed the page
        self.calendar_note = QLabel(self, wordWrap=True)
        self.calendar_note.setStyleSheet("color: #8a5a00;")
        self.calendar_button = QPushButton(self.tr("What to do…"), self)
        self.calendar_button.setIcon(icons.icon("calendar"))
        self.calendar_button.setToolTip(self.tr("Where the holiday schedule comes from and how deadlines are "
                                                "counted meanwhile (Settings)"))
        self.calendar_button.clicked.connect(self.calendar_help_requested.emit)
        self.calendar_note.hide()
        self.calendar_button.hide()
        self.new_button = QPushButton(self.tr("Register a complaint (Ctrl+N)"), self)
        self.new_button.setIcon(icons.icon("register"))
        self.new_button.clicked.connect(self.new_complaint.emit)
        self.new_button.setVisible(ctx.actor.has(Role.CLERK))
        self.numbers: dict[str, NumberButton] = {}
        self.state_numbers: dict[str, NumberButton] = {}
        self.recent = QTreeWidget(self)

        top = QHBoxLayout()
        top.addWidget(self.greeting, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        warning = QHBoxLayout()
        warning.addWidget(self.calendar_note, 1)
        warning.addWidget(self.calendar_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(warning)
        layout.addWidget(self._due_box())
        layout.addWidget(self._state_box())
        layout.addWidget(self._recent_box(), 1)

    # -- layout --------------------------------------------------------------------------------------
    def _due_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Deadlines"), self)
        grid = QGridLayout(box)
        titles = {"due_today": self.tr("Due today"), "overdue": self.tr("Overdue"),
                  "due_soon": self.tr("Due within 3 working days")}
        for column, bucket in enumerate(BUCKETS, start=1):
            caption = QLabel(titles[bucket], box, alignment=Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(caption, 0, column)
        rows = (("mine", self.tr("Assigned to me")), ("all", self.tr("Whole area")))
        for row, (scope, title) in enumerate(rows, start=1):
            grid.addWidget(QLabel(title, box), row, 0)
            for column, bucket in enumerate(BUCKETS, start=1):
                key = f"{scope}.{bucket}"
                button = NumberButton(box)
                button.setToolTip(self.tr("Open the list of these complaints"))
                button.clicked.connect(lambda _c=False, k=key, s=title, b=titles[bucket]: self._open_bucket(k, s, b))
                self.numbers[key] = button
                grid.addWidget(button, row, column, alignment=Qt.AlignmentFlag.AlignCenter)
        open_title = self.tr("Open complaints")
        grid.addWidget(QLabel(open_title, box, alignment=Qt.AlignmentFlag.AlignCenter), 0, 4)
        for row, (scope, title) in enumerate(rows, start=1):
            button = NumberButton(box)
            button.setToolTip(self.tr("Open the list of these complaints"))
            button.clicked.connect(lambda _c=False, k=f"{scope}.open", s=title: self._open_bucket(k, s, open_title))
            self.numbers[f"{scope}.open"] = button
            grid.addWidget(button, row, 4, alignment=Qt.AlignmentFlag.AlignCenter)
        for column in range(1, 5):
            grid.setColumnStretch(column, 1)
        return box

    def _state_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Complaints by state"), self)
        grid = QGridLayout(box)
        for i, state in enumerate(State):
            row, column = divmod(i, 5)
            caption = QLabel(label(state), box, alignment=Qt.AlignmentFlag.AlignCenter)
            button = NumberButton(box, scale=1.4)
            button.clicked.connect(lambda _c=False, s=state: self.open_list.emit(ComplaintFilter(states=(s.value,)), ""))
            self.state_numbers[state.value] = button
            grid.addWidget(caption, row * 2, column)
            grid.addWidget(button, row * 2 + 1, column, alignment=Qt.AlignmentFlag.AlignCenter)
            grid.setColumnStretch(column, 1)
        return box

    def _recent_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Recent activity"), self)
        self.recent.setParent(box)
        self.recent.setRootIsDecorated(False)
        self.recent.setUniformRowHeights(True)
        self.recent.setHeaderLabels([self.tr("Time"), self.tr("Case no."), self.tr("Action"), self.tr("By"),
                                     self.tr("Details")])
        header = self.recent.header()
        header.setStretchLastSection(True)
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.recent.itemActivated.connect(self._open_recent)
        clerk = self._ctx.actor.has(Role.CLERK)
        self.recent_empty = EmptyState(
            self.recent, self.tr("Nothing has been done yet. Press Ctrl+N to register the first complaint.") if clerk
            else self.tr("Nothing has been done yet."),
            action_text=self.tr("Register a complaint") if clerk else "", on_action=self.new_complaint.emit,
            is_loading=lambda: self._figures is None)
        layout = QVBoxLayout(box)
        layout.addWidget(self.recent)
        return box

    # -- data ----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        self._ctx.tasks.run(workbench_figures, self._ctx, on_done=self._show, on_error=self._failed)

    def _failed(self, failure: TaskFailure) -> None:
        self._loading = False
        self.greeting.setText(self.tr("The workbench could not be read"))
        self.calendar_note.setText(failure.message)
        self.calendar_note.show()
        self.calendar_button.hide()

    def _show(self, figures: WorkbenchFigures) -> None:
        self._loading = False
        self._figures = figures
        day = figures.today
        when = QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)
        self.greeting.setText(self.tr("{name}, today is {date}").format(name=self._ctx.actor.display_name, date=when))
        if not figures.calendar_known:
            self.calendar_note.setText(self.tr(
                "The holiday schedule for {year} has not been entered: working days are counted as Monday to "
                "Friday only.").format(year=figures.today.year))
        self.calendar_note.setVisible(not figures.calendar_known)
        self.calendar_button.setVisible(not figures.calendar_known)
        for key, button in self.numbers.items():
            button.set_value(figures.counts.get(key, 0))
        for state, button in self.state_numbers.items():
            button.set_value(figures.by_state.get(state, 0))
        self.recent.clear()
        for entry in figures.recent:
            case_no = entry.payload.get("_case_no", "")
            try:
                action = label(Action(entry.action))
            except ValueError:
                action = entry.action
            item = QTreeWidgetItem([local_time(entry.at), case_no, action, entry.actor_name,
                                    mask_personal_text(event_summary(entry.action, entry.payload, figures.names))])
            item.setData(0, Qt.ItemDataRole.UserRole, case_no)
            self.recent.addTopLevelItem(item)
        self.recent_empty.update_state()

    def _open_bucket(self, key: str, scope: str, bucket: str) -> None:
        if self._figures is not None:
            self.open_list.emit(self._figures.filters[key], f"{scope} · {bucket}")

    def _open_recent(self, item: QTreeWidgetItem) -> None:
        case_no = item.data(0, Qt.ItemDataRole.UserRole)
        if case_no:  # the activity carries the case number; the complaint id comes from the service
            self._ctx.tasks.run(get_complaint, self._ctx.profile, self._ctx.actor, case_no,
                                on_done=self._found)

    def _found(self, detail) -> None:
        self.open_complaint.emit(detail.complaint.id, detail.complaint.case_no)
