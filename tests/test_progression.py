"""Progression: reps, then sets, then hold, then load; only after the current target was done
in full in the last two sessions without pain rising."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psoas_desktop.core.progression import (
    Change,
    ExerciseResult,
    next_target,
    suggest,
    suggest_for_routine,
)
from psoas_desktop.core.routines import (
    Exercise,
    Frequency,
    Range,
    Routine,
    Target,
    WorkKind,
)

SLUMPY = Exercise("slumpy", "Standing slumpy psoas", WorkKind.HOLD, True, sets=Range(2, 3, 2),
                  reps=Range(4, 6, 4), hold=Range(5, 10, 5), load="A dumbbell on the knee.")
STRETCH = Exercise("stretch", "Kneeling stretch", WorkKind.HOLD, True, sets=Range(2, 3, 2),
                   hold=Range(30, 60, 30))
BRIDGE = Exercise("bridge", "Glute bridge", WorkKind.TEMPO, False, sets=Range(2, 3, 2),
                  reps=Range(10, 15, 10))
DAY = datetime(2026, 1, 5, tzinfo=UTC)


def results(target: Target, *pains: tuple[int | None, int | None], completed: bool = True
            ) -> list[ExerciseResult]:
    """Newest first, one a day back."""
    return [ExerciseResult(DAY - timedelta(days=i), target, completed, before, after)
            for i, (before, after) in enumerate(pains)]


@pytest.mark.parametrize(("current", "expected", "change"), [
    (Target(2, 4, 5), Target(2, 5, 5), Change.REPS),
    (Target(2, 6, 5), Target(3, 6, 5), Change.SETS),
    (Target(3, 6, 5), Target(3, 6, 6), Change.HOLD),
    (Target(3, 6, 10), Target(3, 6, 10), Change.LOAD),
])
def test_the_sources_order(current, expected, change) -> None:
    suggestion = suggest(SLUMPY, current, results(current, (2, 2), (3, 1)))
    assert suggestion is not None
    assert (suggestion.target, suggestion.change) == (expected, change)
    assert suggestion.exercise_id == "slumpy"


def test_the_reason_says_what_changes() -> None:
    suggestion = suggest(SLUMPY, Target(2, 4, 5), results(Target(2, 4, 5), (2, 2), (2, 2)))
    assert "5 reps instead of 4" in suggestion.reason
    load = suggest(SLUMPY, Target(3, 6, 10), results(Target(3, 6, 10), (1, 1), (1, 1)))
    assert "more load" in load.reason and "dumbbell" in load.reason


def test_long_holds_grow_in_bigger_steps() -> None:
    assert next_target(STRETCH, Target(3, 1, 30)) == (Target(3, 1, 35), Change.HOLD)
    assert next_target(STRETCH, Target(3, 1, 58)) == (Target(3, 1, 60), Change.HOLD)


def test_at_the_top_without_a_load_option_nothing_is_suggested() -> None:
    top = Target(3, 1, 60)
    assert suggest(STRETCH, top, results(top, (0, 0), (0, 0))) is None


def test_exercises_without_a_hold_go_reps_then_sets() -> None:
    assert next_target(BRIDGE, Target(2, 15, None)) == (Target(3, 15, None), Change.SETS)
    assert next_target(BRIDGE, Target(3, 15, None)) is None


@pytest.mark.parametrize("recent", [
    results(Target(2, 4, 5), (2, 2)),  # only one session so far
    results(Target(2, 4, 5), (2, 3), (2, 2)),  # pain rose in the latest
    results(Target(2, 4, 5), (2, 2), (1, 4)),  # pain rose in the one before
    results(Target(2, 4, 5), (2, 2), (2, 2), completed=False),
    results(Target(2, 3, 5), (2, 2), (2, 2)),  # done at another target
    [*results(Target(2, 4, 5), (2, 2)), *results(Target(2, 3, 5), (2, 2))],
])
def test_no_step_up_until_it_is_time(recent) -> None:
    assert suggest(SLUMPY, Target(2, 4, 5), recent) is None


def test_only_the_latest_sessions_count() -> None:
    older_bad = [*results(Target(2, 4, 5), (2, 2), (2, 2)),
                 ExerciseResult(DAY - timedelta(days=9), Target(2, 4, 5), False, 1, 6)]
    assert suggest(SLUMPY, Target(2, 4, 5), older_bad) is not None


def test_unrated_pain_does_not_hold_progress_back() -> None:
    assert suggest(SLUMPY, Target(2, 4, 5), results(Target(2, 4, 5), (None, None), (3, None)))


def test_a_routine_gets_suggestions_in_its_order() -> None:
    routine = Routine("r", "R", "", Frequency(2, 3, "2-3 a week"), (SLUMPY, STRETCH, BRIDGE))
    targets = {"slumpy": Target(2, 6, 5), "bridge": Target(2, 10, None)}
    found = suggest_for_routine(routine, targets, {
        "slumpy": results(Target(2, 6, 5), (1, 1), (1, 1)),
        "stretch": results(Target(2, 1, 30), (1, 1), (1, 1)),  # the default target
        "bridge": results(Target(2, 10, None), (1, 2), (1, 1)),
    })
    assert [(s.exercise_id, s.change) for s in found] == [
        ("slumpy", Change.SETS), ("stretch", Change.SETS)]


ranges = st.tuples(st.integers(1, 5), st.integers(0, 4)).map(lambda t: (t[0], t[0] + t[1]))


@given(sets=ranges, reps=ranges, hold=ranges, data=st.data())
def test_each_step_stays_in_range_and_climbs_in_order(sets, reps, hold, data) -> None:
    exercise = Exercise("x", "X", WorkKind.HOLD, False, Range(*sets, sets[0]),
                        Range(*reps, reps[0]), Range(*hold, hold[0]), load="bands")
    current = Target(data.draw(st.integers(*sets)), data.draw(st.integers(*reps)),
                     data.draw(st.integers(*hold)))
    seen = 0
    while True:
        target, change = next_target(exercise, current)
        if change is Change.LOAD:
            assert current == Target(sets[1], reps[1], hold[1])
            break
        assert target.clamped(exercise) == target
        if change is Change.REPS:
            assert target.reps == current.reps + 1
        elif change is Change.SETS:
            assert current.reps == reps[1] and target.sets == current.sets + 1
        else:
            assert (current.reps, current.sets) == (reps[1], sets[1])
            assert target.hold > current.hold
        current = target
        seen += 1
        assert seen < 100
