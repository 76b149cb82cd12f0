"""The reminders file read back field by field: what a calendar app will show and ring."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from icalendar import Calendar

from psoas_desktop.core.reminders import ReminderPlan, calendar_bytes, check, consecutive_days

START = date(2026, 3, 4)  # a Wednesday
STAMP = datetime(2026, 3, 4, 12, tzinfo=UTC)


def plan(days=(0, 3), mobility="Psoas stretch routine", weeks=6) -> ReminderPlan:
    return ReminderPlan(days, time(18, 30), weeks, "Psoas strength", 13, mobility, 15)


def events(p: ReminderPlan, start: date = START) -> list:
    return Calendar.from_ical(calendar_bytes(p, start, STAMP)).walk("VEVENT")


def test_the_calendar_names_its_maker_and_version() -> None:
    calendar = Calendar.from_ical(calendar_bytes(plan(), START, STAMP))
    assert str(calendar["version"]) == "2.0"
    assert str(calendar["prodid"]) == "-//Psoas Desktop//training reminders//EN"


def test_the_strength_event_in_full() -> None:
    strength = events(plan())[0]
    assert str(strength["uid"]) == "strength-2026-03-04@psoas-desktop"
    assert strength.decoded("dtstamp") == STAMP
    assert str(strength["description"]) == (
        "Psoas strength: about 13 minutes, with Psoas Desktop.")
    assert strength.decoded("dtend") - strength.decoded("dtstart") == timedelta(minutes=13)
    assert strength.decoded("dtstart").tzinfo is None  # floating: the user's own local time
    (alarm,) = strength.walk("VALARM")
    assert str(alarm["description"]) == "Psoas strength in 10 minutes"
    assert alarm.decoded("trigger") == timedelta(minutes=-10)


def test_the_lighter_days_event_in_full() -> None:
    mobility = events(plan())[1]
    assert str(mobility["summary"]) == "Psoas stretch routine"
    assert str(mobility["uid"]) == "mobility-2026-03-04@psoas-desktop"
    assert str(mobility["description"]) == (
        "Psoas stretch routine: about 15 minutes, with Psoas Desktop.")
    assert mobility.decoded("dtend") - mobility.decoded("dtstart") == timedelta(minutes=15)
    assert mobility["rrule"]["COUNT"] == [6 * 5]  # five lighter days a week, six weeks
    assert [str(a["description"]) for a in mobility.walk("VALARM")] == [
        "Psoas stretch routine in 10 minutes"]


@pytest.mark.parametrize(("start", "first"), [
    (date(2026, 3, 2), date(2026, 3, 2)),  # a Monday: that very day
    (date(2026, 3, 3), date(2026, 3, 5)),  # a Tuesday: Thursday
    (date(2026, 3, 6), date(2026, 3, 9)),  # a Friday: the Monday after
])
def test_the_first_reminder_is_the_first_chosen_day_from_the_start(start, first) -> None:
    strength = events(plan(mobility=""), start)[0]
    assert strength.decoded("dtstart") == datetime.combine(first, time(18, 30))


def test_days_chosen_in_any_order_repeat_in_week_order() -> None:
    strength = events(plan(days=(4, 0, 2), weeks=3))[0]
    assert strength["rrule"]["BYDAY"] == ["MO", "WE", "FR"]
    assert strength["rrule"]["COUNT"] == [9]


def test_lighter_days_are_the_others_only_when_named() -> None:
    assert plan(days=(0, 3)).mobility_days == (1, 2, 4, 5, 6)
    assert plan(days=(0, 3), mobility="").mobility_days == ()


def test_pairs_that_follow_one_another() -> None:
    assert consecutive_days([0, 1, 3]) == [(0, 1)]
    assert consecutive_days([6, 0]) == [(6, 0)]
    assert consecutive_days([1, 1]) == []  # one day chosen twice follows nothing
    assert consecutive_days([0, 2, 4]) == []
    assert consecutive_days([2, 3, 4]) == [(2, 3), (3, 4)]


def test_a_plan_of_no_weeks_is_refused_and_a_good_one_is_not() -> None:
    assert check(plan(weeks=0)) == ["The reminders need to run for at least a week."]
    assert check(plan(weeks=1)) == []
    assert check(plan(days=(0, 1))) == [
        "Monday and Tuesday follow one another: strength sessions go on non-consecutive days."]
    assert check(plan(days=())) == ["Choose at least one strength day."]
    with pytest.raises(ValueError, match=r"^The reminders need to run for at least a week\.$"):
        calendar_bytes(plan(weeks=0), START, STAMP)


def test_every_problem_is_said_at_once() -> None:
    with pytest.raises(ValueError) as refused:
        calendar_bytes(plan(days=(0, 1), weeks=0), START, STAMP)
    assert str(refused.value) == (
        "Monday and Tuesday follow one another: strength sessions go on non-consecutive days. "
        "The reminders need to run for at least a week.")
