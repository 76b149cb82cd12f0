"""How often the user trained: per-week totals, days trained, weeks on target. Pure Python.

No streak of days in a row: it would reward training on consecutive days, which the strength
routine advises against. Adherence is counted in weeks that met their target.

Weeks start on Monday and days are local calendar days: the caller turns each session's UTC start
into a local date, so a session at 23:30 counts on the day the user lived it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

# A session counts towards its week (today's plan, the report) with at least this share of its
# planned work done.
COUNTS_FROM = 0.5


@dataclass(frozen=True)
class Done:
    """One session, as adherence sees it."""

    day: date
    minutes: float


@dataclass(frozen=True)
class WeekTotal:
    week: date  # the Monday
    sessions: int
    minutes: float


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly(done: Iterable[Done], until: date | None = None) -> list[WeekTotal]:
    """A total for every week from the first session's to `until`'s (or the last session's),
    empty weeks included, so gaps show as gaps."""
    counts: dict[date, list[float]] = {}
    for item in done:
        totals = counts.setdefault(week_of(item.day), [0, 0.0])
        totals[0] += 1
        totals[1] += item.minutes
    if not counts:
        return []
    week, last = min(counts), max(counts)
    if until is not None:
        last = max(last, week_of(until))
    weeks = []
    while week <= last:
        sessions, minutes = counts.get(week, (0, 0.0))
        weeks.append(WeekTotal(week, int(sessions), minutes))
        week += timedelta(days=7)
    return weeks


def days_trained(done: Iterable[Done]) -> set[date]:
    return {item.day for item in done}


def weeks_on_target(weeks: list[WeekTotal], min_per_week: int, today: date) -> int:
    """Weeks in a row, back from this one, with at least `min_per_week` sessions. This week
    counts once it reaches the target, and does not break the run before it does."""
    run = 0
    for total in reversed(weeks):
        if total.week > week_of(today):
            continue
        if total.sessions >= min_per_week:
            run += 1
        elif total.week != week_of(today):
            break
    return run


def weeks_met(weeks: list[WeekTotal], min_per_week: int, today: date) -> tuple[int, int]:
    """(weeks that met the target, weeks counted): every week up to last week, and this week
    too once it has met the target (an unfinished week is not yet a miss)."""
    met = total = 0
    for total_week in weeks:
        if total_week.week > week_of(today):
            continue
        reached = total_week.sessions >= min_per_week
        if total_week.week < week_of(today) or reached:
            total += 1
            met += reached
    return met, total
