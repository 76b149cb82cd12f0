"""Gathers what today's plan needs from the history and the settings (the rules are in
core/programme.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from psoas_desktop.core.adherence import COUNTS_FROM
from psoas_desktop.core.programme import DoneDay, TodayPlan, plan_today
from psoas_desktop.core.routines import Routine, RoutineBook
from psoas_desktop.platform.settings import Settings
from psoas_desktop.storage.records import SessionRow

TODAY_LOOKBACK = 500  # sessions read back: well over a year of a programme


def strength_routine(book: RoutineBook, sessions: Sequence[SessionRow] = ()) -> Routine | None:
    """The strength routine done most recently, else the first one in the book."""
    for session in sessions:  # newest first
        routine = book.get(session.routine_id)
        if routine is not None and routine.strength:
            return routine
    return next((r for r in book.routines if r.strength), None)


def mobility_routine(book: RoutineBook) -> Routine | None:
    """The lighter routine for the days between strength days: the first one in the book."""
    return next((r for r in book.routines if not r.strength), None)


def today_plan(book: RoutineBook, sessions: Sequence[SessionRow], settings: Settings,
               now: datetime) -> TodayPlan | None:
    strength = strength_routine(book, sessions)
    if strength is None:
        return None
    mobility = mobility_routine(book)
    done = [DoneDay(s.routine_id, s.started_at.astimezone().date()) for s in sessions
            if s.done_fraction >= COUNTS_FROM]
    targets = {ex.id: t.clamped(ex) for ex in strength.exercises
               if (t := settings.targets(strength.id).get(ex.id)) is not None}
    return plan_today(strength, mobility, done, now.astimezone().date(), targets)
