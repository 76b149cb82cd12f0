"""Storage faults met through the app's own objects (the MainWindow, and the HistoryLink that
app.py builds after first paint): the user is told in plain words, the session runs on, nothing
recorded is lost and nothing is deleted."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from psoas_desktop import app
from psoas_desktop.core.engine import Session, State
from psoas_desktop.core.timeline import build_timeline
from psoas_desktop.storage.database import raw_connect
from psoas_desktop.storage.history import History
from psoas_desktop.storage.paths import AppPaths
from psoas_desktop.storage.recorder import Recorder
from psoas_desktop.ui.history_link import HistoryLink
from psoas_desktop.ui.log_dialog import LogDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

LOCKER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")  # holds the write lock until killed
print("locked", flush=True)
time.sleep(300)
"""


def rows(path: Path) -> list[tuple[int, str, int]]:
    """(id, status, steps) of each session, read as another program would."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT id, status, (SELECT count(*) FROM steps WHERE session_id ="
                            " sessions.id) FROM sessions ORDER BY id").fetchall()
    finally:
        conn.close()


def link_as_the_app_does(window, book, paths: AppPaths) -> HistoryLink:
    app._link_history(window, book, paths)
    link = window.findChild(HistoryLink)
    assert link is not None
    return link


def status_text(link: HistoryLink) -> str:
    return link.storage_status.text() if link.storage_status.isVisibleTo(link.window) else ""


def test_the_end_is_written_before_the_log_dialog_asks(window, book, clock, tmp_path,
                                                       monkeypatch, run) -> None:
    # The dialog runs a nested event loop: a kill or logout while it is open must not leave a
    # completed session 'running' (the next start would call it interrupted).
    path = tmp_path / "history.sqlite3"
    link = HistoryLink(window, History(path), book)
    seen: list[list] = []
    monkeypatch.setattr(LogDialog, "ask", classmethod(
        lambda cls, parent=None, pain=None, *more: seen.append(rows(path))))
    window.start_session()
    run(window, clock)
    window.controller.new_session()
    window.start_session()
    run(window, clock, 3)
    window.controller.finish()
    steps = len(window.session.timeline.steps)
    assert seen == [[(1, "completed", steps)], [(1, "completed", steps),
                                                 (2, "finished_early", 4)]]
    link.close()


def record_sessions(book, path: Path, count: int) -> None:
    """`count` sessions of six steps, finished early, recorded as the app records them."""
    clock = [0.0]
    history = History(path)
    routine = book.get("psoas-stretch")
    for _ in range(count):
        session = Session(build_timeline(routine, rests=book.rests), lambda: clock[0])
        Recorder(history).attach(session, routine)
        session.start()
        for _ in range(5):
            session.next()
        session.finish()
    history.close()


@pytest.mark.parametrize("damage", ["truncated", "cut to its header", "pages overwritten"])
def test_a_damaged_history_is_moved_aside_and_the_user_told_where(
        window, book, clock, tmp_path, run, no_log_dialog, damage) -> None:
    paths = AppPaths(tmp_path / "config", tmp_path / "data")
    record_sessions(book, paths.history_db, 30)
    data = paths.history_db.read_bytes()
    if damage == "truncated":
        data = data[:len(data) // 2]
    elif damage == "cut to its header":
        data = data[:100]
    else:
        data = data[:4096] + b"\xff" * (len(data) - 4096)
    paths.history_db.write_bytes(data)

    link = link_as_the_app_does(window, book, paths)
    moved = link.history.moved_to
    assert moved is not None and moved.parent == paths.data_dir
    assert moved.name.startswith("history.sqlite3.corrupt-20")  # a timestamp, UTC
    assert moved.read_bytes() == data  # kept exactly as found
    (box,) = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert str(moved) in box.text() and "damaged" in box.text()
    box.close()
    # A fresh history takes the next session.
    window.start_session()
    run(window, clock)
    assert rows(paths.history_db) == [(1, "completed", len(window.session.timeline.steps))]
    assert sorted(p.name for p in paths.data_dir.iterdir() if "-wal" not in p.name
                  and "-shm" not in p.name) == ["history.sqlite3", moved.name]
    link.close()


def test_a_lock_held_by_another_process_neither_freezes_nor_loses(
        window, book, clock, tmp_path, child, run, no_log_dialog) -> None:
    paths = AppPaths(tmp_path / "config", tmp_path / "data")
    record_sessions(book, paths.history_db, 1)
    link = link_as_the_app_does(window, book, paths)
    locker = child([sys.executable, "-c", LOCKER, str(paths.history_db)])
    locker.wait_for("locked")

    waited: list[float] = []  # seconds each write stalled the event loop
    submit = link.history.submit

    def timed(operation) -> bool:
        started = time.monotonic()
        try:
            return submit(operation)
        finally:
            waited.append(time.monotonic() - started)

    link.history.submit = timed
    window.start_session()
    steps = len(window.session.timeline.steps)
    run(window, clock)  # every write meets the lock
    assert window.session.state is State.FINISHED
    assert "Another program is using the history file" in status_text(link)
    # A write that waits for the lock stalls the countdown: the app waits briefly, then only
    # queues until its retry time, rather than stalling at every step end.
    assert len(waited) == steps + 2
    assert sum(waited) < app.HISTORY_BUSY_TIMEOUT * 2 + 0.5, (
        f"{steps} steps stalled {sum(waited):.1f} s against a held lock")
    assert link.history.pending == steps + 2  # the session row, its steps, its end

    locker.kill()  # the other program lets go (a killed holder's lock is released too)
    assert link.history.flush()  # as the link's timer does
    assert status_text(link) == "" and link.history.pending == 0
    assert rows(paths.history_db) == [(1, "finished_early", 6), (2, "completed", steps)]
    link.close()


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make `folder` and its files unwritable, even for root (who ignores modes): chattr +i."""
    files = [folder, *folder.iterdir()]
    root = os.geteuid() == 0
    if root:
        result = subprocess.run(["chattr", "+i", *map(str, files)], capture_output=True,
                                check=False)
        if result.returncode != 0:
            pytest.skip(f"running as root and chattr +i fails: {result.stderr.decode()}")
    else:
        for file in files:
            file.chmod(0o555 if file.is_dir() else 0o444)
    try:
        yield
    finally:
        if root:
            subprocess.run(["chattr", "-i", *map(str, files)], check=True)
        else:
            for file in files:
                file.chmod(0o700 if file.is_dir() else 0o600)


