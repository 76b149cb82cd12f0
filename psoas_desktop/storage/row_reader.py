"""Rows from the history file are data from disk: each is checked once here before anything
uses it. A row that cannot be used (a date that is no date, text or infinity in a number, a
NULL where a value must be) is skipped, counted and named, and every good row is still shown.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

from psoas_desktop.core.training_log import LogDetails, RomUnit, TaskUnit, split_codes
from psoas_desktop.storage.records import LogEntry, SessionRow, StepRow, from_text

# Moments the app can show and draw in any time zone; anything else in a date column is damage.
EARLIEST = datetime(1970, 1, 2, tzinfo=UTC)
LATEST = datetime(3000, 1, 1, tzinfo=UTC)
# Seconds in one session or step: a week is far beyond any routine.
MOST_SECONDS = 7 * 86400

_T = TypeVar("_T")


@dataclass(frozen=True)
class BadRow:
    table: str
    row_id: object
    reason: str

    def __str__(self) -> str:
        return f"{self.table} row {self.row_id}: {self.reason}"


class RowError(ValueError):
    pass


def text(value: object, column: str, nullable: bool = False) -> str | None:
    if value is None and nullable:
        return None
    if isinstance(value, bytes):  # a BLOB where text belongs: shown, never lost
        return value.decode("utf-8", "replace")
    if not isinstance(value, str):
        raise RowError(f"{column} is {_shown(value)}, not text")
    return value


def moment(value: object, column: str) -> datetime:
    if not isinstance(value, str):
        raise RowError(f"{column} is {_shown(value)}, not a date")
    try:
        parsed = from_text(value)
    except (ValueError, OverflowError) as exc:
        raise RowError(f"{column} {value[:40]!r} is not a date") from exc
    if not EARLIEST <= parsed < LATEST:
        raise RowError(f"{column} {value[:40]!r} is outside 1970-2999")
    return parsed


def whole(value: object, column: str, low: int = 0, high: int = MOST_SECONDS,
          nullable: bool = False) -> int | None:
    if value is None and nullable:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise RowError(f"{column} is {_shown(value)}, not a whole number {low}-{high}")
    return value


def seconds(value: object, column: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) \
            or not math.isfinite(value) or not 0 <= value <= MOST_SECONDS:
        raise RowError(f"{column} is {_shown(value)}, not a number of seconds")
    return float(value)


def _shown(value: object) -> str:
    return "empty" if value is None else repr(value)[:40]


def amount(value: object, column: str) -> float | None:
    """A load (kg, bands, on or off): a finite number, or nothing."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) \
            or not math.isfinite(value) or not 0 <= value <= 10**6:
        raise RowError(f"{column} is {_shown(value)}, not an amount")
    return value


def details(where: str | None, side: str | None, kind: str | None, when: str | None,
            task: str, task_unit: str | None, task_value: float | None, rom_left: float | None,
            rom_right: float | None, rom_unit: str | None) -> LogDetails:
    """The stored log details as the core's LogDetails (checked once, here at the edge)."""
    return LogDetails(split_codes(where), side, split_codes(kind), split_codes(when), task,
                      TaskUnit(task_unit) if task_unit else None, task_value, rom_left,
                      rom_right, RomUnit(rom_unit) if rom_unit else None)


def _details(values: tuple[object, ...]) -> LogDetails:
    try:
        return details(*values)  # type: ignore[arg-type]  # checked by LogDetails itself
    except (ValueError, TypeError, AttributeError) as exc:
        raise RowError(f"the log's details cannot be read ({exc})") from exc


def session(row: tuple[object, ...]) -> SessionRow:
    (id_, routine_id, name, started, ended, planned, active, status, done,
     pain_before, pain_after, stiffness, notes) = row[:13]
    return SessionRow(
        id=whole(id_, "id", 1, 2**63 - 1) or 0,
        routine_id=text(routine_id, "routine_id") or "",
        routine_name=text(name, "routine_name") or "",
        started_at=moment(started, "started_at"),
        ended_at=None if ended is None else moment(ended, "ended_at"),
        planned_seconds=whole(planned, "planned_seconds") or 0,
        active_seconds=seconds(active, "active_seconds"),
        status=text(status, "status") or "",
        # Older files hold fractional step lengths: the sum is rounded, not refused.
        done_seconds=round(seconds(done, "planned seconds done")),
        log=LogEntry(whole(pain_before, "pain_before", 0, 10, nullable=True),
                     whole(pain_after, "pain_after", 0, 10, nullable=True),
                     whole(stiffness, "stiffness", 0, 10, nullable=True),
                     text(notes, "notes") or "", _details(row[13:])),
    )


def step(row: tuple[object, ...]) -> StepRow:
    (session_id, index, kind, exercise_id, side, set_number, sets, rep, reps, phase,
     target, actual, skipped, ended) = row
    def count(value: object, column: str) -> int | None:
        return whole(value, column, 0, 10**6, nullable=True)

    return StepRow(
        whole(session_id, "session_id", 1, 2**63 - 1) or 0,
        whole(index, "step_index", 0, 10**6) or 0,
        text(kind, "kind") or "",
        text(exercise_id, "exercise_id", nullable=True),
        text(side, "side", nullable=True),
        count(set_number, "set_number"), count(sets, "sets"), count(rep, "rep"),
        count(reps, "reps"),
        text(phase, "phase", nullable=True),
        round(seconds(target, "target_seconds")),
        seconds(actual, "actual_seconds"),
        bool(whole(skipped, "skipped", 0, 1)),
        moment(ended, "ended_at"),
    )


def checked(rows: Iterable[tuple[object, ...]], make: Callable[[tuple[object, ...]], _T],
            table: str, bad: list[BadRow] | None) -> Iterator[_T]:
    """Each row made by `make`; a row it refuses is added to `bad` (its first column names
    it) and skipped."""
    for row in rows:
        try:
            yield make(row)
        except RowError as exc:
            if bad is not None:
                bad.append(BadRow(table, row[0], str(exc)))
