"""The whole routine's progress: a bar, time elapsed and left, which exercise of how many."""

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
        self.times = plain_label("", self, "Time elapsed and left")
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
        widest = "00:00:00 elapsed · 00:00:00 left"
        metrics = self.times.fontMetrics()
        self.times.setFixedSize(metrics.horizontalAdvance(widest) + 8,
                                self.times.sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fix_times_size()
        super().changeEvent(event)

    def show_progress(self, elapsed: float, total: float, exercise: int, exercises: int) -> None:
        """`exercise` counts from 1; 0 before a session."""
        self.bar.setRange(0, max(1, round(total)))
        self.bar.setValue(round(min(elapsed, total)))
        self.exercise.setText(f"Exercise {exercise} of {exercises}" if exercise
                              else f"{exercises} exercises")
        self.times.setText(f"{duration_text(elapsed)} elapsed · "
                           f"{duration_text(total - elapsed)} left")
