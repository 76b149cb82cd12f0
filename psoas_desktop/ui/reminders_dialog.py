"""Choose training days and a time, and save them as an iCalendar file for the user's own
calendar to remind them (core/reminders.py builds it)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QMessageBox,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from psoas_desktop.core.reminders import DAY_NAMES, ReminderPlan, calendar_bytes, check
from psoas_desktop.core.routines import Routine
from psoas_desktop.ui.widgets import plain_label

DEFAULT_DAYS = (0, 3)  # Monday and Thursday: two strength days with rest days between


class RemindersDialog(QDialog):
    def __init__(self, strength: Routine, strength_minutes: int, mobility: Routine | None,
                 mobility_minutes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Reminders in your calendar")
        self._strength, self._mobility = strength, mobility
        self._minutes = (strength_minutes, mobility_minutes)
        layout = QVBoxLayout(self)
        intro = plain_label(
            "Pick your strength days and a time. The plan is saved as a calendar file (.ics): "
            "open it in your calendar and it reminds you; nothing of this app runs in the "
            "background.", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        days = QHBoxLayout()
        self.days: list[QCheckBox] = []
        for number, name in enumerate(DAY_NAMES):
            box = QCheckBox(name[:3], self)
            box.setAccessibleName(f"Strength on {name}")
            box.setChecked(number in DEFAULT_DAYS)
            box.toggled.connect(self._show_problems)
            days.addWidget(box)
            self.days.append(box)
        form = QFormLayout()
        form.addRow("Strength days", days)
        self.at = QTimeEdit(QTime(18, 0), self)
        self.at.setDisplayFormat("HH:mm")
        self.at.setAccessibleName("Time of day")
        form.addRow("Time", self.at)
        self.weeks = QSpinBox(self)
        self.weeks.setRange(1, 52)
        self.weeks.setValue(strength.weeks.max if strength.weeks else 8)
        self.weeks.setSuffix(" weeks")
        self.weeks.setAccessibleName("For how many weeks")
        form.addRow("For", self.weeks)
        self.lighter = QCheckBox(
            f"Remind me of {mobility.name} on the days between" if mobility else "", self)
        self.lighter.setVisible(mobility is not None)
        form.addRow("", self.lighter)
        layout.addLayout(form)
        self.problems = plain_label("", self, "Problems")
        self.problems.setWordWrap(True)
        layout.addWidget(self.problems)
        buttons = QDialogButtonBox()
        self.save = buttons.addButton("Save calendar file…",
                                      QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show_problems()

    def plan(self) -> ReminderPlan:
        t = self.at.time()
        chosen = tuple(n for n, box in enumerate(self.days) if box.isChecked())
        mobility = self._mobility.name if self._mobility and self.lighter.isChecked() else ""
        return ReminderPlan(chosen, time(t.hour(), t.minute()), self.weeks.value(),
                            self._strength.name, self._minutes[0], mobility, self._minutes[1])

    def _show_problems(self) -> None:
        problems = check(self.plan())
        self.problems.setText("\n".join(problems))
        self.save.setEnabled(not problems)

    def ask_path(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, "Save the reminders", "psoas-training.ics",
                                              "Calendar files (*.ics)")
        return Path(name) if name else None

    def export(self) -> None:
        path = self.ask_path()
        if path is None:
            return
        try:
            path.write_bytes(calendar_bytes(self.plan(), date.today(), datetime.now(UTC)))
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, "Reminders", f"Could not save {path}: {exc}")
            return
        self.accept()
