"""Shown after registration: the case number, large enough to read out over the phone."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.forms.submission import Submitted


class SuccessPanel(QWidget):
    another = Signal()  # register the next complaint
    open_case = Signal()
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel(self.tr("Complaint registered"))
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.case_label = QLabel(self.tr("Case number"))
        self.case_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.case_label)
        self.case_no = QLabel()
        self.case_no.setObjectName("caseNumber")
        self.case_no.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.case_no.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        big = self.case_no.font()
        big.setPointSizeF(big.pointSizeF() * 2.6)
        big.setBold(True)
        self.case_no.setFont(big)
        self.case_no.setStyleSheet("color: #0b5394;")
        layout.addWidget(self.case_no)
        self.details = QLabel()
        self.details.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.details.setWordWrap(True)
        layout.addWidget(self.details)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.copy_button = QPushButton(self.tr("Copy case number"))
        self.open_button = QPushButton(self.tr("Open the complaint"))
        self.another_button = QPushButton(self.tr("Register another"))
        self.close_button = QPushButton(self.tr("Close"))
        for button in (self.copy_button, self.open_button, self.another_button, self.close_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.case_no.text()))
        self.open_button.clicked.connect(self.open_case)
        self.another_button.clicked.connect(self.another)
        self.close_button.clicked.connect(self.close_requested)

    def show_result(self, submitted: Submitted) -> None:
        self.case_no.setText(submitted.registered.case_no)
        lines = []
        if submitted.attached:
            lines.append(self.tr("%1 attachment(s) stored.").replace("%1", str(len(submitted.attached))))
        for name, reason in submitted.failed:
            lines.append(self.tr("Not stored: %1 (%2). Add it again from the complaint.")
                         .replace("%1", name).replace("%2", reason))
        self.details.setText("\n".join(lines))
        self.details.setStyleSheet("color: #b71c1c;" if submitted.failed else "color: #5f6368;")
        self.another_button.setFocus()
