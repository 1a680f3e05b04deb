"""A new password typed twice, with the password rules 密码规则 checked inline as the user types.

The rules are the core's (``app.security.passwords``): at least 8 characters and at least three of four
classes (lower case, upper case, digits, symbols); the two entries must match.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from app.security.passwords import MIN_CLASSES, MIN_LENGTH

OK_MARK, NO_MARK = "✔", "✘"


def password_classes(password: str) -> int:
    return sum((any(c.islower() for c in password), any(c.isupper() for c in password),
                any(c.isdigit() for c in password), any(not c.isalnum() for c in password)))


class PasswordFields(QWidget):
    """Two password boxes inside a form layout, plus the live rule check; ``valid`` follows them."""

    validity_changed = Signal(bool)

    def __init__(self, form: QFormLayout, parent: QWidget | None = None, *, label: str | None = None) -> None:
        super().__init__(parent)
        self.password = QLineEdit(parent, echoMode=QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit(parent, echoMode=QLineEdit.EchoMode.Password)
        self.rules = QLabel(parent, wordWrap=True)
        self.rules.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(label or self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat password"), self.confirm)
        form.addRow("", self.rules)
        self.password.textChanged.connect(self._check)
        self.confirm.textChanged.connect(self._check)
        self._valid = False
        self._check()

    @property
    def valid(self) -> bool:
        return self._valid

    def text(self) -> str:
        return self.password.text()

    def _check(self, *_args) -> None:
        text, again = self.password.text(), self.confirm.text()
        checks = [
            (len(text) >= MIN_LENGTH, self.tr("at least {n} characters").format(n=MIN_LENGTH)),
            (password_classes(text) >= MIN_CLASSES,
             self.tr("at least 3 of: lower-case letters, capitals, digits, symbols")),
            (bool(text) and text == again, self.tr("both entries match")),
        ]
        self.rules.setText("\n".join(f"{OK_MARK if ok else NO_MARK} {what}" for ok, what in checks))
        valid = all(ok for ok, _ in checks)
        self.rules.setStyleSheet("color: #1b5e20;" if valid else "color: palette(text);")
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)
