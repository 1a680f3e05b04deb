"""The complaint list's filter bar 筛选栏: instant search (debounced), state, county, sector, channel,
registration dates, overdue only, assigned to me — and a removable chip for conditions set elsewhere
(a workbench number such as “due within 3 working days”).
"""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import china_date
from app.domain.vocabulary import Channel, Sector, State, choices
from app.services.queries import ComplaintFilter
from ui.context import UiContext
from ui.widgets.date_range import DateRange
from ui.widgets.flow_layout import FlowLayout, group

SEARCH_DELAY_MS = 200
_PRESET_FIELDS = ("due_within_days", "open_only", "typical_only", "conflict_only", "nums")




class FilterBar(QWidget):
    changed = Signal(object)  # ComplaintFilter

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._preset = ComplaintFilter()  # conditions the widgets cannot show (from the workbench)
        self._quiet = False
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._emit)

        self.search = QLineEdit(self, clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Search case no., enterprise, government body, agreement… (Ctrl+F)"))
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._emit_now)
        self.state = self._combo(self.tr("All states"), choices(State))
        self.county = self._combo(self.tr("All counties"), self._county_choices())
        self.county.setVisible(self.county.count() > 2)
        self.sector = self._combo(self.tr("All sectors"), choices(Sector))
        self.channel = self._combo(self.tr("All channels"), choices(Channel))

        today = china_date(ctx.profile.now())
        self.dates = DateRange(self, self.tr("Registered from"), self.tr("to"), date(today.year, 1, 1), today,
                               self._emit_now)
        self.dated, self.date_from, self.date_to = self.dates.check, self.dates.start, self.dates.end
        self.overdue = QCheckBox(self.tr("Overdue only"), self)
        self.mine = QCheckBox(self.tr("Assigned to me"), self)
        for box in (self.overdue, self.mine):
            box.toggled.connect(self._emit_now)
        self.preset_label = QLabel(self)
        self.preset_clear = QToolButton(self, text="✕", autoRaise=True)
        self.preset_clear.setToolTip(self.tr("Remove this condition"))
        self.preset_clear.clicked.connect(self.clear_preset)
        self.reset = QPushButton(self.tr("Clear filters"), self)
        self.reset.clicked.connect(self.clear)
        self._set_preset(ComplaintFilter(), "")
        self._lay_out()

    def _combo(self, everything: str, options: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, None)
        for code, text in options:
            combo.addItem(text, code)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(7)  # the search box keeps its room at large font sizes
        combo.currentIndexChanged.connect(self._emit_now)
        return combo

    def _county_choices(self) -> list[tuple[str, str]]:
        office = self._ctx.profile.office
        regions = self._ctx.profile.regions
        own = regions.find(office.region_code)
        options = [(r.code, r.name) for r in regions.counties(office.region_code)]
        if own is not None and own.level != "county":
            options.append((own.code, self.tr("{name} (own level)").format(name=own.name)))
        return options

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 3)
        for combo in (self.state, self.county, self.sector, self.channel):
            top.addWidget(combo, 1)
        # wraps onto a further row when the page is narrow (150 % and 14 pt on 1366×768), never scrolls
        bottom = FlowLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(group(self, self.dates.widgets()))
        bottom.addWidget(group(self, [self.overdue, self.mine]))
        self.preset = group(self, [self.preset_label, self.preset_clear])
        self.preset.setVisible(self._preset != ComplaintFilter())
        bottom.addWidget(self.preset)
        bottom.addWidget(self.reset)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addLayout(bottom)

    # -- reading and writing the filter ---------------------------------------------------------------
    def current(self) -> ComplaintFilter:
        def one(combo: QComboBox) -> tuple[str, ...]:
            code = combo.currentData()
            return (code,) if code else ()

        p = self._preset
        registered_from, registered_to = self.dates.dates()
        return dataclasses.replace(
            p,
            states=one(self.state) or p.states, regions=one(self.county) or p.regions,
            sectors=one(self.sector) or p.sectors, channels=one(self.channel) or p.channels,
            registered_from=registered_from, registered_to=registered_to,
            overdue_only=self.overdue.isChecked(),
            assignee=self._ctx.actor.user_id if self.mine.isChecked() else p.assignee,
            search=self.search.text().strip(),
        )

    def set_filter(self, f: ComplaintFilter, description: str = "") -> None:
        """Show ``f``; what the widgets cannot show becomes the chip ``description``."""
        self._quiet = True
        try:
            preset = ComplaintFilter(**{name: getattr(f, name) for name in _PRESET_FIELDS})
            preset = dataclasses.replace(
                preset,
                states=f.states if len(f.states) > 1 else (), regions=f.regions if len(f.regions) > 1 else (),
                sectors=f.sectors if len(f.sectors) > 1 else (), channels=f.channels if len(f.channels) > 1 else (),
                assignee=f.assignee if f.assignee not in (None, self._ctx.actor.user_id) else None,
            )
            self._select(self.state, f.states)
            self._select(self.county, f.regions)
            self._select(self.sector, f.sectors)
            self._select(self.channel, f.channels)
            self.dates.set_dates(f.registered_from, f.registered_to)
            self.overdue.setChecked(f.overdue_only)
            self.mine.setChecked(f.assignee == self._ctx.actor.user_id)
            self.search.setText(f.search)
            self._set_preset(preset, description)
        finally:
            self._quiet = False
        self._emit_now()

    @staticmethod
    def _select(combo: QComboBox, codes: tuple[str, ...]) -> None:
        index = combo.findData(codes[0]) if len(codes) == 1 else 0
        combo.setCurrentIndex(max(0, index))

    def _set_preset(self, preset: ComplaintFilter, description: str) -> None:
        self._preset = preset
        shown = preset != ComplaintFilter()
        self.preset_label.setText(description or self.tr("Condition from the workbench"))
        self.preset_label.setVisible(shown)
        self.preset_clear.setVisible(shown)
        if hasattr(self, "preset"):  # laid out after the first call
            self.preset.setVisible(shown)

    def clear_preset(self) -> None:
        self._set_preset(ComplaintFilter(), "")
        self._emit_now()

    def clear(self) -> None:
        self.set_filter(ComplaintFilter())

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- signals -------------------------------------------------------------------------------------
    def _emit_now(self, *_args) -> None:
        self._timer.stop()
        self._emit()

    def _emit(self) -> None:
        if not self._quiet:
            self.changed.emit(self.current())
