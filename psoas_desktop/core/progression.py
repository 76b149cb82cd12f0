"""Suggest the next target for an exercise from how its recent sessions went. Pure Python.

The order of the steps is the app's own (the articles give none in common): more reps, then
more sets, then longer holds, and only when all three are at the top of their ranges, more load.
A step up is suggested only when the current target was done in full in each of the last few
sessions with it, and pain did not rise in any of them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from psoas_desktop.core.routines import Exercise, Range, Routine, Target

# How many recent sessions must have gone well before a step up.
SESSIONS_NEEDED = 2


class Change(StrEnum):
    REPS = "reps"
    SETS = "sets"
    HOLD = "hold"
    LOAD = "load"  # every range is at its top: harder only by adding weight or bands


@dataclass(frozen=True)
class ExerciseResult:
    """How one session went for one exercise."""

    started_at: datetime
    target: Target
    completed: bool  # every hold and rep of the target was done, none skipped
    pain_before: int | None = None
    pain_after: int | None = None
    reps_done: int = 0  # reps (or cycles, or timed blocks) done, all sets and sides together
    mean_hold: float | None = None  # seconds actually held, on average

    @property
    def pain_rose(self) -> bool:
        """Unrated pain is taken as not rising: the log is optional, and the rule errs only by
        waiting for the next rated session when the user does rate it."""
        if self.pain_before is None or self.pain_after is None:
            return False
        return self.pain_after > self.pain_before


@dataclass(frozen=True)
class Suggestion:
    exercise_id: str
    target: Target  # for LOAD, the current target: the change is in the equipment
    reason: str
    change: Change


def hold_step(hold: Range) -> int:
    """Seconds a longer hold adds: 1 s for short holds, 5 s for stretches, 10 s for a
    two-minute release, 30 s for a long warm-up, so each range is climbed in a handful of steps."""
    if hold.max <= 15:
        return 1
    if hold.max <= 60:
        return 5
    return 10 if hold.max <= 180 else 30


def next_target(exercise: Exercise, current: Target) -> tuple[Target, Change] | None:
    """One step up in the app's order; LOAD when every range is at its top and the exercise
    takes load (a weight, a dumbbell, bands), else None: the top of the range is the goal."""
    current = current.clamped(exercise)
    if current.reps < exercise.reps.max:
        return Target(current.sets, current.reps + 1, current.hold), Change.REPS
    if current.sets < exercise.sets.max:
        return Target(current.sets + 1, current.reps, current.hold), Change.SETS
    hold = exercise.hold
    if hold is not None and current.hold is not None and current.hold < hold.max:
        longer = hold.clamp(current.hold + hold_step(hold))
        return Target(current.sets, current.reps, longer), Change.HOLD
    return (current, Change.LOAD) if exercise.load else None


def _ready(current: Target, recent: Sequence[ExerciseResult], needed: int) -> bool:
    if len(recent) < needed:
        return False
    return all(r.target == current and r.completed and not r.pain_rose for r in recent[:needed])


def _reason(exercise: Exercise, change: Change, current: Target, target: Target, needed: int
            ) -> str:
    done = f"Done in full, without pain rising, in the last {needed} sessions"
    if change is Change.REPS:
        return f"{done}: try {target.reps} reps instead of {current.reps}."
    if change is Change.SETS:
        return f"{done}: try {target.sets} sets instead of {current.sets}."
    if change is Change.HOLD:
        return f"{done}: try holding {target.hold} s instead of {current.hold} s."
    return (f"{done}, and reps, sets and hold are at the top of their ranges: "
            f"make it harder with more load. {exercise.load}").strip()


def suggest(
    exercise: Exercise,
    current: Target,
    recent: Sequence[ExerciseResult],
    needed: int = SESSIONS_NEEDED,
) -> Suggestion | None:
    """The next target for `exercise`, or None when it is not yet time.

    `recent` holds the latest sessions that reached this exercise, newest first.
    """
    current = current.clamped(exercise)
    if not _ready(current, recent, needed):
        return None
    step = next_target(exercise, current)
    if step is None:
        return None
    target, change = step
    return Suggestion(exercise.id, target, _reason(exercise, change, current, target, needed),
                      change)


def suggest_for_routine(
    routine: Routine,
    targets: Mapping[str, Target],
    results: Mapping[str, Sequence[ExerciseResult]],
    needed: int = SESSIONS_NEEDED,
) -> list[Suggestion]:
    """A suggestion for every exercise of `routine` that is ready for one, in routine order."""
    found = []
    for exercise in routine.exercises:
        current = targets.get(exercise.id, Target.default_for(exercise))
        suggestion = suggest(exercise, current, results.get(exercise.id, ()), needed)
        if suggestion is not None:
            found.append(suggestion)
    return found
