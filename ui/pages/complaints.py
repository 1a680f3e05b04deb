"""The complaint list page 投诉案件: filter bar, result count and the SQL-paged table.

Enter or double-click opens a complaint; column widths, hidden columns and the order are remembered
per profile (QSettings).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocabulary import Role
from app.services.queries import ComplaintFilter
from ui.appearance import as_hint
from ui.context import UiContext
from ui.models.complaint_table import COLUMN_INDEX, COLUMNS, ROW_ROLE, ComplaintTableModel, ListQuery
from ui.tasks import TaskFailure
from ui.widgets import icons
from ui.widgets.column_fit import FontColumns
from ui.widgets.deadline_delegate import DeadlineDelegate
from ui.widgets.empty_state import EmptyState
from ui.widgets.filter_bar import FilterBar

HEADER_KEY = "complaints/header"
HAND_SIZED_KEY = "complaints/hand_sized"  # columns resized by hand: kept at a font change
SORT_KEY = "complaints/sort"
DESCENDING_KEY = "complaints/descending"
_DESCENDING_FIRST = {"registered_at", "claim", "updated_at"}
_DEFAULT_WIDTHS = {"case_no": 9, "state": 7, "complainant": 14, "respondent": 11, "region": 7, "sector": 6,
                   "channel": 9, "claim": 7, "registered": 6, "deadline": 11, "assignee": 4}  # in characters


class ComplaintTableView(QTableView):
    """The list's table: Enter opens the current complaint; rows keep one line at any font size."""

    open_current = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.doubleClicked.connect(self.open_current.emit)
        self._fit_rows()

    def _fit_rows(self) -> None:
        self.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.7))

    def event(self, e: QEvent) -> bool:
        if e.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._fit_rows()
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_current.emit(self.currentIndex())
            return
        super().keyPressEvent(e)


