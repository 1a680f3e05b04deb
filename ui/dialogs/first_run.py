"""The first-run wizard 首次使用向导. Two ways in, chosen on the first page:

- 单机使用 standalone: region, issuing office and the first administrator → a profile that works with
  no hub. Creating it (password hashing, migrations) runs on the write worker; the closing page then says
  what comes next: the administrator logs in and creates the officers' accounts (三员分立: the
  administrator does not register complaints).
- 接入州级中心 enrolled: hub address and one-time code (``ui.sync.wizard_page.EnrolPage``) → a profile
  whose region, office and officers come from the hub; the first sync brings the users for the login.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.domain.regions import RegionRegistry
from app.services.profile import create_profile, is_initialised, open_profile
from app.services.users import add_user
from ui.appearance import as_hint
from ui.sync.wizard_page import EnrolPage
from ui.tasks import TaskFailure, Tasks
from ui.widgets.password_fields import PasswordFields

PREFECTURE = "532300"
OFFICE, ADMIN, DONE, ENROL = range(4)  # page ids (ENROL last: its default next page is none, so it finishes)
USERNAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{1,31}$")  # the core's rule (app.services.users)


def default_office_name(region_name: str, level: str) -> str:
    """The issuing office a county (发展和改革局) or the prefecture (发展和改革委员会) normally has."""
    return f"{region_name}发展和改革委员会" if level != "county" else f"{region_name}发展和改革局"


def create_standalone(home: Path, region_code: str, office_name: str, username: str, display_name: str,
                      password: str) -> str:
    """Make the profile and its first administrator (write worker). Resumes a profile left without users."""
    profile = open_profile(home, daily_backup=False) if is_initialised(home) else create_profile(
        home, region_code=region_code, office_name=office_name)
    try:
        add_user(profile, None, username=username, display_name=display_name, roles=["admin"],
                 region_code=region_code, password=password)
    finally:
        profile.close()
    return username


class OfficePage(QWizardPage):
    def __init__(self, home: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your office"))
        self.setSubTitle(self.tr("Choose how this computer is used, the area it works for and the office that "
                                 "issues documents."))
        self.standalone = QRadioButton(self.tr("Use on this computer only (standalone)"), self)
        self.standalone.setChecked(True)
        self.hub = QRadioButton(self.tr("Connect to the prefecture hub (with a one-time code)"), self)
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.standalone)
        self.mode.addButton(self.hub)
        self.mode.buttonToggled.connect(self._mode_changed)
        self.hub_note = QLabel(self.tr("The region, the issuing office and the officer accounts then come from the "
                                       "hub: you enter them on the next page."), self, wordWrap=True)
        as_hint(self.hub_note)
        self.hub_note.hide()
        regions = RegionRegistry.load_default()
        self.region = QComboBox(self)
        choices = [*regions.counties(PREFECTURE), regions.get(PREFECTURE)]
        for region in choices:
            self.region.addItem(f"{region.name}（{region.code}）", (region.code, region.name, region.level))
        self.office = QLineEdit(self)
        self._typed = False
        self.office.textEdited.connect(self._office_typed)
        self.region.currentIndexChanged.connect(self._region_changed)
        folder = QLabel(self.tr("Data folder: {folder}").format(folder=str(home)), self, wordWrap=True)
        as_hint(folder)
        form = QFormLayout()
        form.addRow(self.tr("Region"), self.region)
        form.addRow(self.tr("Issuing office"), self.office)
        layout = QVBoxLayout(self)
        layout.addWidget(self.standalone)
        layout.addWidget(self.hub)
        layout.addWidget(self.hub_note)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(folder)
        self._region_changed()

    def region_code(self) -> str:
        return self.region.currentData()[0]

    def enrolling(self) -> bool:
        return self.hub.isChecked()

    def _mode_changed(self, *_args) -> None:
        for widget in (self.region, self.office):
            widget.setEnabled(not self.enrolling())
        self.hub_note.setVisible(self.enrolling())
        self.completeChanged.emit()

    def nextId(self) -> int:
        return ENROL if self.enrolling() else ADMIN

    def _office_typed(self, _text: str) -> None:
        self._typed = True
        self.completeChanged.emit()

    def _region_changed(self, *_args) -> None:
        _code, name, level = self.region.currentData()
        if not self._typed or not self.office.text().strip():
            self.office.setText(default_office_name(name, level))
            self._typed = False
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.enrolling() or bool(self.office.text().strip())


class AdminPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("System administrator"))
        self.setSubTitle(self.tr("The administrator adds the officers who use this computer and manages "
                                 "settings. Keep the password safe: it cannot be recovered."))
        self.username = QLineEdit("admin", self)
        self.display_name = QLineEdit(self)
        self.display_name.setPlaceholderText(self.tr("e.g. 张三"))
        self.problem = QLabel(self, wordWrap=True)
        self.problem.setStyleSheet("color: #c62828;")
        form = QFormLayout(self)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Full name"), self.display_name)
        self.passwords = PasswordFields(form, self)
        form.addRow("", self.problem)
        for edit in (self.username, self.display_name):
            edit.textChanged.connect(self._changed)
        self.passwords.validity_changed.connect(self._changed)
        self.setCommitPage(True)  # 创建: once made, there is no going back to change it
        self._changed()

    def _changed(self, *_args) -> None:
        name = self.username.text().strip().lower()
        problems = []
        if name and not USERNAME.match(name):
            problems.append(self.tr("User name: 2–32 lower-case letters, digits or _ . -, starting with a letter "
                                    "or digit."))
        if self.display_name.text().strip() and len(self.display_name.text().strip()) < 2:
            problems.append(self.tr("Full name: at least 2 characters."))
        self.problem.setText("\n".join(problems))
        self.completeChanged.emit()

    def nextId(self) -> int:
        return DONE

    def validatePage(self) -> bool:
        """创建 starts the creation; the wizard moves on to the closing page once the profile exists."""
        wizard = self.wizard()
        return wizard.create() if isinstance(wizard, FirstRunWizard) else True

    def isComplete(self) -> bool:
        return (bool(USERNAME.match(self.username.text().strip().lower()))
                and len(self.display_name.text().strip()) >= 2 and self.passwords.valid)


class DonePage(QWizardPage):
    """The closing page: the administrator exists; the next step is the officers' accounts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("The administrator account is ready"))
        self.setSubTitle(self.tr("One more step before complaints can be registered."))
        self.text = QLabel(self, wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)
        self.setFinalPage(True)

    def show_for(self, username: str) -> None:
        self.text.setText(self.tr(
            "<p>The administrator <b>{user}</b> has been created.</p>"
            "<p><b>Next step:</b> log in as the administrator and, in <b>Settings → Users</b>, add an account for "
            "each officer of the office (clerk, handler, reviewer — one officer may hold all three).</p>"
            "<p>Under the separation of duties (三员分立) the administrator manages users and settings but does "
            "not register or handle complaints: the officers log in with their own accounts (<b>Account → "
            "Switch user</b>).</p>").format(user=username))

    def nextId(self) -> int:
        return -1


