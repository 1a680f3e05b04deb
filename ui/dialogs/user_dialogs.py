"""User dialogs 用户管理: add an officer (name, roles, county, first password) and set a new password.

Both validate inline, then call ``app.services.users`` on the write worker (password hashing takes
~100 ms); the core's refusal, if any, is shown in Chinese and the dialog stays open.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocabulary import Role, label
from app.services.users import UserInfo, add_user, change_password
from ui.context import UiContext
from ui.dialogs.first_run import USERNAME
from ui.tasks import TaskFailure
from ui.widgets.password_fields import PasswordFields

OFFICER_ROLES = (Role.CLERK, Role.HANDLER, Role.LEADER, Role.ADMIN, Role.AUDITOR)


class _ServiceDialog(QDialog):
    """A dialog whose OK runs one service call on the write worker."""

    def __init__(self, ctx: UiContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.result_value = None
        self.problem = QLabel(self, wordWrap=True)
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)

    def _run(self, fn, *args, **kwargs) -> None:
        self.buttons.setEnabled(False)
        self.problem.hide()
        self._ctx.tasks.run(fn, *args, write=True, on_done=self._done, on_error=self._failed, **kwargs)

    def _done(self, value) -> None:
        self.result_value = value
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, failure: TaskFailure) -> None:
        self.buttons.setEnabled(True)
        self.problem.setText(failure.message)
        self.problem.show()

    # Each dialog below defines ``_submit()``: validate, then run its service call through ``_run``.


class AddUserDialog(_ServiceDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Add a user"))
        self.username = QLineEdit(self)
        self.username.setPlaceholderText(self.tr("lower-case letters and digits, e.g. wangying"))
        self.display_name = QLineEdit(self)
        self.roles = {role: QCheckBox(label(role), self) for role in OFFICER_ROLES}
        role_row = QHBoxLayout()
        for box in self.roles.values():
            role_row.addWidget(box)
        self.region = QComboBox(self)
        regions = ctx.profile.regions
        own = regions.find(ctx.profile.office.region_code)
        if own is not None and own.level != "county":
            self.region.addItem(f"{own.name}（{own.code}）", own.code)
        for region in regions.counties(ctx.profile.office.region_code):
            self.region.addItem(f"{region.name}（{region.code}）", region.code)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Full name"), self.display_name)
        form.addRow(self.tr("Roles"), role_row)
        form.addRow(self.tr("Area"), self.region)
        self.passwords = PasswordFields(form, self, label=self.tr("First password"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _submit(self) -> None:
        roles = [role.value for role, box in self.roles.items() if box.isChecked()]
        name = self.username.text().strip().lower()
        problems = []
        if not USERNAME.match(name):
            problems.append(self.tr("User name: 2–32 lower-case letters, digits or _ . -, starting with a letter "
                                    "or digit."))
        if len(self.display_name.text().strip()) < 2:
            problems.append(self.tr("Full name: at least 2 characters."))
        if not roles:
            problems.append(self.tr("Choose at least one role."))
        if not self.passwords.valid:
            problems.append(self.tr("The password does not follow the rules shown."))
        if problems:
            self.problem.setText("\n".join(problems))
            self.problem.show()
            return
        self._run(add_user, self._ctx.profile, self._ctx.actor, username=name,
                  display_name=self.display_name.text().strip(), roles=roles, region_code=self.region.currentData(),
                  password=self.passwords.text())


class PasswordDialog(_ServiceDialog):
    """Set a new password for ``user`` (one's own, or anyone's as administrator); clears a lockout."""

    def __init__(self, ctx: UiContext, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._user = user
        self.setWindowTitle(self.tr("New password for {name}").format(name=user.display_name))
        form = QFormLayout()
        form.addRow(self.tr("User"), QLabel(f"{user.display_name}（{user.username}）", self))
        self.passwords = PasswordFields(form, self, label=self.tr("New password"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _submit(self) -> None:
        if not self.passwords.valid:
            self.problem.setText(self.tr("The password does not follow the rules shown."))
            self.problem.show()
            return
        self._run(change_password, self._ctx.profile, self._ctx.actor, self._user.id, self.passwords.text())
