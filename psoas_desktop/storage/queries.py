"""Read-only queries on an open history connection, returning rows from records.py."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime

from psoas_desktop.core.progression import ExerciseResult
from psoas_desktop.core.routines import Target
from psoas_desktop.core.training_log import LogDetails, RomUnit, TaskUnit, split_codes
from psoas_desktop.storage.records import LogEntry, SessionRow, StepRow, from_text

# Planned seconds of the steps done, each step index counted once (going back and doing a step
# again records it twice, but it was planned once). A subquery per session walks that session's
# slice of the steps_by_session index: with ten years of steps (300,000 rows) this takes about
# two thirds of the time of grouping every step and then every session (bench/history_scale.py).
_DONE = """
    (SELECT COALESCE(SUM(done), 0) FROM (
        SELECT MAX(CASE WHEN skipped = 0 THEN target_seconds ELSE 0 END) AS done
        FROM steps WHERE steps.session_id = s.id GROUP BY step_index))"""

_SESSIONS = f"""
    SELECT s.id, s.routine_id, s.routine_name, s.started_at, s.ended_at, s.planned_seconds,
           s.active_seconds, s.status, {_DONE},
           l.pain_before, l.pain_after, l.stiffness, COALESCE(l.notes, ''),
           l.pain_where, l.pain_side, l.pain_kind, l.pain_when, COALESCE(l.task, ''),
           l.task_unit, l.task_value, l.rom_left, l.rom_right, l.rom_unit
    FROM sessions s
    LEFT JOIN log_entries l ON l.session_id = s.id"""


def details(where: str | None, side: str | None, kind: str | None, when: str | None,
            task: str, task_unit: str | None, task_value: float | None, rom_left: float | None,
            rom_right: float | None, rom_unit: str | None) -> LogDetails:
    """The stored log details as the core's LogDetails (checked once, here at the edge)."""
    return LogDetails(split_codes(where), side, split_codes(kind), split_codes(when), task,
                      TaskUnit(task_unit) if task_unit else None, task_value, rom_left,
                      rom_right, RomUnit(rom_unit) if rom_unit else None)


def _session(row: tuple) -> SessionRow:
    (id_, routine_id, name, started, ended, planned, active, status, done,
     pain_before, pain_after, stiffness, notes) = row[:13]
    log = LogEntry(pain_before, pain_after, stiffness, notes, details(*row[13:]))
    return SessionRow(
        id_, routine_id, name, from_text(started), from_text(ended) if ended else None,
        planned, active, status, done, log)


def sessions(conn: sqlite3.Connection, limit: int | None = None,
             newest_first: bool = True) -> list[SessionRow]:
    order = "DESC" if newest_first else "ASC"
    sql = f"{_SESSIONS} ORDER BY s.started_at {order}, s.id {order}"
    if limit is not None:
        return [_session(r) for r in conn.execute(f"{sql} LIMIT ?", (limit,))]
    return [_session(r) for r in conn.execute(sql)]


def session(conn: sqlite3.Connection, session_id: int) -> SessionRow | None:
    row = conn.execute(f"{_SESSIONS} WHERE s.id = ?", (session_id,)).fetchone()
    return _session(row) if row else None


_STEP_COLUMNS = """session_id, step_index, kind, exercise_id, side, set_number, sets, rep, reps,
                   phase, target_seconds, actual_seconds, skipped, ended_at"""


def _step(row: tuple) -> StepRow:
    return StepRow(*row[:12], bool(row[12]), from_text(row[13]))


def steps(conn: sqlite3.Connection, session_id: int) -> list[StepRow]:
    sql = f"SELECT {_STEP_COLUMNS} FROM steps WHERE session_id = ? ORDER BY id"
    return [_step(r) for r in conn.execute(sql, (session_id,))]


def all_steps(conn: sqlite3.Connection) -> Iterator[StepRow]:
    """Every step of every session, oldest session first, in the order they ended."""
    sql = f"""SELECT {_STEP_COLUMNS} FROM steps
              ORDER BY (SELECT started_at FROM sessions WHERE id = session_id), session_id, id"""
    for row in conn.execute(sql):
        yield _step(row)


def exercise_ids(conn: sqlite3.Connection) -> list[str]:
    """Exercises with at least one recorded session, most recently done first."""
    sql = """SELECT t.exercise_id FROM session_targets t JOIN sessions s ON s.id = t.session_id
             GROUP BY t.exercise_id ORDER BY MAX(s.started_at) DESC"""
    return [r[0] for r in conn.execute(sql)]


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
    params: tuple = (exercise_id, exercise_id)
    if limit is not None:
        sql += " LIMIT ?"
        params += (limit,)
    results = []
    for (started, sets, reps, hold, load, planned, pain_before, pain_after, done,
         reps_done, mean_hold) in conn.execute(sql, params):
        results.append(ExerciseResult(
            from_text(started), Target(sets, reps, hold, load),
            completed=done >= planned,
            pain_before=pain_before, pain_after=pain_after,
            reps_done=reps_done, mean_hold=mean_hold))
    return results


def last_targets(conn: sqlite3.Connection, routine_id: str) -> dict[str, Target]:
    """The targets the latest session of `routine_id` used, by exercise id."""
    row = conn.execute("SELECT id FROM sessions WHERE routine_id = ? "
                       "ORDER BY started_at DESC, id DESC LIMIT 1", (routine_id,)).fetchone()
    if row is None:
        return {}
    sql = ("SELECT exercise_id, sets, reps, hold, load FROM session_targets"
           " WHERE session_id = ?")
    return {ex: Target(sets, reps, hold, load)
            for ex, sets, reps, hold, load in conn.execute(sql, row)}


def first_done(conn: sqlite3.Connection, exercise_id: str) -> datetime | None:
    """When a session first reached `exercise_id`."""
    row = conn.execute("SELECT MIN(s.started_at) FROM session_targets t"
                       " JOIN sessions s ON s.id = t.session_id WHERE t.exercise_id = ?",
                       (exercise_id,)).fetchone()
    return from_text(row[0]) if row and row[0] else None


def session_targets(conn: sqlite3.Connection) -> dict[tuple[int, str], tuple[Target, str | None]]:
    """Every session's target for every exercise, with the load's unit."""
    sql = "SELECT session_id, exercise_id, sets, reps, hold, load, load_unit FROM session_targets"
    return {(sid, ex): (Target(sets, reps, hold, load), unit)
            for sid, ex, sets, reps, hold, load, unit in conn.execute(sql)}


def last_rom_at(conn: sqlite3.Connection) -> datetime | None:
    """When the range of motion was last measured."""
    row = conn.execute("SELECT MAX(s.started_at) FROM log_entries l JOIN sessions s"
                       " ON s.id = l.session_id"
                       " WHERE l.rom_left IS NOT NULL OR l.rom_right IS NOT NULL").fetchone()
    return from_text(row[0]) if row and row[0] else None
