"""The whole routine's progress: a bar, time elapsed and left, which exercise of how many."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QWidget

from psoas_desktop.ui.step_text import duration_text
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

    def show_progress(self, elapsed: float, total: float, exercise: int, exercises: int) -> None:
        """`exercise` counts from 1; 0 before a session."""
        self.bar.setRange(0, max(1, round(total)))
        self.bar.setValue(round(min(elapsed, total)))
        self.exercise.setText(f"Exercise {exercise} of {exercises}" if exercise
                              else f"{exercises} exercises")
        self.times.setText(f"{duration_text(elapsed)} elapsed · "
                           f"{duration_text(total - elapsed)} left")
