"""Reminders as an iCalendar file: weekly repeats on the chosen days, read back by the library."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from icalendar import Calendar

from psoas_desktop.core.reminders import ReminderPlan, calendar_bytes, check

START = date(2026, 3, 4)  # a Wednesday
STAMP = datetime(2026, 3, 4, 12, tzinfo=UTC)


def plan(days=(0, 3), mobility="Psoas stretch routine") -> ReminderPlan:
    return ReminderPlan(days, time(18, 30), 6, "Psoas strength", 13, mobility, 15)


def test_strength_and_lighter_days_repeat_weekly_from_the_next_chosen_day() -> None:
    events = Calendar.from_ical(calendar_bytes(plan(), START, STAMP)).walk("VEVENT")
    strength, mobility = events
    assert str(strength["summary"]) == "Psoas strength"
    assert strength.decoded("dtstart") == datetime(2026, 3, 5, 18, 30)  # Thursday, local time
    rule = strength["rrule"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["MO", "TH"] and rule["COUNT"] == [12]
    assert mobility["rrule"]["BYDAY"] == ["TU", "WE", "FR", "SA", "SU"]
    assert mobility.decoded("dtstart") == datetime(2026, 3, 4, 18, 30)
    assert [a["action"] for a in strength.walk("VALARM")] == ["DISPLAY"]


def test_without_lighter_days_only_strength_is_exported() -> None:
    events = Calendar.from_ical(calendar_bytes(plan(mobility=""), START, STAMP)).walk("VEVENT")
    assert len(events) == 1


@pytest.mark.parametrize(("days", "problem"), [
    ((0, 1), "Monday and Tuesday follow one another"),
    ((6, 0, 3), "Sunday and Monday follow one another"),
    ((), "at least one strength day"),
])
def test_consecutive_strength_days_are_refused(days, problem) -> None:
    assert any(problem in p for p in check(plan(days)))
    with pytest.raises(ValueError, match=problem):
        calendar_bytes(plan(days), START, STAMP)
