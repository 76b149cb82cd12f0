"""The exercise library: every exercise, built-in and the user's, searchable, with its facts.

Everything shown is plain text: names and notes come from files and are never rich text.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from psoas_desktop.core.routines import Exercise, WorkKind
from psoas_desktop.ui.start_panel import ranges_text

KIND_WORDS = {
    WorkKind.TIMED: "timed block",
    WorkKind.HOLD: "holds",
    WorkKind.CYCLE: "cycle of holds",
    WorkKind.REP_HOLD: "lift, hold, lower",
    WorkKind.TEMPO: "paced reps",
}
ID_ROLE = Qt.ItemDataRole.UserRole


def sides_text(exercise: Exercise) -> str:
    return "each side in turn" if exercise.per_side else "both sides together"


def exercise_text(exercise: Exercise, mine: bool = False) -> str:
    """The whole of what the library says about an exercise, as plain text."""
    lines = [exercise.name, f"{KIND_WORDS[exercise.kind]}, {sides_text(exercise)}"
             + (" (yours)" if mine else ""), ranges_text(exercise).strip()]
    if exercise.phases:
        lines.append("Holds: " + ", ".join(p.name for p in exercise.phases))
    lines.append("Equipment: " + ("; ".join(exercise.equipment) or "none"))
    if exercise.load:
        lines.append(f"Load: {exercise.load}")
    for title, items in (("Steps", exercise.steps), ("Cues", exercise.cues),
                         ("Safety", exercise.safety)):
        if items:
            lines.append("")
            lines.append(title)
            lines.extend(f"{n}. {text}" if title == "Steps" else f"- {text}"
                         for n, text in enumerate(items, 1))
    return "\n".join(lines)


def _matches(exercise: Exercise, words: list[str]) -> bool:
    haystack = " ".join([exercise.id, exercise.name, exercise.kind.value,
                         KIND_WORDS[exercise.kind], *exercise.equipment]).lower()
    return all(word in haystack for word in words)


class ExerciseLibrary(QWidget):
    """A search box, the list of exercises (name and kind) and the chosen one's facts."""

    exerciseActivated = Signal(str)  # double-click or Enter: the id, to add to a routine

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library: dict[str, Exercise] = {}
        self._mine: set[str] = set()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search exercises: name, kind, equipment")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search exercises")
        self.list = QListWidget(self)
        self.list.setAccessibleName("Exercises")
        self.details = QPlainTextEdit(self)  # plain text by its nature: nothing is interpreted
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Exercise details")
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.list)
        split.addWidget(self.details)
        split.setSizes([220, 260])
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search)
        column.addWidget(split, 1)
        self.search.textChanged.connect(self._filter)
        self.list.currentItemChanged.connect(self._show_current)
        self.list.itemActivated.connect(lambda item: self.exerciseActivated.emit(
            item.data(ID_ROLE)))

    def set_library(self, library: Mapping[str, Exercise], mine: set[str]) -> None:
        current = self.current_id()
        self._library, self._mine = dict(library), set(mine)
        self.list.clear()
        for exercise in sorted(self._library.values(), key=lambda e: e.name.lower()):
            suffix = ", yours" if exercise.id in self._mine else ""
            item = QListWidgetItem(f"{exercise.name}  ({KIND_WORDS[exercise.kind]}{suffix})")
            item.setData(ID_ROLE, exercise.id)
            item.setToolTip(ranges_text(exercise).strip())
            self.list.addItem(item)
        self._filter(self.search.text())
        self.select(current)

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None or item.isHidden() else str(item.data(ID_ROLE))

    def select(self, exercise_id: str | None) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == exercise_id:
                self.list.setCurrentRow(row)
                return
        visible = [r for r in range(self.list.count()) if not self.list.item(r).isHidden()]
        if visible:
            self.list.setCurrentRow(visible[0])

    def visible_ids(self) -> list[str]:
        return [str(self.list.item(r).data(ID_ROLE)) for r in range(self.list.count())
                if not self.list.item(r).isHidden()]

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(not _matches(self._library[item.data(ID_ROLE)], words))
        if self.current_id() is None:
            self.select(None)
        self._show_current()

    def _show_current(self) -> None:
        exercise_id = self.current_id()
        exercise = self._library.get(exercise_id or "")
        self.details.setPlainText(
            exercise_text(exercise, exercise.id in self._mine) if exercise else "")
