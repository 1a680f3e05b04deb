"""The guided restore 从备份恢复: shown at start when the profile's database is damaged.

Lists the profile's backups newest first, checks each with ``integrity_check`` in the background (one
after another, newest first, so the likely choice is ready first), marks the bad ones, and restores
the chosen good one through ``maintenance.restore`` (the damaged file is moved aside, never deleted).
Before restoring it says what will be lost: what was entered after the backup was taken; on an
enrolled device a sync brings back what the hub holds.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import parse_iso
from app.services import maintenance
from app.services.profile import ProfileFiles
from app.store.backup import BackupCopy, check_backup, list_backups
from ui.tasks import TaskFailure, Tasks
from ui.widgets.heading import Heading
from ui.widgets.screen_fit import em, fitted_size

BAD = QColor("#c62828")
COPY_ROLE = Qt.ItemDataRole.UserRole + 1


class RestoreDialog(QDialog):
    """Accepted once a backup has been restored (``saved_as``: where the damaged file went)."""

    def __init__(self, home: Path, problem: str, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home, self.tasks = home, tasks
        self.saved_as: Path | None = None
        self.restored_from: BackupCopy | None = None
        self.setWindowTitle(self.tr("Lvyue — the data file is damaged"))
        heading = Heading(self.tr("The data file of this office is damaged"), self, scale=1.2)
        self.explain = QLabel(self.tr(
            "The database could not be read (%1). Nothing will be deleted: the damaged file is moved aside "
            "and kept. Choose a backup below to restore; each backup is checked first, and damaged ones "
            "cannot be chosen.").replace("%1", problem), self, wordWrap=True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Backup time"), self.tr("Kind"), self.tr("Check"), self.tr("Records"),
                                   self.tr("File")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda *_: self._selected())
        self.loss = QLabel(self, wordWrap=True)
        self.error = QLabel(self, wordWrap=True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton(self.tr("Restore this backup"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.restore)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (heading, self.explain, self.tree, self.loss, self.error, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(fitted_size(self, em(self) * 50, 0).width())  # never wider than the screen
        self.copies = list_backups(ProfileFiles(home).backups)
        self.items: list[QTreeWidgetItem] = []
        self._suggested = False
        for copy in self.copies:
            item = QTreeWidgetItem([maintenance.local_time(copy.taken_at), self._kind(copy.path),
                                    self.tr("Checking…"), "", copy.path.name])
            item.setData(0, COPY_ROLE, None)
            item.setToolTip(4, str(copy.path))
            self.items.append(item)
        self.tree.addTopLevelItems(self.items)
        if not self.copies:
            self.loss.setText(self.tr(
                "There is no backup in %1. Do not delete or overwrite any file; contact the system "
                "administrator or technical support. A device joined to the prefecture hub can get the hub's "
                "records back by joining again with a new profile.").replace("%1", str(ProfileFiles(home).backups)))
        self._selected()
        self._check_next(0)

    def _kind(self, path: Path) -> str:
        name = path.name
        if name.startswith("lvyue-daily-"):
            return self.tr("Daily")
        if name.startswith("lvyue-manual-"):
            return self.tr("Manual")
        if name.startswith("lvyue-pre-migrate-"):
            return self.tr("Before an upgrade")
        if name.startswith("lvyue-pre-restore-"):
            return self.tr("Before a restore")
        if name.startswith("lvyue-pre-repair-"):
            return self.tr("Before a sync repair")
        return self.tr("Other")

    # -- checking, newest first ------------------------------------------------------------------------
    def _check_next(self, index: int) -> None:
        if index >= len(self.copies):
            return
        self.tasks.run(check_backup, self.copies[index], owner=self,
                       on_done=lambda checked: self._checked(index, checked),
                       on_error=lambda failure: self._check_failed(index, failure))

    def _checked(self, index: int, checked: BackupCopy) -> None:
        self.copies[index] = checked
        item = self.items[index]
        item.setData(0, COPY_ROLE, index)
        if checked.problem is None:
            item.setText(2, self.tr("Good"))
            item.setText(3, str(checked.events))
        else:
            item.setText(2, self.tr("Damaged: %1").replace("%1", checked.problem[:60]))
            item.setToolTip(2, checked.problem)
            for column in range(5):
                item.setForeground(column, QBrush(BAD))
        if checked.problem is None and not self._suggested:
            self._suggested = True
            self.tree.setCurrentItem(item)  # the newest good backup is the suggestion
        self._selected()
        self._check_next(index + 1)

    def _check_failed(self, index: int, failure: TaskFailure) -> None:
        self._checked(index, BackupCopy(self.copies[index].path, self.copies[index].taken_at,
                                        self.copies[index].size, failure.message, True))

    def checking(self) -> bool:
        return any(item.data(0, COPY_ROLE) is None for item in self.items)

    # -- the choice ---------------------------------------------------------------------------------
    def chosen(self) -> BackupCopy | None:
        item = self.tree.currentItem()
        index = item.data(0, COPY_ROLE) if item is not None else None
        if index is None:
            return None
        copy = self.copies[index]
        return copy if copy.checked and copy.problem is None else None

    def _selected(self) -> None:
        copy = self.chosen()
        self.restore_button.setEnabled(copy is not None)
        if copy is None:
            if self.copies:
                self.loss.setText(self.tr("Choose a backup marked “Good”."))
            return
        text = self.tr("If you restore the backup of %1, what was entered after that time is lost and must be "
                       "entered again.").replace("%1", maintenance.local_time(copy.taken_at))
        if copy.last_event_at:
            text += " " + self.tr("The newest record in this backup is from %1.").replace(
                "%1", maintenance.local_time(parse_iso(copy.last_event_at)))
        if copy.enrolled:
            text += "\n" + self.tr("This computer is joined to the prefecture hub: synchronise right after the "
                                   "restore, and what the hub holds (including what this computer had sent) "
                                   "comes back.")
        self.loss.setText(text)

    def restore(self) -> None:
        copy = self.chosen()
        if copy is None:
            return
        self.restore_button.setEnabled(False)
        self.error.hide()
        self.tasks.run(maintenance.restore, self.home, copy.path, write=True, owner=self,
                       on_done=lambda saved: self._restored(copy, saved), on_error=self._failed)

    def _restored(self, copy: BackupCopy, saved: Path) -> None:
        self.restored_from, self.saved_as = copy, saved
        self.accept()

    def _failed(self, failure: TaskFailure) -> None:
        self.error.setText(failure.message)
        self.error.show()
        self._selected()


    def restored_note(self, parent: QWidget | None = None) -> QMessageBox:
        """The note after a restore: where the damaged file was kept and what to do next (opened, not
        exec'd)."""
        assert self.restored_from is not None
        text = self.tr("Restored the backup of %1. The damaged file was kept as %2.").replace(
            "%1", maintenance.local_time(self.restored_from.taken_at)).replace("%2", str(self.saved_as))
        if self.restored_from.enrolled:
            text += "\n\n" + self.tr("Synchronise now to bring back what the hub holds.")
        else:
            text += "\n\n" + self.tr("Enter again what was recorded after the backup time.")
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Lvyue — restored"), text,
                          QMessageBox.StandardButton.Ok, parent)
        box.open()
        return box
