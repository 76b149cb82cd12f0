"""CSV export: a round trip gives back every session and step; the command line lists and
exports, and every mistake or fault is one line on stderr with no traceback."""

from __future__ import annotations

import csv
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from psoas_desktop.cli import main
from psoas_desktop.core.engine import Session
from psoas_desktop.core.timeline import build_timeline
from psoas_desktop.storage.export import COLUMNS, export_history, read_csv
from psoas_desktop.storage.recorder import Recorder

AWKWARD_NOTES = 'left hip "clicky", better after\nthe release; 痛みなし, =SUM(A1)'


@pytest.fixture
def recorded(history, book, clock, wall, run_to_end):
    """Three sessions on three days: complete with awkward notes, finished early, no steps."""
    for routine_id, stop in (("psoas-strength", None), ("psoas-stretch", 7)):
        routine = book.get(routine_id)
        session = Session(build_timeline(routine, rests=book.rests), clock)
        recording = Recorder(history, wall).attach(session, routine, pain_before=5)
        run_to_end(session, until=stop)
        session.finish()
        recording.save_log(pain_after=3, stiffness=2,
                           notes=AWKWARD_NOTES if stop is None else "")
        wall.start += timedelta(days=1)
    history.start_session("strength-then-stretch", "Both", wall(), 981)
    return history


def test_csv_round_trip_gives_back_every_session_and_step(recorded, tmp_path) -> None:
    out = tmp_path / "export.csv"
    rows = export_history(recorded, out)
    sessions, steps = read_csv(out)
    assert sessions == recorded.sessions(newest_first=False)
    assert steps == recorded.all_steps()
    assert rows == len(steps) + 1  # the session with no steps still has its row
    assert sessions[0].log.notes == AWKWARD_NOTES
    assert [s.status for s in sessions] == ["completed", "finished_early", "running"]


def test_csv_columns_are_the_documented_ones(recorded, tmp_path) -> None:
    out = tmp_path / "export.csv"
    export_history(recorded, out)
    with open(out, newline="", encoding="utf-8") as file:
        header = next(csv.reader(file))
    assert tuple(header) == COLUMNS
    doc = Path(__file__).parents[2] / "docs" / "history-schema.md"
    text = doc.read_text(encoding="utf-8")
    for column in COLUMNS:
        assert f"`{column}`" in text, column


def cli(tmp_path, *args: str) -> list[str]:
    return ["--config-dir", str(tmp_path / "config"), "--data-dir", str(tmp_path / "data"),
            "history", *args]


def test_history_list_prints_one_session_a_line_newest_first(recorded, tmp_path,
                                                            capsys) -> None:
    assert main(cli(tmp_path, "list")) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert "strength-then-stretch" in lines[0] and "running" in lines[0]
    assert "psoas-stretch" in lines[1] and "finished early" in lines[1]
    assert "psoas-strength" in lines[2] and "12:27" in lines[2] and "100% done" in lines[2]
    assert "pain 5->3" in lines[2]
    assert main(cli(tmp_path, "list", "--limit", "1")) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_history_export_writes_the_csv(recorded, tmp_path, capsys) -> None:
    out = tmp_path / "out.csv"
    assert main(cli(tmp_path, "export", str(out))) == 0
    assert "Wrote" in capsys.readouterr().err
    sessions, _ = read_csv(out)
    assert len(sessions) == 3


@pytest.mark.parametrize(("setup", "args", "code", "message"), [
    (None, ("list",), 0, "No sessions recorded yet"),
    (None, ("export", "x.csv"), 1, "no history yet"),
    ("garbage", ("list",), 1, "damaged"),
    ("newer", ("list",), 1, "newer Psoas Desktop"),
    ("history", ("export", "missing-dir/x.csv"), 1, "cannot write"),
    ("history", ("list", "--limit", "0"), 2, "--limit"),
])
def test_history_mistakes_and_faults_are_one_line(tmp_path, capsys, monkeypatch, setup, args,
                                                  code, message) -> None:
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "data"
    if setup == "garbage":
        data.mkdir()
        (data / "history.sqlite3").write_bytes(b"not a database" * 100)
    elif setup == "newer":
        data.mkdir()
        conn = sqlite3.connect(data / "history.sqlite3")
        conn.execute("PRAGMA user_version = 99")
        conn.close()
    elif setup == "history":
        from psoas_desktop.storage.history import History

        History(data / "history.sqlite3").close()
    assert main(cli(tmp_path, *args)) == code
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "kept in memory" not in err
    if setup == "garbage":
        assert (data / "history.sqlite3").read_bytes() == b"not a database" * 100
