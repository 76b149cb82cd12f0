"""The routine's exercises with their targets: the current one highlighted, the passed ones
marked for what they were: done (a tick), partly done, or skipped (core/completion.py).

Double-click or Enter on an exercise asks to jump there (`jumpRequested(index)`).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from psoas_desktop.core.completion import Mark
from psoas_desktop.core.routines import Routine, Target, describe_target
from psoas_desktop.ui.contrast import muted

MINIMUM_WIDTH = 210
TEXT_INSET, ITEM_PADDING = 10, 4  # the delegate's text margins, a little more than Qt's
HIGHLIGHT_ALPHA = 0.22  # the current exercise's band: the highlight colour, lightly
CURRENT_MARK = "▶"
DONE_MARK = "✓"
SYMBOLS = {Mark.CURRENT: CURRENT_MARK, Mark.DONE: DONE_MARK, Mark.PARTLY: "◐",
           Mark.SKIPPED: "\u2013", Mark.TO_DO: " "}
# What follows the target line of a passed exercise: the mark said in words as well.
NOTES = {Mark.PARTLY: " · partly done", Mark.SKIPPED: " · skipped"}


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
        # Narrower, names break a word a line; the splitter never squeezes it below this.
        self.setMinimumWidth(MINIMUM_WIDTH)
        # Double-click or Enter; not `itemActivated`, which some desktops fire on one click.
        self.itemDoubleClicked.connect(self._activated)
        self._lines: list[tuple[str, str]] = []
        self.current = -1
        self.marks: list[Mark] = []

    def set_routine(self, routine: Routine, targets: Mapping[str, Target]) -> None:
        self._lines = [
            (exercise.name,
             describe_target(exercise, targets.get(exercise.id, Target.default_for(exercise))))
            for exercise in routine.exercises
        ]
        self.current, self.marks = -1, [Mark.TO_DO] * len(self._lines)
        self.clear()
        for _ in self._lines:
            self.addItem(QListWidgetItem())
        self._refresh()

    @property
    def done(self) -> set[int]:
        """The exercises done (at least the share core/completion.py asks for)."""
        return {i for i, mark in enumerate(self.marks) if mark is Mark.DONE}

    def set_marks(self, marks: list[Mark]) -> None:
        current = marks.index(Mark.CURRENT) if Mark.CURRENT in marks else -1
        if (current, marks) == (self.current, self.marks):
            return
        # Only the rows whose mark or highlight changed (at a step change, two or so): the
        # rest keep their text, font and height.
        before = self.marks
        changed = {i for i, mark in enumerate(marks) if i >= len(before) or before[i] != mark}
        changed |= {self.current, current} - {-1}
        self.current, self.marks = current, list(marks)
        self._refresh(changed if len(before) == len(marks) else None)
        if 0 <= current < self.count():
            self.scrollToItem(self.item(current))

    def item_text(self, index: int) -> str:
        return self.item(index).text()

    def repaint_marks(self) -> None:
        """Redo the highlight and colours, after the palette changed."""
        self._refresh()

    def _refresh(self, rows: set[int] | None = None) -> None:
        """Set the text, font and colours of `rows` (all when None)."""
        palette = self.palette()
        highlight = palette.color(QPalette.ColorRole.Highlight)
        highlight.setAlphaF(HIGHLIGHT_ALPHA)
        text = palette.color(QPalette.ColorRole.Text)
        # Done exercises recede, but still read at 4.5:1 (the placeholder grey did not).
        done = muted(text, palette.color(QPalette.ColorRole.Base))
        for index, (name, target) in enumerate(self._lines):
            if rows is not None and index not in rows:
                continue
            item = self.item(index)
            mark = self.marks[index] if index < len(self.marks) else Mark.TO_DO
            note = NOTES.get(mark, "")
            item.setText(f"{SYMBOLS[mark]} {index + 1}. {name}\n    {target}{note}")
            font = QFont(self.font())
            font.setBold(index == self.current)
            item.setFont(font)
            item.setBackground(highlight if index == self.current else Qt.GlobalColor.transparent)
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         f"{index + 1}. {name}, {target}, {mark.value}")
            item.setForeground(done if mark is Mark.DONE else text)
        self._fit_heights(rows)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_heights()

    def _fit_heights(self, rows: set[int] | None = None) -> None:
        # Each item as high as its text wrapped at this width: the view's own guess, made at
        # another width, cut a wrapped target line short with an ellipsis and a blank below.
        width = self.viewport().width() - 2 * self.spacing() - TEXT_INSET
        for row in range(self.count()) if rows is None else sorted(rows):
            item = self.item(row)
            if item is None:
                continue
            metrics = QFontMetrics(item.font())
            needed = metrics.boundingRect(QRect(0, 0, max(1, width), 10_000),
                                          Qt.TextFlag.TextWordWrap, item.text())
            item.setSizeHint(QSize(max(1, width), needed.height() + ITEM_PADDING))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Item colours are fixed when set: a new theme has to set them again.
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "marks"):
            self._refresh()

    def _activated(self, item: QListWidgetItem) -> None:
        self.jumpRequested.emit(self.row(item))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.jumpRequested.emit(self.currentRow())
            return
        super().keyPressEvent(event)
