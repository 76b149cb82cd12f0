"""When the figure stops moving (a view then needs no animation timer), and how a movement eases."""

from __future__ import annotations

import pytest

from psoas_desktop.core.figure_motion import SETTLE_SECONDS, ease, facing_for, in_motion
from psoas_desktop.core.poses import Figure
from psoas_desktop.core.timeline import Side, Step, StepKind


def step(kind: StepKind, seconds: int = 9, side: Side | None = None, ex: str = "a") -> Step:
    return Step(kind, seconds, exercise_index=0, exercise_id=ex, side=side)


def test_get_ready_is_still_and_work_always_moves() -> None:
    assert not in_motion(step(StepKind.PREPARE), 0.0, None)
    assert in_motion(step(StepKind.WORK), 0.0, None)
    assert in_motion(step(StepKind.WORK), 1.0, step(StepKind.WORK))


@pytest.mark.parametrize("kind", [StepKind.HOLD, StepKind.REST, StepKind.SWITCH])
def test_a_still_step_moves_only_while_it_settles(kind) -> None:
    # 9 s: it settles over the first 1.5 s (SETTLE_SECONDS), then stays still.
    assert in_motion(step(kind), 0.0, None)
    assert in_motion(step(kind), (SETTLE_SECONDS - 0.1) / 9, None)
    assert not in_motion(step(kind), SETTLE_SECONDS / 9, None)
    assert not in_motion(step(kind), 0.5, step(StepKind.WORK))


def test_a_short_step_settles_within_its_first_third() -> None:
    assert in_motion(step(StepKind.HOLD, seconds=3), 0.3, None)
    assert not in_motion(step(StepKind.HOLD, seconds=3), 1 / 3, None)


def test_a_change_of_side_keeps_it_moving_to_the_end_of_the_step() -> None:
    switch = step(StepKind.SWITCH, side=Side.RIGHT)
    assert in_motion(switch, 0.9, step(StepKind.WORK, side=Side.LEFT))
    assert not in_motion(switch, 0.9, step(StepKind.WORK, side=Side.RIGHT))
    # The side changing between two exercises is no turn: the next one starts afresh.
    assert not in_motion(switch, 0.9, step(StepKind.WORK, side=Side.LEFT, ex="b"))


def test_ease_starts_and_ends_slowly_and_stays_in_bounds() -> None:
    assert ease(0.0) == 0.0 and ease(1.0) == 1.0 and ease(0.5) == pytest.approx(0.5)
    assert ease(-3.0) == 0.0 and ease(4.0) == 1.0
    assert ease(0.1) < 0.1 and ease(0.9) > 0.9  # slow out, slow in
    assert ease(0.25) == pytest.approx(1 - ease(0.75))


def test_the_other_side_faces_the_other_way() -> None:
    right = Figure("f", {}, drawn_side="right")
    assert facing_for(right, Side.RIGHT) == 1.0
    assert facing_for(right, Side.LEFT) == -1.0
    assert facing_for(right, None) == 1.0
    assert facing_for(Figure("g", {}), Side.RIGHT) == -1.0  # drawn on the left by default
