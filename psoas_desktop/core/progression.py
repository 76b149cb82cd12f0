"""Suggest the next target for an exercise from how its recent sessions went. Pure Python.

What the articles give: over 4-6 weeks add reps, sets or hold time (in no set order); start
with longer holds, then add reps and bands; load (a dumbbell, more bands) only after a few weeks
of good activation, with enough of it that 6-10 reps are hard and never more than 12; ease off
when pain persists. From that, the app's own rules:

- Order: longer holds first, then more reps, then more sets, then load. The order is the app's
  choice, not the articles'.
- Up: only when the current target was done in full in the last two sessions without pain
  rising, and it has been in use long enough that a whole range takes at least 4 weeks to climb
  (never more than one step a week).
- Load: only after 3 weeks of sessions with the exercise, once reps, sets and hold are at the
  top; the reps go back to the low end so that they are hard again. Never where the exercise says
  not to (the ball release: more pressure only as comfort allows).
- Down: pain after a session 5 or more, or 2 or more above the pain before it, in the last two
  sessions running: back to the last easier target, with the advice to see a clinician.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from psoas_desktop.core.routines import Exercise, Range, Routine, Target, WorkKind, describe_target

SESSIONS_NEEDED = 2  # recent sessions that must have gone well before a step up
RANGE_WEEKS = 4  # the least time a whole range may take to climb
LOAD_AFTER = timedelta(weeks=3)  # "a few weeks" of sessions before load is offered
MAX_REPS_WITH_LOAD = 12
PAIN_HIGH = 5  # pain after a session at or above this counts against the target
PAIN_JUMP = 2  # and so does pain after that is this much above pain before
CLINICIAN = ("Pain that lasts beyond normal soreness, or sharp pain, numbness or weakness, is a "
             "reason to see a clinician.")


class Change(StrEnum):
    HOLD = "hold"
    REPS = "reps"
    SETS = "sets"
    LOAD = "load"  # more weight or bands, reps back to the low end
    DOWN = "down"  # back to an easier target: pain rose


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

    @property
    def painful(self) -> bool:
        """Pain after that counts against the target: high, or well above the pain before."""
        if self.pain_after is None:
            return False
        if self.pain_after >= PAIN_HIGH:
            return True
        return self.pain_before is not None and self.pain_after - self.pain_before >= PAIN_JUMP


@dataclass(frozen=True)
class Suggestion:
    exercise_id: str
    target: Target
    reason: str
    change: Change


def _step(rng: Range) -> int:
    """What one step adds: half the range, so each of hold, reps and sets is climbed in at most
    two steps (5-10 s holds go 5, 8, 10; 30-60 s go 30, 45, 60)."""
    return max(1, math.ceil((rng.max - rng.min) / 2))


def rep_range(exercise: Exercise) -> Range:
    """The reps the app works within; capped at 12 where the exercise takes load."""
    reps = exercise.reps
    if exercise.load_measure is not None and reps.max > MAX_REPS_WITH_LOAD:
        top = MAX_REPS_WITH_LOAD
        return Range(min(reps.min, top), top, min(reps.default, top))
    return reps


def next_target(exercise: Exercise, current: Target) -> tuple[Target, Change] | None:
    """One step up in the app's order, without load; None at the top of every range."""
    current = current.clamped(exercise)
    hold, reps = exercise.hold, rep_range(exercise)
    if hold is not None and current.hold is not None and current.hold < hold.max:
        return replace(current, hold=hold.clamp(current.hold + _step(hold))), Change.HOLD
    if current.reps < reps.max:
        return replace(current, reps=reps.clamp(current.reps + _step(reps))), Change.REPS
    if current.sets < exercise.sets.max:
        sets = exercise.sets.clamp(current.sets + _step(exercise.sets))
        return replace(current, sets=sets), Change.SETS
    return None


def with_more_load(exercise: Exercise, current: Target) -> Target | None:
    """One load step, the reps back to the low end; None where the app never adds load."""
    measure = exercise.load_measure
    if measure is None or not measure.suggest or current.load is None:
        return None
    heavier = measure.clamp(current.load + measure.step)
    if heavier <= current.load:
        return None
    return replace(current, load=heavier, reps=rep_range(exercise).min)


def steps_in_range(exercise: Exercise) -> int:
    """How many steps climb every range from the bottom to the top."""
    target = Target(exercise.sets.min, rep_range(exercise).min,
                    exercise.hold.min if exercise.hold else None)
    count = 0
    while (step := next_target(exercise, target)) is not None:
        target, count = step[0], count + 1
    return count


def days_between_steps(exercise: Exercise) -> int:
    """The pace: the whole range over at least RANGE_WEEKS, never more than a step a week."""
    return max(7, math.ceil(RANGE_WEEKS * 7 / max(1, steps_in_range(exercise))))


def _unit(exercise: Exercise, count: int) -> str:
    word = "cycle" if exercise.kind is WorkKind.CYCLE else "rep"
    return word if count == 1 else f"{word}s"


