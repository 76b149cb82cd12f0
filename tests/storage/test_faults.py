"""Faults: a damaged file is moved aside; a full, read-only or locked file keeps the session
running, with the rows that could not be written kept in memory and written once possible."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from psoas_desktop.core.engine import Session, State
from psoas_desktop.storage.database import raw_connect
from psoas_desktop.storage.history import History
from psoas_desktop.storage.recorder import Recorder

GARBAGE = b"this is not a database, it is a shopping list\n" * 200


def committed_steps(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM steps").fetchone()[0]
    finally:
        conn.close()


def test_a_file_that_is_not_a_database_is_moved_aside_not_deleted(db_path, wall) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(GARBAGE)
    wal = db_path.with_name(db_path.name + "-wal")
    wal.write_bytes(b"junk")
    history = History(db_path, wall_clock=wall)
    assert history.moved_to == db_path.with_name("history.sqlite3.corrupt-20260302T073000Z")
    assert history.moved_to.read_bytes() == GARBAGE
    assert history.moved_to.with_name(history.moved_to.name + "-wal").read_bytes() == b"junk"
    assert str(history.moved_to) in history.notice
    assert history.problem is None and history.sessions() == []
    history.close()


def test_a_damaged_database_is_moved_aside_and_a_second_one_gets_its_own_name(
        db_path, wall) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 200)
    conn.commit()
    conn.close()
    data = bytearray(db_path.read_bytes())
    data[4096:4096 * 3] = b"\xff" * (4096 * 2)  # wreck the table's pages, keep the header
    db_path.write_bytes(bytes(data))
    (db_path.parent / "history.sqlite3.corrupt-20260302T073000Z").write_text("earlier")
    history = History(db_path, wall_clock=wall)
    assert history.moved_to is not None
    assert history.moved_to.name == "history.sqlite3.corrupt-20260302T073000Z-2"
    assert history.moved_to.read_bytes() == bytes(data)
    assert history.sessions() == []
    history.close()


def test_the_command_line_does_not_move_a_damaged_file(db_path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(GARBAGE)
    history = History(db_path, move_corrupt=False)
    assert history.moved_to is None and "damaged" in history.problem
    assert db_path.read_bytes() == GARBAGE


def test_a_full_disk_keeps_rows_in_memory_until_there_is_room(
        db_path, routine, timeline, clock, wall, run_to_end) -> None:
    connections: list[sqlite3.Connection] = []

    def connect(path, timeout):
        connections.append(raw_connect(path, timeout))
        return connections[-1]

    history = History(db_path, wall_clock=wall, connect=connect)
    problems: list[str | None] = []
    history.problem_changed.add(problems.append)
    session = Session(timeline, clock)
    recording = Recorder(history, wall).attach(session, routine, pain_before=2)
    run_to_end(session, until=3)
    (conn,) = connections
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full from here on
    run_to_end(session)

    assert session.state is State.FINISHED  # the session ran to its end regardless
    recording.save_log(pain_after=1, notes="x" * 20000)
    assert "disk is full" in history.problem and problems == [history.problem]
    assert history.pending > 0
    assert history.sessions()[0].status == "running"  # the end was not written either

    conn.execute("PRAGMA max_page_count = 1000000")  # room again
    assert history.flush()
    assert history.pending == 0 and history.problem is None and problems[-1] is None
    (row,) = history.sessions()
    assert row.status == "completed" and len(history.steps(row.id)) == len(timeline.steps)
    assert (row.log.pain_before, row.log.pain_after) == (2, 1)
    history.close()


def test_a_read_only_folder_at_start_keeps_the_whole_session_in_memory(
        db_path, routine, timeline, clock, wall, run_to_end) -> None:
    writable = False

    def connect(path, timeout):
        if not writable:
            raise sqlite3.OperationalError("unable to open database file")
        return raw_connect(path, timeout)

    history = History(db_path, wall_clock=wall, connect=connect)
    assert "Cannot write the history" in history.problem and str(db_path) in history.problem
    session = Session(timeline, clock)
    recording = Recorder(history, wall).attach(session, routine)
    run_to_end(session)
    recording.save_log(pain_after=0)
    assert history.pending == len(timeline.steps) + 3  # start, steps, end, log

    writable = True
    assert history.flush()
    (row,) = history.sessions()
    assert row.status == "completed" and row.started_at == datetime(2026, 3, 2, 7, 30,
                                                                     tzinfo=UTC)
    assert len(history.steps(row.id)) == len(timeline.steps)
    history.close()


def test_a_file_made_read_only_mid_session_is_reopened_once_writable(
        db_path, routine, timeline, clock, wall, run_to_end) -> None:
    read_only = False
    connections: list[sqlite3.Connection] = []

    def connect(path, timeout):
        conn = raw_connect(path, timeout)
        conn.execute(f"PRAGMA query_only = {int(read_only)}")
        connections.append(conn)
        return conn

    history = History(db_path, wall_clock=wall, connect=connect)
    session = Session(timeline, clock)
    Recorder(history, wall).attach(session, routine)
    run_to_end(session, until=4)
    read_only = True  # the disk is remounted read-only: the next write fails
    connections[0].execute("PRAGMA query_only = ON")
    run_to_end(session, until=8)
    assert history.pending == 4 and "readonly" in history.problem
    assert committed_steps(db_path) == 4
    assert session.state is State.RUNNING
    read_only = False
    run_to_end(session)  # the next write opens the file afresh and writes the backlog first
    assert history.pending == 0 and history.problem is None
    assert committed_steps(db_path) == len(timeline.steps)
    assert len(connections) > 2
    history.close()


def test_a_locked_file_waits_briefly_then_buffers(db_path, routine, timeline, clock, wall,
                                                  run_to_end) -> None:
    history = History(db_path, wall_clock=wall, busy_timeout=0.01)
    session = Session(timeline, clock)
    Recorder(history, wall).attach(session, routine)
    run_to_end(session, until=3)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    run_to_end(session, until=6)
    assert history.pending == 3 and "Another program" in history.problem
    other.execute("COMMIT")
    other.close()
    run_to_end(session)
    assert history.pending == 0
    assert committed_steps(db_path) == len(timeline.steps)
    history.close()


def test_ratings_outside_0_to_10_are_refused_before_the_session(history, routine, timeline,
                                                                clock) -> None:
    with pytest.raises(ValueError, match="pain before"):
        Recorder(history).attach(Session(timeline, clock), routine, pain_before=11)


def test_a_row_the_file_refuses_is_dropped_and_told_not_raised(
        history, db_path, routine, timeline, clock, wall, run_to_end) -> None:
    session = Session(timeline, clock)
    Recorder(history, wall).attach(session, routine)
    run_to_end(session, until=2)
    other = sqlite3.connect(db_path)
    other.execute("PRAGMA foreign_keys = ON")
    other.execute("DELETE FROM sessions")  # say, from the sqlite3 tool, mid-session
    other.commit()
    other.close()
    run_to_end(session)
    assert session.state is State.FINISHED
    assert history.dropped == len(timeline.steps) - 2
    assert "could not be saved" in history.problem and history.pending == 0
