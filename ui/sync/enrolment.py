"""Enrolment 加入同步: the hub address, the one-time code 注册码 from the hub administrator and a name for
this computer (``EnrolForm``), and the dialog that enrols an existing standalone profile from 设置
(``EnrolDialog``). The wizard's page for a new profile is ``ui.sync.wizard_page``.

``app.services.sync.enroll`` checks the OS keyring before the code is spent and never stores the
token anywhere else; its refusals (no keyring, used or expired code, region mismatch, overlapping
numbers…) arrive here as the service's Chinese messages.
"""

from __future__ import annotations

import os
import re
import socket
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ui.appearance import as_hint
from ui.context import UiContext
from ui.sync.background import enrol_existing
from ui.tasks import TaskFailure
from ui.widgets.heading import Heading
from ui.widgets.screen_fit import em, fit_to_screen, fitted_size

if TYPE_CHECKING:
    from app.services.sync import Enrolled

CODE_CHARS = re.compile(r"[^0-9A-Za-z]")
ERROR_STYLE = "color: #c62828;"


def this_computer() -> str:
    return (os.environ.get("COMPUTERNAME") or socket.gethostname() or "").strip()[:100]


class EnrolForm(QWidget):
    """Three fields; ``changed`` whenever one is edited, ``complete()`` when all can be sent."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = QLineEdit(self)
        self.hub.setPlaceholderText(self.tr("e.g. https://lvyue.cxz.gov.cn"))
        self.code = QLineEdit(self)
        self.code.setPlaceholderText(self.tr("e.g. K7QM-2WXP-9RTA"))
        self.name = QLineEdit(this_computer(), self)
        self.name.setMaxLength(100)
        self.name.setPlaceholderText(self.tr("e.g. Shuangbai DRC, registry room"))
        self.proxy = QLineEdit(self)  # empty = 系统设置 (app.sync.proxies)
        self.proxy.setPlaceholderText(self.tr("System settings, Direct, or e.g. http://10.1.1.1:8080"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Hub address"), self.hub)
        form.addRow(self.tr("One-time code"), self.code)
        form.addRow(self.tr("Name of this computer"), self.name)
        form.addRow(self.tr("Proxy (usually empty)"), self.proxy)
        hint = QLabel(self.tr("The hub administrator gives you the address and the code (valid 7 days, usable "
                              "once). The name tells the hub's administrator which computer this is."), self)
        hint.setWordWrap(True)
        as_hint(hint)
        form.addRow("", hint)
        for edit in (self.hub, self.code, self.name):
            edit.textChanged.connect(lambda _text: self.changed.emit())

    def complete(self) -> bool:
        return bool(self.hub.text().strip()) and len(CODE_CHARS.sub("", self.code.text())) >= 12

    def values(self) -> tuple[str, str, str]:
        return self.hub.text().strip(), self.code.text().strip(), self.name.text().strip()

    def proxy_setting(self) -> str | None:
        """None (empty): the profile's setting or 系统设置; else what was typed (checked by the service)."""
        return self.proxy.text().strip() or None


class EnrolDialog(QDialog):
    """Enrol the open standalone profile (设置 → 接入州级中心). Accepted with ``enrolled`` set; the
    window then runs the first sync, which uploads what this office recorded alone."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.enrolled: Enrolled | None = None
        self._busy = False
        office = ctx.profile.office
        region = ctx.profile.regions.find(office.region_code)
        where = f"{region.name if region else ''}（{office.region_code}）"
        self.setWindowTitle(self.tr("Connect to the prefecture hub"))
        title = Heading(self.tr("Connect this office to the prefecture hub"), self, scale=1.2)
        self.about = about = QLabel(self.tr(
            "What happens to the data already on this computer:\n"
            "• Every complaint and every record made here is uploaded at the first sync; nothing is lost or "
            "doubled.\n"
            "• Case and document numbers already used stay this computer's; if another computer already holds "
            "one of them, the hub refuses to enrol (check with the hub administrator first).\n"
            "• The code must be for this office's region: {region}.\n"
            "• Afterwards new numbers come from the hub: until the first sync completes, no new complaint can "
            "be registered.\n"
            "• Officer accounts made here stay on this computer only. The hub's accounts arrive with the sync; "
            "a local account with the same user name is renamed “name.local” and switched off.\n"
            "• An enrolled profile cannot go back to standalone mode.").format(region=where), self)
        about.setWordWrap(True)
        self.form = EnrolForm(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.hide()
        self.buttons = QDialogButtonBox(self)
        self.enrol_button = self.buttons.addButton(self.tr("Enrol"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.enrol)
        self.buttons.rejected.connect(self.reject)
        self.form.changed.connect(self._enable)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(about)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addWidget(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        width = fitted_size(self, em(self) * 46, 0).width()
        self.setMinimumWidth(width)
        # word-wrapped labels: a dialog's size hint ignores their height at a given width, so ask the layout
        fit_to_screen(self, width, max(self.sizeHint().height(), layout.totalHeightForWidth(width)))
        self._enable()

    def _enable(self) -> None:
        self.enrol_button.setEnabled(self.form.complete() and not self._busy)
        self.form.setEnabled(not self._busy)

    def enrol(self) -> None:
        if self._busy or not self.form.complete():
            return
        self._busy = True
        self.problem.hide()
        self.progress.show()
        self._enable()
        hub, code, name = self.form.values()
        self._ctx.tasks.run(enrol_existing, self._ctx.profile.files.home, hub, code, name, on_done=self._done,
                            on_error=self._failed, owner=self, proxy=self.form.proxy_setting())

    def _done(self, enrolled: Enrolled) -> None:
        self._busy = False
        self.enrolled = enrolled
        self.accept()

    def _failed(self, failure: TaskFailure) -> None:
        self._busy = False
        self.progress.hide()
        self.problem.setText(failure.message)
        self.problem.show()
        self._enable()

    def reject(self) -> None:
        if not self._busy:  # an enrolment on its way is not abandoned half-way
            super().reject()
