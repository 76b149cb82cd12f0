"""What a session or an exercise really amounts to: how much of its plan was done. Pure Python.

The rule (docs/history-schema.md, "What counts as done"):

- A step counts the seconds actually spent in it, up to its planned length; a step done again
  after going back counts once (its best try). Pressing Next at once counts 0 seconds.
- A session's share done is the seconds counted over all its steps, over the plan's length.
  It is *completed* only when it reached the end with at least COMPLETE_SHARE of the plan done;
  skipping through to the end is not completing it.
- A session counts towards the sessions a week when at least WEEKLY_SHARE of the plan was done.
- An exercise is *done* when at least COMPLETE_SHARE of its effort time (holds and work, not
  rests) was done, *partly done* when some was, and *skipped* when none was.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from psoas_desktop.core.timeline import Timeline

COMPLETE_SHARE = 0.8
WEEKLY_SHARE = 0.5


@dataclass(frozen=True)
class StepTry:
    """One stretch of time spent in a step (a stored step row, or a step as it ended)."""

    step_index: int
    target_seconds: float
    actual_seconds: float


def counted_seconds(target_seconds: float, actual_seconds: float) -> float:
    return max(0.0, min(float(actual_seconds), float(target_seconds)))


def seconds_done(tries: Iterable[StepTry]) -> dict[int, float]:
    """Seconds counted for each step index: its best try, capped at its planned length."""
    done: dict[int, float] = {}
    for t in tries:
        seconds = counted_seconds(t.target_seconds, t.actual_seconds)
        done[t.step_index] = max(done.get(t.step_index, 0.0), seconds)
    return done


def share_of(done_seconds: float, planned_seconds: float) -> float:
    """0 to 1; a plan of no length has nothing done."""
    if planned_seconds <= 0:
        return 0.0
    return max(0.0, min(1.0, done_seconds / planned_seconds))


def is_complete(reached_end: bool, share: float) -> bool:
    return reached_end and share >= COMPLETE_SHARE


def counts_for_week(share: float) -> bool:
    return share >= WEEKLY_SHARE


def stored_status(reached_end: bool, share: float) -> str:
    """The status a finished session is saved with: `completed` or `finished_early`."""
    return "completed" if is_complete(reached_end, share) else "finished_early"


def honest_status(status: str, share: float) -> str:
    """A stored status read back: a session saved `completed` under the older rule (any
    session that reached the end) is shown `finished_early` if too little of it was done."""
    return "finished_early" if status == "completed" and share < COMPLETE_SHARE else status


class Mark(StrEnum):
    TO_DO = "to do"
    CURRENT = "current"
    DONE = "done"
    PARTLY = "partly done"
    SKIPPED = "skipped"


def exercise_marks(timeline: Timeline, done: Mapping[int, float], current: int,
                   finished: bool) -> list[Mark]:
    """A mark for each exercise of `timeline`: `done` holds the seconds counted by step index,
    `current` is the exercise under way (-1 for none). Exercises after the current one that
    nothing was done of are still to do, unless the session has finished."""
    exercises = len(timeline.routine.exercises)
    planned = [0.0] * exercises
    counted = [0.0] * exercises
    for index, step in enumerate(timeline.steps):
        if step.exercise_index is None or not step.is_effort:
            continue
        planned[step.exercise_index] += step.seconds
        counted[step.exercise_index] += done.get(index, 0.0)
    marks = []
    for index in range(exercises):
        if index == current and not finished:
            marks.append(Mark.CURRENT)
        elif index > current and not finished and counted[index] == 0:
            marks.append(Mark.TO_DO)  # ahead, and not done before a jump back
        else:
            share = share_of(counted[index], planned[index])
            marks.append(Mark.DONE if share >= COMPLETE_SHARE
                         else Mark.PARTLY if counted[index] > 0 else Mark.SKIPPED)
    return marks
