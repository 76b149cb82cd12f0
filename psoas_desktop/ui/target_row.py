"""One exercise's row on the start page: its target spin boxes inside the exercise's ranges,
its load, and a progression suggestion with an Accept button."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QPushButton, QSpinBox, QWidget

from psoas_desktop.core.progression import easier_than
from psoas_desktop.core.routines import Exercise, Range, Target, WorkKind, describe_target
from psoas_desktop.ui.figure_thumbs import thumbnail_label
from psoas_desktop.ui.load_control import LoadControl
from psoas_desktop.ui.widgets import plain_label


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
        self.thumb = thumbnail_label(exercise, parent)
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

    def apply_suggestion(self) -> bool:
        """Take the suggested target, and say so where the suggestion was. True if there was
        one to take."""
        if self.suggested is None:
            return False
        self.set_target(self.suggested)
        self.suggestion.setText(f"Applied: {describe_target(self.exercise, self.suggested)}")
        self.suggested = None
        self.accept.setVisible(False)
        return True

    def widgets(self) -> Sequence[QWidget]:
        load = (self.load,) if self.load is not None else ()
        return (self.name, self.sets, self.reps, self.hold, *load, self.suggestion, self.accept,
                self.thumb)
