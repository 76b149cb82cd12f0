"""Before a session: pick a routine, set each exercise's target inside its ranges, start.

Targets start at the routine's default or the choice remembered for it; progression
suggestions, when the history has any, sit beside each exercise with an Accept button.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
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

from psoas_desktop.core.progression import easier_than
from psoas_desktop.core.routines import (
    Exercise,
    Range,
    Routine,
    Target,
    WorkKind,
    describe_target,
)
from psoas_desktop.ui.load_control import LoadControl
from psoas_desktop.ui.today_banner import TodayBanner
from psoas_desktop.ui.widgets import plain_label

NO_PAIN_VALUE = -1  # the pain spin box's "not given" position


def ranges_text(exercise: Exercise) -> str:
    """What the sources allow: 'sets 2-3 · reps 4-6 · hold 5-10 s'."""
    parts = [f"sets {exercise.sets}"]
    if exercise.kind is not WorkKind.TIMED:
        parts.append(f"{'cycles' if exercise.kind is WorkKind.CYCLE else 'reps'} {exercise.reps}")
    if exercise.hold is not None:
        parts.append(f"{'time' if exercise.kind is WorkKind.TIMED else 'hold'} {exercise.hold} s")
    return "    " + " · ".join(parts)


class TargetRow:
    """The sets, reps and hold controls of one exercise."""

    def __init__(self, exercise: Exercise, parent: QWidget) -> None:
        self.exercise = exercise
        self.name = plain_label(f"{exercise.name}\n{ranges_text(exercise)}", parent,
                                exercise.name)
        self.name.setWordWrap(True)
        self.sets = self._spin(exercise.sets, "sets", parent)
        self.reps = self._spin(exercise.reps, "cycles" if exercise.kind is WorkKind.CYCLE
                               else "reps", parent)
        self.reps.setVisible(exercise.kind is not WorkKind.TIMED)
        self.hold = self._spin(exercise.hold or Range(0, 0, 0), "seconds", parent)
        self.hold.setSuffix(" s")
        self.hold.setVisible(exercise.hold is not None)
        self.load = (LoadControl(exercise.load_measure, exercise.name, parent)
                     if exercise.load_measure else None)
        self.suggestion = plain_label("", parent, f"Suggestion for {exercise.name}")
        self.suggestion.setWordWrap(True)
        italic = self.suggestion.font()
        italic.setItalic(True)
        self.suggestion.setFont(italic)
        self.accept = QPushButton("Accept", parent)
        self.accept.setAccessibleName(f"Accept the suggestion for {exercise.name}")
        self.suggested: Target | None = None
        self.show_suggestion(None, "")

    def _spin(self, bounds: Range, unit: str, parent: QWidget) -> QSpinBox:
        spin = QSpinBox(parent)
        spin.setRange(bounds.min, bounds.max)
        spin.setValue(bounds.default)
        spin.setEnabled(bounds.min != bounds.max)
        spin.setAccessibleName(f"{self.exercise.name}: {unit}")
        spin.setToolTip(f"{unit}: {bounds}")
        spin.setMinimumWidth(72)
        return spin

    def target(self) -> Target:
        hold = self.hold.value() if self.exercise.hold else None
        load = self.load.value() if self.load is not None else None
        return Target(self.sets.value(), self.reps.value(), hold, load)

    def set_target(self, target: Target) -> None:
        target = target.clamped(self.exercise)
        self.sets.setValue(target.sets)
        self.reps.setValue(target.reps)
        if target.hold is not None:
            self.hold.setValue(target.hold)
        if self.load is not None and target.load is not None:
            self.load.set_value(target.load)

    def show_suggestion(self, target: Target | None, reason: str) -> None:
        self.suggested = target.clamped(self.exercise) if target else None
        if self.suggested is None:
            self.suggestion.clear()
        else:
            current = self.target().clamped(self.exercise)
            word = "Easier" if easier_than(self.suggested, current) else "Suggested"
            text = f"{word}: {describe_target(self.exercise, self.suggested)}"
            self.suggestion.setText(f"{text} ({reason})" if reason else text)
        self.suggestion.setVisible(self.suggested is not None)
        self.accept.setVisible(self.suggested is not None)

    def widgets(self) -> Sequence[QWidget]:
        load = (self.load,) if self.load is not None else ()
        return (self.name, self.sets, self.reps, self.hold, *load, self.suggestion, self.accept)


class StartPanel(QWidget):
    routineChosen = Signal(str)
    targetsChanged = Signal()
    historyRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._routines: list[Routine] = []
        self.rows: dict[str, TargetRow] = {}

        self.today = TodayBanner(self)
        self.picker = QComboBox(self)
        self.picker.setAccessibleName("Routine")
        self.picker.currentIndexChanged.connect(self._picked)
        self.summary = plain_label("", self, "About this routine")
        self.summary.setWordWrap(True)
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
        self.accept_all = QPushButton("Accept all suggestions", self)
        self.accept_all.clicked.connect(self.accept_suggestions)
        self.accept_all.setVisible(False)
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
        bottom.addWidget(self.accept_all)
        bottom.addWidget(self.history)
        layout = QVBoxLayout(self)
        layout.addWidget(self.today)
        layout.addLayout(top)
        layout.addWidget(self.summary)
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
            widget = self._grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.rows = {}
        routine = self.routine()
        if routine is None:
            self.summary.setText("No routines loaded.")
            return
        self.summary.setText("\n".join([routine.summary, routine.frequency.label, *routine.notes]))
        headings = ["Exercise", "Sets", "Reps", "Hold / time"]
        if any(e.load_measure for e in routine.exercises):
            headings.append("Load")
        for column, heading in enumerate(headings):
            self._grid.addWidget(QLabel(f"<b>{heading}</b>"), 0, column)
        for index, exercise in enumerate(routine.exercises):
            row = TargetRow(exercise, self._grid_host)
            self.rows[exercise.id] = row
            for spin in (row.sets, row.reps, row.hold):
                spin.valueChanged.connect(self.targetsChanged)
            if row.load is not None:
                row.load.changed.connect(self.targetsChanged)
                self._grid.addWidget(row.load, 1 + index * 2, 4)
            row.accept.clicked.connect(lambda _=False, r=row: self._accept(r))
            at = 1 + index * 2
            self._grid.addWidget(row.name, at, 0)
            self._grid.addWidget(row.sets, at, 1)
            self._grid.addWidget(row.reps, at, 2)
            self._grid.addWidget(row.hold, at, 3)
            self._grid.addWidget(row.suggestion, at + 1, 0, 1, 4)
            self._grid.addWidget(row.accept, at + 1, 4)
        self._grid.setColumnStretch(0, 1)
        self._grid.setRowStretch(1 + 2 * len(routine.exercises), 1)
        self.accept_all.setVisible(False)

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

    def accept_suggestions(self) -> None:
        for row in self.rows.values():
            self._accept(row)

    def _accept(self, row: TargetRow) -> None:
        if row.suggested is not None:
            row.set_target(row.suggested)

    def show_length_note(self, text: str) -> None:
        """Say when the chosen targets take the session past the routine's length."""
        self.length_note.setText(f"⏱ {text}" if text else "")
        self.length_note.setVisible(bool(text))

    def clear_pain(self) -> None:
        self.pain.setValue(NO_PAIN_VALUE)

    def pain_before(self) -> int | None:
        value = self.pain.value()
        return None if value == NO_PAIN_VALUE else value
