"""The whole routine's progress: a bar for the place in the plan, the time really spent and the
plan still ahead, which exercise of how many. Skipping moves the bar and shortens what is left,
but adds nothing to the time spent.

It is shown again every second, so it touches only what visibly changed: a label whose text is
the same is left alone, and the bar is given a new value only when its fill moves a pixel, and
then redrawn with the rest of the window's next paint (QProgressBar.setValue on its own
repaints at once, the window behind it and every other widget waiting to be painted too, before
the new second's digits are: up to 7 ms late)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QWidget

from psoas_desktop.core.durations import duration_text
from psoas_desktop.ui.widgets import plain_label


class PlanBar(QProgressBar):
    """A QProgressBar (so screen readers read its value) drawn flat in the palette's colours,
    with its own background: the style's drawing handed its lines to Qt's thread pool (a thread
    wake-up a task), and the window behind the bar was repainted with it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextVisible(False)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.Window))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        radius = min(4.0, track.height() / 2)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(track, radius, radius)
        span = self.maximum() - self.minimum()
        share = (self.value() - self.minimum()) / span if span > 0 else 0.0
        if share > 0:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            filled = QRectF(track.left(), track.top(),
                            max(2 * radius, track.width() * min(1.0, share)), track.height())
            painter.drawRoundedRect(filled, radius, radius)


class RoutineProgress(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = PlanBar(self)
        self.bar.setFixedHeight(12)
        self.bar.setAccessibleName("Routine progress")
        self.exercise = plain_label("", self, "Exercise number")
        self.times = plain_label("", self, "Time spent and plan left")
        self.times.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # It fills its own background: a new text repaints the label alone, not the window
        # behind it.
        self.times.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.exercise)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.times)
        self._fix_times_size()

    def _fix_times_size(self) -> None:
        # The times change every second. A label of fixed size tells no layout about it, so
        # the window is not laid out again each second (that cost ~1 ms before each new second).
        widest = "0:00:00 spent · 0:00:00 of the plan left"
        metrics = self.times.fontMetrics()
        self.times.setFixedSize(metrics.horizontalAdvance(widest) + 8,
                                self.times.sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fix_times_size()
        super().changeEvent(event)

    def show_progress(self, elapsed: float, total: float, exercise: int, exercises: int,
                      spent: float | None = None) -> None:
        """`elapsed`: the place in the plan, in planned seconds; `spent`: the seconds really
        followed, pauses left out (None before a session). `exercise` counts from 1; 0 before
        a session."""
        self._show_place(round(min(elapsed, total)), max(1, round(total)))
        # QLabel.setText leaves the label alone when the text is the same.
        self.exercise.setText(f"Exercise {exercise} of {exercises}" if exercise
                              else f"{exercises} exercises")
        left = duration_text(max(0.0, total - elapsed))
        self.times.setText(f"{left} planned" if spent is None
                           else f"{duration_text(spent)} spent · {left} of the plan left")

    def _show_place(self, value: int, maximum: int) -> None:
        """The bar takes a new value only when its fill moves a pixel (or reaches an end):
        a change it cannot show is not given to it, so it neither repaints nor is asked to."""
        bar = self.bar
        if maximum == bar.maximum() and value not in (0, maximum) and (
                self._filled(value, maximum) == self._filled(bar.value(), maximum)):
            return
        if (value, maximum) == (bar.value(), bar.maximum()):
            return
        bar.setUpdatesEnabled(False)  # setValue would repaint at once
        bar.setRange(0, maximum)
        bar.setValue(value)
        bar.setUpdatesEnabled(True)  # this asks for the bar's repaint with the next paint

    def _filled(self, value: int, maximum: int) -> int:
        """The fill's width in pixels (about: the style's groove may be a little narrower)."""
        return round(self.bar.width() * value / max(1, maximum))
