"""What the report to take to a physiotherapist says, gathered from the history. No Qt.

The period is the last N weeks, Monday to Sunday, ending with the current week. Weeks trained
are counted against each routine's weekly target; a session counts with at least half of its
planned work done, as on the start page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import pairwise

from psoas_desktop.core.adherence import COUNTS_FROM, week_of
from psoas_desktop.core.routines import Routine, RoutineBook, Target, describe_target
from psoas_desktop.core.training_log import needs_safety_advice
from psoas_desktop.storage.records import SessionRow

TargetMap = Mapping[tuple[int, str], tuple[Target, str | None]]


@dataclass(frozen=True)
class RoutineWeeks:
    name: str
    target: str  # "2-3"
    per_week: tuple[int, ...]  # sessions that count, one number per week of the period
    met: int  # weeks that met the target's low end

    @property
    def sessions(self) -> int:
        return sum(self.per_week)


@dataclass(frozen=True)
class TargetRow:
    """One exercise's targets over the period."""

    exercise: str
    first: str  # the target at the period's first session with it
    latest: str
    changes: int  # how many times the target changed
    loads: tuple[tuple[date, str], ...]  # when the load changed, and to what


@dataclass
class ReportData:
    start: date  # the first Monday
    end: date  # the last day (today)
    weeks: int
    rows: list[SessionRow] = field(default_factory=list)  # the period's sessions, oldest first
    routines: list[RoutineWeeks] = field(default_factory=list)
    targets: list[TargetRow] = field(default_factory=list)
    notes: list[tuple[date, str, str]] = field(default_factory=list)  # day, routine, text
    warnings: list[tuple[date, str]] = field(default_factory=list)  # sharp, pinching, numb

    @property
    def week_starts(self) -> list[date]:
        return [self.start + timedelta(weeks=i) for i in range(self.weeks)]


def _day(row: SessionRow) -> date:
    return row.started_at.astimezone().date()


def _exercises(book: RoutineBook) -> dict[str, tuple[Routine, int]]:
    found: dict[str, tuple[Routine, int]] = {}
    for routine in book.routines:
        for index, exercise in enumerate(routine.exercises):
            found.setdefault(exercise.id, (routine, index))
    return found


def _routine_weeks(data: ReportData, book: RoutineBook) -> list[RoutineWeeks]:
    counted = [r for r in data.rows if r.done_fraction >= COUNTS_FROM]
    result = []
    for routine_id in dict.fromkeys(r.routine_id for r in counted):
        routine = book.get(routine_id)
        name = routine.name if routine else routine_id
        low = routine.frequency.min_per_week if routine else 1
        high = routine.frequency.max_per_week if routine else low
        per_week = tuple(sum(1 for r in counted if r.routine_id == routine_id
                             and week_of(_day(r)) == week) for week in data.week_starts)
        # This week is not over: it counts as met once it is, and never as a miss.
        finished = [n for week, n in zip(data.week_starts, per_week, strict=True)
                    if week < week_of(data.end) or n >= low]
        result.append(RoutineWeeks(name, f"{low}-{high}" if low != high else str(low),
                                   per_week, sum(1 for n in finished if n >= low)))
    return result


def _targets(data: ReportData, book: RoutineBook, targets: TargetMap) -> None:
    by_id = {r.id: r for r in data.rows}
    known = _exercises(book)
    history: dict[str, list[tuple[datetime, Target]]] = {}
    for (session_id, exercise_id), (target, _) in targets.items():
        if session_id in by_id:  # a session of the period
            history.setdefault(exercise_id, []).append((by_id[session_id].started_at, target))
    order = sorted(history, key=lambda e: known.get(e, (None, 99))[1])
    for exercise_id in order:
        if exercise_id not in known:
            continue
        exercise = known[exercise_id][0].exercises[known[exercise_id][1]]
        seen = sorted(history[exercise_id], key=lambda pair: pair[0])
        clamped = [(moment, target.clamped(exercise)) for moment, target in seen]
        changes = 0
        loads: list[tuple[date, str]] = []
        measure = exercise.load_measure
        for (_, before), (moment, after) in pairwise(clamped):
            changes += after != before
            if measure is not None and after.load != before.load and after.load is not None:
                loads.append((moment.astimezone().date(), measure.describe(after.load)))
        data.targets.append(TargetRow(exercise.name, describe_target(exercise, clamped[0][1]),
                                      describe_target(exercise, clamped[-1][1]), changes,
                                      tuple(loads)))


def gather(sessions: Sequence[SessionRow], targets: TargetMap, book: RoutineBook, weeks: int,
           today: date) -> ReportData:
    """The report for the `weeks` weeks up to `today` (any order of `sessions`)."""
    start = week_of(today) - timedelta(weeks=weeks - 1)
    rows = sorted((s for s in sessions if start <= _day(s) <= today),
                  key=lambda s: s.started_at)
    data = ReportData(start, today, weeks, rows)
    data.routines = _routine_weeks(data, book)
    _targets(data, book, targets)
    for row in rows:
        if row.log.notes.strip():
            data.notes.append((_day(row), row.routine_name, row.log.notes.strip()))
        if needs_safety_advice(row.log.details.pain_kind):
            data.warnings.append((_day(row), row.log.details.pain_text()))
    return data
