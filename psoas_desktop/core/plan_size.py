"""How big a routine may be: at its largest targets, few enough steps to plan at start-up and
short enough to follow in one go."""

from __future__ import annotations

from collections.abc import Sequence

from psoas_desktop.core.routines import Exercise

# A routine at its largest targets: steps in its plan, and seconds of effort (rests aside).
MAX_PLAN_STEPS = 5000
MAX_PLAN_SECONDS = 4 * 3600

__all__ = ["MAX_PLAN_SECONDS", "MAX_PLAN_STEPS", "plan_size_problem"]


def plan_size_problem(exercises: Sequence[Exercise]) -> str | None:
    """A routine that, at its largest targets, would make too many steps or last too long to
    follow (and to plan at start-up) is refused; the bound errs on the large side."""
    steps = effort = 0
    for ex in exercises:
        sides = 2 if ex.per_side else 1
        per_rep = max(len(ex.phases), 3) + 1  # the phases (or lift, hold, lower) and a rest
        steps += ex.sets.max * (sides * (ex.reps.max * per_rep + 1) + 1) + 1
        hold = ex.hold.max if ex.hold else 0
        beat = ex.tempo.seconds_per_rep if ex.tempo else 0
        effort += ex.sets.max * sides * ex.reps.max * (hold * max(len(ex.phases), 1) + beat)
    if steps > MAX_PLAN_STEPS:
        return (f"at its largest targets it would have about {steps:,} steps; the limit is "
                f"{MAX_PLAN_STEPS:,}")
    if effort > MAX_PLAN_SECONDS:
        return (f"at its largest targets it would last over {effort // 3600} hours; the limit "
                f"is {MAX_PLAN_SECONDS // 3600}")
    return None
