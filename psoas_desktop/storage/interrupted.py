"""Sessions a crash or kill left 'running' are kept, marked interrupted, when the app opens the
history (never the command line, which may run beside a session being recorded)."""

from __future__ import annotations

import sqlite3

from psoas_desktop.storage.database import transaction


def mark_interrupted(conn: sqlite3.Connection) -> int:
    """Mark every running session interrupted, with the end and active time its recorded
    steps show; returns how many there were."""
    with transaction(conn):
        cursor = conn.execute("""
            UPDATE sessions SET status = 'interrupted',
                ended_at = COALESCE(
                    (SELECT MAX(ended_at) FROM steps WHERE session_id = sessions.id),
                    started_at),
                active_seconds = COALESCE(
                    (SELECT SUM(actual_seconds) FROM steps WHERE session_id = sessions.id),
                    0)
            WHERE status = 'running'""")
    return cursor.rowcount
