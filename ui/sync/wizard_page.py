"""The first-run wizard's “接入州级中心” page: enrol a new profile with a one-time code, then sync once.

The hub decides the region, the issuing office and the officers: the first sync brings the users
(with their password verifiers) so they log in offline afterwards, with the user name and password
the hub administrator set. The wizard's Finish button says “Enrol” until that is done, then “Log in”.
If enrolment worked but the first sync did not, the page says so and the same button retries the sync.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget, QWizard, QWizardPage

from ui.appearance import as_hint
from ui.sync.background import FirstSync, enrol_new, first_sync
from ui.sync.enrolment import ERROR_STYLE, EnrolForm
from ui.tasks import TaskFailure, Tasks

OK_STYLE = "color: #1b5e20;"


class EnrolPage(QWizardPage):
    def __init__(self, home: Path, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self._tasks = tasks
        self.result: FirstSync | None = None
        self.busy = False
        self.setTitle(self.tr("Connect to the prefecture hub"))
        self.setSubTitle(self.tr("Enter the address and the one-time code from the hub administrator. The hub "
                                 "sets this office's region, issuing office and officer accounts."))
        self.form = EnrolForm(self)
        self.form.changed.connect(self._changed)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        folder = QLabel(self.tr("Data folder: {folder}").format(folder=str(home)), self, wordWrap=True)
        as_hint(folder)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.state)
        layout.addStretch(1)
        layout.addWidget(folder)

    # -- the wizard's view -----------------------------------------------------------------------------
    def initializePage(self) -> None:
        self._label_finish()

    def isComplete(self) -> bool:
        """Finish is clickable when the fields can be sent, or to retry a first sync that failed."""
        if self.busy:
            return False
        return self.result is not None or self.form.complete()

    @property
    def done(self) -> bool:
        """Enrolled, synced, and officers can log in."""
        return self.result is not None and self.result.error is None and self.result.users > 0

    def _label_finish(self) -> None:
        wizard = self.wizard()
        if wizard is None:
            return
        text = self.tr("Log in") if self.done else self.tr("Retry sync") if self.result else self.tr("Enrol")
        wizard.setButtonText(QWizard.WizardButton.FinishButton, text)

    def _changed(self) -> None:
        self.state.clear()
        self.completeChanged.emit()

    # -- work ------------------------------------------------------------------------------------------
    def proceed(self) -> bool:
        """Finish was clicked: True when the profile is ready for login, else start (or retry) the work."""
        if self.done:
            return True
        if self.busy:
            return False
        self._start()
        return False

    def _start(self) -> None:
        self.busy = True
        self.form.setEnabled(False)
        self.progress.show()
        self.state.setStyleSheet("")
        self.completeChanged.emit()
        if self.result is None:
            hub, code, name = self.form.values()
            self.state.setText(self.tr("Connecting to the hub…"))
            self._tasks.run(enrol_new, self.home, hub, code, name, on_progress=self._progress, on_done=self._done,
                            on_error=self._failed, owner=self, proxy=self.form.proxy_setting())
        else:
            self.state.setText(self.tr("Syncing…"))
            self._tasks.run(first_sync, self.home, self.result.enrolled, on_progress=self._progress,
                            on_done=self._done, on_error=self._failed, owner=self)

    def _progress(self, _done: int, _total: int, text: str) -> None:
        if text:
            self.state.setText(text)

    def _done(self, result: FirstSync) -> None:
        self.busy = False
        self.result = result
        self.progress.hide()
        e = result.enrolled
        lines = [self.tr("Enrolled: {scope} ({region}), issuing office {office}.").format(
            scope=e.scope_name, region=e.scope_region, office=e.office_name)]
        if result.error:
            lines.append(self.tr("The first sync did not complete: {error} Check the network and click “Retry "
                                 "sync”: officers can log in once it has brought their accounts.").format(
                                     error=result.error))
        elif result.users == 0:
            lines.append(self.tr("The hub has no officer accounts for this office yet. Ask the hub administrator "
                                 "to add them, then click “Retry sync”."))
        else:
            lines.append(self.tr("{n} officer accounts arrived from the hub. Log in with the user name and password "
                                 "the hub administrator gave you.").format(n=result.users))
        self.state.setText("\n".join(lines))
        self.state.setStyleSheet(OK_STYLE if self.done else ERROR_STYLE)
        wizard = self.wizard()
        if wizard is not None:  # the profile exists now: going back to standalone would make no sense
            wizard.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self._label_finish()
        self.completeChanged.emit()

    def _failed(self, failure: TaskFailure) -> None:
        """Enrolment refused (nothing was created): the fields can be corrected and sent again."""
        self.busy = False
        self.progress.hide()
        self.form.setEnabled(True)
        self.state.setText(failure.message)
        self.state.setStyleSheet(ERROR_STYLE)
        self.completeChanged.emit()
