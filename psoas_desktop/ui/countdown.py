"""The countdown panel: what to do now, the seconds left in huge digits, and what comes next.

A dumb view: the window tells it the texts, the step kind and the progress; it only draws.
The panel's colour says the step kind (get ready, effort, rest, switch) at a glance from the mat.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from psoas_desktop.ui.theme import PANEL_TEXT, kind_colour
from psoas_desktop.ui.widgets import plain_label

# Repaints of the step bar per second while a step runs (only the bar, only while running), at
# most: a long step moves the bar less than a pixel a frame, so it is redrawn once per pixel
# of growth instead (bench/idle_cost.py: at a steady 20 a second the bar took about 3 x the
# CPU of the rest of a running session).
BAR_FPS = 20


class Digits(QWidget):
    """Text drawn as large as the widget allows: the countdown's seconds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(80)
        self.setAccessibleName("Seconds left")

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # reads like QLabel's
        if text != self._text:
            self._text = text
            self.setAccessibleDescription(text)
            self.update()

    def font_pixel_size(self) -> int:
        """The pixel size the digits are drawn at: the height, unless the width is shorter."""
        font = self._font(100)
        # Single digits are sized as two, so the last seconds do not swell when width-bound.
        sample = "00" if len(self._text) <= 2 else "0:00" if ":" in self._text else self._text
        width = QFontMetricsF(font).horizontalAdvance(sample)
        by_width = 100 * self.width() * 0.94 / max(width, 1.0)
        by_height = self.height() * 1.05  # the digits' ink is about 0.73 of the pixel size
        return max(8, int(min(by_width, by_height)))

    def _font(self, pixel_size: int) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(pixel_size)
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.SansSerif)
        return font

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self._font(self.font_pixel_size()))
        painter.setPen(self.palette().color(self.foregroundRole()))
        metrics = QFontMetricsF(painter.font())
        # Centre the ink of the digits (cap height), not the line box, in the widget.
        baseline = (self.height() + metrics.capHeight()) / 2
        width = metrics.horizontalAdvance(self._text)
        painter.drawText(int((self.width() - width) / 2), int(baseline), self._text)


class StepBar(QWidget):
    """A thick rounded bar that fills as the step goes on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fraction = 0.0
        self.setFixedHeight(18)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Step progress")

    def set_fraction(self, fraction: float) -> None:
        """Repaints only when the filled part grows or shrinks by a whole pixel."""
        fraction = max(0.0, min(1.0, fraction))
        before = self._filled_pixels(self.fraction)
        self.fraction = fraction
        if self._filled_pixels(fraction) != before:
            self.update()

    def _filled_pixels(self, fraction: float) -> int:
        return -1 if fraction <= 0 else round(self.width() * fraction)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
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


class CountdownPanel(QFrame):
    """Exercise, phase, side and counts above the digits; the step bar and what is next below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.setAccessibleName("Countdown")
        self._kind = "idle"
        self._dark = False
        self.exercise = plain_label("", self, "Exercise")
        self.phase = plain_label("", self, "Phase")
        self.cue = plain_label("", self, "What to do")
        self.side = plain_label("", self, "Side")
        self.counts = plain_label("", self, "Set and rep")
        self.side_words = plain_label("", self, "What the side means")  # 'Left leg hangs'
        self.side_words.setVisible(False)
        self.digits = Digits(self)
        self.bar = StepBar(self)
        self.next = plain_label("", self, "Next")
        for label in (self.exercise, self.phase, self.cue, self.counts, self.next,
                      self.side_words):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        self.side.setAlignment(Qt.AlignmentFlag.AlignCenter)

        where = QHBoxLayout()
        where.addStretch(1)
        where.addWidget(self.side)
        where.addSpacing(16)
        where.addWidget(self.counts)
        where.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(6)
        layout.addWidget(self.exercise)
        layout.addWidget(self.phase)
        layout.addWidget(self.cue)
        layout.addLayout(where)
        layout.addWidget(self.side_words)
        layout.addWidget(self.digits, 1)
        layout.addWidget(self.bar)
        layout.addSpacing(6)
        layout.addWidget(self.next)

        self._progress: Callable[[], float] | None = None
        self._animation = QTimer(self)
        self._animation.setInterval(1000 // BAR_FPS)
        self._animation.timeout.connect(self._animate)
        self._paint_colours()

    # --- what it shows ------------------------------------------------------------------------

    def show_step(self, *, exercise: str, phase: str, cue: str, side: str, counts: str,
                  seconds: str, next_up: str, kind: str) -> None:
        self.exercise.setText(exercise)
        self.phase.setText(phase)
        self.cue.setText(cue)
        self.cue.setVisible(bool(cue))
        self.side.setText(side)
        self.side.setVisible(bool(side))
        self.counts.setText(counts)
        self.digits.setText(seconds)
        self.next.setText(next_up)
        self.set_kind(kind)

    def set_side_words(self, text: str) -> None:
        """What the side means for this exercise, right under the side badge."""
        self.side_words.setText(text)
        self.side_words.setVisible(bool(text))

    def set_kind(self, kind: str, dark: bool | None = None) -> None:
        dark = self._dark if dark is None else dark
        if (kind, dark) != (self._kind, self._dark):
            self._kind, self._dark = kind, dark
            self._paint_colours()

    @property
    def kind(self) -> str:
        return self._kind

    def background(self) -> QColor:
        return self.palette().color(self.backgroundRole())

    def set_progress(self, fraction: float) -> None:
        self.bar.set_fraction(fraction)

    def animate_progress(self, source: Callable[[], float] | None,
                         seconds: float | None = None) -> None:
        """Refresh the bar from `source` while the step (`seconds` long) runs: BAR_FPS times a
        second, or once per pixel the bar grows if that is rarer. None stops (the idle path:
        then the bar moves only when the window repaints on a second boundary)."""
        self._progress = source
        if source is None:
            self._animation.stop()
            return
        interval = 1000 // BAR_FPS
        if seconds:
            interval = max(interval, min(1000, int(seconds * 1000 / max(self.bar.width(), 1))))
        if self._animation.interval() != interval:
            self._animation.setInterval(interval)
        if not self._animation.isActive():
            self._animation.start()

    def animating(self) -> bool:
        return self._animation.isActive()

    def _animate(self) -> None:
        if self._progress is not None and self.isVisible():
            self.bar.set_fraction(self._progress())

    # --- how it looks -------------------------------------------------------------------------

    def _paint_colours(self) -> None:
        colour = kind_colour(self._kind, self._dark)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), colour)
        palette.setColor(self.foregroundRole(), PANEL_TEXT)
        self.setPalette(palette)
        self.side.setStyleSheet(
            f"background: white; color: {colour.name()}; border-radius: 10px;"
            " padding: 2px 18px; font-weight: bold;")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        unit = max(8.0, min(self.height() / 100, self.width() / 60))
        for label, size, bold in (
            (self.exercise, 4.2, False), (self.phase, 8.5, True), (self.cue, 3.4, False),
            (self.side, 5.2, True), (self.counts, 4.2, False), (self.next, 4.0, False),
            (self.side_words, 3.2, True),
        ):
            font = QFont(label.font())
            font.setPixelSize(max(12, round(unit * size)))
            font.setBold(bold)
            label.setFont(font)
        self.bar.setFixedHeight(max(10, round(unit * 1.8)))
