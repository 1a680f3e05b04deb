"""User dialogs 用户管理: add an officer (name, roles, county, first password), set a new password for
someone (administrator: a temporary one, to be changed at the next login), and change one's own password
(修改密码: the current one, then the new one twice).

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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocabulary import Role, label
from app.security.separation import SYSTEM_ROLES
from app.services.profile import Profile
from app.services.users import (
    Actor,
    UserInfo,
    add_user,
    change_own_password,
    change_password,
    temporary_password,
)
from ui.context import UiContext
from ui.dialogs.first_run import USERNAME
from ui.tasks import TaskFailure, Tasks
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
        elif len(roles) > 1 and SYSTEM_ROLES & set(roles):
            problems.append(self.tr("The administrator and the auditor each need an account of their own, without "
                                    "any other role (separation of duties, 三员分立)."))
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
        if user.id != ctx.actor.user_id:
            self.generate_button = QPushButton(self.tr("Generate a temporary password"), self)
            self.generate_button.clicked.connect(self.generate)
            form.addRow("", self.generate_button)
            note = QLabel(self.tr("This is a temporary password: tell it to the user in person; they must choose "
                                  "their own at the next login."), self, wordWrap=True)
            layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def generate(self) -> None:
        """A random temporary password (``app.services.users.temporary_password``), shown to be read out."""
        text = temporary_password()
        for box in (self.passwords.password, self.passwords.confirm):
            box.setEchoMode(QLineEdit.EchoMode.Normal)
            box.setText(text)

    def _submit(self) -> None:
        if not self.passwords.valid:
            self.problem.setText(self.tr("The password does not follow the rules shown."))
            self.problem.show()
            return
        self._run(change_password, self._ctx.profile, self._ctx.actor, self._user.id, self.passwords.text())


class OwnPasswordDialog(QDialog):
    """修改密码: one's own, with the current password. ``forced``: after a login with a temporary password
    (the current one is already known, the dialog cannot be skipped: cancelling logs out). Accepted with
    ``actor`` (no longer marked must-change)."""

    def __init__(self, tasks: Tasks, profile: Profile, actor: Actor, parent: QWidget | None = None, *,
                 current_password: str | None = None) -> None:
        super().__init__(parent)
        self._tasks, self._profile, self.actor = tasks, profile, actor
        self._current = current_password
        self.setWindowTitle(self.tr("Change my password"))
        form = QFormLayout()
        form.addRow(self.tr("User"), QLabel(f"{actor.display_name}（{actor.username}）", self))
        self.old = QLineEdit(self, echoMode=QLineEdit.EchoMode.Password)
        if current_password is None:
            form.addRow(self.tr("Current password"), self.old)
        else:
            self.old.hide()
        self.passwords = PasswordFields(form, self, label=self.tr("New password"))
        layout = QVBoxLayout(self)
        if current_password is not None:
            layout.addWidget(QLabel(self.tr("You logged in with a temporary password set by the administrator. "
                                            "Choose your own password to continue."), self, wordWrap=True))
        layout.addLayout(form)
        self.problem = QLabel(self, wordWrap=True)
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        (self.old if current_password is None else self.passwords.password).setFocus()

    def _submit(self) -> None:
        old = self._current if self._current is not None else self.old.text()
        if not old:
            self._show(self.tr("Enter your current password."))
            return
        if not self.passwords.valid:
            self._show(self.tr("The password does not follow the rules shown."))
            return
        self.buttons.setEnabled(False)
        self.problem.hide()
        self._tasks.run(change_own_password, self._profile, self.actor, old, self.passwords.text(), write=True,
                        on_done=self._done, on_error=self._failed)

    def _show(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _done(self, actor: Actor) -> None:
        self.actor = actor
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, failure: TaskFailure) -> None:
        self.buttons.setEnabled(True)
        self.old.clear()
        self._show(failure.message)
