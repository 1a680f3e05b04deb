"""A PDF shown on screen (QtPdf): pages one under the other, page navigation and zoom."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QToolButton, QVBoxLayout, QWidget

from ui.documents.printing import LoadedPdf

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)


class PdfPane(QWidget):
    """``show_pdf(bytes)`` displays a document; ``page_count`` and ``current_page`` (1-based) for callers."""

    page_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded: LoadedPdf | None = None
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        self.previous = QToolButton(self, text="‹", autoRaise=True)
        self.previous.setToolTip(self.tr("Previous page (Page Up)"))
        self.previous.setShortcut(QKeySequence.StandardKey.MoveToPreviousPage)
        self.next = QToolButton(self, text="›", autoRaise=True)
        self.next.setToolTip(self.tr("Next page (Page Down)"))
        self.next.setShortcut(QKeySequence.StandardKey.MoveToNextPage)
        self.page = QSpinBox(self)
        self.page.setMinimum(1)
        self.page.setAccessibleName(self.tr("Page"))
        self.pages = QLabel(self)
        self.zoom = QComboBox(self)
        self.zoom.setAccessibleName(self.tr("Zoom"))
        self.zoom.addItem(self.tr("Fit width"), "width")
        self.zoom.addItem(self.tr("Whole page"), "page")
        for factor in ZOOMS:
            self.zoom.addItem(f"{round(factor * 100)}%", factor)
        zoom_out = QToolButton(self, text="−", autoRaise=True)
        zoom_out.setToolTip(self.tr("Zoom out (Ctrl+-)"))
        zoom_out.setShortcut(QKeySequence.StandardKey.ZoomOut)
        zoom_in = QToolButton(self, text="+", autoRaise=True)
        zoom_in.setToolTip(self.tr("Zoom in (Ctrl++)"))
        zoom_in.setShortcut(QKeySequence.StandardKey.ZoomIn)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.previous, self.page, self.pages, self.next):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (zoom_out, self.zoom, zoom_in):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.previous.clicked.connect(lambda: self.go_to(self.current_page - 1))
        self.next.clicked.connect(lambda: self.go_to(self.current_page + 1))
        self.page.valueChanged.connect(self.go_to)
        self.zoom.currentIndexChanged.connect(self._zoom_chosen)
        zoom_out.clicked.connect(lambda: self._step_zoom(-1))
        zoom_in.clicked.connect(lambda: self._step_zoom(+1))
        self.view.pageNavigator().currentPageChanged.connect(self._page_shown)
        self._update_pages()

    @property
    def document(self) -> QPdfDocument | None:
        return self._loaded.document if self._loaded else None

    @property
    def page_count(self) -> int:
        return self._loaded.pages if self._loaded else 0

    @property
    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage() + 1

    def show_pdf(self, pdf: bytes) -> None:
        previous = self._loaded
        self._loaded = LoadedPdf(pdf, self)
        self.view.setDocument(self._loaded.document)
        if previous is not None:
            previous.close()
            previous.document.deleteLater()
        self._update_pages()
        self.go_to(1)

    def clear(self) -> None:
        self.view.setDocument(None)
        if self._loaded is not None:
            self._loaded.close()
            self._loaded = None
        self._update_pages()

    def go_to(self, page: int) -> None:
        if not self.page_count:
            return
        page = max(1, min(self.page_count, page))
        self.view.pageNavigator().jump(page - 1, QPointF(), self.view.pageNavigator().currentZoom())
        self._page_shown(page - 1)

    def _page_shown(self, index: int) -> None:
        self.page.blockSignals(True)
        self.page.setValue(index + 1)
        self.page.blockSignals(False)
        self.previous.setEnabled(index > 0)
        self.next.setEnabled(index + 1 < self.page_count)
        self.page_changed.emit(index + 1)

    def _update_pages(self) -> None:
        count = self.page_count
        self.page.setMaximum(max(1, count))
        self.page.setEnabled(count > 1)
        self.pages.setText(self.tr("of %1").replace("%1", str(count)))
        self.previous.setEnabled(False)
        self.next.setEnabled(count > 1)

    def _zoom_chosen(self) -> None:
        choice = self.zoom.currentData()
        if choice == "width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif choice == "page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(choice))

    def _step_zoom(self, direction: int) -> None:
        factor = self.view.zoomFactor() if self.view.zoomMode() == QPdfView.ZoomMode.Custom else 1.0
        steps = [z for z in ZOOMS if (z > factor + 1e-3 if direction > 0 else z < factor - 1e-3)]
        if steps:
            target = steps[0] if direction > 0 else steps[-1]
            self.zoom.setCurrentIndex(self.zoom.findData(target))