class FirstRunWizard(QWizard):
    """Accepted once the profile exists; ``created_username`` is then the administrator's user name, or
    "" for an enrolled profile (its officers' accounts came from the hub: the login starts empty)."""

    def __init__(self, home: Path, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self._tasks = tasks
        self.created_username: str | None = None
        self._busy = False
        self.setWindowTitle(self.tr("Lvyue — first start"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.office_page = OfficePage(home, self)
        self.admin_page = AdminPage(self)
        self.enrol_page = EnrolPage(home, tasks, self)
        self.setPage(OFFICE, self.office_page)
        self.setPage(ADMIN, self.admin_page)
        self.setPage(ENROL, self.enrol_page)
        self.done_page = DonePage(self)
        self.setPage(DONE, self.done_page)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create"))
        self.currentIdChanged.connect(self._page_shown)

    def _page_shown(self, page: int) -> None:
        if page == DONE:  # made: nothing to cancel or go back to, only 去登录
            self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Go to login"))
            self.setOption(QWizard.WizardOption.NoCancelButton, True)
            self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)

    def create(self) -> bool:
        """The admin page's 创建: True once the profile exists (the wizard goes on to the closing page);
        otherwise start making it on the write worker and return False."""
        if self.created_username is not None:
            return True
        if self._busy:
            return False
        self._busy = True
        self.button(QWizard.WizardButton.CommitButton).setEnabled(False)
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        page = self.admin_page
        self._tasks.run(
            create_standalone, self.home, self.office_page.region_code(), self.office_page.office.text().strip(),
            page.username.text().strip().lower(), page.display_name.text().strip(), page.passwords.text(),
            write=True, on_done=self._created, on_error=self._failed,
        )
        return False

    def accept(self) -> None:
        if self.created_username is not None:
            super().accept()
            return
        if self.currentId() == ENROL and self.enrol_page.proceed():
            self.created_username = ""
            super().accept()

    def _created(self, username: str) -> None:
        self._busy = False
        self.created_username = username
        self.done_page.show_for(username)
        self.button(QWizard.WizardButton.CommitButton).setEnabled(True)
        self.next()  # validatePage now passes: on to the closing page

    def reject(self) -> None:
        page = self.enrol_page
        if page.busy:
            return  # enrolment on its way: let it finish (it cannot be taken back half-way)
        if page.result is not None and not page.done:
            answer = QMessageBox.question(self, self.tr("Leave without officer accounts?"), self.tr(
                "This computer is enrolled, but the officers' accounts have not arrived yet: without them nobody "
                "can log in. Retry the sync now?"), QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Close)
            if answer == QMessageBox.StandardButton.Retry:
                page.proceed()
                return
        super().reject()

    def _failed(self, failure: TaskFailure) -> None:
        self._busy = False
        self.button(QWizard.WizardButton.CommitButton).setEnabled(True)
        self.button(QWizard.WizardButton.BackButton).setEnabled(True)
        QMessageBox.warning(self, self.tr("The profile could not be created"), failure.message)
