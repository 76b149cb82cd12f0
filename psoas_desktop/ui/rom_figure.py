"""A small drawing of the range-of-motion measure: lying on the back, a hand under the low back,
one thigh drawn towards the chest; the arc shows what is measured."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget


class RomFigure(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("How to measure: lying on the back, one thigh drawn towards the "
                               "chest, a hand under the low back")
        self.setFixedSize(QSize(220, 110))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = self.palette().windowText().color()
        accent = self.palette().highlight().color()
        p.setPen(QPen(ink, 1))
        p.drawLine(QPointF(5, 95), QPointF(215, 95))  # the floor
        body = QPen(ink, 5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        p.setPen(body)
        p.setBrush(Qt.BrushStyle.NoBrush)
        head = QPointF(28, 80)
        p.drawEllipse(head, 10, 10)
        hip = QPointF(110, 86)
        p.drawLine(QPointF(40, 84), hip)  # trunk
        p.drawLine(hip, QPointF(200, 88))  # the straight leg on the floor
        knee = QPointF(96, 40)
        p.drawLine(hip, knee)  # the thigh drawn towards the chest
        p.drawLine(knee, QPointF(126, 52))  # shin
        p.drawLine(QPointF(60, 80), knee)  # the arms hold the knee
        p.setPen(QPen(accent, 3))
        p.drawLine(QPointF(88, 93), QPointF(104, 93))  # the hand under the low back
        arc = QPen(accent, 2, Qt.PenStyle.DashLine)
        p.setPen(arc)
        p.drawArc(QRectF(hip.x() - 50, hip.y() - 50, 100, 100), 0 * 16, 100 * 16)
        p.setPen(QPen(ink, 1))
        p.drawText(QRectF(140, 20, 80, 30), "how far?")
        p.end()
