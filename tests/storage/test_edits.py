"""Edits from the history view: every failure is one HistoryError, never a raw sqlite3 or text
error that would escape into Qt."""

from __future__ import annotations

import sqlite3

import pytest

from psoas_desktop.core.engine import Session
from psoas_desktop.storage.faults import HistoryError, Kind, classify
from psoas_desktop.storage.recorder import Recorder


def recorded(history, routine, timeline, clock, wall, run_to_end) -> int:
    session = Session(timeline, clock)
    Recorder(history, wall).attach(session, routine)
    run_to_end(session, until=2)
    return history.sessions()[0].id


def test_notes_on_a_session_deleted_meanwhile(history, routine, timeline, clock, wall,
                                              run_to_end) -> None:
    session_id = recorded(history, routine, timeline, clock, wall, run_to_end)
    history.delete_session(session_id)
    with pytest.raises(HistoryError, match="no longer in the history"):
        history.set_notes(session_id, "easier")
    with pytest.raises(HistoryError, match="no longer in the history"):
        history.set_notes(session_id + 1000, "never there")


def test_notes_that_sqlite_cannot_store(history, routine, timeline, clock, wall,
                                        run_to_end) -> None:
    session_id = recorded(history, routine, timeline, clock, wall, run_to_end)
    for bad in ("\ud800", "a\udfffb"):
        with pytest.raises(HistoryError, match="could not be saved"):
            history.set_notes(session_id, bad)
    assert history.session(session_id).log.notes == ""


def test_an_edit_on_a_locked_file(history, db_path, routine, timeline, clock, wall,
                                  run_to_end) -> None:
    session_id = recorded(history, routine, timeline, clock, wall, run_to_end)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(HistoryError, match="Another program"):
            history.set_notes(session_id, "x")
        with pytest.raises(HistoryError, match="Another program"):
            history.delete_session(session_id)
    finally:
        other.execute("ROLLBACK")
        other.close()


@pytest.mark.parametrize(("exc", "kind"), [
    (sqlite3.IntegrityError("FOREIGN KEY constraint failed"), Kind.ROW_REFUSED),
    (UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed"), Kind.ROW_REFUSED),
    (OverflowError("Python int too large to convert to SQLite INTEGER"), Kind.ROW_REFUSED),
    (sqlite3.ProgrammingError("Incorrect number of bindings"), Kind.ROW_REFUSED),
    (sqlite3.OperationalError("attempt to write a readonly database"), Kind.UNWRITABLE),
    (PermissionError(13, "Permission denied"), Kind.UNWRITABLE),
])
def test_errors_are_sorted_in_one_place(exc, kind, tmp_path) -> None:
    assert classify(exc, tmp_path / "h.sqlite3").kind is kind
