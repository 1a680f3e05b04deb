"""用户手册: the Chinese user guide (``docs/user-guide.md``) rendered in the window (QTextBrowser, Markdown).

The guide is found beside the package (a checkout: ``<root>/docs``), or in the frozen build's data folder
(``installer/lvyue.spec`` copies ``docs/user-guide.md`` and its screenshots). A screenshot that is not
there becomes a short note in the text; wide ones are scaled to the window. Links inside the guide
(``#登录``) scroll to the heading; links to the web open in the browser.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ui.widgets.screen_fit import em, fit_to_screen

GUIDE_NAME = "user-guide.md"
_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")


def guide_folders() -> list[Path]:
    """Where the guide may be: the checkout's docs/, then the frozen build's (PyInstaller) docs/."""
    folders = [Path(__file__).resolve().parents[2] / "docs"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        folders.append(Path(bundle) / "docs")
    if getattr(sys, "frozen", False):
        folders.append(Path(sys.executable).resolve().parent / "docs")
    return folders


def find_user_guide() -> Path | None:
    return next((folder / GUIDE_NAME for folder in guide_folders() if (folder / GUIDE_NAME).is_file()), None)


def without_missing_images(markdown: str, folder: Path, note: str) -> str:
    """Each image whose file is not in ``folder`` becomes ``note`` (``{alt}``: its caption), in italics."""
    def replace(match: re.Match) -> str:
        alt, target = match.group(1), match.group(2)
        if "://" in target or (folder / target).is_file():
            return match.group(0)
        return f"*{note.format(alt=alt)}*"

    return _IMAGE.sub(replace, markdown)


class GuideBrowser(QTextBrowser):
    """Scales screenshots to the width of the view (they are taken at 1366 or 1920 pixels)."""

    image_width = 0  # set by the dialog once sized; 0: the viewport's width

    def loadResource(self, kind: int, url: QUrl):
        resource = super().loadResource(kind, url)
        if int(getattr(kind, "value", kind)) != QTextDocument.ResourceType.ImageResource.value:
            return resource
        image = resource if isinstance(resource, QImage) else QImage.fromData(resource) \
            if isinstance(resource, QByteArray | bytes) else QImage()
        if image.isNull():
            return resource
        width = max(200, (self.image_width or self.viewport().width()) - 80)  # list items are indented
        return image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation) if image.width() > width \
            else image


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.setProperty("session_transient", True)  # nothing typed here: closed without asking at logout
        self.path = path if path is not None else find_user_guide()
        self.browser = GuideBrowser(self)
        self.browser.setOpenLinks(False)
        # text, tables and command lines wrap and screenshots are scaled: a sideways scroll bar would only
        # ever be for a table border's pixel
        self.browser.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.browser.anchorClicked.connect(self._link)
        self.where = QLabel(self)
        self.where.setEnabled(False)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.where)
        layout.addWidget(buttons)
        fit_to_screen(self, em(self) * 72, em(self) * 52)
        self.browser.image_width = self.width() - 2 * self.fontMetrics().horizontalAdvance("中")
        self._load()

    def _load(self) -> None:
        if self.path is None:
            self.browser.setMarkdown(self.tr(
                "# User guide not found\n\nThe file user-guide.md was not found beside the program ({folders}). "
                "It is part of the program's documentation (docs/user-guide.md): ask whoever installed the "
                "program for a complete copy.").format(folders="; ".join(str(f) for f in guide_folders())))
            self.where.setText("")
            return
        text = self.path.read_text(encoding="utf-8")
        text = without_missing_images(text, self.path.parent, self.tr("(Screenshot not included: {alt})"))
        self.browser.setSearchPaths([str(self.path.parent)])
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(self.path.parent) + "/"))
        self.browser.setMarkdown(text)
        self._wrap_code()
        self.where.setText(str(self.path))

    def _wrap_code(self) -> None:
        """Code blocks (command lines) wrap like the text: no sideways scrolling in a narrow window."""
        cursor = QTextCursor(self.browser.document())
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().nonBreakableLines():
                cursor.setPosition(block.position())
                fmt = block.blockFormat()
                fmt.setNonBreakableLines(False)
                cursor.setBlockFormat(fmt)
            block = block.next()
        self.browser.document().setModified(False)

    def headings(self) -> list[str]:
        """The guide's headings, as shown (tests, and the links between sections)."""
        found, block = [], self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                found.append(block.text())
            block = block.next()
        return found

    def show_heading(self, title: str) -> bool:
        """Scroll to the heading called ``title`` (a link ``#标题`` in the guide). False when there is none."""
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0 and block.text().strip() == title.strip():
                cursor = QTextCursor(block)
                self.browser.setTextCursor(cursor)
                bar = self.browser.verticalScrollBar()
                bar.setValue(bar.maximum())  # the heading at the top, not at the bottom of the view
                self.browser.ensureCursorVisible()
                return True
            block = block.next()
        return False

    def _link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment() and not url.path():
            self.show_heading(url.fragment(QUrl.ComponentFormattingOption.FullyDecoded))
        elif url.isLocalFile() or url.isRelative():
            target = self.path.parent / url.path() if self.path is not None and url.isRelative() else None
            if target is not None and target.exists():
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
