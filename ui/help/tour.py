"""新手导览: a short tour (five steps, 上一步 / 下一步 / 完成, 不再显示), shown after a user's login until they
finish it or tick 不再显示 (remembered per user in the profile's settings), and reopened from 帮助 → 新手导览.

The start-up opens it (``maybe_show_tour``) when ``AT_LOGIN`` is true; the window's other tests turn that
off and test the tour on its own.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocabulary import Role
from ui.widgets.screen_fit import em, fit_to_screen

AT_LOGIN = True  # tests of other parts of the window set this False
DONE_KEY = "help/tour_done/{user}"


def tour_done(settings: QSettings, username: str) -> bool:
    return str(settings.value(DONE_KEY.format(user=username), "")).lower() in ("true", "1")


class TourDialog(QDialog):
    closed_for_good = Signal()  # finished, or 不再显示 ticked

    def __init__(self, settings: QSettings, username: str, roles, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings, self.username = settings, username
        self._finished = False
        self.setWindowTitle(self.tr("Getting started"))
        self.setProperty("session_transient", True)  # nothing typed here: closed without asking at logout
        self.stack = QStackedWidget(self)
        for title, text in self.steps(set(roles)):
            page = QWidget(self.stack)
            heading = QLabel(f"<h3>{title}</h3>", page)
            body = QLabel(text, page)
            body.setWordWrap(True)
            body.setTextFormat(Qt.TextFormat.RichText)
            body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            box = QVBoxLayout(page)
            box.addWidget(heading)
            box.addWidget(body, 1)
            self.stack.addWidget(page)
        self.position = QLabel(self)
        self.never = QCheckBox(self.tr("Do not show again"), self)
        self.never.setChecked(tour_done(settings, username))
        self.back_button = QPushButton(self.tr("Back"), self)
        self.next_button = QPushButton(self.tr("Next"), self)
        self.finish_button = QPushButton(self.tr("Finish"), self)
        self.back_button.clicked.connect(lambda: self.go(self.stack.currentIndex() - 1))
        self.next_button.clicked.connect(lambda: self.go(self.stack.currentIndex() + 1))
        self.finish_button.clicked.connect(self.finish)
        row = QHBoxLayout()
        row.addWidget(self.never)
        row.addStretch(1)
        row.addWidget(self.position)
        for button in (self.back_button, self.next_button, self.finish_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(row)
        fit_to_screen(self, em(self) * 36, em(self) * 20)
        self.go(0)

    def steps(self, roles: set[str]) -> list[tuple[str, str]]:
        welcome = (self.tr("Welcome to Lvyue"), self.tr(
            "Lvyue handles complaints that a government body broke its word to a business: registration, "
            "forwarding, findings, rectification, the breach register, sanctions, credit repair, feedback and "
            "closing. Everything is kept on this computer and works offline; each step is recorded."))
        pages = (self.tr("The pages"), self.tr(
            "The list on the left opens the pages: <b>Workbench</b> (what is due), <b>Complaints</b>, "
            "<b>Documents</b>, <b>Statistics</b>, <b>Sync</b>, <b>Settings</b>. Ctrl+1 … Ctrl+9 switch between "
            "them; F5 refreshes the page."))
        if Role.ADMIN.value in roles:
            work = (self.tr("First: the officers' accounts"), self.tr(
                "As the system administrator you manage users, settings and synchronisation, but do not register "
                "or handle complaints (三员分立). Start in <b>Settings → Users</b>: add an account for each "
                "officer (clerk, handler, reviewer; one officer may hold all three)."))
        elif Role.AUDITOR.value in roles:
            work = (self.tr("The audit trail"), self.tr(
                "As the auditor you read the audit trail (<b>Audit</b> page): logins, changes and exports, with "
                "filters and export. Case pages are not shown to this account (三员分立)."))
        else:
            work = (self.tr("Registering and handling"), self.tr(
                "<b>Ctrl+N</b> registers a complaint (clerk). Open a complaint from the list (Enter or double "
                "click): its next actions are buttons at the top, and each action can issue its document "
                "(开具文书). Ctrl+F searches the list."))
        account = (self.tr("Your account and sync"), self.tr(
            "The <b>Account</b> menu (Alt+A) changes your password, locks the window (Ctrl+L) and switches the "
            "user or logs out. The status bar shows who is logged in, the last save and the sync state; click "
            "the sync state to open the Sync page."))
        help_ = (self.tr("Help"), self.tr(
            "<b>F1</b> opens the user guide. The <b>Help</b> menu also lists the keyboard shortcuts, shows this "
            "tour again and tells the version and the data folder (关于)."))
        return [welcome, pages, work, account, help_]

    def go(self, index: int) -> None:
        index = max(0, min(index, self.stack.count() - 1))
        self.stack.setCurrentIndex(index)
        last = index == self.stack.count() - 1
        self.back_button.setEnabled(index > 0)
        self.next_button.setVisible(not last)
        self.finish_button.setVisible(last)
        (self.finish_button if last else self.next_button).setDefault(True)
        self.position.setText(self.tr("{n} of {total}").format(n=index + 1, total=self.stack.count()))

    def finish(self) -> None:
        self._finished = True
        self.accept()

    def done(self, result: int) -> None:  # 完成, Esc or the window's close box
        self._remember(self._finished or self.never.isChecked())
        super().done(result)

    def _remember(self, done: bool) -> None:
        key = DONE_KEY.format(user=self.username)
        if done:
            self.settings.setValue(key, True)
            self.closed_for_good.emit()
        else:
            self.settings.remove(key)
        self.settings.sync()


def show_tour(window) -> TourDialog:
    """Open the tour over ``window`` (a ``MainWindow``: its ``ctx`` gives the user and the settings)."""
    ctx = window.ctx
    tour = TourDialog(ctx.settings, ctx.actor.username, ctx.roles, window)
    tour.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    tour.show()
    tour.raise_()
    return tour


def maybe_show_tour(window) -> TourDialog | None:
    """After a login: the tour, unless this user finished it or ticked 不再显示 (or ``AT_LOGIN`` is off)."""
    if not AT_LOGIN or tour_done(window.ctx.settings, window.ctx.actor.username):
        return None
    return show_tour(window)
