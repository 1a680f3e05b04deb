"""The hub proxy setting 访问中心的代理 on the 同步 page: 系统设置 (the environment, then the Windows
Internet Options with their bypass list), 直连, or a proxy address; stored in the profile
(``app.services.sync.set_proxy``), used from the next sync on. A wrong entry is refused in Chinese and
the stored value stays."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ui.appearance import as_hint
from ui.context import UiContext
from ui.tasks import TaskFailure

SHOWN = {"system": "系统设置", "direct": "直连"}


def store_proxy(profile, text: str) -> str:
    from app.services.sync import set_proxy

    return set_proxy(profile, text)


class ProxyBox(QWidget):
    """A line (系统设置 / 直连 / http://10.1.1.1:8080) and 保存; ``saved`` carries the stored form."""

    saved = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("System settings, Direct, or e.g. http://10.1.1.1:8080"))
        self.edit.setToolTip(self.tr("System settings: the Windows proxy settings with their exceptions "
                                     "(e.g. *.gov.cn goes direct). Direct: never a proxy. Or a proxy address."))
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.clicked.connect(self.save)
        self.edit.returnPressed.connect(self.save)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        as_hint(self.note)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 2)
        row.addWidget(self.save_button)
        row.addWidget(self.note, 3)

    def show_value(self, stored: str) -> None:
        if not self.edit.hasFocus():
            self.edit.setText(SHOWN.get(stored, stored))

    def save(self) -> None:
        self._ctx.tasks.run(store_proxy, self._ctx.profile, self.edit.text(), write=True, on_done=self._stored,
                            on_error=self._failed, owner=self)

    def _stored(self, value: str) -> None:
        self.edit.setText(SHOWN.get(value, value))
        self.note.setText(self.tr("Saved; used from the next sync."))
        self.note.setStyleSheet("")
        self.saved.emit(value)

    def _failed(self, failure: TaskFailure) -> None:
        self.note.setText(failure.message)
        self.note.setStyleSheet("color: #c62828;")
