"""The audit page's filter bar: period, user, category, action, case number, device, outcome."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import audit_records as ar
from app.domain.clock import china_date
from app.services.audit_trail import AuditFilter
from ui.context import UiContext
from ui.widgets import icons
from ui.widgets.date_range import DateRange
from ui.widgets.list_parts import refill

TYPING_DELAY_MS = 300




class AuditFilterBar(QWidget):
    changed = Signal(object)  # AuditFilter

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        self._timer = QTimer(self, singleShot=True, interval=TYPING_DELAY_MS)
        self._timer.timeout.connect(self._emit)
        self.actor = self._line(self.tr("User (login name or name)"))
        self.case_no = self._line(self.tr("Case no."))
        self.category = self._combo(self.tr("All categories"), list(ar.CATEGORY_LABELS.items()))
        self.action = self._combo(self.tr("All actions"), ar.action_choices())
        self.outcome = self._combo(self.tr("Any outcome"), list(ar.OUTCOME_LABELS.items()))
        self.device = self._combo(self.tr("All devices"), [])
        today = china_date(ctx.profile.now())
        self.dates = DateRange(self, self.tr("From"), self.tr("to"), today - timedelta(days=30), today, self._emit)
        self.dated, self.date_from, self.date_to = self.dates.check, self.dates.start, self.dates.end
        self.reset = QPushButton(self.tr("Clear filters"), self)
        self.reset.setIcon(icons.icon("clear_filter"))
        self.reset.clicked.connect(self.clear)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        for widget in (*self.dates.widgets(), self.actor, self.case_no):
            top.addWidget(widget)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        for widget in (self.category, self.action, self.outcome, self.device):
            bottom.addWidget(widget)
        bottom.addStretch(1)
        bottom.addWidget(self.reset)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addLayout(bottom)

    def _line(self, placeholder: str) -> QLineEdit:
        line = QLineEdit(self, clearButtonEnabled=True)
        line.setPlaceholderText(placeholder)
        line.textChanged.connect(lambda _t: self._timer.start())
        line.returnPressed.connect(self._emit)
        return line

    def _combo(self, everything: str, options: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, None)
        for code, text in options:
            combo.addItem(text, code)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(self._emit)
        return combo

    def set_devices(self, device_ids: list[str], own: str) -> None:
        """The devices whose records the log holds (read on the task pool by the page)."""
        self._quiet = True
        try:
            refill(self.device, self.tr("All devices"),
                   [(d, d[:8] + (self.tr(" (this computer)") if d == own else "")) for d in device_ids])
        finally:
            self._quiet = False

    def current(self) -> AuditFilter:
        date_from, date_to = self.dates.dates()
        return AuditFilter(
            date_from=date_from, date_to=date_to,
            actor=self.actor.text().strip(), category=self.category.currentData(),
            action=self.action.currentData(), case_no=self.case_no.text().strip(),
            device=self.device.currentData() or "", outcome=self.outcome.currentData(),
        )

    def clear(self) -> None:
        self._quiet = True
        try:
            for line in (self.actor, self.case_no):
                line.clear()
            for combo in (self.category, self.action, self.outcome, self.device):
                combo.setCurrentIndex(0)
            self.dated.setChecked(False)
        finally:
            self._quiet = False
        self._emit()

    def _emit(self, *_args) -> None:
        if self._quiet:
            return
        self._timer.stop()
        self.changed.emit(self.current())
