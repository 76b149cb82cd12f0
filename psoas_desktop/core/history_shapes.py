"""The history's figures shaped for plotting: weeks, pain over time, the calendar of days trained,
and which sessions a routine filter keeps. Pure Python (no Qt, no pyqtgraph): the plots turn
these lists into arrays, and the tests check the figures without drawing anything.

Times on the x axis are POSIX seconds; days are local days, weeks start on Monday.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Protocol, TypeVar

from psoas_desktop.core.adherence import Done, WeekTotal, calendar_start, weekly
from psoas_desktop.core.local_time import local_day


class SessionRow(Protocol):
    """What these shapes read of a recorded session (storage/records.py has the real one)."""

    @property
    def routine_id(self) -> str: ...
    @property
    def routine_name(self) -> str: ...
    @property
    def started_at(self) -> datetime: ...
    @property
    def active_seconds(self) -> float: ...
    @property
    def counts_for_week(self) -> bool: ...
    @property
    def log(self) -> object: ...  # pain_before, pain_after: int | None


Row = TypeVar("Row", bound=SessionRow)

DAY = 86400.0
WEEK = 7 * DAY
ALL_ROUTINES = ""


def stamp(day: date) -> float:
    """Local midnight of `day` as POSIX seconds (what a date axis expects)."""
    return datetime.combine(day, time()).timestamp()


def routines_by_recent(sessions: Sequence[SessionRow]) -> dict[str, str]:
    """Routine id to name, the most recently used first (`sessions` oldest first)."""
    routines: dict[str, str] = {}
    for s in reversed(sessions):
        routines.setdefault(s.routine_id, s.routine_name)
    return routines


def of_routine(sessions: Sequence[Row], routine_id: str | None) -> list[Row]:
    """The sessions of `routine_id`; all of them for ALL_ROUTINES (or none chosen)."""
    if not routine_id:
        return list(sessions)
    return [s for s in sessions if s.routine_id == routine_id]


@dataclass(frozen=True)
class WeekShape:
    weeks: list[WeekTotal]  # every week from the first session's to today's
    xs: list[float]  # the middle of each week
    counts: list[float]  # sessions that count for the week (half the plan done)
    minutes: list[float]  # minutes spent, every session


def week_shape(sessions: Sequence[SessionRow], today: date) -> WeekShape:
    # A session counts a week only with half its plan done (core/completion.py); its minutes
    # count all the same, for they were spent.
    done = [Done(local_day(s.started_at), s.active_seconds / 60) for s in sessions
            if s.counts_for_week]
    by_week = {w.week: w.sessions for w in weekly(done)}
    spent = [Done(local_day(s.started_at), s.active_seconds / 60) for s in sessions]
    weeks = [WeekTotal(w.week, by_week.get(w.week, 0), w.minutes)
             for w in weekly(spent, until=today)]
    return WeekShape(weeks, [stamp(w.week) + WEEK / 2 for w in weeks],
                     [float(w.sessions) for w in weeks], [w.minutes for w in weeks])


@dataclass(frozen=True)
class Points:
    rows: list[SessionRow]  # the sessions that have a value, in order
    xs: list[float]
    ys: list[float]


def pain_points(sessions: Sequence[SessionRow], attribute: str) -> Points:
    """`pain_before` or `pain_after` of each session that was rated."""
    rated = [s for s in sessions if getattr(s.log, attribute) is not None]
    return Points(rated, [s.started_at.timestamp() for s in rated],
                  [float(getattr(s.log, attribute)) for s in rated])


@dataclass(frozen=True)
class CalendarShape:
    start: date  # the Monday of the first column
    grid: list[list[float]]  # minutes per [week][weekday]
    per_day: dict[date, float]  # minutes of each day trained
    days: list[date]  # the days trained, in order
    xs: list[float]  # the middle of each trained day's cell
    ys: list[float]

    @property
    def weeks(self) -> int:
        return len(self.grid)


def calendar_shape(sessions: Sequence[SessionRow], today: date) -> CalendarShape:
    per_day: dict[date, float] = {}
    for s in sessions:
        day = local_day(s.started_at)
        per_day[day] = per_day.get(day, 0.0) + s.active_seconds / 60
    start, n_weeks = calendar_start(per_day, today)
    grid = [[0.0] * 7 for _ in range(n_weeks)]
    for day, minutes in per_day.items():
        offset = (day - start).days
        grid[offset // 7][offset % 7] = minutes
    days = sorted(per_day)
    return CalendarShape(start, grid, per_day, days, [stamp(d) + DAY / 2 for d in days],
                         [d.weekday() + 0.5 for d in days])


def x_limits(sessions: Sequence[SessionRow], today: date) -> tuple[float, float] | None:
    """How far the time axis may pan: eight weeks either side of the sessions (oldest first)."""
    if not sessions:
        return None
    first = stamp(local_day(sessions[0].started_at))
    last = stamp(max(today, local_day(sessions[-1].started_at)))
    return first - 8 * WEEK, last + 8 * WEEK
