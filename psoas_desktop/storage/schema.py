"""The history database's current schema (version 4), as SQL a user can read.

docs/history-schema.md describes every table and column; keep the two in step. Times are UTC
ISO-8601 text ("2026-11-23T03:45:54Z") so the sqlite3 tool and its date functions read them.
"""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 4

STATUSES = ("running", "completed", "finished_early", "interrupted")
LOAD_UNITS = ("kg", "bands", "on_off")
PAIN_SIDES = ("left", "right", "both")

# The training log's new columns in version 3, shared by the fresh schema and the migration.
LOG_COLUMNS_V3 = (
    "pain_where TEXT NOT NULL DEFAULT ''",  # comma-separated: front_of_hip,groin,...
    "pain_side TEXT CHECK (pain_side IN ('left', 'right', 'both'))",
    "pain_kind TEXT NOT NULL DEFAULT ''",  # comma-separated: ache,tight,sharp,...
    "pain_when TEXT NOT NULL DEFAULT ''",  # comma-separated: during,after,next_morning
    "task TEXT NOT NULL DEFAULT ''",  # the functional task's name at the time
    "task_unit TEXT CHECK (task_unit IN ('rating', 'minutes', 'seconds'))",
    "task_value REAL CHECK (task_value >= 0)",
    "rom_left REAL CHECK (rom_left >= 0)",
    "rom_right REAL CHECK (rom_right >= 0)",
    "rom_unit TEXT CHECK (rom_unit IN ('scale', 'cm'))",
)
TARGET_COLUMNS_V3 = (
    "load REAL CHECK (load >= 0)",
    "load_unit TEXT CHECK (load_unit IN ('kg', 'bands', 'on_off'))",
)

# Version 4: what the history table shows of a session, kept on its row so that listing ten
# years of sessions reads no step rows. `done_seconds` follows the rule of core/completion.py
# (each step index counts its best try, up to its planned length); the triggers below keep it
# true on every write of a step, whoever writes it. `done_share` is worked out from it when read.
DONE_COLUMNS_V4 = (
    "done_seconds REAL NOT NULL DEFAULT 0",
    "done_share REAL GENERATED ALWAYS AS (CASE WHEN planned_seconds > 0 THEN"
    " MAX(0.0, MIN(1.0, done_seconds * 1.0 / planned_seconds)) ELSE 0.0 END) VIRTUAL",
)

# The seconds done of the session `{session}` (an SQL expression), from its steps.
DONE_OF = """(SELECT COALESCE(SUM(done), 0) FROM (
        SELECT MAX(MAX(0, MIN(actual_seconds, target_seconds))) AS done
        FROM steps WHERE steps.session_id = {session} GROUP BY step_index))"""


def _refresh_done(session: str) -> str:
    return (f"UPDATE sessions SET done_seconds = {DONE_OF.format(session=session)}"
            f" WHERE id = {session};")


# A session has a hundred steps or so: summing them again costs a few index rows per write.
DONE_TRIGGERS_V4 = (
    f"""CREATE TRIGGER done_after_step_added AFTER INSERT ON steps BEGIN
        {_refresh_done("NEW.session_id")}
    END""",
    f"""CREATE TRIGGER done_after_step_removed AFTER DELETE ON steps BEGIN
        {_refresh_done("OLD.session_id")}
    END""",
    f"""CREATE TRIGGER done_after_step_changed
        AFTER UPDATE OF session_id, step_index, target_seconds, actual_seconds ON steps BEGIN
        {_refresh_done("OLD.session_id")}
        {_refresh_done("NEW.session_id")}
    END""",
)

SESSIONS = """
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    routine_id TEXT NOT NULL,
    routine_name TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    planned_seconds INTEGER NOT NULL,
    active_seconds REAL NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'running'
        CHECK (status IN ('running', 'completed', 'finished_early', 'interrupted')),
    """ + ",\n    ".join(DONE_COLUMNS_V4) + "\n)"

STEPS = """
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

LOG_ENTRIES = """
CREATE TABLE log_entries (
    session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
    pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),
    stiffness INTEGER CHECK (stiffness BETWEEN 0 AND 10),
    notes TEXT NOT NULL DEFAULT '',
    """ + ",\n    ".join(LOG_COLUMNS_V3) + "\n)"

SESSION_TARGETS = """
CREATE TABLE session_targets (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    exercise_id TEXT NOT NULL,
    sets INTEGER NOT NULL,
    reps INTEGER NOT NULL,
    hold INTEGER,
    effort_steps INTEGER NOT NULL,
    """ + ",\n    ".join(TARGET_COLUMNS_V3) + """,
    PRIMARY KEY (session_id, exercise_id)
)"""

INDEXES = (
    "CREATE INDEX steps_by_session ON steps(session_id, step_index)",
    "CREATE INDEX steps_by_exercise ON steps(exercise_id, session_id)",
    "CREATE INDEX sessions_by_start ON sessions(started_at)",
    "CREATE INDEX targets_by_exercise ON session_targets(exercise_id)",
)

TABLES = (SESSIONS, STEPS, LOG_ENTRIES, SESSION_TARGETS)


def create_current(conn: sqlite3.Connection) -> None:
    """Create the whole current schema on an empty database (inside the caller's transaction)."""
    for statement in (*TABLES, *INDEXES, *DONE_TRIGGERS_V4):
        conn.execute(statement)
