"""Schema version 4: the seconds done and the share done live on the session row, filled from
the steps of an older file by the migration and kept true by triggers on every write."""

from __future__ import annotations

import sqlite3

from psoas_desktop.storage.history import History
from psoas_desktop.storage.migrations import create_v3
from psoas_desktop.storage.schema import SCHEMA_VERSION

# Session 1: a step done, one redone (best try counts), one run over its plan (capped);
# session 2: one step skipped after 3.5 s; session 3: no steps at all, plan of no length.
V3_ROWS = """
    INSERT INTO sessions VALUES (1, 'psoas-strength', 'Strength', '2025-01-06T08:00:00Z',
        '2025-01-06T08:13:00Z', 100, 95.5, 'completed');
    INSERT INTO sessions VALUES (2, 'psoas-stretch', 'Stretch', '2025-01-07T08:00:00Z',
        NULL, 40, 3.5, 'interrupted');
    INSERT INTO sessions VALUES (3, 'psoas-stretch', 'Stretch', '2025-01-08T08:00:00Z',
        NULL, 0, 0, 'running');
    INSERT INTO steps VALUES (1, 1, 0, 'prepare', 'a', NULL, NULL, NULL, NULL, NULL,
        'Get ready', 10, 10, 0, '2025-01-06T08:00:10Z');
    INSERT INTO steps VALUES (2, 1, 1, 'hold', 'a', 'left', 1, 2, 1, 4, 'Hold', 30, 12, 1,
        '2025-01-06T08:00:22Z');
    INSERT INTO steps VALUES (3, 1, 1, 'hold', 'a', 'left', 1, 2, 1, 4, 'Hold', 30, 30, 0,
        '2025-01-06T08:00:52Z');
    INSERT INTO steps VALUES (4, 1, 2, 'rest', NULL, NULL, NULL, NULL, NULL, NULL, 'Rest',
        20, 26.5, 0, '2025-01-06T08:01:19Z');
    INSERT INTO steps VALUES (5, 2, 0, 'prepare', 'b', NULL, NULL, NULL, NULL, NULL,
        'Get ready', 10, 3.5, 1, '2025-01-07T08:00:04Z');
    INSERT INTO log_entries (session_id, pain_before, pain_after, stiffness, notes, task)
        VALUES (1, 3, 2, 4, 'steady', 'Tying shoes');
    INSERT INTO session_targets VALUES (1, 'a', 2, 4, 5, 8, 12.5, 'kg');
"""


def make_v3_with_data(path) -> None:
    conn = sqlite3.connect(path)
    create_v3(conn)
    conn.executescript(V3_ROWS)
    conn.commit()
    conn.close()


def dump(path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, the columns version 3 had, in id order."""
    conn = sqlite3.connect(path)
    try:
        return {table: conn.execute(f"SELECT {columns} FROM {table} ORDER BY 1, 2").fetchall()
                for table, columns in (
                    ("sessions", "id, routine_id, routine_name, started_at, ended_at,"
                                 " planned_seconds, active_seconds, status"),
                    ("steps", "*"), ("log_entries", "*"), ("session_targets", "*"))}
    finally:
        conn.close()


def test_v3_to_v4_keeps_every_row_and_fills_the_done_figures(tmp_path) -> None:
    path = tmp_path / "v3.sqlite3"
    make_v3_with_data(path)
    before = dump(path)
    History(path, recover=False).close()
    assert dump(path) == before  # not one row lost or changed
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    stored = conn.execute("SELECT id, done_seconds, done_share FROM sessions ORDER BY id")
    # 10 + best of (12, 30) + 20 capped from 26.5 = 60 of 100; 3.5 of 40; nothing of nothing.
    assert stored.fetchall() == [(1, 60.0, 0.6), (2, 3.5, 3.5 / 40), (3, 0.0, 0.0)]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    history = History(path, recover=False)
    first, second, third = history.sessions(newest_first=False)
    assert (first.done_seconds, first.done_fraction) == (60, 0.6)
    assert first.log.notes == "steady" and first.log.details.task == "Tying shoes"
    assert second.done_seconds == 4 and third.done_fraction == 0.0  # 3.5 rounds as it did
    history.close()


def test_the_stored_figures_follow_every_write_of_a_step(tmp_path) -> None:
    path = tmp_path / "v3.sqlite3"
    make_v3_with_data(path)
    History(path, recover=False).close()
    conn = sqlite3.connect(path)

    def done(session_id: int) -> float:
        return conn.execute("SELECT done_seconds FROM sessions WHERE id = ?",
                            (session_id,)).fetchone()[0]

    # Another try at step 0 of session 2, a better one, then a worse one.
    add = ("INSERT INTO steps (session_id, step_index, kind, target_seconds, actual_seconds,"
           " skipped, ended_at) VALUES (2, 0, 'prepare', 10, ?, 0, '2025-01-07T08:01:00Z')")
    conn.execute(add, (8.0,))
    assert done(2) == 8.0
    conn.execute(add, (1.0,))
    assert done(2) == 8.0  # the best try counts
    conn.execute("UPDATE steps SET actual_seconds = 30 WHERE id = 2")  # 12 -> 30: still 30
    assert done(1) == 60.0
    conn.execute("UPDATE steps SET actual_seconds = 5 WHERE id = 3")  # best now 12
    assert done(1) == 10 + 30 + 20  # row 2 was raised to 30 above
    conn.execute("DELETE FROM steps WHERE id IN (2, 3)")
    assert done(1) == 30.0
    conn.execute("UPDATE steps SET session_id = 3 WHERE id = 4")  # moved between sessions
    assert (done(1), done(3)) == (10.0, 20.0)
    assert conn.execute("SELECT done_share FROM sessions WHERE id = 3").fetchone()[0] == 0.0
    conn.execute("UPDATE sessions SET planned_seconds = 40 WHERE id = 3")
    assert conn.execute("SELECT done_share FROM sessions WHERE id = 3").fetchone()[0] == 0.5
    conn.close()


def test_a_fresh_file_keeps_them_as_the_app_records(tmp_path, timeline, wall) -> None:
    history = History(tmp_path / "history.sqlite3", wall_clock=wall)
    ref = history.start_session("r", "Routine", wall(), timeline.total_seconds)
    step = timeline.steps[0]
    history.add_step(ref, 0, step, step.seconds, skipped=False, ended_at=wall())
    (row,) = history.sessions()
    assert row.done_seconds == step.seconds
    share = history.read(lambda c: c.execute("SELECT done_share FROM sessions").fetchone()[0])
    assert share == row.done_fraction
    history.close()


def test_listing_the_sessions_reads_no_step_rows(tmp_path) -> None:
    from psoas_desktop.storage import queries

    path = tmp_path / "v3.sqlite3"
    make_v3_with_data(path)
    History(path, recover=False).close()
    conn = sqlite3.connect(path)
    read: set[str] = set()

    def note(action: int, table: str | None, *_: object) -> int:
        if action == sqlite3.SQLITE_READ and table:
            read.add(table)
        return sqlite3.SQLITE_OK

    conn.set_authorizer(note)
    assert len(queries.sessions(conn)) == 3
    assert "sessions" in read and "steps" not in read
    conn.close()
