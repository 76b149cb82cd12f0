"""The step bar: a thick rounded bar that fills as the step goes on, repainting only the strip
that changed, and only when it changed by a whole pixel."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from psoas_desktop.ui.theme import PANEL_TEXT


class StepBar(QWidget):
    """A thick rounded bar that fills as the step goes on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fraction = 0.0
        self.setFixedHeight(18)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Step progress")
        # It paints its own background (the panel's colour), so a repaint of the bar does not
        # repaint the panel and its digits behind it; and only the strip that changed.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_fraction(self, fraction: float) -> None:
        """Repaints only when the filled part grows or shrinks by a whole pixel."""
        fraction = max(0.0, min(1.0, fraction))
        before = self._filled_pixels(self.fraction)
        self.fraction = fraction
        after = self._filled_pixels(fraction)
        if after != before:
            if min(before, after) < 0:
                self.update()  # to or from empty: the track's rounded start changes
            else:
                # The rounded end reaches back half the height behind the fill's edge.
                left = max(0, min(before, after) - self.height())
                self.update(left, 0, abs(after - before) + 2 * self.height(), self.height())

    def _filled_pixels(self, fraction: float) -> int:
        return -1 if fraction <= 0 else round(self.width() * fraction)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setClipRect(event.rect())
        parent = self.parentWidget()
        if parent is not None:
            painter.fillRect(event.rect(), parent.palette().color(parent.backgroundRole()))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        radius = self.height() / 2
        track = QColor(PANEL_TEXT)
        track.setAlphaF(0.28)
        painter.setBrush(track)
        painter.drawRoundedRect(QRectF(self.rect()), radius, radius)
        if self.fraction > 0:
            filled = QRectF(0, 0, max(self.height(), self.width() * self.fraction), self.height())
            painter.setBrush(PANEL_TEXT)
            painter.drawRoundedRect(filled, radius, radius)
