"""Today's plan: what the programme suggests now, from the sessions done and each routine's
weekly target. Pure Python; days are local calendar days, weeks start on Monday.

The rules, from the articles: strength sessions 2-3 a week on non-consecutive days (never the
day after a strength day), lighter mobility days between them, and a programme of 4-8 weeks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from psoas_desktop.core.adherence import week_of
from psoas_desktop.core.routines import Routine, Target
from psoas_desktop.core.weekly_target import WeeklyTarget, weekly_target


@dataclass(frozen=True)
class DoneDay:
    """A session that counts: its routine and the local day it was done on."""

    routine_id: str
    day: date


@dataclass(frozen=True)
class TodayPlan:
    routine_id: str | None  # None: nothing more today
    headline: str  # "Today: Psoas strength (activation first)"
    why: str  # the rule behind it
    week_count: str  # "1 of 2-3 strength sessions this week"
    programme_week: str  # "week 3 of 4-8", or "" before the first session


def _count(done: Sequence[DoneDay], ids: set[str], week: date) -> int:
    return sum(1 for d in done if d.routine_id in ids and week_of(d.day) == week)


def _sessions(n: int) -> str:
    return f"{n} session" if n == 1 else f"{n} sessions"


def programme_week(strength: Routine, done: Sequence[DoneDay], today: date) -> str:
    """'week 3 of 4-8', counted from the week of the first strength session."""
    days = [d.day for d in done if d.routine_id == strength.id]
    if not days:
        return ""
    number = (week_of(today) - week_of(min(days))).days // 7 + 1
    if strength.weeks is None:
        return f"week {number}"
    return f"week {number} of {strength.weeks}"


def plan_today(strength: Routine, mobility: Routine | None, done: Sequence[DoneDay],
               today: date, targets: Mapping[str, Target] | None = None) -> TodayPlan:
    """The suggestion for `today`. `strength` is the user's strength routine (the one done most
    recently, or the default), `mobility` the lighter one for the days between; `done` the
    sessions that count, any order; `targets` the strength routine's current ones (added load
    lowers the weekly target)."""
    target: WeeklyTarget = weekly_target(strength, targets or {})
    strength_ids = {strength.id}
    this_week = week_of(today)
    count = _count(done, strength_ids, this_week)
    week_count = f"{count} of {target} strength sessions this week"
    week_text = programme_week(strength, done, today)
    days = {d.day for d in done if d.routine_id in strength_ids}
    light = mobility.name if mobility else "a rest day"
    light_id = mobility.id if mobility else None
    mobility_today = mobility is not None and any(
        d.routine_id == mobility.id and d.day == today for d in done)

    def lighter(why: str) -> TodayPlan:
        if mobility_today:
            return TodayPlan(None, "Done for today", why, week_count, week_text)
        return TodayPlan(light_id, f"Today: {light}", why, week_count, week_text)

    if today in days:
        return TodayPlan(None, "Done for today", "A strength session is done today; the next "
                         "one comes after a day off strength work.", week_count, week_text)
    if today - timedelta(days=1) in days:
        return lighter("Yesterday was a strength day: strength sessions go on non-consecutive "
                       "days, so today is a lighter day.")
    if count >= target.max:
        return lighter(f"This week's strength work is done ({_sessions(target.max)}): "
                       "lighter days until Monday.")
    why = "No strength session yesterday, and this week's target is not met yet."
    if target.reason:
        why = f"{why} {target.reason}"
    return TodayPlan(strength.id, f"Today: {strength.name}", why, week_count, week_text)
