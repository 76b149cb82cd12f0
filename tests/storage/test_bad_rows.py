"""One bad row never hides the others: every row is checked once as it is read; a row that
cannot be used is skipped and named, and the command line shows the rest without a crash."""

from __future__ import annotations

import sqlite3

import pytest

from psoas_desktop.cli import main
from psoas_desktop.storage.export import export_history, read_csv
from psoas_desktop.storage.history import History
from tests.storage.damaged_rows import BAD_SESSIONS, add_step, make


@pytest.mark.parametrize(("what", "column", "value"), BAD_SESSIONS,
                         ids=[b[0] for b in BAD_SESSIONS])
def test_each_bad_session_row_is_skipped_and_named(tmp_path, what, column, value) -> None:
    path = tmp_path / "history.sqlite3"
    make(path, [(what, column, value)])
    history = History(path, recover=False, move_corrupt=False)
    rows = history.sessions()
    assert len(rows) == 3
    (bad,) = history.bad_rows
    assert bad.table == "session" and column.split("_")[0] in bad.reason
    history.close()


def test_all_kinds_at_once_leave_every_good_row(tmp_path, capsys) -> None:
    path = tmp_path / "history.sqlite3"
    make(path, BAD_SESSIONS, good=3)
    assert main(["--data-dir", str(tmp_path), "history", "list"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 3
    assert f"{len(BAD_SESSIONS)} damaged rows" in err and "started_at 'yesterday'" in err
    target = tmp_path / "out.csv"
    assert main(["--data-dir", str(tmp_path), "history", "export", str(target)]) == 0
    sessions, steps = read_csv(target)
    assert len(sessions) == 3 and len(steps) == 3


@pytest.mark.parametrize("ended", ["later", None, 12, "0001-01-01T00:00:00Z"])
def test_a_garbage_step_time_skips_that_step_only(tmp_path, ended) -> None:
    path = tmp_path / "history.sqlite3"
    make(path, [])
    conn = sqlite3.connect(path)
    add_step(conn, 1, ended)
    conn.commit()
    conn.close()
    history = History(path, recover=False)
    rows, skipped = export_history(history, tmp_path / "out.csv")
    assert rows == 3 and len(skipped) == 1 and "ended_at" in skipped[0].reason
    history.close()


@pytest.mark.parametrize(("note", "cast"), [
    (b"caf\xe9", "TEXT"), (b"\xff\xfe", "TEXT"), (b"ok \xc3", "TEXT"), (b"ok \xc3", "BLOB")])
def test_a_note_that_is_not_utf8_is_shown_not_fatal(tmp_path, note, cast) -> None:
    path = tmp_path / "history.sqlite3"
    make(path, [])
    conn = sqlite3.connect(path)
    conn.execute(f"INSERT INTO log_entries (session_id, notes) VALUES (1, CAST(? AS {cast}))",
                 (note,))
    conn.commit()
    conn.close()
    history = History(path, recover=False)
    rows = history.sessions()
    assert len(rows) == 3 and history.bad_rows == ()
    assert "\ufffd" in next(r for r in rows if r.id == 1).log.notes
    history.close()
    assert main(["--data-dir", str(tmp_path), "history", "list"]) == 0


@pytest.mark.parametrize("tz", ["XYZ-25", "ABC+25", "UTC", "America/New_York"])
def test_any_time_zone_lists_the_history(tmp_path, capsys, monkeypatch, tz) -> None:
    import time

    path = tmp_path / "history.sqlite3"
    make(path, [("year 9999", "started_at", "9999-12-31T23:00:00Z")], future_days=(3650,))
    monkeypatch.setenv("TZ", tz)
    time.tzset()
    try:
        assert main(["--data-dir", str(tmp_path), "history", "list"]) == 0
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert len(capsys.readouterr().out.splitlines()) == 4
