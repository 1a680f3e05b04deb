"""The 投诉案件 area: the list as the first tab, then one tab per opened complaint and the registration form.

The complaint view and the registration form are built by ``ui.detail.complaint_view`` and
``ui.forms.registration``; until those modules exist their tab says so (no fake data).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QWidget
from shiboken6 import isValid

from app.services.queries import get_complaint
from ui.appearance import as_hint
from ui.context import UiContext
from ui.pages.complaints import ComplaintsPage

ID_PROPERTY = "lvyue_complaint_id"
REGISTRATION_PROPERTY = "lvyue_registration"
DUPLICATES_PROPERTY = "lvyue_duplicates"


class CaseTabs(QTabWidget):
    changed = Signal(str)  # a complaint changed (action taken in its tab)
    registered = Signal(str, str)  # complaint id, case number

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setDocumentMode(True)
        self.setTabsClosable(True)
        self.setMovable(True)
        self.list_page = ComplaintsPage(ctx, self)
        self.addTab(self.list_page, self.tr("Complaint list"))
        self.tabBar().setTabButton(0, self.tabBar().ButtonPosition.RightSide, None)
        self.tabBar().setTabButton(0, self.tabBar().ButtonPosition.LeftSide, None)
        self.tabCloseRequested.connect(self.close_tab)
        self.list_page.open_requested.connect(self.open_complaint)
        self.list_page.duplicates_requested.connect(self.open_duplicates)
        self.list_page.register_requested.connect(self.new_complaint)

    # -- complaints ----------------------------------------------------------------------------------
    def open_complaint(self, complaint_id: str, case_no: str = "") -> None:
        for i in range(1, self.count()):
            if self.widget(i).property(ID_PROPERTY) == complaint_id:
                self.setCurrentIndex(i)
                return
        try:
            from ui.detail.complaint_view import ComplaintView
        except ModuleNotFoundError as missing:
            if missing.name not in ("ui.detail", "ui.detail.complaint_view"):
                raise
            view = self._placeholder(self.tr("The complaint view is under construction."))
        else:
            view = ComplaintView(self._ctx, complaint_id, self)
            view.changed.connect(self.changed.emit)
            view.open_complaint.connect(self.open_complaint)
        view.setProperty(ID_PROPERTY, complaint_id)
        index = self.addTab(view, case_no or self.tr("Complaint"))
        self.setTabToolTip(index, case_no)
        self.setCurrentIndex(index)
        if not case_no:  # opened from another complaint: ask the service for its number
            self._ctx.tasks.run(get_complaint, self._ctx.profile, self._ctx.actor, complaint_id,
                                on_done=lambda d, w=view: self._retitle(w, d.complaint.case_no),
                                on_error=lambda _f: None)

    def _retitle(self, widget: QWidget, title: str) -> None:
        if not isValid(self) or not isValid(widget):
            return
        index = self.indexOf(widget)
        if index >= 0:
            self.setTabText(index, title)
            self.setTabToolTip(index, title)

    # -- registration --------------------------------------------------------------------------------
    def new_complaint(self) -> None:
        for i in range(1, self.count()):
            if self.widget(i).property(REGISTRATION_PROPERTY):
                self.setCurrentIndex(i)
                return
        try:
            from ui.forms.registration import RegistrationForm
        except ModuleNotFoundError as missing:
            if missing.name not in ("ui.forms", "ui.forms.registration"):
                raise
            form = self._placeholder(self.tr("The registration form is under construction."))
        else:
            form = RegistrationForm(self._ctx, self)
            form.registered.connect(self.registered.emit)
            form.open_complaint.connect(self.open_complaint)  # the duplicate banner's and success panel's
            form.closed.connect(lambda w=form: self._remove(w))
        form.setProperty(REGISTRATION_PROPERTY, True)
        self.setCurrentIndex(self.addTab(form, self.tr("Register a complaint")))

    # -- suspected duplicates 疑似重复 -------------------------------------------------------------------
    def open_duplicates(self) -> None:
        for i in range(1, self.count()):
            if self.widget(i).property(DUPLICATES_PROPERTY):
                self.setCurrentIndex(i)
                self.widget(i).refresh()
                return
        from ui.pages.duplicates import DuplicatesPage

        page = DuplicatesPage(self._ctx, self)
        page.open_requested.connect(self.open_complaint)
        page.changed.connect(self.changed.emit)
        page.setProperty(DUPLICATES_PROPERTY, True)
        self.setCurrentIndex(self.addTab(page, self.tr("Suspected duplicates")))

    # -- tabs ----------------------------------------------------------------------------------------
    def close_tab(self, index: int) -> None:
        widget = self.widget(index)
        if index <= 0 or widget is None:
            return
        if widget.close():  # the form keeps its draft in closeEvent, and may refuse
            self._remove(widget)

    def close_current(self) -> None:
        self.close_tab(self.currentIndex())

    def close_all(self) -> bool:
        """Close every opened tab (window closing); False if one refused."""
        for index in range(self.count() - 1, 0, -1):
            widget = self.widget(index)
            if not widget.close():
                return False
            self._remove(widget)
        return True

    def _remove(self, widget: QWidget) -> None:
        index = self.indexOf(widget)
        if index > 0:
            self.removeTab(index)
            widget.deleteLater()

    def show_list(self) -> None:
        self.setCurrentIndex(0)

    def open_tabs(self) -> list[QWidget]:
        return [self.widget(i) for i in range(1, self.count())]

    def _placeholder(self, text: str) -> QWidget:
        label = QLabel(text, self, alignment=Qt.AlignmentFlag.AlignCenter)
        as_hint(label)
        return label
