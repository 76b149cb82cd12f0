"""The top of the start page: today's suggestion from the programme, with its reason, this
week's count and the week of the programme; one click takes the suggested routine."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from psoas_desktop.ui.widgets import plain_label

if TYPE_CHECKING:
    from psoas_desktop.core.programme import TodayPlan  # the plan comes with the history
    from psoas_desktop.ui.start_panel import StartPanel


class TodayBanner(QFrame):
    chosen = Signal(str)  # a routine id
    remindersRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.headline = plain_label("", self, "Today's plan")
        font = QFont(self.headline.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.headline.setFont(font)
        self.progress = plain_label("", self, "This week and the programme")
        self.why = plain_label("", self, "Why")
        self.why.setWordWrap(True)
        self.use = QPushButton("Choose it", self)
        self.use.setAccessibleName("Choose today's routine")
        self.use.setAutoDefault(False)
        self.use.clicked.connect(self._use)
        self.reminders = QPushButton("Reminders…", self)
        self.reminders.setAccessibleName("Put training days in your calendar")
        self.reminders.setAutoDefault(False)
        self.reminders.clicked.connect(self.remindersRequested)
        buttons = QVBoxLayout()
        buttons.addWidget(self.use)
        buttons.addWidget(self.reminders)
        text = QVBoxLayout()
        text.addWidget(self.headline)
        text.addWidget(self.progress)
        text.addWidget(self.why)
        row = QHBoxLayout(self)
        row.addLayout(text, 1)
        row.addLayout(buttons)
        self._routine_id: str | None = None
        self.setVisible(False)

    def show_plan(self, plan: TodayPlan) -> None:
        self._routine_id = plan.routine_id
        self.headline.setText(plan.headline)
        parts = [p for p in (plan.programme_week.capitalize(), plan.week_count) if p]
        self.progress.setText(" · ".join(parts))
        self.why.setText(plan.why)
        self.use.setVisible(plan.routine_id is not None)
        self.setVisible(True)

    def _use(self) -> None:
        if self._routine_id is not None:
            self.chosen.emit(self._routine_id)


def banner_of(panel: StartPanel) -> TodayBanner:
    """The start page's banner (the countdown's modules never name the day, see
    tests/reliability/test_time_changes.py)."""
    return panel.today
