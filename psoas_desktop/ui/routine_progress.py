"""The whole routine's progress: a bar for the place in the plan, the time really spent and the
plan still ahead, which exercise of how many. Skipping moves the bar and shortens what is left,
but adds nothing to the time spent."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QWidget

from psoas_desktop.core.durations import duration_text
from psoas_desktop.ui.widgets import plain_label


class RoutineProgress(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(12)
        self.bar.setAccessibleName("Routine progress")
        self.exercise = plain_label("", self, "Exercise number")
        self.times = plain_label("", self, "Time spent and plan left")
        self.times.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
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
        self.bar.setRange(0, max(1, round(total)))
        self.bar.setValue(round(min(elapsed, total)))
        self.exercise.setText(f"Exercise {exercise} of {exercises}" if exercise
                              else f"{exercises} exercises")
        left = duration_text(max(0.0, total - elapsed))
        if spent is None:
            self.times.setText(f"{left} planned")
        else:
            self.times.setText(f"{duration_text(spent)} spent · {left} of the plan left")