def test_a_read_only_data_folder_keeps_the_session_in_memory(
        window, book, clock, tmp_path, run, no_log_dialog) -> None:
    paths = AppPaths(tmp_path / "config", tmp_path / "data")
    record_sessions(book, paths.history_db, 2)
    before = paths.history_db.read_bytes()
    with read_only(paths.data_dir):
        link = link_as_the_app_does(window, book, paths)  # must not raise: suggestions too
        assert str(paths.history_db) in status_text(link)
        window.start_session()
        steps = len(window.session.timeline.steps)
        run(window, clock)
        assert window.session.state is State.FINISHED
        assert link.history.pending == steps + 2
        assert not link.history.flush()
        assert paths.history_db.read_bytes() == before  # untouched, not deleted
    assert link.history.flush()  # writable again: the whole session is written
    assert status_text(link) == ""
    assert rows(paths.history_db) == [(1, "finished_early", 6), (2, "finished_early", 6),
                                      (3, "completed", steps)]
    link.close()


def test_a_full_disk_is_told_and_the_session_runs_on(window, book, clock, tmp_path,
                                                     run, no_log_dialog) -> None:
    path = tmp_path / "history.sqlite3"
    connections: list[sqlite3.Connection] = []

    def connect(where: Path, timeout: float) -> sqlite3.Connection:
        connections.append(raw_connect(where, timeout))
        return connections[-1]

    link = HistoryLink(window, History(path, connect=connect), book)
    window.start_session()
    steps = len(window.session.timeline.steps)
    run(window, clock, 3)
    (conn,) = connections
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")  # no room from here on
    run(window, clock)
    assert window.session.state is State.FINISHED
    assert status_text(link).startswith("The disk is full")
    conn.execute("PRAGMA max_page_count = 1000000")  # room again
    assert link.history.flush()
    assert status_text(link) == ""
    assert rows(path) == [(1, "completed", steps)]
    link.close()
