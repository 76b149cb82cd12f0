"""The history's figures at their edges: names kept, minutes per day and week, the calendar's
cells, the panning range, and weeks dated ahead of a clock that runs behind."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from psoas_desktop.core import history_shapes as shapes
from psoas_desktop.core.adherence import (
    WeekTotal,
    calendar_start,
    weeks_met,
    weeks_on_target,
)
from psoas_desktop.core.local_time import local_day


@dataclass
class Log:
    pain_before: int | None = None
    pain_after: int | None = None


@dataclass
class Row:
    routine_id: str
    started_at: datetime
    active_seconds: float = 600.0
    counts_for_week: bool = True
    routine_name: str = "Routine"
    log: Log = field(default_factory=Log)


def at(month: int, day: int) -> datetime:
    return datetime(2026, month, day, 12, tzinfo=UTC)


def test_each_routine_keeps_its_latest_name() -> None:
    rows = [Row("a", at(11, 2), routine_name="Old name"), Row("b", at(11, 3), routine_name="B"),
            Row("a", at(11, 4), routine_name="New name")]
    assert shapes.routines_by_recent(rows) == {"a": "New name", "b": "B"}


def test_a_week_adds_up_minutes() -> None:
    rows = [Row("a", at(11, 2), 90.0), Row("a", at(11, 3), 30.0)]
    shape = shapes.week_shape(rows, date(2026, 11, 4))
    assert shape.minutes == [2.0] and shape.counts == [2.0]


def test_every_day_trained_has_its_cell_and_its_point() -> None:
    rows = [Row("a", at(11, 2), 60.0), Row("a", at(11, 15), 120.0), Row("a", at(11, 18), 180.0)]
    shape = shapes.calendar_shape(rows, date(2026, 11, 20))
    days = [local_day(r.started_at) for r in rows]
    assert shape.start == date(2026, 11, 2) and shape.weeks == 3
    assert all(len(week) == 7 for week in shape.grid)
    assert shape.grid == [[1.0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 2.0],
                          [0, 0, 3.0, 0, 0, 0, 0]]
    assert shape.days == days
    assert shape.xs == [shapes.stamp(d) + shapes.DAY / 2 for d in days]
    assert shape.xs[1] - shape.xs[0] == 13 * shapes.DAY


def test_the_time_axis_pans_eight_weeks_beyond_either_end() -> None:
    rows = [Row("a", at(11, 2)), Row("a", at(11, 5)), Row("a", at(11, 9))]
    today = date(2026, 11, 20)
    low, high = shapes.x_limits(rows, today)
    assert low == shapes.stamp(local_day(rows[0].started_at)) - 8 * shapes.WEEK
    assert high == shapes.stamp(today) + 8 * shapes.WEEK
    ahead = [*rows, Row("a", at(12, 24))]  # dated ahead of today: the axis reaches it
    assert shapes.x_limits(ahead, today)[1] == (
        shapes.stamp(local_day(ahead[-1].started_at)) + 8 * shapes.WEEK)


def test_the_calendar_spans_from_the_first_day_to_today_or_a_later_one() -> None:
    today = date(2026, 11, 20)  # a Friday
    assert calendar_start([], today) == (date(2026, 11, 16), 1)
    assert calendar_start([date(2026, 11, 3)], today) == (date(2026, 11, 2), 3)
    assert calendar_start([date(2026, 11, 3), date(2026, 12, 1)], today) == (
        date(2026, 11, 2), 5)
    assert calendar_start([date(2026, 12, 1)], today) == (date(2026, 11, 16), 3)


WEEKS = [WeekTotal(date(2026, 11, 2), 2, 0), WeekTotal(date(2026, 11, 9), 3, 0),
         WeekTotal(date(2026, 11, 16), 1, 0), WeekTotal(date(2026, 11, 30), 2, 0)]


def test_a_week_dated_ahead_does_not_break_the_run() -> None:
    today = date(2026, 11, 18)  # the week of the 16th, not yet on target
    assert weeks_on_target(WEEKS, 2, today) == 2
    assert weeks_met(WEEKS, 2, today) == (2, 2)
    assert weeks_met(WEEKS, 1, today) == (3, 3)
