"""Read-only queries on an open history connection, returning rows from records.py.

Every row passes through row_reader.py: one that cannot be used is skipped and, when the caller
passes a `bad` list, named there.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime

from psoas_desktop.core.progression import ExerciseResult
from psoas_desktop.core.routines import Target
from psoas_desktop.storage import row_reader as check
from psoas_desktop.storage.records import SessionRow, StepRow
from psoas_desktop.storage.row_reader import BadRow, RowError, details

__all__ = ["details"]  # export.py reads its CSV's details with it

# The seconds done are kept on the session row (schema version 4, storage/schema.py): listing
# ten years of sessions reads no step rows.
_SESSIONS = """
    SELECT s.id, s.routine_id, s.routine_name, s.started_at, s.ended_at, s.planned_seconds,
           s.active_seconds, s.status, s.done_seconds,
           l.pain_before, l.pain_after, l.stiffness, COALESCE(l.notes, ''),
           l.pain_where, l.pain_side, l.pain_kind, l.pain_when, COALESCE(l.task, ''),
           l.task_unit, l.task_value, l.rom_left, l.rom_right, l.rom_unit
    FROM sessions s
    LEFT JOIN log_entries l ON l.session_id = s.id"""


def sessions(conn: sqlite3.Connection, limit: int | None = None, newest_first: bool = True,
             bad: list[BadRow] | None = None) -> list[SessionRow]:
    order = "DESC" if newest_first else "ASC"
    sql = f"{_SESSIONS} ORDER BY s.started_at {order}, s.id {order}"
    rows = conn.execute(f"{sql} LIMIT ?", (limit,)) if limit is not None else conn.execute(sql)
    return list(check.checked(rows, check.session, "session", bad))


def session(conn: sqlite3.Connection, session_id: int,
            bad: list[BadRow] | None = None) -> SessionRow | None:
    rows = conn.execute(f"{_SESSIONS} WHERE s.id = ?", (session_id,))
    return next(check.checked(rows, check.session, "session", bad), None)


_STEP_COLUMNS = """session_id, step_index, kind, exercise_id, side, set_number, sets, rep, reps,
                   phase, target_seconds, actual_seconds, skipped, ended_at"""


def steps(conn: sqlite3.Connection, session_id: int,
          bad: list[BadRow] | None = None) -> list[StepRow]:
    sql = f"SELECT {_STEP_COLUMNS} FROM steps WHERE session_id = ? ORDER BY id"
    return list(check.checked(conn.execute(sql, (session_id,)), check.step, "step of session",
                              bad))


def all_steps(conn: sqlite3.Connection, bad: list[BadRow] | None = None) -> Iterator[StepRow]:
    """Every step of every session, oldest session first, in the order they ended."""
    sql = f"""SELECT {_STEP_COLUMNS} FROM steps
              ORDER BY (SELECT started_at FROM sessions WHERE id = session_id), session_id, id"""
    yield from check.checked(conn.execute(sql), check.step, "step of session", bad)


def exercise_ids(conn: sqlite3.Connection) -> list[str]:
    """Exercises with at least one recorded session, most recently done first."""
    sql = """SELECT t.exercise_id FROM session_targets t JOIN sessions s ON s.id = t.session_id
             GROUP BY t.exercise_id ORDER BY MAX(s.started_at) DESC"""
    return [r[0] for r in conn.execute(sql) if isinstance(r[0], str)]


def exercise_results(conn: sqlite3.Connection, exercise_id: str,
                     limit: int | None = None) -> list[ExerciseResult]:
    """How each session that reached `exercise_id` went for it, newest first.

    A session that ended before the exercise began says nothing about it and is left out.
    Complete means every effort step (hold or work) the target planned was done in full; one
    skipped and then done again after going back counts as done.
    """
    sql = """
        SELECT s.started_at, t.sets, t.reps, t.hold, t.load, t.effort_steps,
               l.pain_before, l.pain_after, e.done_efforts, e.reps_done,
               e.mean_hold
        FROM session_targets t
        JOIN sessions s ON s.id = t.session_id
        LEFT JOIN log_entries l ON l.session_id = t.session_id
        JOIN (
            SELECT session_id,
                   COUNT(DISTINCT CASE WHEN skipped = 0 AND kind IN ('work', 'hold')
                                       THEN step_index END) AS done_efforts,
                   COUNT(DISTINCT CASE WHEN skipped = 0 AND kind IN ('work', 'hold')
                         THEN COALESCE(set_number, 0) || ':' || COALESCE(side, '') || ':'
                              || COALESCE(rep, 0) END) AS reps_done,
                   AVG(CASE WHEN skipped = 0 AND kind = 'hold' THEN actual_seconds END)
                       AS mean_hold
            FROM steps WHERE exercise_id = ? GROUP BY session_id
        ) e ON e.session_id = t.session_id
        WHERE t.exercise_id = ?
        ORDER BY s.started_at DESC, s.id DESC"""
    params: tuple[object, ...] = (exercise_id, exercise_id)
    if limit is not None:
        sql += " LIMIT ?"
        params += (limit,)
    results = []
    for row in conn.execute(sql, params):
        try:
            results.append(_result(row))
        except RowError:
            continue  # a damaged row says nothing about progress; the views name it
    return results


def _target(sets: object, reps: object, hold: object, load: object) -> Target:
    return Target(check.whole(sets, "sets", 1, 10**6) or 1, check.whole(reps, "reps", 1, 10**6)
                  or 1, check.whole(hold, "hold", 0, check.MOST_SECONDS, nullable=True),
                  check.amount(load, "load"))


def _result(row: tuple[object, ...]) -> ExerciseResult:
    (started, sets, reps, hold, load, planned, pain_before, pain_after, done, reps_done,
     mean_hold) = row
    return ExerciseResult(
        check.moment(started, "started_at"), _target(sets, reps, hold, load),
        completed=(check.whole(done, "done", 0, 10**9) or 0)
        >= (check.whole(planned, "effort_steps", 0, 10**9) or 0),
        pain_before=check.whole(pain_before, "pain_before", 0, 10, nullable=True),
        pain_after=check.whole(pain_after, "pain_after", 0, 10, nullable=True),
        reps_done=check.whole(reps_done, "reps done", 0, 10**9) or 0,
        mean_hold=None if mean_hold is None else check.seconds(mean_hold, "mean hold"))


def last_targets(conn: sqlite3.Connection, routine_id: str) -> dict[str, Target]:
    """The targets the latest session of `routine_id` used, by exercise id."""
    row = conn.execute("SELECT id FROM sessions WHERE routine_id = ? "
                       "ORDER BY started_at DESC, id DESC LIMIT 1", (routine_id,)).fetchone()
    if row is None:
        return {}
    sql = ("SELECT exercise_id, sets, reps, hold, load FROM session_targets"
           " WHERE session_id = ?")
    targets = {}
    for ex, sets, reps, hold, load in conn.execute(sql, row):
        try:
            targets[str(ex)] = _target(sets, reps, hold, load)
        except RowError:
            continue
    return targets


def first_done(conn: sqlite3.Connection, exercise_id: str) -> datetime | None:
    """When a session first reached `exercise_id`."""
    row = conn.execute("SELECT MIN(s.started_at) FROM session_targets t"
                       " JOIN sessions s ON s.id = t.session_id WHERE t.exercise_id = ?",
                       (exercise_id,)).fetchone()
    return _moment(row)


def _moment(row: tuple[object, ...] | None) -> datetime | None:
    try:
        return check.moment(row[0], "started_at") if row and row[0] else None
    except RowError:
        return None


def session_targets(conn: sqlite3.Connection) -> dict[tuple[int, str], tuple[Target, str | None]]:
    """Every session's target for every exercise, with the load's unit."""
    sql = "SELECT session_id, exercise_id, sets, reps, hold, load, load_unit FROM session_targets"
    targets = {}
    for sid, ex, sets, reps, hold, load, unit in conn.execute(sql):
        try:
            targets[(sid, str(ex))] = (_target(sets, reps, hold, load),
                                       check.text(unit, "load_unit", nullable=True))
        except RowError:
            continue
    return targets


def last_rom_at(conn: sqlite3.Connection) -> datetime | None:
    """When the range of motion was last measured."""
    row = conn.execute("SELECT MAX(s.started_at) FROM log_entries l JOIN sessions s"
                       " ON s.id = l.session_id"
                       " WHERE l.rom_left IS NOT NULL OR l.rom_right IS NOT NULL").fetchone()
    return _moment(row)
