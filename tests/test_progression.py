"""Progression: longer holds, then reps, then sets, then load after three weeks; a step up only
after two sessions done in full without pain rising, paced so a whole range takes at least four
weeks; a step down when pain after is high two sessions running; the weekly target drops with
load."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from psoas_desktop.core.progression import (
    CLINICIAN,
    MAX_REPS_WITH_LOAD,
    Change,
    ExerciseResult,
    days_between_steps,
    next_target,
    steps_in_range,
    suggest,
    suggest_for_routine,
)
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.core.routines import (
    Exercise,
    Frequency,
    LoadMeasure,
    LoadUnit,
    Range,
    Routine,
    Target,
    WorkKind,
)
from psoas_desktop.core.weekly_target import weekly_target
from psoas_desktop.resources import builtin_routines

BOOK = load_book(builtin_routines())
STRENGTH = BOOK.get("psoas-strength")
EX = {e.id: e for e in STRENGTH.exercises}
SLUMPY, FRONT, BALL, ERE = (EX["standing-slumpy-psoas"], EX["front-support-band-knee-drive"],
                            EX["hip-flexor-ball-release"], EX["side-lying-hip-ere"])
STRETCH = Exercise("stretch", "Kneeling stretch", WorkKind.HOLD, True, sets=Range(2, 3, 2),
                   hold=Range(30, 60, 30))
BRIDGE = Exercise("bridge", "Glute bridge", WorkKind.TEMPO, False, sets=Range(2, 3, 2),
                  reps=Range(10, 15, 10))
MONDAY = datetime(2026, 1, 5, 8, tzinfo=UTC)


def good(day: datetime, target: Target, before: int | None = 2, after: int | None = 2
         ) -> ExerciseResult:
    return ExerciseResult(day, target, True, before, after)


def test_a_simulated_programme_steps_up_adds_load_steps_down_and_lowers_the_week() -> None:
    """Ten weeks of the strength routine on Mondays and Thursdays, every suggestion accepted."""
    targets = {e.id: Target.default_for(e) for e in STRENGTH.exercises}
    history: dict[str, list[ExerciseResult]] = {e.id: [] for e in STRENGTH.exercises}
    changes: list[tuple[int, str, Change]] = []
    weeks_with_two = []
    for week in range(10):
        for weekday in (0, 3):
            day = MONDAY + timedelta(weeks=week, days=weekday)
            for s in suggest_for_routine(STRENGTH, targets, history, day):
                changes.append((week, s.exercise_id, s.change))
                targets[s.exercise_id] = s.target
            pain_after = 6 if (week, weekday) >= (8, 3) else 2  # then it hurts
            for exercise in STRENGTH.exercises:
                history[exercise.id].insert(0, good(day, targets[exercise.id], 2, pain_after))
        if weekly_target(STRENGTH, targets).max == 2:
            weeks_with_two.append(week)
    slumpy = [(w, c) for w, e, c in changes if e == SLUMPY.id]
    # Up first: longer holds, then reps, then sets; at most one step a week.
    assert [c for _, c in slumpy[:5]] == [Change.HOLD, Change.HOLD, Change.REPS, Change.REPS,
                                          Change.SETS]
    weeks = [w for w, _ in slumpy[:5]]
    assert weeks == sorted(set(weeks)) and weeks[0] >= 1
    assert weeks[-1] - weeks[0] >= 4  # the whole range over at least four weeks
    # Then load (never before three weeks of sessions), with the reps back to the low end.
    load_week = next(w for w, c in slumpy if c is Change.LOAD)
    assert load_week >= 3 and load_week > weeks[-1]
    assert weeks_with_two and weeks_with_two[0] == load_week  # more load, fewer sessions
    # The last week's pain (6 after, two sessions running) steps every exercise down.
    assert (9, SLUMPY.id, Change.DOWN) in changes
    assert not any(c is Change.LOAD for _, e, c in changes if e == BALL.id)


def test_the_step_down_goes_to_the_last_easier_target_and_advises_a_clinician() -> None:
    easy, hard = Target(2, 6, 10, 0), Target(2, 4, 10, 2)
    recent = [good(MONDAY + timedelta(days=7), hard, 1, 5), good(MONDAY + timedelta(days=4), hard,
                                                                  1, 3),
              good(MONDAY, easy)]
    down = suggest(SLUMPY, hard, recent, MONDAY + timedelta(days=8))
    assert down.change is Change.DOWN and down.target == easy
    assert "5 and 3" not in down.reason  # 3 after 1 is a rise of 2: both count
    assert "3 and 5" in down.reason and CLINICIAN in down.reason


@pytest.mark.parametrize(("pains", "steps_down"), [
    (((1, 5), (0, 5)), True),  # 5 or more after, twice
    (((2, 4), (1, 3)), True),  # 2 above the pain before, twice
    (((2, 3), (1, 3)), False),  # the latest rose by 1 only
    (((2, 6), (2, 2)), False),  # one bad session is not two running
    (((None, 4), (None, 4)), False),  # 4 with no pain before: not enough
])
def test_step_down_needs_two_painful_sessions_running(pains, steps_down) -> None:
    target = Target(3, 6, 10, 0)
    recent = [ExerciseResult(MONDAY - timedelta(days=3 * i), target, True, b, a)
              for i, (b, a) in enumerate(pains)]
    found = suggest(SLUMPY, target, recent, MONDAY + timedelta(days=30))
    assert (found is not None and found.change is Change.DOWN) is steps_down


def test_at_the_easiest_target_the_advice_still_comes() -> None:
    start = Target.default_for(SLUMPY)
    recent = [good(MONDAY, start, 0, 7), good(MONDAY - timedelta(days=2), start, 0, 7)]
    found = suggest(SLUMPY, start, recent, MONDAY)
    assert found.change is Change.DOWN and found.target == start and CLINICIAN in found.reason


def test_load_only_after_three_weeks_and_never_past_twelve_reps() -> None:
    top = Target(3, 10, 2, 1)
    recent = [good(MONDAY + timedelta(days=d), top) for d in (14, 10)]
    assert suggest(FRONT, top, recent, MONDAY + timedelta(days=18), first_done=MONDAY) is None
    later = suggest(FRONT, top, recent, MONDAY + timedelta(days=22), first_done=MONDAY)
    assert later.change is Change.LOAD and later.target == Target(3, 6, 2, 2)
    assert "2 bands" in later.reason and "6 reps" in later.reason
    many = replace(FRONT, reps=Range(6, 15, 6))
    target = Target(3, 6, 2, 1)
    while (step := next_target(many, target)) is not None:
        target = step[0]
    assert target.reps == MAX_REPS_WITH_LOAD


def test_the_ball_release_never_asks_for_more() -> None:
    top = Target(1, 1, 120, 1)
    recent = [good(MONDAY + timedelta(days=d), top) for d in (40, 37)]
    assert suggest(BALL, top, recent, MONDAY + timedelta(days=60), first_done=MONDAY) is None


def test_the_reason_names_cycles_for_the_ere_and_states_the_pace() -> None:
    at = Target(1, 2, 15)
    recent = [good(MONDAY + timedelta(days=d), at) for d in (7, 3, 0)]
    found = suggest(ERE, at, recent, MONDAY + timedelta(days=8))
    assert found.change is Change.REPS and "try 3 cycles instead of 2" in found.reason
    assert "reps" not in found.reason and "4 weeks" in found.reason


def test_the_pace_spreads_each_whole_range_over_four_weeks_or_more() -> None:
    for routine in BOOK.routines:
        for exercise in routine.exercises:
            steps = steps_in_range(exercise)
            if steps:
                assert steps * days_between_steps(exercise) >= 28, exercise.id
                assert days_between_steps(exercise) >= 7


def test_too_soon_after_the_last_change_no_step_up() -> None:
    at = Target(2, 4, 5, 0)
    recent = [good(MONDAY + timedelta(days=d), at) for d in (3, 0)]
    assert suggest(SLUMPY, at, recent, MONDAY + timedelta(days=4)) is None
    assert suggest(SLUMPY, at, recent, MONDAY + timedelta(days=7)).change is Change.HOLD


@pytest.mark.parametrize("recent", [
    [good(MONDAY, Target(2, 4, 5))],  # only one session so far
    [good(MONDAY, Target(2, 4, 5), 2, 3), good(MONDAY - timedelta(days=9), Target(2, 4, 5))],
    [ExerciseResult(MONDAY, Target(2, 4, 5), False, 2, 2),
     good(MONDAY - timedelta(days=9), Target(2, 4, 5))],  # not done in full
    [good(MONDAY, Target(2, 5, 5)), good(MONDAY - timedelta(days=9), Target(2, 5, 5))],
])
def test_no_step_up_until_it_is_time(recent) -> None:
    assert suggest(SLUMPY, Target(2, 4, 5), recent, MONDAY + timedelta(days=30)) is None


def test_unrated_pain_does_not_hold_progress_back() -> None:
    at = Target(2, 4, 5)
    recent = [good(MONDAY, at, None, None), good(MONDAY - timedelta(days=8), at, 3, None)]
    assert suggest(SLUMPY, at, recent, MONDAY + timedelta(days=1)) is not None


def test_weekly_target_drops_to_the_low_end_with_added_load() -> None:
    targets = {e.id: Target.default_for(e) for e in STRENGTH.exercises}
    assert str(weekly_target(STRENGTH, targets)) == "2-3"
    targets[FRONT.id] = replace(targets[FRONT.id], load=2)
    lower = weekly_target(STRENGTH, targets)
    assert str(lower) == "2" and "Front support" in lower.reason
    targets[FRONT.id] = replace(targets[FRONT.id], load=1)
    targets[BALL.id] = replace(targets[BALL.id], load=1)  # the ball's weight is not training load
    assert str(weekly_target(STRENGTH, targets)) == "2-3"


def test_a_routine_gets_suggestions_in_its_order() -> None:
    routine = Routine("r", "R", "", Frequency(2, 3, "2-3 a week"), (STRETCH, BRIDGE))
    recent = {"stretch": [good(MONDAY + timedelta(days=d), Target(2, 1, 30)) for d in (14, 10)],
              "bridge": [good(MONDAY + timedelta(days=d), Target(2, 10, None), 1, 2)
                         for d in (14, 10)]}
    found = suggest_for_routine(routine, {}, recent, MONDAY + timedelta(days=30))
    assert [(s.exercise_id, s.change, s.target) for s in found] == [
        ("stretch", Change.HOLD, Target(2, 1, 45))]


ranges = st.tuples(st.integers(1, 5), st.integers(0, 6)).map(lambda t: (t[0], t[0] + t[1]))


@given(sets=ranges, reps=ranges, hold=ranges, data=st.data())
def test_each_step_stays_in_range_and_climbs_in_order(sets, reps, hold, data) -> None:
    exercise = Exercise("x", "X", WorkKind.HOLD, False, Range(*sets, sets[0]),
                        Range(*reps, reps[0]), Range(*hold, hold[0]),
                        load_measure=LoadMeasure(LoadUnit.BANDS, 1, 1, 5))
    current = Target(data.draw(st.integers(*sets)), data.draw(st.integers(*reps)),
                     data.draw(st.integers(*hold)), 1)
    seen = 0
    while (step := next_target(exercise, current)) is not None:
        target, change = step
        assert target.clamped(exercise) == target
        if change is Change.HOLD:
            assert target.hold > current.hold
        elif change is Change.REPS:
            assert current.hold == hold[1] and target.reps > current.reps
        else:
            assert (current.hold, current.reps) == (hold[1], reps[1])
            assert change is Change.SETS and target.sets > current.sets
        current = target
        seen += 1
        assert seen <= 9  # each range in at most two steps... plus sets
    assert current == Target(sets[1], reps[1], hold[1], 1)
