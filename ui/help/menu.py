"""The 帮助 menu of the main window: 用户手册 (F1), 快捷键, 新手导览, 关于. The dialogs are not modal: the
guide stays open beside the work. Each is kept on the ``HelpMenu`` while open (tests read them)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow

from ui.help.about import AboutDialog
from ui.help.guide import GuideDialog
from ui.help.shortcuts import ShortcutsDialog
from ui.help.tour import TourDialog, show_tour


class HelpMenu(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)  # the window is its parent; no Python reference back (no cycle keeps it alive)
        self.guide: GuideDialog | None = None
        self.shortcuts: ShortcutsDialog | None = None
        self.tour: TourDialog | None = None
        self.about: AboutDialog | None = None
        menu = window.menuBar().addMenu(self.tr("&Help"))
        menu.setObjectName("help-menu")
        self.guide_action = QAction(self.tr("&User guide"), window)
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))  # F1
        if self.guide_action.shortcut().isEmpty():
            self.guide_action.setShortcut(QKeySequence("F1"))
        self.guide_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.guide_action.triggered.connect(self.show_guide)
        menu.addAction(self.guide_action)
        self.shortcuts_action = menu.addAction(self.tr("&Keyboard shortcuts"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.tour_action = menu.addAction(self.tr("&Getting started tour"))
        self.tour_action.triggered.connect(self.show_tour)
        menu.addSeparator()
        self.about_action = menu.addAction(self.tr("&About Lvyue"))
        self.about_action.triggered.connect(self.show_about)
        self.menu = menu

    @property
    def window(self) -> QMainWindow:
        return self.parent()

    @staticmethod
    def _alive(dialog: QDialog | None) -> bool:
        return dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible()

    def _present(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def show_guide(self) -> GuideDialog:
        if not self._alive(self.guide):
            self.guide = GuideDialog(self.window)
            self._present(self.guide)
        else:
            self.guide.raise_()
            self.guide.activateWindow()
        return self.guide

    def show_shortcuts(self) -> ShortcutsDialog:
        if self._alive(self.shortcuts):
            self.shortcuts.close()
        self.shortcuts = ShortcutsDialog(self.window)
        self._present(self.shortcuts)
        return self.shortcuts

    def show_tour(self) -> TourDialog:
        if self._alive(self.tour):
            self.tour.raise_()
            return self.tour
        self.tour = show_tour(self.window)
        return self.tour

    def show_about(self) -> AboutDialog:
        if not self._alive(self.about):
            self.about = AboutDialog(self.window.ctx.profile.files.home, self.window)
            self._present(self.about)
        return self.about


def install_help_menu(window: QMainWindow) -> HelpMenu:
    """Add the 帮助 menu (last in the menu bar) to ``window`` (a ``MainWindow``)."""
    return HelpMenu(window)
