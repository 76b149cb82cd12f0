"""The training log around a session: an optional pain rating before it, and after it a short
dialog (pain and stiffness now, notes) that one key skips.

    answer = LogDialog.ask(window, pain_before=3)   # None when skipped (Esc)
    if answer:
        recording.save_log(answer.pain_after, answer.stiffness, answer.notes)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from psoas_desktop.core.training_log import FunctionalTask, LogDetails
from psoas_desktop.ui.training_log_panel import TrainingLogPanel


@dataclass(frozen=True)
class LogAnswer:
    pain_after: int | None
    stiffness: int | None
    notes: str
    details: LogDetails = field(default_factory=LogDetails)
    task: FunctionalTask | None = None  # the functional task as the user left it


class RatingScale(QWidget):
    """0 to 10 as a row of buttons, big enough to hit from the mat; none chosen means not
    rated, and clicking the chosen one again clears it."""

    changed = Signal(object)  # int | None

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)  # so that no choice at all is possible
        for value in range(11):
            button = QPushButton(str(value))
            button.setCheckable(True)
            button.setFixedWidth(34)
            button.setAutoDefault(False)  # Enter saves the dialog, it does not toggle a rating
            button.setAccessibleName(f"{accessible_name} {value}")
            row.addWidget(button)
            self._group.addButton(button, value)
        self._group.idClicked.connect(self._clicked)
        self._value: int | None = None
        # The style's own checked look is too faint to read from the mat.
        self.setStyleSheet("QPushButton:checked { background: palette(highlight);"
                           " color: palette(highlighted-text); font-weight: bold; }")

    def value(self) -> int | None:
        return self._value

    def set_value(self, value: int | None) -> None:
        self._value = value
        for button in self._group.buttons():
            button.setChecked(self._group.id(button) == value)
        self.changed.emit(value)

    def _clicked(self, value: int) -> None:
        self.set_value(None if value == self._value else value)


class LogDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, pain_before: int | None = None,
                 task: FunctionalTask | None = None, rom_due: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle("How was it?")
        layout = QVBoxLayout(self)
        intro = "A note for your training log. Esc skips it."
        if pain_before is not None:
            intro = f"Before the session your pain was {pain_before}. {intro}"
        layout.addWidget(QLabel(intro))
        form = QFormLayout()
        self.pain = RatingScale("Pain now")
        self.stiffness = RatingScale("Stiffness now")
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText("What got easier, where it hurt, anything to remember")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(90)
        form.addRow("Pain now (0-10)", self.pain)
        form.addRow("Stiffness now (0-10)", self.stiffness)
        layout.addLayout(form)
        self.details = TrainingLogPanel(task, rom_due, self)
        layout.addWidget(self.details)
        notes = QFormLayout()
        notes.addRow("Notes", self.notes)
        layout.addLayout(notes)
        buttons = QDialogButtonBox()
        save = buttons.addButton("Save to log", QDialogButtonBox.ButtonRole.AcceptRole)
        skip = buttons.addButton("Skip (Esc)", QDialogButtonBox.ButtonRole.RejectRole)
        save.setDefault(True)
        skip.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)  # QDialog already maps Esc to reject
        layout.addWidget(buttons)
        self.pain.setFocus(Qt.FocusReason.OtherFocusReason)

    def answer(self) -> LogAnswer:
        return LogAnswer(self.pain.value(), self.stiffness.value(),
                         self.notes.toPlainText().strip(), self.details.details(),
                         self.details.task())

    @classmethod
    def ask(cls, parent: QWidget | None = None, pain_before: int | None = None,
            task: FunctionalTask | None = None, rom_due: bool = False) -> LogAnswer | None:
        """Show the dialog modally; the answer, or None when skipped."""
        dialog = cls(parent, pain_before, task, rom_due)
        try:
            return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
