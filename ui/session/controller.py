"""The session controller 会话: one per main window, from login to logout.

- 锁定 (Ctrl+L, or after the idle time set in 设置, default 15 minutes): every open window and dialog is
  covered by a curtain (``Curtain``) and the lock dialog comes up, application-modal. Nothing is closed:
  forms, tabs and dialogs keep what was typed. Windows that appear while locked are curtained too.
- 解锁: the same user's password (``app.services.auth.unlock``; failures count to the lockout).
- 注销 / 切换用户: the window closes (registration forms keep their drafts, ``ui.forms.draft_keeper``;
  open action dialogs keep theirs, ``action_drafts``), the user is logged out (audited), and ``ended``
  tells the start-up to show the login again. Asked by the user, other open dialogs (document issue,
  import…) are named and the user confirms; from the lock screen nobody is asked and everything that
  can be kept is kept, for its owner only.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMenu, QMessageBox, QWidget

from app.security.separation import is_combined
from app.services.auth import lock as record_lock
from app.services.auth import logout
from app.services.session_settings import idle_lock_minutes
from ui.context import UiContext
from ui.session import action_drafts
from ui.session.curtain import Curtain
from ui.session.idle import IdleWatcher
from ui.session.lock_dialog import LockDialog
from ui.widgets.torn_down import mark_alive, tolerant

LOGOUT, SWITCH_USER = "logout", "switch_user"


class SessionController(QObject):
    ended = Signal(str)  # LOGOUT | SWITCH_USER: the window is closed and the user logged out
    lock_changed = Signal(bool)

    def __init__(self, window: QMainWindow, ctx: UiContext, *, idle_ms: int | None = None) -> None:
        super().__init__(window)
        mark_alive(self)
        self.window, self.ctx = window, ctx
        self.lock_dialog: LockDialog | None = None
        self.curtains: list[Curtain] = []
        self.ending = False
        self.idle = IdleWatcher(idle_ms if idle_ms is not None else idle_lock_minutes(ctx.profile) * 60_000, self)
        self.idle.idle.connect(lambda: self.lock("idle"))
        self._menu()
        self.idle.start()

    # -- the 账户 menu: Alt+A, then 修改密码(P) 锁定(L) 切换用户(S) 注销(O) ----------------------------------
    def _menu(self) -> None:
        bar = self.window.menuBar()
        menu = bar.addMenu(self.tr("&Account"))
        menu.setObjectName("account-menu")
        help_menu = bar.findChild(QMenu, "help-menu")  # 帮助 stays the last menu (ui.help.menu)
        if help_menu is not None:
            bar.insertMenu(help_menu.menuAction(), menu)
        self.password_action = menu.addAction(self.tr("Change my &password…"))
        self.password_action.triggered.connect(self.change_password)
        menu.addSeparator()
        self.lock_action = QAction(self.tr("&Lock"), self.window)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(lambda: self.lock("manual"))
        menu.addAction(self.lock_action)
        self.switch_action = menu.addAction(self.tr("&Switch user…"))
        self.switch_action.triggered.connect(lambda: self.end(SWITCH_USER))
        self.logout_action = menu.addAction(self.tr("Log &out"))
        self.logout_action.triggered.connect(lambda: self.end(LOGOUT))
        self.menu = menu

    def warn_if_combined(self) -> QMessageBox | None:
        """An account holding a system role with others (made before 三员分立) works, with this warning."""
        if not is_combined(self.ctx.actor.roles):
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Separation of duties"), self.tr(
            "This account holds the administrator or auditor role together with other roles. A level-3 system "
            "keeps them apart (三员分立): ask the administrator to split it into separate accounts."),
            QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def change_password(self) -> None:
        from ui.dialogs.user_dialogs import OwnPasswordDialog

        dialog = OwnPasswordDialog(self.ctx.tasks, self.ctx.profile, self.ctx.actor, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.window.statusBar().showMessage(self.tr("Password changed."), 5000))
        dialog.open()
        self.password_dialog = dialog

    def set_idle_minutes(self, minutes: int) -> None:
        self.idle.set_interval(minutes * 60_000)

    # -- lock ----------------------------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        return self.lock_dialog is not None

    def lock(self, reason: str = "manual") -> None:
        if self.locked or self.ending:
            return
        self.idle.stop()
        popup = QApplication.activePopupWidget()  # an open menu or completer list
        if popup is not None:
            popup.close()
        dialog = LockDialog(self.ctx)
        self.lock_dialog = dialog
        for widget in QApplication.topLevelWidgets():
            self._cover(widget)
        QApplication.instance().installEventFilter(self)  # windows shown while locked are covered too
        dialog.unlocked.connect(self._unlocked)
        dialog.switch_requested.connect(lambda: self.end(SWITCH_USER, present=False))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        self.ctx.tasks.run(record_lock, self.ctx.profile, self.ctx.actor, reason=reason, write=True,
                           on_error=lambda _f: None)
        self.lock_changed.emit(True)

    def _cover(self, widget: QWidget) -> None:
        if widget is self.lock_dialog or not widget.isVisible() or widget.windowType() == Qt.WindowType.Popup \
                or widget.findChild(Curtain, options=Qt.FindChildOption.FindDirectChildrenOnly) is not None:
            return
        self.curtains.append(Curtain(widget, self.tr("Locked")))

    @tolerant
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.locked and isinstance(watched, QWidget) and watched.isWindow():
            self._cover(watched)
        return False

    def _unlocked(self, _actor) -> None:
        self._release()
        self.idle.start()
        self.lock_changed.emit(False)

    def _release(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        for curtain in self.curtains:
            curtain.lift()
        self.curtains.clear()
        if self.lock_dialog is not None and shiboken6.isValid(self.lock_dialog):
            self.lock_dialog.release()
        self.lock_dialog = None

    # -- logout and switch of user -----------------------------------------------------------------
    def open_dialogs(self) -> list[QDialog]:
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QDialog) and w.isVisible() and w is not self.lock_dialog]

    def end(self, reason: str, *, present: bool = True) -> bool:
        """Log out (``present``: the user asked, and is asked about open dialogs). Returns True when ended."""
        if self.ending:
            return False
        from ui.dialogs.actions.base import ActionDialog

        dialogs = self.open_dialogs()
        others = [d for d in dialogs if not isinstance(d, ActionDialog)  # nothing typed in a notice or the tour
                  and not d.property("session_transient")]
        if present and others:
            names = "、".join(f"“{d.windowTitle()}”" for d in others)
            answer = QMessageBox.question(self.window, self.tr("Log out"), self.tr(
                "These windows are still open: {names}. What was typed there is not kept. Log out anyway? "
                "(Registration forms and action dialogs are kept as your drafts.)").format(names=names))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        for dialog in dialogs:
            if isinstance(dialog, ActionDialog):
                action_drafts.keep(dialog)
        self.ending = True
        app = QApplication.instance()
        app.setQuitOnLastWindowClosed(False)  # the login comes next; the start-up restores it
        if not self.window.close():  # a page refused (it says why): the session goes on
            self.ending = False
            app.setQuitOnLastWindowClosed(True)
            return False
        for dialog in dialogs:
            if shiboken6.isValid(dialog):
                dialog.reject()
        self.idle.stop()
        self._release()
        self.ctx.tasks.run(logout, self.ctx.profile, self.ctx.actor, reason=reason, write=True,
                           on_error=lambda _f: None)
        self.ended.emit(reason)
        return True

    def stop(self) -> None:
        """The window closes for good (application exit): no timer or filter outlives it."""
        self.idle.stop()
        self._release()
