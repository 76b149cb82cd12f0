"""The writes that record a session, each built as an operation for History's queue.

Values are captured when the operation is built (the moment a step ended), not when it runs:
a row kept in memory through a full disk still carries its own times. The session's id is read
from its SessionRef when the operation runs, since the session row may itself have waited.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from psoas_desktop.core.routines import Target
from psoas_desktop.core.timeline import Step
from psoas_desktop.core.training_log import LogDetails, join_codes
from psoas_desktop.storage.records import to_text

# Runs inside a transaction; may return what to do once it is committed.
Operation = Callable[[sqlite3.Connection], Callable[[], None] | None]


@dataclass
class SessionRef:
    """A recorded session; `id` is known once its row has been written."""

    id: int | None = None


@dataclass(frozen=True)
class PlannedTarget:
    exercise_id: str
    target: Target
    effort_steps: int  # holds and work steps the target plans: all of them done = completed
    load_unit: str | None = None  # kg, bands or on_off, when the exercise takes load


def check_rating(name: str, value: int | None) -> None:
    if value is not None and not 0 <= value <= 10:
        raise ValueError(f"{name} must be 0 to 10, not {value}")


def start_session(ref: SessionRef, routine_id: str, routine_name: str, started_at: datetime,
                  planned_seconds: int, targets: Sequence[PlannedTarget] = (),
                  pain_before: int | None = None) -> Operation:
    check_rating("pain before", pain_before)
    started = to_text(started_at)

    def write(conn: sqlite3.Connection) -> Callable[[], None]:
        cursor = conn.execute(
            "INSERT INTO sessions (routine_id, routine_name, started_at, planned_seconds,"
            " status) VALUES (?, ?, ?, ?, 'running')",
            (routine_id, routine_name, started, planned_seconds))
        session_id = cursor.lastrowid
        conn.executemany(
            "INSERT INTO session_targets (session_id, exercise_id, sets, reps, hold,"
            " effort_steps, load, load_unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(session_id, t.exercise_id, t.target.sets, t.target.reps, t.target.hold,
              t.effort_steps, t.target.load if t.load_unit else None, t.load_unit)
             for t in targets])
        if pain_before is not None:
            conn.execute("INSERT INTO log_entries (session_id, pain_before) VALUES (?, ?)",
                         (session_id, pain_before))

        def known() -> None:
            ref.id = session_id

        return known

    return write


def add_step(ref: SessionRef, index: int, step: Step, actual_seconds: float, skipped: bool,
             ended_at: datetime) -> Operation:
    values = (index, step.kind.value, step.exercise_id,
              step.side.value if step.side else None, step.set, step.sets, step.rep,
              step.reps, step.phase, step.seconds, round(actual_seconds, 3), int(skipped),
              to_text(ended_at))

    def write(conn: sqlite3.Connection) -> None:
        conn.execute(
            "INSERT INTO steps (session_id, step_index, kind, exercise_id, side, set_number,"
            " sets, rep, reps, phase, target_seconds, actual_seconds, skipped, ended_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (ref.id, *values))

    return write


def end_session(ref: SessionRef, status: str, ended_at: datetime,
                active_seconds: float) -> Operation:
    ended = to_text(ended_at)

    def write(conn: sqlite3.Connection) -> None:
        conn.execute("UPDATE sessions SET status = ?, ended_at = ?, active_seconds = ?"
                     " WHERE id = ?", (status, ended, round(active_seconds, 3), ref.id))

    return write


_DETAIL_COLUMNS = ("pain_where", "pain_side", "pain_kind", "pain_when", "task", "task_unit",
                   "task_value", "rom_left", "rom_right", "rom_unit")


def detail_values(details: LogDetails) -> tuple[object, ...]:
    """The log's details as stored, in _DETAIL_COLUMNS order."""
    d = details
    return (join_codes(d.pain_where), d.pain_side, join_codes(d.pain_kind),
            join_codes(d.pain_when), d.task, d.task_unit, d.task_value, d.rom_left, d.rom_right,
            d.rom_unit)


def save_log(ref: SessionRef, pain_after: int | None = None, stiffness: int | None = None,
             notes: str = "", details: LogDetails | None = None) -> Operation:
    """The after-session log; the pain rated before the session is kept."""
    check_rating("pain after", pain_after)
    check_rating("stiffness", stiffness)
    values = detail_values(details or LogDetails())
    columns = ("pain_after", "stiffness", "notes", *_DETAIL_COLUMNS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns)
    sql = (f"INSERT INTO log_entries (session_id, {', '.join(columns)})"
           f" VALUES ({', '.join('?' * (len(columns) + 1))})"
           f" ON CONFLICT (session_id) DO UPDATE SET {updates}")

    def write(conn: sqlite3.Connection) -> None:
        conn.execute(sql, (ref.id, pain_after, stiffness, notes, *values))

    return write
