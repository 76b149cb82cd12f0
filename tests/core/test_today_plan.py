"""Today's plan in full, as the start panel shows it: each rule's headline and reason."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from psoas_desktop.core.programme import DoneDay, TodayPlan, plan_today, programme_week
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.core.routines import Range, Target
from psoas_desktop.core.weekly_target import WeeklyTarget, loaded_exercises, weekly_target
from psoas_desktop.resources import builtin_routines

BOOK = load_book(builtin_routines())
STRENGTH, STRETCH = BOOK.get("psoas-strength"), BOOK.get("psoas-stretch")
MON = date(2026, 3, 2)
WEEK_ONE = "week 1 of 4-8"


def days(*offsets: int, routine: str = "psoas-strength") -> list[DoneDay]:
    return [DoneDay(routine, MON + timedelta(days=d)) for d in offsets]


def on(day: int) -> date:
    return MON + timedelta(days=day)


def test_strength_today() -> None:
    assert plan_today(STRENGTH, STRETCH, days(0), on(2)) == TodayPlan(
        "psoas-strength", f"Today: {STRENGTH.name}",
        "No strength session yesterday, and this week's target is not met yet.",
        "1 of 2-3 strength sessions this week", WEEK_ONE)


def test_strength_done_today() -> None:
    assert plan_today(STRENGTH, STRETCH, days(2), on(2)) == TodayPlan(
        None, "Done for today", "A strength session is done today; the next one comes after a "
        "day off strength work.", "1 of 2-3 strength sessions this week", WEEK_ONE)


def test_the_day_after_strength() -> None:
    assert plan_today(STRENGTH, STRETCH, days(0), on(1)) == TodayPlan(
        "psoas-stretch", f"Today: {STRETCH.name}",
        "Yesterday was a strength day: strength sessions go on non-consecutive days, so today "
        "is a lighter day.", "1 of 2-3 strength sessions this week", WEEK_ONE)


def test_the_day_after_strength_with_the_stretch_done() -> None:
    done = days(0) + days(1, routine="psoas-stretch")
    assert plan_today(STRENGTH, STRETCH, done, on(1)) == TodayPlan(
        None, "Done for today",
        "Yesterday was a strength day: strength sessions go on non-consecutive days, so today "
        "is a lighter day.", "1 of 2-3 strength sessions this week", WEEK_ONE)


def test_a_stretch_on_another_day_does_not_end_today() -> None:
    done = days(0) + days(3, routine="psoas-stretch")
    assert plan_today(STRENGTH, STRETCH, done, on(1)).routine_id == "psoas-stretch"
    # ...nor does some other routine done today count as the stretch
    other = [*days(0), DoneDay("something-else", on(1))]
    assert plan_today(STRENGTH, STRETCH, other, on(1)).headline == f"Today: {STRETCH.name}"


def test_without_a_lighter_routine_the_day_between_is_a_rest_day() -> None:
    assert plan_today(STRENGTH, None, days(0), on(1)) == TodayPlan(
        None, "Today: a rest day",
        "Yesterday was a strength day: strength sessions go on non-consecutive days, so today "
        "is a lighter day.", "1 of 2-3 strength sessions this week", WEEK_ONE)


def test_the_week_done() -> None:
    assert plan_today(STRENGTH, STRETCH, days(0, 2, 4), on(6)) == TodayPlan(
        "psoas-stretch", f"Today: {STRETCH.name}",
        "This week's strength work is done (3 sessions): lighter days until Monday.",
        "3 of 2-3 strength sessions this week", WEEK_ONE)


def test_one_session_a_week_done_is_said_in_the_singular() -> None:
    once = replace(STRENGTH, frequency=replace(STRENGTH.frequency, min_per_week=1,
                                               max_per_week=1))
    plan = plan_today(once, STRETCH, days(0), on(3))
    assert plan.why == "This week's strength work is done (1 session): lighter days until Monday."
    assert plan.week_count == "1 of 1 strength sessions this week"


def test_with_added_load_the_reason_is_given() -> None:
    targets = {e.id: Target.default_for(e) for e in STRENGTH.exercises}
    slumpy = next(e for e in STRENGTH.exercises if e.id == "standing-slumpy-psoas")
    targets[slumpy.id] = replace(targets[slumpy.id], load=4)
    plan = plan_today(STRENGTH, STRETCH, days(0), on(2), targets)
    assert plan.routine_id == "psoas-strength"
    assert plan.why == (
        "No strength session yesterday, and this week's target is not met yet. With added load "
        f"({slumpy.name}), aim for 2 sessions a week rather than 3: more load, fewer sessions, "
        "so the muscles have time to recover.")


def test_only_load_above_the_start_lowers_the_week() -> None:
    defaults = {e.id: Target.default_for(e) for e in STRENGTH.exercises}
    assert loaded_exercises(STRENGTH, defaults) == []
    assert loaded_exercises(STRENGTH, {}) == []
    assert weekly_target(STRENGTH, defaults) == WeeklyTarget(2, 3)
    assert str(WeeklyTarget(2, 3)) == "2-3" and str(WeeklyTarget(2, 2)) == "2"
    fixed = replace(STRENGTH, frequency=replace(STRENGTH.frequency, min_per_week=2,
                                                max_per_week=2))
    slumpy = "standing-slumpy-psoas"
    loaded = dict(defaults, **{slumpy: replace(defaults[slumpy], load=4)})
    assert weekly_target(fixed, loaded) == WeeklyTarget(2, 2)  # no lower to go
    ball = next(e for e in STRENGTH.exercises if e.load_measure and not e.load_measure.suggest)
    heavier_ball = dict(defaults, **{ball.id: replace(defaults[ball.id], load=1)})
    assert loaded_exercises(STRENGTH, heavier_ball) == []  # its load is never suggested


def test_the_programme_week_without_a_planned_length() -> None:
    open_ended = replace(STRENGTH, weeks=None)
    assert programme_week(open_ended, days(0), on(9)) == "week 2"
    assert programme_week(STRENGTH, days(1, routine="psoas-stretch"), on(9)) == ""
    assert programme_week(replace(STRENGTH, weeks=Range(6, 6, 6)), days(0), on(0)) == (
        "week 1 of 6")
