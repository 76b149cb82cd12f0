"""Rows still waiting when the app quits are kept in a side file and written at the next start."""

from __future__ import annotations

import sqlite3
import stat

from psoas_desktop.core.engine import Session, State
from psoas_desktop.storage import kept_rows
from psoas_desktop.storage.database import raw_connect
from psoas_desktop.storage.history import History
from psoas_desktop.storage.recorder import Recorder


def record_whole_session(history, routine, timeline, clock, wall, run_to_end) -> None:
    session = Session(timeline, clock)
    recording = Recorder(history, wall).attach(session, routine, pain_before=4)
    run_to_end(session)
    assert session.state is State.FINISHED
    recording.save_log(pain_after=2, notes="kept through a fault")


def assert_whole_session(db_path, timeline, wall, kept: int) -> None:
    history = History(db_path, wall_clock=wall)
    (row,) = history.sessions()
    assert row.status == "completed" and row.log.notes == "kept through a fault"
    assert (row.log.pain_before, row.log.pain_after) == (4, 2)
    assert len(history.steps(row.id)) == len(timeline.steps)
    assert history.merged == kept
    history.close()
    assert not list(db_path.parent.glob(f"*{kept_rows.SUFFIX}"))


def test_a_full_disk_at_quit(db_path, routine, timeline, clock, wall, run_to_end) -> None:
    conns: list[sqlite3.Connection] = []

    def connect(path, timeout):
        conns.append(raw_connect(path, timeout))
        return conns[-1]

    history = History(db_path, wall_clock=wall, connect=connect)
    (conn,) = conns
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    record_whole_session(history, routine, timeline, clock, wall, run_to_end)
    kept = history.pending
    assert kept > 0
    history.close()
    side = history.kept_at
    assert side == kept_rows.side_file(db_path)
    assert stat.S_IMODE(side.stat().st_mode) == 0o600
    assert_whole_session(db_path, timeline, wall, kept)


def test_a_file_that_cannot_be_opened_at_all(db_path, routine, timeline, clock, wall,
                                             run_to_end) -> None:
    def refuse(path, timeout):
        raise sqlite3.OperationalError("unable to open database file")

    history = History(db_path, wall_clock=wall, connect=refuse)
    record_whole_session(history, routine, timeline, clock, wall, run_to_end)
    history.close()
    assert history.kept_at is not None
    # Still unopenable at the next start: the rows stay kept, none are lost.
    again = History(db_path, wall_clock=wall, connect=refuse)
    assert again.merged == 0 and again.pending == len(timeline.steps) + 3
    again.close()
    assert again.kept_at == history.kept_at
    assert_whole_session(db_path, timeline, wall, len(timeline.steps) + 3)


def test_a_locked_file_at_quit(db_path, routine, timeline, clock, wall, run_to_end) -> None:
    history = History(db_path, wall_clock=wall, busy_timeout=0.01)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    record_whole_session(history, routine, timeline, clock, wall, run_to_end)
    history.close()
    other.execute("ROLLBACK")
    other.close()
    assert history.kept_at is not None
    assert_whole_session(db_path, timeline, wall, len(timeline.steps) + 3)


def test_the_side_file_goes_to_a_fallback_folder(db_path, tmp_path, routine, timeline, clock,
                                                 wall, run_to_end) -> None:
    def refuse(path, timeout):
        raise sqlite3.OperationalError("unable to open database file")

    db_path.parent.mkdir(parents=True)
    kept_rows.side_file(db_path).mkdir()  # the place beside the history cannot take a file
    cache = tmp_path / "cache"
    history = History(db_path, wall_clock=wall, connect=refuse, keep_folders=[cache])
    record_whole_session(history, routine, timeline, clock, wall, run_to_end)
    history.close()
    assert history.kept_at == kept_rows.side_file(db_path, cache)
    kept_rows.side_file(db_path).rmdir()
    reopened = History(db_path, wall_clock=wall, keep_folders=[cache])
    (row,) = reopened.sessions()
    assert row.status == "completed" and len(reopened.steps(row.id)) == len(timeline.steps)
    reopened.close()
    assert not history.kept_at.exists()


def test_the_command_line_never_merges(db_path, routine, timeline, clock, wall,
                                       run_to_end) -> None:
    def refuse(path, timeout):
        raise sqlite3.OperationalError("unable to open database file")

    history = History(db_path, wall_clock=wall, connect=refuse)
    record_whole_session(history, routine, timeline, clock, wall, run_to_end)
    history.close()
    cli = History(db_path, recover=False, move_corrupt=False)
    assert cli.sessions() == [] and cli.merged == 0
    cli.close()
    assert history.kept_at.exists()
