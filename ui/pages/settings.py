"""Settings 设置: font size (applied at once, remembered), the office and region of this profile, its sync
mode (an administrator connects a standalone profile to the prefecture hub here), the holiday calendar's
known years and deadline rules, one's own password, and — for administrators — users.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import china_date
from app.domain.vocabulary import Role
from ui.appearance import FONT_SIZES, apply_font_size, as_hint, font_size
from ui.context import UiContext
from ui.dialogs.user_dialogs import OwnPasswordDialog
from ui.pages.user_admin import UserAdmin, role_names
from ui.session.settings_box import SessionSettingsBox
from ui.widgets import icons


def _form(box: QGroupBox) -> QFormLayout:
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
    return form


class SettingsPage(QScrollArea):
    saved = Signal()  # something was written (a password, a user)
    enrolled = Signal(object)  # app.services.sync.Enrolled: this profile joined the hub (the first sync follows)
    sync_requested = Signal()  # "fetch the holiday schedule from the hub now": the window starts a sync

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setWidgetResizable(True)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addWidget(self._appearance_box(body))
        layout.addWidget(self._office_box(body))
        self.calendar_box = self._calendar_box(body)
        layout.addWidget(self.calendar_box)
        layout.addWidget(self._account_box(body))
        self.session_box = SessionSettingsBox(ctx, body)  # the idle lock (ui.session)
        layout.addWidget(self.session_box)
        self.user_admin: UserAdmin | None = None
        if ctx.actor.has(Role.ADMIN):
            box = QGroupBox(self.tr("Users"), body)
            self.user_admin = UserAdmin(ctx, box)
            self.user_admin.saved.connect(self.saved.emit)
            QVBoxLayout(box).addWidget(self.user_admin)
            layout.addWidget(box, 1)
        layout.addStretch(1)
        self.setWidget(body)

    # -- boxes ---------------------------------------------------------------------------------------
    def _appearance_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Display"), parent)
        self.font_size = QComboBox(box)
        for size in FONT_SIZES:
            self.font_size.addItem(self.tr("{size} pt").format(size=size), size)
        self.font_size.setCurrentIndex(max(0, self.font_size.findData(font_size(self._ctx.settings))))
        self.font_size.currentIndexChanged.connect(self._font_size_chosen)
        hint = QLabel(self.tr("Applies at once to every window and is remembered for this profile."), box)
        as_hint(hint)
        form = _form(box)
        form.addRow(self.tr("Font size"), self.font_size)
        form.addRow("", hint)
        return box

    def _office_box(self, parent: QWidget) -> QGroupBox:
        p = self._ctx.profile
        region = p.regions.find(p.office.region_code)
        box = QGroupBox(self.tr("Office"), parent)
        form = _form(box)
        form.addRow(self.tr("Issuing office"), QLabel(p.office.name, box))
        form.addRow(self.tr("Region"), QLabel(f"{region.name if region else ''}（{p.office.region_code}）", box))
        self.mode = QLabel(self.tr("Standalone (not enrolled with the prefecture hub)"), box)
        self.mode.setWordWrap(True)
        form.addRow(self.tr("Mode"), self.mode)
        self.enrol_button = QPushButton(self.tr("Connect to the prefecture hub…"), box)
        self.enrol_button.setIcon(icons.icon("sync"))
        self.enrol_button.setToolTip(self.tr("Enrol this office with a one-time code from the hub administrator"))
        self.enrol_button.clicked.connect(self.enrol)
        self.enrol_button.setVisible(self._ctx.actor.has(Role.ADMIN))
        form.addRow("", self.enrol_button)
        folder = QLabel(str(p.files.home), box)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Data folder"), folder)
        form.addRow(self.tr("Device"), QLabel(p.device_id, box))
        documents = QPushButton(self.tr("Document settings…"), box)
        documents.setIcon(icons.icon("documents"))
        documents.setToolTip(self.tr("Issuing office, document number prefixes, contact and copy-to lines of the "
                                     "notices and letters"))
        documents.clicked.connect(self._document_settings)
        form.addRow("", documents)
        return box

    def _calendar_box(self, parent: QWidget) -> QGroupBox:
        p = self._ctx.profile
        box = QGroupBox(self.tr("Working-day calendar and deadlines"), parent)
        years = sorted(p.calendar.known_years())
        this_year = china_date(p.now()).year
        known = self.tr("{first}–{last}").format(first=years[0], last=years[-1]) if years else self.tr("none")
        if years and years != list(range(years[0], years[-1] + 1)):
            known = "、".join(str(y) for y in years)
        self.calendar_years = QLabel(known, box)
        note = QLabel(box, wordWrap=True)
        self.calendar_note = note
        self.calendar_help = as_hint(QLabel(box, wordWrap=True))
        self.calendar_sync_button = QPushButton(self.tr("Fetch the schedule from the hub now"), box)
        self.calendar_sync_button.setIcon(icons.icon("sync"))
        self.calendar_sync_button.clicked.connect(self.sync_requested.emit)
        self.calendar_sync_button.hide()  # shown once the sync status says this profile is enrolled
        if this_year not in years or this_year + 1 not in years:
            missing = [y for y in (this_year, this_year + 1) if y not in years]
            note.setText(self.tr("No holiday schedule for {years}: working days there are counted as Monday to "
                                 "Friday only until the schedule is entered.").format(
                                     years="、".join(str(y) for y in missing)))
            note.setStyleSheet("color: #8a5a00;")
        rules = p.rules
        form = _form(box)
        form.addRow(self.tr("Holiday schedules known"), self.calendar_years)
        if note.text():
            self.calendar_help.setText(self.tr(
                "Meanwhile Lvyue counts only Saturdays and Sundays as rest days there: public holidays count as "
                "working days and make-up working weekends as rest days, so check deadlines that fall near a "
                "holiday by hand. The State Council publishes each year's schedule around December; a profile "
                "enrolled with the prefecture hub receives it with the next sync, a standalone one with the next "
                "version of Lvyue (ask the system administrator to update it)."))
            form.addRow("", note)
            form.addRow("", self.calendar_help)
            form.addRow("", self.calendar_sync_button)
        form.addRow(self.tr("Forward within"), QLabel(self.tr("{n} working days").format(n=rules.forward_days), box))
        form.addRow(self.tr("Conclude within"),
                    QLabel(self.tr("{n} working days of forwarding").format(n=rules.conclude_days), box))
        form.addRow(self.tr("Feedback within"),
                    QLabel(self.tr("{n} working days of the conclusion").format(n=rules.feedback_days), box))
        return box

    def _account_box(self, parent: QWidget) -> QGroupBox:
        actor = self._ctx.actor
        box = QGroupBox(self.tr("My account"), parent)
        change = QPushButton(self.tr("Change my password…"), box)
        change.setIcon(icons.icon("password"))
        change.clicked.connect(self._change_own_password)
        form = _form(box)
        form.addRow(self.tr("User"), QLabel(f"{actor.display_name}（{actor.username}）", box))
        form.addRow(self.tr("Roles"), QLabel(role_names(actor.roles), box))
        form.addRow("", change)
        return box

    # -- actions -------------------------------------------------------------------------------------
    def _font_size_chosen(self, _index: int) -> None:
        apply_font_size(self._ctx.settings, self.font_size.currentData())

    def _document_settings(self) -> None:
        from ui.documents import OfficeSettingsDialog  # the PDF engine comes with it: only when asked

        dialog = OfficeSettingsDialog(self._ctx, self)
        dialog.saved.connect(lambda _settings: self.saved.emit())
        dialog.exec()

    def _change_own_password(self) -> None:
        """修改密码 with the current password (``OwnPasswordDialog``)."""
        if OwnPasswordDialog(self._ctx.tasks, self._ctx.profile, self._ctx.actor, self).exec():
            self.saved.emit()

    def show_sync(self, status) -> None:
        """The sync mode from ``app.services.sync.status`` (the window passes each new status)."""
        if status.enrolled:
            self.mode.setText(self.tr("Enrolled with the prefecture hub {hub} (scope: {scope}; this computer: "
                                      "{device})").format(hub=status.hub_url, scope=status.scope_name or "",
                                                          device=status.device_name or ""))
        else:
            self.mode.setText(self.tr("Standalone (not enrolled with the prefecture hub)"))
        self.enrol_button.setVisible(not status.enrolled and self._ctx.actor.has(Role.ADMIN))
        self.calendar_sync_button.setVisible(bool(status.enrolled and self.calendar_note.text()))

    def show_calendar(self) -> None:
        """Scroll to the working-day calendar (the workbench's holiday warning leads here)."""
        self.ensureWidgetVisible(self.calendar_box)
        (self.calendar_sync_button if self.calendar_sync_button.isVisible() else self.calendar_box).setFocus()

    def enrol(self) -> None:
        """Connect this standalone profile to the hub (administrators); the window runs the first sync."""
        from ui.sync.enrolment import EnrolDialog

        dialog = EnrolDialog(self._ctx, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.enrolled is not None:
            self.enrolled.emit(dialog.enrolled)

    def refresh(self) -> None:
        if self.user_admin is not None:
            self.user_admin.refresh()
