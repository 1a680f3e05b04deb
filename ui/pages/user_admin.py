"""User management 用户管理 (administrators): the local users, add, reset password, deactivate/reactivate."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import parse_iso
from app.domain.vocabulary import Role, label
from app.security.separation import is_combined
from app.services.queries import local_time
from app.services.users import UserInfo, list_users, set_active
from ui.context import UiContext
from ui.dialogs.user_dialogs import AddUserDialog, PasswordDialog
from ui.tasks import TaskFailure
from ui.widgets import icons


def role_names(roles: tuple[str, ...]) -> str:
    names = []
    for role in roles:
        try:
            names.append(label(Role(role)))
        except ValueError:
            names.append(role)
    return "、".join(names)


class UserAdmin(QWidget):
    saved = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.users: list[UserInfo] = []
        self.table = QTreeWidget(self)
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr("User name"), self.tr("Full name"), self.tr("Roles"), self.tr("Area"),
                                    self.tr("Status")])
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.currentItemChanged.connect(self._selection_changed)
        self.table.setMinimumHeight(self.table.fontMetrics().height() * 12)
        self.add_button = QPushButton(self.tr("Add user…"), self)
        self.add_button.setIcon(icons.icon("add_user"))
        self.password_button = QPushButton(self.tr("Set new password…"), self)
        self.password_button.setIcon(icons.icon("password"))
        self.active_button = QPushButton(self.tr("Deactivate"), self)
        self.add_button.clicked.connect(self._add)
        self.password_button.clicked.connect(self._password)
        self.active_button.clicked.connect(self._toggle_active)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.password_button, self.active_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._selection_changed()

    def refresh(self) -> None:
        self._ctx.tasks.run(list_users, self._ctx.profile, on_done=self._show, on_error=self._failed)

    def _show(self, users: list[UserInfo]) -> None:
        current = self.selected()
        self.users = users
        self.table.clear()
        regions = self._ctx.profile.regions
        now = self._ctx.profile.now()
        for user in users:
            region = regions.find(user.region_code)
            if not user.active:
                status = self.tr("deactivated")
            elif user.locked_until and parse_iso(user.locked_until) > now:
                status = self.tr("locked until {time}").format(time=local_time(user.locked_until))
            else:
                status = self.tr("active")
            if user.must_change_password:
                status += self.tr(", temporary password")
            if is_combined(user.roles):
                status += self.tr(", roles combined: split this account (三员分立)")
            item = QTreeWidgetItem([user.username, user.display_name, role_names(user.roles),
                                    region.name if region else user.region_code, status])
            item.setData(0, Qt.ItemDataRole.UserRole, user.id)
            self.table.addTopLevelItem(item)
            if current is not None and current.id == user.id:
                self.table.setCurrentItem(item)
        self._selection_changed()

    def selected(self) -> UserInfo | None:
        item = self.table.currentItem()
        if item is None:
            return None
        user_id = item.data(0, Qt.ItemDataRole.UserRole)
        return next((u for u in self.users if u.id == user_id), None)

    def _selection_changed(self, *_args) -> None:
        user = self.selected()
        self.password_button.setEnabled(user is not None and not user.hub_managed)
        self.password_button.setToolTip(self.tr("This account comes from the prefecture hub: its administrator "
                                                "sets its password there.") if user is not None and user.hub_managed
                                        else "")
        self.active_button.setEnabled(user is not None and user.id != self._ctx.actor.user_id)
        self.active_button.setText(self.tr("Reactivate") if user is not None and not user.active
                                   else self.tr("Deactivate"))

    def _add(self) -> None:
        if AddUserDialog(self._ctx, self).exec():
            self.saved.emit()
            self.refresh()

    def _password(self) -> None:
        user = self.selected()
        if user is not None and PasswordDialog(self._ctx, user, self).exec():
            self.saved.emit()
            self.refresh()

    def _toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        if user.active:
            answer = QMessageBox.question(self, self.tr("Deactivate user"), self.tr(
                "Deactivate {name}? The user can no longer log in; the records stay.").format(name=user.display_name))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._ctx.tasks.run(set_active, self._ctx.profile, self._ctx.actor, user.id, not user.active, write=True,
                            on_done=self._toggled, on_error=self._failed)

    def _toggled(self, _result) -> None:
        self.saved.emit()
        self.refresh()

    def _failed(self, failure: TaskFailure) -> None:
        QMessageBox.warning(self, self.tr("Users"), failure.message)
