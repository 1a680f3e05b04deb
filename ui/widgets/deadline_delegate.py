"""Deadline badges 期限标识 in the complaint list: overdue red, due within 2 working days amber."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.domain.deadlines import DeadlineStatus
from ui.models.complaint_table import DEADLINE_ROLE

OVERDUE = (QColor("#c62828"), QColor("#ffffff"))
DUE_SOON = (QColor("#f9a825"), QColor("#1f1f1f"))


def badge_colours(status: DeadlineStatus | None) -> tuple[QColor, QColor] | None:
    """Background and text colour of the badge, or None for a plain cell."""
    if status is None:
        return None
    if status.overdue:
        return OVERDUE
    if status.due_soon:
        return DUE_SOON
    return None


class DeadlineDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        colours = badge_colours(index.data(DEADLINE_ROLE))
        if colours is None:
            super().paint(painter, option, index)
            return
        background, foreground = colours
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        metrics = opt.fontMetrics
        margin = max(2, metrics.height() // 6)
        width = min(opt.rect.width() - 2 * margin, metrics.horizontalAdvance(text) + 2 * metrics.height() // 2)
        rect = QRectF(opt.rect.x() + margin, opt.rect.y() + margin, width, opt.rect.height() - 2 * margin)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(foreground)
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width()) - metrics.height() // 2)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, elided)
        painter.restore()
