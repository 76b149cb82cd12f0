"""The writes that record a session, each a frozen operation for the write queue.

Values are captured when the operation is built (the moment a step ended), not when it runs:
a row kept in memory through a full disk still carries its own times. The session's id is read
from its SessionRef when the operation runs, since the session row may itself have waited.
Operations are plain data, so rows still waiting when the app quits can be kept in a side file
(storage/kept_rows.py) and written at the next start.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Protocol

from psoas_desktop.core.routines import Target
from psoas_desktop.core.timeline import Step
from psoas_desktop.core.training_log import LogDetails, join_codes
from psoas_desktop.storage.records import to_text

After = Callable[[], None] | None


class Operation(Protocol):
    """Runs inside a transaction; may return what to do once it is committed."""

    def __call__(self, conn: sqlite3.Connection) -> After: ...


@dataclass
class SessionRef:
    """A recorded session; `id` is known once its row has been written. `key` names it in a
    side file before it has an id."""

    id: int | None = None
    key: str = field(default_factory=lambda: uuid.uuid4().hex)


@dataclass(frozen=True)
class PlannedTarget:
    exercise_id: str
    target: Target
    effort_steps: int  # holds and work steps the target plans: all of them done = completed
    load_unit: str | None = None  # kg, bands or on_off, when the exercise takes load


def check_rating(name: str, value: int | None) -> None:
    if value is not None and not 0 <= value <= 10:
        raise ValueError(f"{name} must be 0 to 10, not {value}")


# exercise, sets, reps, hold, efforts, load, load unit
TargetValues = tuple[str, int, int, int | None, int, float | None, str | None]


@dataclass(frozen=True)
class StartSession:
    ref: SessionRef
    routine_id: str
    routine_name: str
    started_at: str
    planned_seconds: int
    targets: tuple[TargetValues, ...] = ()
    pain_before: int | None = None

    def __call__(self, conn: sqlite3.Connection) -> After:
        cursor = conn.execute(
            "INSERT INTO sessions (routine_id, routine_name, started_at, planned_seconds,"
            " status) VALUES (?, ?, ?, ?, 'running')",
            (self.routine_id, self.routine_name, self.started_at, self.planned_seconds))
        session_id = cursor.lastrowid
        conn.executemany(
            "INSERT INTO session_targets (session_id, exercise_id, sets, reps, hold,"
            " effort_steps, load, load_unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(session_id, *t) for t in self.targets])
        if self.pain_before is not None:
            conn.execute("INSERT INTO log_entries (session_id, pain_before) VALUES (?, ?)",
                         (session_id, self.pain_before))
        ref = self.ref

        def known() -> None:
            ref.id = session_id

        return known


StepValues = tuple[int, str, str | None, str | None, int | None, int | None, int | None,
                   int | None, str | None, int, float, int, str]


@dataclass(frozen=True)
class AddStep:
    ref: SessionRef
    values: StepValues  # step_index ... ended_at, in the order of the INSERT below

    def __call__(self, conn: sqlite3.Connection) -> After:
        conn.execute(
            "INSERT INTO steps (session_id, step_index, kind, exercise_id, side, set_number,"
            " sets, rep, reps, phase, target_seconds, actual_seconds, skipped, ended_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (self.ref.id, *self.values))
        return None


@dataclass(frozen=True)
class EndSession:
    ref: SessionRef
    status: str
    ended_at: str
    active_seconds: float

    def __call__(self, conn: sqlite3.Connection) -> After:
        conn.execute("UPDATE sessions SET status = ?, ended_at = ?, active_seconds = ?"
                     " WHERE id = ?",
                     (self.status, self.ended_at, self.active_seconds, self.ref.id))
        return None


_DETAIL_COLUMNS = ("pain_where", "pain_side", "pain_kind", "pain_when", "task", "task_unit",
                   "task_value", "rom_left", "rom_right", "rom_unit")
_LOG_COLUMNS = ("pain_after", "stiffness", "notes", *_DETAIL_COLUMNS)
_SAVE_LOG = (f"INSERT INTO log_entries (session_id, {', '.join(_LOG_COLUMNS)})"
             f" VALUES ({', '.join('?' * (len(_LOG_COLUMNS) + 1))})"
             " ON CONFLICT (session_id) DO UPDATE SET "
             + ", ".join(f"{c} = excluded.{c}" for c in _LOG_COLUMNS))


def detail_values(details: LogDetails) -> tuple[object, ...]:
    """The log's details as stored, in _DETAIL_COLUMNS order."""
    d = details
    return (join_codes(d.pain_where), d.pain_side, join_codes(d.pain_kind),
            join_codes(d.pain_when), d.task, d.task_unit, d.task_value, d.rom_left, d.rom_right,
            d.rom_unit)


@dataclass(frozen=True)
class SaveLog:
    ref: SessionRef
    pain_after: int | None
    stiffness: int | None
    notes: str
    details: tuple[object, ...] = ()  # detail_values(), in _DETAIL_COLUMNS order

    def __call__(self, conn: sqlite3.Connection) -> After:
        details = self.details or detail_values(LogDetails())
        conn.execute(_SAVE_LOG, (self.ref.id, self.pain_after, self.stiffness, self.notes,
                                 *details))
        return None


Write = StartSession | AddStep | EndSession | SaveLog


def start_session(ref: SessionRef, routine_id: str, routine_name: str, started_at: datetime,
                  planned_seconds: int, targets: Sequence[PlannedTarget] = (),
                  pain_before: int | None = None) -> StartSession:
    check_rating("pain before", pain_before)
    return StartSession(
        ref, routine_id, routine_name, to_text(started_at), planned_seconds,
        tuple((t.exercise_id, t.target.sets, t.target.reps, t.target.hold, t.effort_steps,
               t.target.load if t.load_unit else None, t.load_unit) for t in targets),
        pain_before)


def add_step(ref: SessionRef, index: int, step: Step, actual_seconds: float, skipped: bool,
             ended_at: datetime) -> AddStep:
    return AddStep(ref, (
        index, step.kind.value, step.exercise_id, step.side.value if step.side else None,
        step.set, step.sets, step.rep, step.reps, step.phase, step.seconds,
        round(actual_seconds, 3), int(skipped), to_text(ended_at)))


def end_session(ref: SessionRef, status: str, ended_at: datetime,
                active_seconds: float) -> EndSession:
    return EndSession(ref, status, to_text(ended_at), round(active_seconds, 3))


def save_log(ref: SessionRef, pain_after: int | None = None, stiffness: int | None = None,
             notes: str = "", details: LogDetails | None = None) -> SaveLog:
    """The after-session log; the pain rated before the session is kept."""
    check_rating("pain after", pain_after)
    check_rating("stiffness", stiffness)
    # Plain values (enum members as their text), so a side file can keep them.
    values = tuple(v.value if isinstance(v, Enum) else v
                   for v in detail_values(details or LogDetails()))
    return SaveLog(ref, pain_after, stiffness, notes, values)
