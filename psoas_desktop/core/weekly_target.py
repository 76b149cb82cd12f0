"""How many sessions a week a routine asks for, given the load in its targets. Pure Python.

One strength article: the more weight or bands, the fewer sessions a week; bodyweight alone can
go three times a week. So a routine with added load (more than an exercise starts with) asks for
the low end of its weekly range.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from psoas_desktop.core.routines import Routine, Target


@dataclass(frozen=True)
class WeeklyTarget:
    min: int
    max: int
    reason: str = ""  # why it is lower than the routine's own range; empty when it is not

    def __str__(self) -> str:
        return str(self.min) if self.min == self.max else f"{self.min}-{self.max}"


def loaded_exercises(routine: Routine, targets: Mapping[str, Target]) -> list[str]:
    """Names of the exercises whose target carries more load than they start with."""
    names = []
    for exercise in routine.exercises:
        measure = exercise.load_measure
        target = targets.get(exercise.id)
        if (measure is not None and measure.suggest and target is not None
                and target.load is not None and target.load > measure.start):
            names.append(exercise.name)
    return names


def weekly_target(routine: Routine, targets: Mapping[str, Target]) -> WeeklyTarget:
    low, high = routine.frequency.min_per_week, routine.frequency.max_per_week
    loaded = loaded_exercises(routine, targets)
    if not loaded or low == high:
        return WeeklyTarget(low, high)
    return WeeklyTarget(low, low, (
        f"With added load ({', '.join(loaded)}), aim for {low} sessions a week rather than "
        f"{high}: more load, fewer sessions, so the muscles have time to recover."))