class ComplaintsPage(QWidget):
    open_requested = Signal(str, str)  # complaint id, case number
    status_message = Signal(str)
    back_requested = Signal()  # “back to 统计” after a statistics number opened the list
    import_requested = Signal()  # the 导入 button: bulk import from another channel (ui/imports)
    duplicates_requested = Signal()  # the 疑似重复 review (``ui.pages.duplicates``)
    register_requested = Signal()  # the empty list's 登记投诉 button

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._error_shown = False
        self.filter_bar = FilterBar(ctx, self)
        self.count_label = QLabel(self)
        self.model = ComplaintTableModel(ctx, self)
        self.view = ComplaintTableView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(COLUMN_INDEX["deadline"], DeadlineDelegate(self.view))
        self.view.open_current.connect(self._open_index)
        self._setup_header()

        self.back = QPushButton(self.tr("← Back to statistics"), self)
        self.back.hide()
        self.back.clicked.connect(self.back_requested)
        heading = QHBoxLayout()
        heading.addWidget(self.back)
        heading.addWidget(self.count_label)
        self.duplicates_button = QPushButton(self.tr("Suspected duplicates"), self)
        self.duplicates_button.setIcon(icons.icon("duplicates"))
        self.duplicates_button.clicked.connect(self.duplicates_requested)
        hint = QLabel(self.tr("Enter or double-click opens a complaint · right-click the header to choose columns"))
        as_hint(hint)
        hint.setWordWrap(True)  # two lines rather than a page that scrolls sideways at 150 % and 14 pt
        hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        heading.addWidget(hint, 1)
        heading.addWidget(self.duplicates_button)
        self.import_button = QPushButton(self.tr("Import…"), self)
        self.import_button.setIcon(icons.icon("import"))
        self.import_button.setToolTip(self.tr("Import complaints from a 12345 or other channel export (Ctrl+I)"))
        self.import_button.setVisible(Role.CLERK.value in ctx.roles)
        self.import_button.clicked.connect(self.import_requested)
        heading.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addLayout(heading)
        layout.addWidget(self.view, 1)
        self.setTabOrder(self.filter_bar.reset, self.view)

        self.model.total_changed.connect(self._show_total)
        self.model.failed.connect(self._show_failure)
        self.filter_bar.changed.connect(self._filter_changed)
        sort = str(ctx.settings.value(SORT_KEY, "registered_at"))
        descending = str(ctx.settings.value(DESCENDING_KEY, "true")).lower() == "true"
        if sort not in {c.sort for c in COLUMNS if c.sort}:
            sort, descending = "registered_at", True
        self._query = ListQuery(ComplaintFilter(), sort, descending)
        self._show_sort()
        self.model.set_query(self._query)
        self.count_label.setText(self.tr("Counting…"))
        clerk = Role.CLERK.value in ctx.roles
        self.empty_state = EmptyState(
            self.view,
            self.tr("No complaints yet. Press Ctrl+N to register the first one.") if clerk
            else self.tr("No complaints yet."),
            action_text=self.tr("Register a complaint") if clerk else "", on_action=self.register_requested.emit,
            filtered_text=self.tr("No complaints match the filters."), clear_text=self.tr("Clear filters"),
            on_clear=self.filter_bar.clear, is_filtered=lambda: self._query.filter != ComplaintFilter(),
            is_loading=lambda: self.model.total is None)
        self.model.total_changed.connect(self.empty_state.update_state)

    # -- header: widths, order, hidden columns -------------------------------------------------------
    def _setup_header(self) -> None:
        header = self.view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionHidden(COLUMN_INDEX["channel"], True)
        saved = self._ctx.settings.value(HEADER_KEY)
        if saved is not None:
            header.restoreState(saved)
        # widths from the font, again when 字号 changes; columns the user resized keep the user's width
        self.columns = FontColumns(self.view, {i: _DEFAULT_WIDTHS[c.key] for i, c in enumerate(COLUMNS)},
                                   settings=self._ctx.settings, key=HAND_SIZED_KEY)
        header.sectionClicked.connect(self._header_clicked)
        header.sectionResized.connect(self._save_header)
        header.sectionMoved.connect(self._save_header)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)

    def _save_header(self, *_args) -> None:
        self._ctx.settings.setValue(HEADER_KEY, self.view.horizontalHeader().saveState())

    def _header_menu(self, pos) -> None:
        header = self.view.horizontalHeader()
        menu = QMenu(self)
        for i, title in enumerate(self.model.headers()):
            action = QAction(title, menu, checkable=True, checked=not header.isSectionHidden(i))
            action.toggled.connect(lambda on, col=i: (header.setSectionHidden(col, not on), self._save_header()))
            menu.addAction(action)
        menu.exec(header.mapToGlobal(pos))

    def _header_clicked(self, column: int) -> None:
        key = COLUMNS[column].sort
        if key is None:
            self._show_sort()
            self.status_message.emit(self.tr("This column cannot be sorted"))
            return
        if key == self._query.sort:
            descending = not self._query.descending
        else:
            descending = key in _DESCENDING_FIRST
        self.sort_by(key, descending)

    def sort_by(self, key: str, descending: bool) -> None:
        self._query = ListQuery(self._query.filter, key, descending)
        self._ctx.settings.setValue(SORT_KEY, key)
        self._ctx.settings.setValue(DESCENDING_KEY, "true" if descending else "false")
        self._show_sort()
        self.view.selectionModel().clear()  # the rows stay on screen until re-read in the new order
        self._reload()

    def _show_sort(self) -> None:
        column = next(i for i, c in enumerate(COLUMNS) if c.sort == self._query.sort)
        order = Qt.SortOrder.DescendingOrder if self._query.descending else Qt.SortOrder.AscendingOrder
        self.view.horizontalHeader().setSortIndicator(column, order)

    # -- filter and results --------------------------------------------------------------------------
    def show_filter(self, f: ComplaintFilter, description: str = "", *, back: bool = False) -> None:
        """Show the list for ``f`` (from a workbench or statistics number); ``back``: offer the way back
        to the statistics page while the list still shows that number's complaints."""
        self.filter_bar.set_filter(f, description)
        self.back.setVisible(back and f.nums is not None)

    def _filter_changed(self, f: ComplaintFilter) -> None:
        if f.nums is None:
            self.back.hide()
        if f == self._query.filter:
            return
        self._query = ListQuery(f, self._query.sort, self._query.descending)
        self._reload()

    def _reload(self) -> None:
        self._error_shown = False
        self.count_label.setText(self.tr("Counting…"))
        self.model.set_query(self._query)
        self.view.scrollToTop()

    def refresh(self) -> None:
        self._error_shown = False
        self.model.refresh()

    def focus_search(self) -> None:
        self.filter_bar.focus_search()

    def _show_total(self, total: int) -> None:
        if self.model.total_is_lower_bound:  # a term in most complaints: the first ones are shown
            self.count_label.setText(self.tr("At least {total} complaints (refine the search to see them all)")
                                     .format(total=f"{total:,}"))
        else:
            self.count_label.setText(self.tr("{total} complaints in all").format(total=f"{total:,}"))
        if total and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _show_failure(self, failure: TaskFailure) -> None:
        if not self._error_shown:
            self._error_shown = True
            self.count_label.setText(self.tr("The list could not be read"))
            QMessageBox.warning(self, self.tr("Complaints"), failure.message)

    def _open_index(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE) if index.isValid() else None
        if row is not None:
            self.open_requested.emit(row.id, row.case_no)