def _up_reason(exercise: Exercise, change: Change, current: Target, target: Target,
               pace: int) -> str:
    done = f"Done in full, without pain rising, in the last {SESSIONS_NEEDED} sessions"
    if change is Change.HOLD:
        what = f"hold {target.hold} s instead of {current.hold} s"
    elif change is Change.REPS:
        what = f"try {target.reps} {_unit(exercise, target.reps)} instead of {current.reps}"
    elif change is Change.SETS:
        what = f"try {target.sets} sets instead of {current.sets}"
    else:
        measure = exercise.load_measure
        assert measure is not None and target.load is not None
        return (f"{done}, at the top of every range after 3 weeks or more: add load "
                f"({measure.describe(target.load)}) and go back to {target.reps} "
                f"{_unit(exercise, target.reps)}, so that they are hard again.")
    return (f"{done}: {what}. Steps come at least {pace} days apart, so a whole range takes "
            f"4 weeks or more.")


def _in_use_since(current: Target, recent: Sequence[ExerciseResult]) -> datetime | None:
    """When the latest unbroken run of sessions at `current` began."""
    since = None
    for result in recent:
        if result.target != current:
            break
        since = result.started_at
    return since


def easier_than(past: Target, current: Target) -> bool:
    """Less load, or the same load and no more in any other part. (After a load step the reps
    went down, so less load decides.)"""
    past_load, now_load = past.load or 0, current.load or 0
    if past_load != now_load:
        return past_load < now_load
    return past != current and all((a or 0) <= (b or 0) for a, b in (
        (past.sets, current.sets), (past.reps, current.reps), (past.hold, current.hold)))


def _easier(exercise: Exercise, current: Target, recent: Sequence[ExerciseResult]
            ) -> Target | None:
    """The latest target before `current` that was easier than it."""
    for result in recent:
        past = result.target.clamped(exercise)
        if easier_than(past, current):
            return past
    return None


def _step_down(exercise: Exercise, current: Target, recent: Sequence[ExerciseResult]
               ) -> Suggestion | None:
    latest = recent[:SESSIONS_NEEDED]
    if len(latest) < SESSIONS_NEEDED or not all(r.painful for r in latest):
        return None
    pains = " and ".join(str(r.pain_after) for r in reversed(latest))
    easier = _easier(exercise, current, recent)
    if easier is None:
        start = Target.default_for(exercise)
        easier = start if start != current else None
    said = f"Pain after the last {SESSIONS_NEEDED} sessions was {pains}"
    if easier is None:
        return Suggestion(exercise.id, current, f"{said}: ease off, this is the easiest "
                          f"target. {CLINICIAN}", Change.DOWN)
    return Suggestion(exercise.id, easier, f"{said}: go back to "
                      f"{describe_target(exercise, easier)}. {CLINICIAN}", Change.DOWN)


def suggest(exercise: Exercise, current: Target, recent: Sequence[ExerciseResult],
            now: datetime, first_done: datetime | None = None) -> Suggestion | None:
    """The next target for `exercise`, or None when it is not yet time.

    `recent` holds the latest sessions that reached this exercise, newest first; `first_done`
    is when the exercise was first recorded (by default the oldest of `recent`).
    """
    current = current.clamped(exercise)
    down = _step_down(exercise, current, recent)
    if down is not None:
        return down
    latest = recent[:SESSIONS_NEEDED]
    if len(latest) < SESSIONS_NEEDED or not all(
            r.target.clamped(exercise) == current and r.completed and not r.pain_rose
            for r in latest):
        return None
    since = _in_use_since(current, [replace(r, target=r.target.clamped(exercise))
                                    for r in recent])
    pace = days_between_steps(exercise)
    if since is None or now - since < timedelta(days=pace):
        return None
    step = next_target(exercise, current)
    if step is not None:
        target, change = step
        return Suggestion(exercise.id, target,
                          _up_reason(exercise, change, current, target, pace), change)
    first = first_done or min(r.started_at for r in recent)
    heavier = with_more_load(exercise, current)
    if heavier is None or now - first < LOAD_AFTER:
        return None
    return Suggestion(exercise.id, heavier,
                      _up_reason(exercise, Change.LOAD, current, heavier, pace), Change.LOAD)


def suggest_for_routine(
    routine: Routine,
    targets: Mapping[str, Target],
    results: Mapping[str, Sequence[ExerciseResult]],
    now: datetime,
    first_done: Mapping[str, datetime] | None = None,
) -> list[Suggestion]:
    """A suggestion for every exercise of `routine` that is ready for one, in routine order."""
    found = []
    for exercise in routine.exercises:
        current = targets.get(exercise.id, Target.default_for(exercise))
        suggestion = suggest(exercise, current, results.get(exercise.id, ()), now,
                             (first_done or {}).get(exercise.id))
        if suggestion is not None:
            found.append(suggestion)
    return found
