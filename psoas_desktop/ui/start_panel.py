"""Before a session: pick a routine, set each exercise's target inside its ranges, start.

Targets start at the routine's default or the choice remembered for it; progression
suggestions, when the history has any, sit beside each exercise with an Accept button.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from psoas_desktop.core.equipment import equipment_text
from psoas_desktop.core.poses import builtin_figures
from psoas_desktop.core.routines import (
    Routine,
    Target,
)
from psoas_desktop.ui.target_row import TargetRow, ranges_text
from psoas_desktop.ui.today_banner import TodayBanner
from psoas_desktop.ui.widgets import plain_label

__all__ = ["StartKeys", "StartPanel", "TargetRow", "ranges_text"]  # rows: ui/target_row.py

NO_PAIN_VALUE = -1  # the pain spin box's "not given" position
START_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class StartKeys(QObject):
    """Space and Enter in a box of the start page start the session: a spin box would take
    Space as text (and blank itself), Enter would do nothing. Digits and arrows still edit."""

    def __init__(self, start: SignalInstance, parent: QObject) -> None:
        super().__init__(parent)
        self._start = start

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                          Qt.KeyboardModifier.KeypadModifier)
            if plain and event.key() in START_KEYS:
                self._start.emit()
                return True
        return False


class StartPanel(QWidget):
    routineChosen = Signal(str)
    targetsChanged = Signal()
    historyRequested = Signal()
    startRequested = Signal()  # Space or Enter in one of the page's boxes

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start_keys = StartKeys(self.startRequested, self)
        self._routines: list[Routine] = []
        self.rows: dict[str, TargetRow] = {}

        self.today = TodayBanner(self)
        self.picker = QComboBox(self)
        self.picker.setAccessibleName("Routine")
        self.picker.currentIndexChanged.connect(self._picked)
        self.picker.installEventFilter(self._start_keys)
        self.summary = plain_label("", self, "About this routine")
        self.summary.setWordWrap(True)
        self.equipment = plain_label("", self, "What you need")
        self.equipment.setWordWrap(True)
        self.length_note = plain_label("", self, "Session length")
        self.length_note.setWordWrap(True)
        self.length_note.setVisible(False)

        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._grid_host)

        self.pain = QSpinBox(self)
        self.pain.setRange(NO_PAIN_VALUE, 10)
        self.pain.setSpecialValueText("not given")
        self.pain.setValue(NO_PAIN_VALUE)
        self.pain.setAccessibleName("Pain before, 0 to 10, optional")
        self.pain.installEventFilter(self._start_keys)
        self.accept_all = QPushButton("Accept all suggestions", self)
        self.accept_all.clicked.connect(self.accept_suggestions)
        self.accept_all.setVisible(False)
        self.applied = plain_label("Suggestions applied", self, "Suggestions applied")
        self.applied.setVisible(False)
        self.history = QPushButton("History…", self)
        self.history.setAccessibleName("History")
        self.history.clicked.connect(self.historyRequested)

        top = QHBoxLayout()
        top.addWidget(QLabel("Routine:", self))
        top.addWidget(self.picker, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel("Pain before (0-10):", self))
        bottom.addWidget(self.pain)
        bottom.addStretch(1)
        bottom.addWidget(self.applied)
        bottom.addWidget(self.accept_all)
        bottom.addWidget(self.history)
        layout = QVBoxLayout(self)
        layout.addWidget(self.today)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.equipment)
        layout.addWidget(self.length_note)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)

    # --- routines -----------------------------------------------------------------------------

    def set_routines(self, routines: Sequence[Routine], current: str | None) -> None:
        self._routines = list(routines)
        self.picker.blockSignals(True)
        self.picker.clear()
        for routine in routines:
            self.picker.addItem(routine.name, routine.id)
        ids = [r.id for r in routines]
        self.picker.setCurrentIndex(ids.index(current) if current in ids else 0)
        self.picker.blockSignals(False)
        self._show_routine()

    def routine(self) -> Routine | None:
        index = self.picker.currentIndex()
        return self._routines[index] if 0 <= index < len(self._routines) else None

    def _picked(self) -> None:
        self._show_routine()
        routine = self.routine()
        if routine is not None:
            self.routineChosen.emit(routine.id)

    def _show_routine(self) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # at once: deleteLater waits for the event loop
                widget.deleteLater()
        self.rows = {}
        routine = self.routine()
        if routine is None:
            self.summary.setText("No routines loaded.")
            return
        self.summary.setText("\n".join(
            [routine.summary, f"Aim: {routine.frequency.label}", *routine.notes]))
        headings = ["Exercise", "Sets", "Reps", "Hold / time"]
        if any(e.load_measure for e in routine.exercises):
            headings.append("Load")
        self.equipment.setText(equipment_text(routine, builtin_figures()))
        for column, heading in enumerate(headings):
            self._grid.addWidget(QLabel(f"<b>{heading}</b>"), 0, column)
        for index, exercise in enumerate(routine.exercises):
            row = TargetRow(exercise, self._grid_host)
            self.rows[exercise.id] = row
            for spin in (row.sets, row.reps, row.hold):
                spin.valueChanged.connect(self.targetsChanged)
                spin.installEventFilter(self._start_keys)
            if row.load is not None:
                row.load.changed.connect(self.targetsChanged)
                self._grid.addWidget(row.load, 1 + index * 2, 4)
            row.accept.clicked.connect(lambda _=False, r=row: self._accept(r))
            at = 1 + index * 2
            self._grid.addWidget(row.name, at, 0)
            self._grid.addWidget(row.sets, at, 1)
            self._grid.addWidget(row.reps, at, 2)
            self._grid.addWidget(row.hold, at, 3)
            self._grid.addWidget(row.thumb, at, 5)
            self._grid.addWidget(row.suggestion, at + 1, 0, 1, 4)
            self._grid.addWidget(row.accept, at + 1, 4)
        self._grid.setColumnStretch(0, 1)
        self._grid.setRowStretch(1 + 2 * len(routine.exercises), 1)
        self.accept_all.setVisible(False)
        self.applied.setVisible(False)

    # --- targets ------------------------------------------------------------------------------

    def targets(self) -> dict[str, Target]:
        return {exercise_id: row.target() for exercise_id, row in self.rows.items()}

    def set_targets(self, targets: Mapping[str, Target]) -> None:
        for exercise_id, target in targets.items():
            if exercise_id in self.rows:
                self.rows[exercise_id].set_target(target)

    def set_suggestions(self, suggestions: Mapping[str, tuple[Target, str]]) -> None:
        for exercise_id, row in self.rows.items():
            target, reason = suggestions.get(exercise_id, (None, ""))
            row.show_suggestion(target, reason)
        self.accept_all.setVisible(any(r.suggested for r in self.rows.values()))
        self.applied.setVisible(False)

    def accept_suggestions(self) -> None:
        applied = [row.apply_suggestion() for row in self.rows.values()]
        self.accept_all.setVisible(False)
        self.applied.setVisible(any(applied))

    def _accept(self, row: TargetRow) -> None:
        row.apply_suggestion()
        remaining = any(r.suggested for r in self.rows.values())
        self.accept_all.setVisible(remaining)
        self.applied.setVisible(not remaining)

    def show_length_note(self, text: str) -> None:
        """Say when the chosen targets take the session past the routine's length."""
        self.length_note.setText(f"⏱ {text}" if text else "")
        self.length_note.setVisible(bool(text))

    def clear_pain(self) -> None:
        self.pain.setValue(NO_PAIN_VALUE)

    def pain_before(self) -> int | None:
        value = self.pain.value()
        return None if value == NO_PAIN_VALUE else value
