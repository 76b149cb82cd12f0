"""The routine editor's middle column: one routine's name, weekly target, rests and exercises.

Every change goes through the edit history, so each can be undone; the widgets are drawn again
from the document after each one, so what is shown is always what would be saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from psoas_desktop.core.routine_doc import EditError, Item, Targets, item_exercise_id
from psoas_desktop.core.routines import Range, Rests, Target, describe_target
from psoas_desktop.ui.routine_undo import EditHistory
from psoas_desktop.ui.start_panel import ranges_text
from psoas_desktop.ui.widgets import plain_label

REST_WORDS = {"get_ready": "Get ready", "between_reps": "Between reps",
              "between_sets": "Between sets", "switch_sides": "Switching sides",
              "between_exercises": "Between exercises"}


def _spin(low: int, high: int, suffix: str, parent: QWidget) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    spin.setAccessibleName(suffix.strip() or "value")
    return spin


class RoutineForm(QWidget):
    problem = Signal(str)  # an edit refused, said in one line

    def __init__(self, history: EditHistory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = history
        self.routine_id: str | None = None
        self._loading = False
        self._has_hold = False
        self.name = QLineEdit(self)
        self.name.setMaxLength(120)
        self.name.setAccessibleName("Routine name")
        self.replaces = plain_label("", self, "Replaces a built-in routine")
        self.replaces.setWordWrap(True)
        self.replaces.setMinimumHeight(2 * self.replaces.fontMetrics().lineSpacing())
        self.low = _spin(1, 14, " a week at least", self)
        self.high = _spin(1, 14, " a week at most", self)
        self.own_rests = QCheckBox("Rests of its own (otherwise the ones in Settings)", self)
        self.rests = {key: _spin(0, 600, " s", self) for key in REST_WORDS}
        self.list = QListWidget(self)
        self.list.setAccessibleName("Exercises in this routine")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.up, self.down = QPushButton("Move &up", self), QPushButton("Move do&wn", self)
        self.remove = QPushButton("&Remove", self)
        for button in (self.up, self.down, self.remove):
            button.setAutoDefault(False)
        self.target_name = plain_label("", self, "Chosen exercise")
        self.target_name.setWordWrap(True)
        self.sets, self.reps = _spin(1, 20, " sets", self), _spin(1, 100, " reps", self)
        self.hold = _spin(1, 3600, " s", self)
        self._lay_out()
        self._connect()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("", self.replaces)
        week = QHBoxLayout()
        week.addWidget(self.low)
        week.addWidget(self.high)
        form.addRow("Weekly target", week)
        form.addRow("", self.own_rests)
        for key, words in REST_WORDS.items():
            form.addRow(words, self.rests[key])
        buttons = QHBoxLayout()
        for button in (self.up, self.down, self.remove):
            buttons.addWidget(button)
        targets = QHBoxLayout()
        for spin in (self.sets, self.reps, self.hold):
            targets.addWidget(spin)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(plain_label("Exercises (drag, or Ctrl+Up and Ctrl+Down, to reorder)"))
        column.addWidget(self.list, 1)
        column.addLayout(buttons)
        column.addWidget(self.target_name)
        column.addLayout(targets)

    def _connect(self) -> None:
        self.name.editingFinished.connect(self._rename)
        self.low.valueChanged.connect(self._frequency)
        self.high.valueChanged.connect(self._frequency)
        self.own_rests.toggled.connect(self._rests)
        for spin in self.rests.values():
            spin.valueChanged.connect(self._rests)
        for spin in (self.sets, self.reps, self.hold):
            spin.valueChanged.connect(self._target)
        self.list.currentRowChanged.connect(lambda _row: self._show_target())
        self.list.model().rowsMoved.connect(self._dragged)
        self.up.clicked.connect(lambda: self.move_current(-1))
        self.down.clicked.connect(lambda: self.move_current(1))
        self.remove.clicked.connect(self.remove_current)
        self.list.installEventFilter(self)  # Ctrl+Up/Down move, Delete removes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Keys, not shortcuts: the list would take Ctrl+Up as "move the cursor" otherwise.
        if watched is self.list and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress:
            control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if control and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.remove_current()
                return True
        return super().eventFilter(watched, event)

    # --- showing ------------------------------------------------------------------------------

    def show_routine(self, routine_id: str | None, editable: bool) -> None:
        self.routine_id = routine_id
        self.setEnabled(editable and routine_id is not None)
        self.refresh()

    def refresh(self) -> None:
        doc = self.history.doc
        self._loading = True
        try:
            rows = self.list.currentRow()
            self.list.clear()
            mine = {r["id"] for r in doc.routines()}
            routine = self._routine()
            self.name.setText(routine["name"])
            built_in = self.routine_id in mine and doc.replaces_builtin(self.routine_id or "")
            shipped = self.routine_id is not None and self.routine_id not in mine
            self.replaces.setText(
                "This routine replaces the built-in one with the same id; 'Reset to built-in' "
                "brings that back." if built_in else
                "A built-in routine: Duplicate makes a copy of your own, 'Make my own version' "
                "one that takes its place." if shipped else "")
            frequency = routine.get("frequency", {"min_per_week": 2, "max_per_week": 3})
            self.low.setValue(frequency["min_per_week"])
            self.high.setValue(frequency["max_per_week"])
            rests = routine.get("rests")
            self.own_rests.setChecked(rests is not None)
            for key, spin in self.rests.items():
                spin.setValue((rests or {}).get(key, getattr(Rests(), key)))
                spin.setEnabled(rests is not None)
            library = doc.exercise_library()
            for number, item in enumerate(routine["exercises"], 1):
                exercise = library.get(item_exercise_id(item))
                chosen = doc.target(item)
                text = (f"{number}. {exercise.name} · "
                        f"{describe_target(exercise, Target(*vars(chosen).values()))}"
                        if exercise else f"{number}. {item_exercise_id(item)} (unknown)")
                self.list.addItem(QListWidgetItem(text))
            self.list.setCurrentRow(min(max(rows, 0), self.list.count() - 1))
        finally:
            self._loading = False
        self._show_target()

    def _show_target(self) -> None:
        row = self.list.currentRow()
        doc = self.history.doc
        has = self.routine_id is not None and 0 <= row < self.list.count()
        for widget in (self.up, self.down, self.remove, self.sets, self.reps, self.hold):
            widget.setEnabled(has)
        if not has:
            self.target_name.setText("Add exercises from the library on the right.")
            return
        items = self._items()
        if row >= len(items):
            return
        item = items[row]
        exercise = doc.exercise_library().get(item_exercise_id(item))
        if exercise is None:
            return
        chosen = doc.target(item)
        self.target_name.setText(f"Targets for {exercise.name}:{ranges_text(exercise)}")
        self._loading = True
        try:
            self.hold.setSpecialValueText("")
            for spin, bounds, value in ((self.sets, exercise.sets, chosen.sets),
                                        (self.reps, exercise.reps, chosen.reps),
                                        (self.hold, exercise.hold, chosen.hold)):
                bounds = bounds or Range(1, 1, 1)
                spin.setRange(bounds.min, bounds.max)
                spin.setValue(value or bounds.default)
                spin.setEnabled(bounds.min < bounds.max)
            self._has_hold = exercise.hold is not None
            if not self._has_hold:  # kept in its place, so the row does not jump
                self.hold.setSpecialValueText("no hold")
                self.hold.setRange(0, 0)
                self.hold.setEnabled(False)
        finally:
            self._loading = False

    def _routine(self) -> dict[str, Any]:
        """The routine shown: the user's, else the built-in one (shown, not edited)."""
        doc, routine_id = self.history.doc, self.routine_id or ""
        mine = next((r for r in doc.routines() if r["id"] == routine_id), None)
        return mine or doc.builtin_routine(routine_id) or {"name": "", "exercises": []}

    def _items(self) -> list[Item]:
        return list(self._routine()["exercises"])

    # --- editing ------------------------------------------------------------------------------

    def _edit(self, text: str, change: object) -> None:
        if self._loading or self.routine_id is None:
            return
        try:
            self.history.edit(text, change)  # type: ignore[arg-type]
        except EditError as exc:
            self.problem.emit(str(exc))

    def _rename(self) -> None:
        name = self.name.text().strip()
        if name and self.routine_id:
            rid = self.routine_id
            self._edit("Rename", lambda d: d.rename(rid, name))

    def _frequency(self) -> None:
        rid, low, high = self.routine_id, self.low.value(), self.high.value()
        self._edit("Weekly target", lambda d: d.set_frequency(rid, low, high))

    def _rests(self) -> None:
        rid = self.routine_id
        rests = Rests(**{k: s.value() for k, s in self.rests.items()}) \
            if self.own_rests.isChecked() else None
        self._edit("Rests", lambda d: d.set_rests(rid, rests))

    def _target(self) -> None:
        rid, row = self.routine_id, self.list.currentRow()
        chosen = Targets(self.sets.value(), self.reps.value(),
                         self.hold.value() if self._has_hold else None)
        self._edit("Targets", lambda d: d.set_target(rid, row, chosen))

    def add_exercise(self, exercise_id: str) -> None:
        rid, row = self.routine_id, self.list.currentRow()
        at = row + 1 if row >= 0 else None
        self._edit("Add exercise", lambda d: d.add_exercise(rid, exercise_id, at))
        if self.routine_id is not None and exercise_id in map(item_exercise_id, self._items()):
            self.list.setCurrentRow(list(map(item_exercise_id, self._items())).index(exercise_id))

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        rid = self.routine_id
        self._edit("Move exercise", lambda d: d.move_exercise(rid, row, target))
        self.list.setCurrentRow(target)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            rid = self.routine_id
            self._edit("Remove exercise", lambda d: d.remove_exercise(rid, row))

    def _dragged(self, _parent: QModelIndex | QPersistentModelIndex, start: int, _end: int,
                 _dest: QModelIndex | QPersistentModelIndex, row: int) -> None:
        # The list has moved its item already; the document follows once the drop is over.
        target = row - 1 if row > start else row
        if self._loading:
            return

        def apply() -> None:
            rid = self.routine_id
            self._edit("Move exercise", lambda d: d.move_exercise(rid, start, target))
            self.list.setCurrentRow(target)

        QTimer.singleShot(0, apply)

