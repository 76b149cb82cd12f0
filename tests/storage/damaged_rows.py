"""A history holding rows no version of the app writes (edited by hand, damaged, or written by
another tool): the tables are rebuilt without their checks so anything can be put in."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from psoas_desktop.storage.history import History
from psoas_desktop.storage.schema import DONE_TRIGGERS_V4

GOOD = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)

# (what is wrong, the column, the value put there)
BAD_SESSIONS = [
    ("a word for a date", "started_at", "yesterday"),
    ("no date at all", "started_at", None),
    ("year 1", "started_at", "0001-01-01T00:00:00Z"),
    ("year 9999", "started_at", "9999-12-31T23:00:00Z"),
    ("text in planned seconds", "planned_seconds", "ten"),
    ("text in active seconds", "active_seconds", "lots"),
    ("infinity", "active_seconds", float("inf")),
    ("no routine id", "routine_id", None),
    ("a garbage end", "ended_at", "soon"),
]


def loosen(conn: sqlite3.Connection) -> None:
    """Rebuild sessions and steps without NOT NULL or CHECK, keeping the schema version."""
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA legacy_alter_table = ON")
    for table in ("sessions", "steps"):
        info = conn.execute(f"PRAGMA table_info({table})").fetchall()
        columns = [row[1] for row in info]
        # Defaults are kept: a column the app's writes leave out (done_seconds) still gets one.
        loose = [f"{row[1]}" + (f" DEFAULT {row[4]}" if row[4] is not None else "")
                 for row in info[1:]]
        conn.execute(f"ALTER TABLE {table} RENAME TO old_{table}")
        conn.execute(f"CREATE TABLE {table} ({columns[0]} INTEGER PRIMARY KEY, "
                     f"{', '.join(loose)})")
        conn.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(columns)}"
                     f" FROM old_{table}")
        conn.execute(f"DROP TABLE old_{table}")
    for trigger in DONE_TRIGGERS_V4:  # dropped with the old steps table
        conn.execute(trigger)
    conn.commit()


def add_session(conn: sqlite3.Connection, started: object, **values: object) -> int:
    row = {"routine_id": "psoas-strength", "routine_name": "Psoas strength",
           "started_at": started, "ended_at": None, "planned_seconds": 600,
           "active_seconds": 300.0, "status": "completed", **values}
    cursor = conn.execute(f"INSERT INTO sessions ({', '.join(row)}) VALUES "
                          f"({', '.join('?' * len(row))})", tuple(row.values()))
    return cursor.lastrowid or 0


def add_step(conn: sqlite3.Connection, session_id: int, ended: object) -> None:
    conn.execute("INSERT INTO steps (session_id, step_index, kind, exercise_id, target_seconds,"
                 " actual_seconds, skipped, ended_at) VALUES (?, 0, 'hold', 'glute-bridge', 10,"
                 " 10.0, 0, ?)", (session_id, ended))


def make(path: Path, bad: list[tuple[str, str, object]], good: int = 3,
         future_days: tuple[int, ...] = ()) -> None:
    """`good` sound sessions, one more per `bad` entry, and sound ones `future_days` ahead."""
    History(path).close()
    conn = sqlite3.connect(path)
    loosen(conn)
    for n in range(good):
        session_id = add_session(conn, (GOOD + timedelta(days=n)).strftime("%Y-%m-%dT%H:%M:%SZ"))
        add_step(conn, session_id, (GOOD + timedelta(days=n, minutes=1)).strftime(
            "%Y-%m-%dT%H:%M:%SZ"))
    for days in future_days:
        moment = datetime.now(UTC) + timedelta(days=days)
        add_session(conn, moment.strftime("%Y-%m-%dT%H:%M:%SZ"))
    for _, column, value in bad:
        values = {column: value}
        started = values.pop("started_at", "2026-03-10T07:00:00Z")
        add_session(conn, started, **values)
    conn.commit()
    conn.close()
