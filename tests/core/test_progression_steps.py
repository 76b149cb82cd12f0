"""Progression step by step on small hand-made exercises: each step's target, its pace, its
reason in words, and the edges of the rules (the top of a range, exactly three weeks)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from psoas_desktop.core.progression import (
    CLINICIAN,
    Change,
    ExerciseResult,
    days_between_steps,
    easier_than,
    next_target,
    rep_range,
    steps_in_range,
    suggest,
    suggest_for_routine,
    with_more_load,
)
from psoas_desktop.core.routines import (
    Exercise,
    Frequency,
    LoadMeasure,
    LoadUnit,
    Phase,
    Range,
    Routine,
    Target,
    WorkKind,
)

KG = LoadMeasure(LoadUnit.KG, start=0, step=2, max=4)
SQUAT = Exercise("squat", "Squat hold", WorkKind.HOLD, False, sets=Range(1, 2, 1),
                 reps=Range(4, 6, 4), hold=Range(5, 10, 5), load_measure=KG)
MARCH = Exercise("march", "March", WorkKind.TEMPO, False, sets=Range(1, 1, 1),
                 reps=Range(10, 20, 14), load_measure=KG)
FIXED = Exercise("fixed", "Fixed", WorkKind.HOLD, False, hold=Range(30, 30, 30))
ERE = Exercise("ere", "ERE", WorkKind.CYCLE, False, reps=Range(1, 3, 1), hold=Range(10, 10, 10),
               phases=(Phase("a"), Phase("b")))
MONDAY = datetime(2026, 1, 5, 8, tzinfo=UTC)


def test_reps_with_load_are_capped_at_twelve() -> None:
    assert rep_range(MARCH) == Range(10, 12, 12)
    assert rep_range(SQUAT) == SQUAT.reps
    no_load = Exercise("m", "M", WorkKind.TEMPO, False, reps=Range(10, 20, 14))
    assert rep_range(no_load) == Range(10, 20, 14)
    low = Exercise("m", "M", WorkKind.TEMPO, False, reps=Range(14, 20, 16), load_measure=KG)
    assert rep_range(low) == Range(12, 12, 12)


def test_the_climb_hold_then_reps_then_sets() -> None:
    target = Target(1, 4, 5, 0)
    climb = []
    while (step := next_target(SQUAT, target)) is not None:
        target, change = step
        climb.append((change, target.sets, target.reps, target.hold))
    assert climb == [(Change.HOLD, 1, 4, 8), (Change.HOLD, 1, 4, 10), (Change.REPS, 1, 5, 10),
                     (Change.REPS, 1, 6, 10), (Change.SETS, 2, 6, 10)]
    assert steps_in_range(SQUAT) == 5
    assert target.load == 0  # no load on the way: that comes after


def test_without_a_hold_the_climb_starts_with_reps() -> None:
    assert next_target(MARCH, Target(1, 10, None, 0)) == (Target(1, 11, None, 0), Change.REPS)
    assert next_target(MARCH, Target(1, 12, None, 0)) is None  # 12 with load: the top


def test_nothing_to_climb_means_a_month_between_nothing() -> None:
    assert next_target(FIXED, Target(1, 1, 30)) is None
    assert steps_in_range(FIXED) == 0
    assert days_between_steps(FIXED) == 28


@pytest.mark.parametrize(("exercise", "days"), [(SQUAT, 7), (ERE, 14)])
def test_a_whole_range_takes_four_weeks_or_more(exercise, days) -> None:
    assert days_between_steps(exercise) == days
    assert steps_in_range(ERE) == 2


def test_more_load_brings_the_reps_back_down() -> None:
    assert with_more_load(SQUAT, Target(2, 6, 10, 0)) == Target(2, 4, 10, 2)
    assert with_more_load(SQUAT, Target(2, 6, 10, 3)) == Target(2, 4, 10, 4)  # to the top
    assert with_more_load(SQUAT, Target(2, 6, 10, 4)) is None  # at the top
    assert with_more_load(SQUAT, Target(2, 6, 10, None)) is None
    assert with_more_load(FIXED, Target(1, 1, 30)) is None


@pytest.mark.parametrize(("past", "current", "easier"), [
    (Target(1, 4, 5, 0), Target(1, 4, 8, 0), True),
    (Target(1, 4, 8, 0), Target(1, 4, 8, 0), False),  # the same is not easier
    (Target(1, 5, 5, 0), Target(1, 4, 8, 0), False),  # more reps is not easier
    (Target(2, 4, 5, 0), Target(1, 4, 8, 0), False),
    (Target(1, 4, 9, 0), Target(1, 4, 8, 0), False),
    (Target(2, 6, 10, 0), Target(2, 4, 10, 2), True),  # less load decides
    (Target(1, 4, 5, 2), Target(2, 6, 10, 0), False),
    (Target(1, 4, 5, None), Target(1, 4, 5, 2), True),
    (Target(1, 4, 5, 2), Target(1, 4, 5, None), False),
    (Target(1, 4, None), Target(1, 4, 5), True),
    (Target(1, 4, 5), Target(1, 4, None), False),
])
def test_easier_than(past, current, easier) -> None:
    assert easier_than(past, current) is easier


def twice(target: Target, start: datetime, after: int = 2, completed: bool = True,
          before: int | None = 2) -> list[ExerciseResult]:
    """Two sessions, newest first, the older one at `start`."""
    return [ExerciseResult(start + timedelta(days=3), target, completed, before, after),
            ExerciseResult(start, target, completed, before, after)]


def test_a_hold_step_says_what_and_how_fast() -> None:
    current = Target(1, 4, 5, 0)
    s = suggest(SQUAT, current, twice(current, MONDAY), MONDAY + timedelta(days=7))
    assert (s.exercise_id, s.target, s.change) == ("squat", Target(1, 4, 8, 0), Change.HOLD)
    assert s.reason == ("Done in full, without pain rising, in the last 2 sessions: hold 8 s "
                        "instead of 5 s. Steps come at least 7 days apart, so a whole range "
                        "takes 4 weeks or more.")


def test_a_reps_and_a_sets_step_say_so() -> None:
    reps = Target(1, 4, 10, 0)
    s = suggest(SQUAT, reps, twice(reps, MONDAY), MONDAY + timedelta(days=7))
    assert s.reason.split(": ")[1].startswith("try 5 reps instead of 4.")
    sets = Target(1, 6, 10, 0)
    s = suggest(SQUAT, sets, twice(sets, MONDAY), MONDAY + timedelta(days=7))
    assert s.reason.split(": ")[1].startswith("try 2 sets instead of 1.")
    one = Target(1, 1, 10)
    s = suggest(ERE, one, twice(one, MONDAY), MONDAY + timedelta(days=14))
    assert s.reason.split(": ")[1].startswith("try 2 cycles instead of 1.")
    assert s.reason.endswith("Steps come at least 14 days apart, so a whole range takes 4 "
                             "weeks or more.")


def test_too_soon_no_step() -> None:
    current = Target(1, 4, 5, 0)
    assert suggest(SQUAT, current, twice(current, MONDAY), MONDAY + timedelta(days=6)) is None
    assert suggest(SQUAT, current, twice(current, MONDAY, completed=False),
                   MONDAY + timedelta(days=30)) is None


def test_load_comes_exactly_three_weeks_after_the_first_session() -> None:
    top = Target(2, 6, 10, 0)
    recent = twice(top, MONDAY + timedelta(days=14))
    first = MONDAY
    assert suggest(SQUAT, top, recent, MONDAY + timedelta(days=21) - timedelta(seconds=1),
                   first) is None
    s = suggest(SQUAT, top, recent, MONDAY + timedelta(days=21), first)
    assert (s.target, s.change) == (Target(2, 4, 10, 2), Change.LOAD)
    assert s.reason == ("Done in full, without pain rising, in the last 2 sessions, at the top "
                        "of every range after 3 weeks or more: add load (2 kg) and go back to "
                        "4 reps, so that they are hard again.")


def test_high_pain_twice_steps_back_to_the_last_easier_target() -> None:
    current = Target(1, 4, 8, 0)
    recent = [*twice(current, MONDAY + timedelta(days=7), after=6),
              ExerciseResult(MONDAY, Target(1, 4, 5, 0), True, 1, 1)]
    s = suggest(SQUAT, current, recent, MONDAY + timedelta(days=11))
    assert (s.exercise_id, s.target, s.change) == ("squat", Target(1, 4, 5, 0), Change.DOWN)
    assert s.reason == ("Pain after the last 2 sessions was 6 and 6: go back to 1 x 4 reps, "
                        f"5 s hold, no dumbbell. {CLINICIAN}")


def test_high_pain_at_a_raised_target_with_no_history_goes_back_to_the_start() -> None:
    current = Target(1, 4, 8, 0)
    s = suggest(SQUAT, current, twice(current, MONDAY, after=7), MONDAY + timedelta(days=4))
    assert s.target == Target.default_for(SQUAT)


def test_high_pain_at_the_easiest_target_says_ease_off() -> None:
    start = Target.default_for(SQUAT)
    s = suggest(SQUAT, start, twice(start, MONDAY, after=5), MONDAY + timedelta(days=4))
    assert (s.exercise_id, s.target, s.change) == ("squat", start, Change.DOWN)
    assert s.reason == ("Pain after the last 2 sessions was 5 and 5: ease off, this is the "
                        f"easiest target. {CLINICIAN}")


def test_a_routine_passes_each_exercise_its_own_history_and_first_day() -> None:
    routine = Routine("r", "R", "", Frequency(2, 3, ""), (SQUAT, FIXED))
    top = Target(2, 6, 10, 0)
    results = {"squat": twice(top, MONDAY + timedelta(days=14))}
    now = MONDAY + timedelta(days=21)
    assert suggest_for_routine(routine, {"squat": top}, results, now) == []  # 1 week known
    found = suggest_for_routine(routine, {"squat": top}, results, now, {"squat": MONDAY})
    assert [(s.exercise_id, s.change) for s in found] == [("squat", Change.LOAD)]
    assert suggest_for_routine(routine, {}, {}, now) == []
