"""Bad input anywhere on the command line: a wrong path, a folder for a file, a damaged, foreign
or newer history, an impossible number, a name too long for the system. Each gives a plain
message and an exit code, never a traceback, and a damaged file is left exactly as it was."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from psoas_desktop.cli import main
from psoas_desktop.storage.history import History

TOO_LONG = "x" * 300  # longer than a file name may be (255 on Linux)


def recorded(folder: Path) -> None:
    history = History(folder / "history.sqlite3")
    ref = history.start_session("psoas-stretch", "Psoas stretch", datetime.now(UTC), 900)
    history.end_session(ref, "completed", datetime.now(UTC), 900)
    history.close()


def sqlite_file(folder: Path, *sql: str) -> None:
    folder.mkdir(parents=True)
    conn = sqlite3.connect(folder / "history.sqlite3")
    for statement in sql:
        conn.execute(statement)
    conn.commit()
    conn.close()


def garbage(folder: Path) -> None:
    (folder / "history.sqlite3").write_bytes(b"my shopping list\n" * 300)


def truncated(folder: Path) -> None:
    recorded(folder)
    data = (folder / "history.sqlite3").read_bytes()
    (folder / "history.sqlite3").write_bytes(data[:len(data) // 2])


# (name, prepare the folder T, arguments with {T} for it, exit code, words the message holds)
CASES: list[tuple[str, Callable[[Path], object], list[str], int, str]] = [
    ("validate a folder", lambda t: None, ["validate", "{T}"], 1, "cannot be read"),
    ("validate a missing file", lambda t: None, ["validate", "{T}/none.json"], 1,
     "cannot be read"),
    ("validate an empty file", lambda t: (t / "e.json").write_text(""),
     ["validate", "{T}/e.json"], 1, "empty"),
    ("validate bytes that are not UTF-8", lambda t: (t / "b.json").write_bytes(b"\xff\xfe{"),
     ["validate", "{T}/b.json"], 1, "not UTF-8"),
    ("validate a name too long", lambda t: None, ["validate", f"{{T}}/{TOO_LONG}"], 1,
     "File name too long"),
    ("validate a named pipe", lambda t: os.mkfifo(t / "p.json"), ["validate", "{T}/p.json"], 1,
     "not a regular file"),
    ("--routines a named pipe", lambda t: os.mkfifo(t / "p.json"),
     ["--routines", "{T}/p.json", "routines"], 2, "not a regular file"),
    ("own routines.json is a named pipe", lambda t: os.mkfifo(t / "routines.json"),
     ["--config-dir", "{T}", "routines"], 0, "not a regular file"),
    ("--routines a folder", lambda t: None, ["--routines", "{T}", "routines"], 0,
     "refused"),
    ("--routines missing", lambda t: None, ["--routines", "{T}/gone.json", "routines"], 2,
     "no such file"),
    ("own routines.json is a folder", lambda t: (t / "routines.json").mkdir(),
     ["--config-dir", "{T}", "routines"], 0, "refused"),
    ("--config-dir is a file", lambda t: (t / "f").write_text("x"),
     ["--config-dir", "{T}/f", "routines"], 0, ""),
    ("--config-dir too long", lambda t: None, ["--config-dir", f"{{T}}/{TOO_LONG}", "routines"],
     1, "File name too long"),
    ("plan an unknown routine", lambda t: None, ["plan", "yoga"], 2, "no routine 'yoga'"),
    ("plan an empty id", lambda t: None, ["plan", ""], 2, "no routine ''"),
    ("history in a data dir that is a file", lambda t: (t / "f").write_text("x"),
     ["--data-dir", "{T}/f", "history", "list"], 0, "No sessions recorded yet"),
    ("history file is a folder", lambda t: (t / "history.sqlite3").mkdir(),
     ["--data-dir", "{T}", "history", "list"], 1, "Is a directory"),
    ("history file is not a database", garbage, ["--data-dir", "{T}", "history", "list"], 1,
     "damaged or not a history"),
    ("history file truncated", truncated, ["--data-dir", "{T}", "history", "list"], 1,
     "damaged"),
    ("history of a newer version", lambda t: sqlite_file(
        t / "d", "CREATE TABLE sessions (id)", "PRAGMA user_version = 999"),
     ["--data-dir", "{T}/d", "history", "list"], 1, "newer Psoas Desktop"),
    ("another program's database", lambda t: sqlite_file(t / "d", "CREATE TABLE recipes (x)"),
     ["--data-dir", "{T}/d", "history", "export", "{T}/out.csv"], 1,
     "not a Psoas Desktop history"),
    ("--data-dir too long", lambda t: None, ["--data-dir", f"{{T}}/{TOO_LONG}", "history",
                                             "list"], 1, "File name too long"),
    ("--limit 0", recorded, ["--data-dir", "{T}", "history", "list", "--limit", "0"], 2,
     "1 or more"),
    ("--limit -3", recorded, ["--data-dir", "{T}", "history", "list", "--limit", "-3"], 2,
     "1 or more"),
    ("--limit words", recorded, ["--data-dir", "{T}", "history", "list", "--limit", "ten"],
     2, "not a whole number"),
    ("--limit beyond 64 bits", recorded,
     ["--data-dir", "{T}", "history", "list", "--limit", "9" * 30], 0, ""),
    ("export with no history yet", lambda t: None,
     ["--data-dir", "{T}", "history", "export", "{T}/out.csv"], 1, "no history yet"),
    ("export onto a folder", recorded,
     ["--data-dir", "{T}", "history", "export", "{T}"], 1, "Is a directory"),
    ("export into a missing folder", recorded,
     ["--data-dir", "{T}", "history", "export", "{T}/no/such/out.csv"], 1,
     "No such file or directory"),
    ("history with no action", lambda t: None, ["history"], 2, "required"),
    ("an unknown command", lambda t: None, ["dance"], 2, "invalid choice"),
]


@pytest.mark.parametrize(("prepare", "argv", "code", "words"),
                         [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_bad_input_gives_a_message_not_a_traceback(tmp_path, capsys, monkeypatch, prepare,
                                                   argv, code, words) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    prepare(tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("history.sqlite3") if p.is_file()}
    assert main([arg.replace("{T}", str(tmp_path)) for arg in argv]) == code
    err = capsys.readouterr().err
    assert "Traceback" not in err and "internal error" not in err
    assert words in err
    assert len(err.splitlines()) <= 2  # a line, and perhaps what to do about it
    # The command line never moves, repairs or deletes a history, even a damaged one.
    assert {p: p.read_bytes() for p in before} == before


@pytest.mark.parametrize("argv", [["history", "list", "--limit", "9" * 30],
                                  ["--data-dir", TOO_LONG * 2, "history", "list"],
                                  ["validate", "/"]])
def test_the_real_entry_point_shows_no_traceback(tmp_path, argv) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "psoas_desktop", "--config-dir", str(tmp_path / "c"), *argv],
        capture_output=True, text=True, timeout=60, check=False,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)})
    assert result.returncode in (0, 1, 2)
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) <= 2


def test_an_unexpected_bug_is_one_line_unless_debugging(monkeypatch, capsys) -> None:
    def broken(argv=None) -> int:
        raise RuntimeError("the bug")

    monkeypatch.setattr("psoas_desktop.cli.run", broken)
    assert main([]) == 70
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "RuntimeError: the bug" in err and "PSOAS_DEBUG" in err
    monkeypatch.setenv("PSOAS_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main([])


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252"])
@pytest.mark.parametrize("command", [["routines"], ["plan", "own-routine"]])
def test_output_that_is_not_utf8_still_prints_every_name(tmp_path, encoding, command) -> None:
    import json

    doc = {"routines": [{"id": "own-routine", "name": "Étirement du psoas 痛み",
                         "exercises": ["glute-bridge"]}]}
    routines = tmp_path / "mine.json"
    routines.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    result = subprocess.run(
        [sys.executable, "-m", "psoas_desktop", "--config-dir", str(tmp_path / "c"),
         "--routines", str(routines), *command],
        capture_output=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert b"psoas" in result.stdout.lower() and b"Traceback" not in result.stderr
