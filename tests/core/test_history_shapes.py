"""The history's figures, shaped without Qt or pyqtgraph."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from psoas_desktop.core import history_shapes as shapes
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


def at(day: int, hour: int = 12) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=UTC)


ROWS = [Row("a", at(2), log=Log(3, 2)), Row("b", at(3), 1200.0, counts_for_week=False),
        Row("a", at(10), log=Log(None, 1)), Row("a", at(10, 18), 300.0)]
TODAY = date(2026, 11, 20)


def test_routines_most_recent_first_and_the_filter() -> None:
    assert list(shapes.routines_by_recent(ROWS)) == ["a", "b"]
    assert shapes.of_routine(ROWS, "b") == [ROWS[1]]
    assert shapes.of_routine(ROWS, shapes.ALL_ROUTINES) == ROWS


def test_weeks_count_sessions_with_half_the_plan_and_every_minute() -> None:
    shape = shapes.week_shape(ROWS, TODAY)
    assert [w.week for w in shape.weeks] == [date(2026, 11, 2), date(2026, 11, 9),
                                             date(2026, 11, 16)]
    assert shape.counts == [1.0, 2.0, 0.0]  # the session of "b" is not counted
    assert shape.minutes == [30.0, 15.0, 0.0]
    assert shape.xs[1] - shape.xs[0] == shapes.WEEK
    assert shape.xs[0] == shapes.stamp(date(2026, 11, 2)) + shapes.WEEK / 2


def test_pain_points_only_where_rated() -> None:
    after = shapes.pain_points(ROWS, "pain_after")
    assert after.ys == [2.0, 1.0] and after.rows == [ROWS[0], ROWS[2]]
    assert after.xs == [at(2).timestamp(), at(10).timestamp()]
    assert shapes.pain_points(ROWS, "pain_before").ys == [3.0]


def test_the_calendar_adds_up_each_day() -> None:
    shape = shapes.calendar_shape(ROWS, TODAY)
    assert shape.start == date(2026, 11, 2) and shape.weeks == 3
    day = local_day(at(10))
    assert shape.per_day[day] == 15.0  # two sessions that day: 10 + 5 minutes
    offset = (day - shape.start).days
    assert shape.grid[offset // 7][offset % 7] == 15.0
    assert sum(map(sum, shape.grid)) == 45.0  # 10 + 20 + 10 + 5 minutes
    assert shape.ys == [d.weekday() + 0.5 for d in shape.days]


def test_panning_limits_and_no_qt() -> None:
    low, high = shapes.x_limits(ROWS, TODAY) or (0.0, 0.0)
    assert high - low > 8 * shapes.WEEK * 2
    assert shapes.x_limits([], TODAY) is None
    assert "pyqtgraph" not in sys.modules or "PySide6" in sys.modules  # imports nothing of Qt
