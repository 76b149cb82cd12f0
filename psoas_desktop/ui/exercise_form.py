"""A dialog to define an exercise of one's own, held to the same schema as the shipped ones."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from psoas_desktop.core.routine_doc import EditError, slug, unique_id
from psoas_desktop.core.routines import WorkKind
from psoas_desktop.ui.exercise_library import KIND_WORDS
from psoas_desktop.ui.routine_undo import EditHistory
from psoas_desktop.ui.widgets import plain_label

LINES = {"equipment": "Equipment, one a line", "steps": "Steps, one a line",
         "cues": "Cues, one a line", "safety": "Safety notes, one a line"}


def _pair(low: int, high: int, start: tuple[int, int], suffix: str,
          parent: QWidget) -> tuple[QSpinBox, QSpinBox, QHBoxLayout]:
    row = QHBoxLayout()
    spins = []
    for value, word in zip(start, ("from", "to"), strict=True):
        spin = QSpinBox(parent)
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setPrefix(f"{word} ")
        spin.setSuffix(suffix)
        row.addWidget(spin)
        spins.append(spin)
    return spins[0], spins[1], row


class ExerciseForm(QDialog):
    def __init__(self, history: EditHistory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New exercise")
        self.history = history
        self.defined: str | None = None
        self.name = QLineEdit(self)
        self.name.setMaxLength(120)
        self.kind = QComboBox(self)
        for kind, words in KIND_WORDS.items():
            self.kind.addItem(f"{words} ({kind.value})", kind.value)
        self.per_side = QCheckBox("Each side in turn", self)
        self.sets_low, self.sets_high, sets_row = _pair(1, 20, (1, 3), " sets", self)
        self.reps_low, self.reps_high, reps_row = _pair(1, 100, (5, 10), " reps", self)
        self.hold_low, self.hold_high, hold_row = _pair(1, 3600, (10, 30), " s", self)
        self.phases = QPlainTextEdit(self)
        self.phases.setPlaceholderText("For a cycle: the name of each hold, one a line")
        self.texts = {key: QPlainTextEdit(self) for key in LINES}
        self.error = plain_label("", self, "What is wrong")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Kind", self.kind)
        form.addRow("", self.per_side)
        form.addRow("Sets", sets_row)
        form.addRow("Reps", reps_row)
        form.addRow("Hold or time", hold_row)
        form.addRow("Holds of a cycle", self.phases)
        for key, words in LINES.items():
            self.texts[key].setPlaceholderText(words)
            self.texts[key].setMaximumHeight(70)
            form.addRow(key.capitalize(), self.texts[key])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.error)
        column.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = WorkKind(self.kind.currentData())
        for spin in (self.reps_low, self.reps_high):
            spin.setEnabled(kind is not WorkKind.TIMED)
        for spin in (self.hold_low, self.hold_high):
            spin.setEnabled(kind is not WorkKind.TEMPO)
        self.phases.setEnabled(kind is WorkKind.CYCLE)

    def definition(self) -> dict[str, Any]:
        kind = WorkKind(self.kind.currentData())
        name = self.name.text().strip()
        taken = set(self.history.doc.exercise_defs())
        data: dict[str, Any] = {"id": unique_id(slug(name, "exercise"), taken), "name": name,
                                "kind": kind.value, "per_side": self.per_side.isChecked(),
                                "sets": {"min": self.sets_low.value(),
                                         "max": self.sets_high.value()}}
        if kind is not WorkKind.TIMED:
            data["reps"] = {"min": self.reps_low.value(), "max": self.reps_high.value()}
        if kind is not WorkKind.TEMPO:
            data["hold"] = {"min": self.hold_low.value(), "max": self.hold_high.value()}
        if kind is WorkKind.CYCLE:
            data["phases"] = [{"name": line} for line in self._lines(self.phases)]
        for key, box in self.texts.items():
            if lines := self._lines(box):
                data[key] = lines
        return data

    @staticmethod
    def _lines(box: QPlainTextEdit) -> list[str]:
        return [line.strip() for line in box.toPlainText().splitlines() if line.strip()]

    def accept(self) -> None:
        data = self.definition()
        try:
            self.defined = str(self.history.edit("New exercise",
                                                 lambda d: d.define_exercise(data)))
        except EditError as exc:
            self.error.setText(f"Not yet: {exc}")
            return
        super().accept()
