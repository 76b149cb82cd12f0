"""Bring a history database of any earlier schema version up to the current one.

Like qutebrowser's `misc/sql.py`: the version lives in `PRAGMA user_version`, and there is one
migration for every step up. An empty file (version 0, no tables) gets the current schema at once;
an older one is walked up step by step, all inside one transaction, so a failure leaves it as it
was. Each frozen `V*` schema below is what that version created; never edit them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from psoas_desktop.storage.schema import (
    DONE_COLUMNS_V4,
    DONE_OF,
    DONE_TRIGGERS_V4,
    LOG_COLUMNS_V3,
    SCHEMA_VERSION,
    TARGET_COLUMNS_V3,
    create_current,
)


class NewerSchemaError(Exception):
    """The file was written by a newer Psoas Desktop; this one must not touch it."""


class ForeignDatabaseError(Exception):
    """The file is an SQLite database, but not one this app made."""


# Version 1: the log (pain, stiffness, notes) lived on the session row; steps had no end time
# and the targets each session used were not kept.
V1 = (
    """CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        routine_id TEXT NOT NULL,
        routine_name TEXT NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        planned_seconds INTEGER NOT NULL,
        active_seconds REAL NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'running',
        pain_before INTEGER,
        pain_after INTEGER,
        stiffness INTEGER,
        notes TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE steps (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        step_index INTEGER NOT NULL,
        kind TEXT NOT NULL,
        exercise_id TEXT,
        side TEXT,
        set_number INTEGER,
        sets INTEGER,
        rep INTEGER,
        reps INTEGER,
        phase TEXT,
        target_seconds INTEGER NOT NULL,
        actual_seconds REAL NOT NULL,
        skipped INTEGER NOT NULL
    )""",
    "CREATE INDEX steps_by_session ON steps(session_id, step_index)",
)


def create_v1(conn: sqlite3.Connection) -> None:
    """Version 1 as it was shipped; kept so the tests can walk the whole migration path."""
    for statement in V1:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")


# Version 2: the log in its own table, step end times, the targets each session used.
V2_SESSIONS = """
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    routine_id TEXT NOT NULL,
    routine_name TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    planned_seconds INTEGER NOT NULL,
    active_seconds REAL NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'running'
        CHECK (status IN ('running', 'completed', 'finished_early', 'interrupted'))
)"""
V2_STEPS = """
CREATE TABLE steps (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    step_index INTEGER NOT NULL,
    kind TEXT NOT NULL,
    exercise_id TEXT,
    side TEXT,
    set_number INTEGER,
    sets INTEGER,
    rep INTEGER,
    reps INTEGER,
    phase TEXT,
    target_seconds INTEGER NOT NULL,
    actual_seconds REAL NOT NULL,
    skipped INTEGER NOT NULL CHECK (skipped IN (0, 1)),
    ended_at TEXT NOT NULL
)"""
V2_LOG_ENTRIES = """
CREATE TABLE log_entries (
    session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
    pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),
    stiffness INTEGER CHECK (stiffness BETWEEN 0 AND 10),
    notes TEXT NOT NULL DEFAULT ''
)"""
V2_SESSION_TARGETS = """
CREATE TABLE session_targets (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    exercise_id TEXT NOT NULL,
    sets INTEGER NOT NULL,
    reps INTEGER NOT NULL,
    hold INTEGER,
    effort_steps INTEGER NOT NULL,
    PRIMARY KEY (session_id, exercise_id)
)"""
V2_INDEXES = (
    "CREATE INDEX steps_by_session ON steps(session_id, step_index)",
    "CREATE INDEX steps_by_exercise ON steps(exercise_id, session_id)",
    "CREATE INDEX sessions_by_start ON sessions(started_at)",
    "CREATE INDEX targets_by_exercise ON session_targets(exercise_id)",
)


def create_v2(conn: sqlite3.Connection) -> None:
    """Version 2 as it was shipped; kept so the tests can walk the whole migration path."""
    for statement in (V2_SESSIONS, V2_STEPS, V2_LOG_ENTRIES, V2_SESSION_TARGETS, *V2_INDEXES):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")


def _v1_to_v2(conn: sqlite3.Connection) -> None:
    """Move the log to its own table, give steps an end time, keep targets per session.

    SQLite cannot add CHECK or NOT NULL constraints to a column in place, so the two tables are
    rebuilt (https://www.sqlite.org/lang_altertable.html#otheralter) with foreign keys off.
    """
    sessions, steps, log_entries, targets = (V2_SESSIONS, V2_STEPS, V2_LOG_ENTRIES,
                                             V2_SESSION_TARGETS)
    conn.execute(log_entries)
    conn.execute("""
        INSERT INTO log_entries (session_id, pain_before, pain_after, stiffness, notes)
        SELECT id, pain_before, pain_after, stiffness, notes FROM sessions
        WHERE pain_before IS NOT NULL OR pain_after IS NOT NULL OR stiffness IS NOT NULL
           OR notes != ''""")
    conn.execute(sessions.replace("CREATE TABLE sessions", "CREATE TABLE sessions_v2"))
    # A status v1 did not know becomes 'interrupted' rather than failing the CHECK.
    conn.execute("""
        INSERT INTO sessions_v2 (id, routine_id, routine_name, started_at, ended_at,
                                 planned_seconds, active_seconds, status)
        SELECT id, routine_id, routine_name, started_at, ended_at, planned_seconds,
               active_seconds,
               CASE WHEN status IN ('running', 'completed', 'finished_early', 'interrupted')
                    THEN status ELSE 'interrupted' END
        FROM sessions""")
    conn.execute(steps.replace("CREATE TABLE steps", "CREATE TABLE steps_v2"))
    # v1 kept no step end time; the session's end (or start) is the best that is known.
    conn.execute("""
        INSERT INTO steps_v2 (id, session_id, step_index, kind, exercise_id, side, set_number,
                              sets, rep, reps, phase, target_seconds, actual_seconds, skipped,
                              ended_at)
        SELECT st.id, st.session_id, st.step_index, st.kind, st.exercise_id, st.side,
               st.set_number, st.sets, st.rep, st.reps, st.phase, st.target_seconds,
               st.actual_seconds, st.skipped != 0, COALESCE(se.ended_at, se.started_at)
        FROM steps st JOIN sessions se ON se.id = st.session_id""")
    conn.execute("DROP TABLE steps")
    conn.execute("DROP TABLE sessions")
    conn.execute("ALTER TABLE sessions_v2 RENAME TO sessions")
    conn.execute("ALTER TABLE steps_v2 RENAME TO steps")
    conn.execute(targets)
    for statement in V2_INDEXES:  # dropping the old steps table dropped its index too
        conn.execute(statement)


def _v2_to_v3(conn: sqlite3.Connection) -> None:
    """Load becomes part of a session's targets; the log gains where, what kind and when pain
    was felt, a functional task and the range of motion per side. Old rows get empty values:
    nothing was recorded then, and nothing is made up."""
    for column in TARGET_COLUMNS_V3:
        conn.execute(f"ALTER TABLE session_targets ADD COLUMN {column}")
    for column in LOG_COLUMNS_V3:
        conn.execute(f"ALTER TABLE log_entries ADD COLUMN {column}")


def create_v3(conn: sqlite3.Connection) -> None:
    """Version 3 as it was shipped (version 2 and its step up give the same tables)."""
    create_v2(conn)
    _v2_to_v3(conn)
    conn.execute("PRAGMA user_version = 3")


def _v3_to_v4(conn: sqlite3.Connection) -> None:
    """The seconds done and the share of the plan done move onto the session row, worked out
    once here from the steps already kept (every row stays as it was), then kept true by the
    triggers on every later write of a step."""
    for column in DONE_COLUMNS_V4:
        conn.execute(f"ALTER TABLE sessions ADD COLUMN {column}")
    conn.execute(f"UPDATE sessions SET done_seconds = {DONE_OF.format(session='sessions.id')}")
    for trigger in DONE_TRIGGERS_V4:
        conn.execute(trigger)


# MIGRATIONS[n] takes a database from version n to n + 1.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}


def known_version(conn: sqlite3.Connection) -> int:
    """The schema version of a Psoas Desktop history (0 for an empty file). A newer history, or
    another program's database, raises: both are left exactly as found."""
    found = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if found > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"it was written by a newer Psoas Desktop (schema {found}; this one knows "
            f"{SCHEMA_VERSION})")
    if found == 0:
        row = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
        if row[0]:
            raise ForeignDatabaseError("it holds tables that are not a Psoas Desktop history")
    return found


def migrate(conn: sqlite3.Connection) -> int:
    """Bring `conn` (in autocommit mode) to SCHEMA_VERSION; returns the version it had."""
    found = known_version(conn)
    if found == SCHEMA_VERSION:
        return found
    # foreign_keys cannot change inside a transaction, and table rebuilds need it off.
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Asked again under the write lock: another process may have written meanwhile.
            found = known_version(conn)
            if found == 0:
                create_current(conn)
            else:
                for version in range(found, SCHEMA_VERSION):
                    MIGRATIONS[version](conn)
            problems = conn.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise sqlite3.IntegrityError(f"foreign key problems after migration: {problems}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
    return found
