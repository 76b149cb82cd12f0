"""The routine's exercises with their targets: the current one highlighted, the passed ones ticked.

Double-click or Enter on an exercise asks to jump there (`jumpRequested(index)`).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from psoas_desktop.core.routines import Routine, Target, describe_target

CURRENT_MARK = "▶"
DONE_MARK = "✓"


class ExerciseList(QListWidget):
    jumpRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Exercises")
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSpacing(2)
        # Double-click or Enter; not `itemActivated`, which some desktops fire on one click.
        self.itemDoubleClicked.connect(self._activated)
        self._lines: list[tuple[str, str]] = []
        self.current = -1
        self.done: set[int] = set()

    def set_routine(self, routine: Routine, targets: Mapping[str, Target]) -> None:
        self._lines = [
            (exercise.name,
             describe_target(exercise, targets.get(exercise.id, Target.default_for(exercise))))
            for exercise in routine.exercises
        ]
        self.current, self.done = -1, set()
        self.clear()
        for _ in self._lines:
            self.addItem(QListWidgetItem())
        self._refresh()

    def set_position(self, current: int, done: set[int]) -> None:
        if (current, done) == (self.current, self.done):
            return
        self.current, self.done = current, set(done)
        self._refresh()
        if 0 <= current < self.count():
            self.scrollToItem(self.item(current))

    def item_text(self, index: int) -> str:
        return self.item(index).text()

    def repaint_marks(self) -> None:
        """Redo the highlight and colours, after the palette changed."""
        self._refresh()

    def _refresh(self) -> None:
        highlight = self.palette().color(QPalette.ColorRole.Highlight)
        highlight.setAlphaF(0.22)
        for index, (name, target) in enumerate(self._lines):
            item = self.item(index)
            mark = (CURRENT_MARK if index == self.current
                    else DONE_MARK if index in self.done else " ")
            item.setText(f"{mark} {index + 1}. {name}\n      {target}")
            font = QFont(self.font())
            font.setBold(index == self.current)
            item.setFont(font)
            item.setBackground(highlight if index == self.current else Qt.GlobalColor.transparent)
            state = ("current" if index == self.current
                     else "done" if index in self.done else "to do")
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         f"{index + 1}. {name}, {target}, {state}")
            item.setForeground(self.palette().color(
                QPalette.ColorRole.PlaceholderText if index in self.done
                else QPalette.ColorRole.Text))

    def _activated(self, item: QListWidgetItem) -> None:
        self.jumpRequested.emit(self.row(item))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.jumpRequested.emit(self.currentRow())
            return
        super().keyPressEvent(event)
