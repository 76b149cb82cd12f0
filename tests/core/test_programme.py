"""Today's plan: strength on non-consecutive days, a lighter day between, the week's count
against the target (lower with load), and the week of the programme."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from psoas_desktop.core.programme import DoneDay, plan_today, programme_week
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.core.routines import Target
from psoas_desktop.resources import builtin_routines

BOOK = load_book(builtin_routines())
STRENGTH, STRETCH = BOOK.get("psoas-strength"), BOOK.get("psoas-stretch")
MON = date(2026, 3, 2)


def days(*offsets: int, routine: str = "psoas-strength") -> list[DoneDay]:
    return [DoneDay(routine, MON + timedelta(days=d)) for d in offsets]


def test_a_new_user_is_offered_strength() -> None:
    plan = plan_today(STRENGTH, STRETCH, [], MON)
    assert plan.routine_id == "psoas-strength"
    assert plan.week_count == "0 of 2-3 strength sessions this week"
    assert plan.programme_week == ""


def test_the_day_after_strength_is_a_lighter_stretch_day() -> None:
    plan = plan_today(STRENGTH, STRETCH, days(0), MON + timedelta(days=1))
    assert plan.routine_id == "psoas-stretch" and "non-consecutive" in plan.why
    assert plan.week_count == "1 of 2-3 strength sessions this week"


def test_two_days_after_strength_comes_strength_again() -> None:
    done = days(0) + days(1, routine="psoas-stretch")
    assert plan_today(STRENGTH, STRETCH, done, MON + timedelta(days=2)).routine_id == (
        "psoas-strength")


def test_strength_done_today_means_done_for_today() -> None:
    plan = plan_today(STRENGTH, STRETCH, days(2), MON + timedelta(days=2))
    assert plan.routine_id is None and plan.headline == "Done for today"


def test_after_a_stretch_on_a_lighter_day_nothing_more_today() -> None:
    done = days(0) + days(1, routine="psoas-stretch")
    assert plan_today(STRENGTH, STRETCH, done, MON + timedelta(days=1)).routine_id is None


def test_the_week_full_of_strength_turns_to_lighter_days() -> None:
    plan = plan_today(STRENGTH, STRETCH, days(0, 2, 4), MON + timedelta(days=6))
    assert plan.routine_id == "psoas-stretch" and "until Monday" in plan.why
    assert plan.week_count == "3 of 2-3 strength sessions this week"
    assert plan_today(STRENGTH, STRETCH, days(0, 2, 4), MON + timedelta(days=7)).routine_id == (
        "psoas-strength")  # a new week


def test_with_added_load_the_week_asks_for_two() -> None:
    targets = {e.id: Target.default_for(e) for e in STRENGTH.exercises}
    targets["standing-slumpy-psoas"] = replace(targets["standing-slumpy-psoas"], load=4)
    plan = plan_today(STRENGTH, STRETCH, days(0, 2), MON + timedelta(days=4), targets)
    assert plan.routine_id == "psoas-stretch"  # 2 of 2 done: more load, fewer sessions
    assert plan.week_count == "2 of 2 strength sessions this week"


@pytest.mark.parametrize(("today", "text"), [(0, "week 1 of 4-8"), (6, "week 1 of 4-8"),
                                             (7, "week 2 of 4-8"), (20, "week 3 of 4-8"),
                                             (70, "week 11 of 4-8")])
def test_the_week_of_the_programme(today, text) -> None:
    assert programme_week(STRENGTH, days(0, 3), MON + timedelta(days=today)) == text
