"""`history export` writes safely whatever its target is: regular files atomically and only
with --force when one is there; links, pipes and devices written into, never replaced; `-` for
standard output; and no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import os
import stat
import subprocess
import sys
import threading
from datetime import UTC, datetime

import pytest

from psoas_desktop.cli import main
from psoas_desktop.storage.export import COLUMNS, read_csv
from psoas_desktop.storage.history import History

WHEN = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)


@pytest.fixture
def data(tmp_path):
    history = History(tmp_path / "history.sqlite3")
    history.start_session("psoas-strength", "Psoas strength", WHEN, 600)
    history.close()
    return tmp_path


def export(data, target, *extra) -> int:
    return main(["--data-dir", str(data), "history", "export", str(target), *extra])


def test_an_existing_file_needs_force(data, capsys) -> None:
    target = data / "out.csv"
    target.write_text("keep me")
    assert export(data, target) == 1
    assert "--force" in capsys.readouterr().err and target.read_text() == "keep me"
    assert export(data, target, "--force") == 0
    assert read_csv(target)[0][0].routine_id == "psoas-strength"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_symlink_stays_a_link_and_its_file_is_written(data, tmp_path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    assert export(data, link) == 1
    assert export(data, link, "--force") == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert len(read_csv(real)[0]) == 1


def test_a_hard_link_keeps_both_names_on_one_file(data, tmp_path) -> None:
    first = tmp_path / "first.csv"
    first.write_text("old")
    second = tmp_path / "second.csv"
    os.link(first, second)
    assert export(data, second, "--force") == 0
    assert first.stat().st_ino == second.stat().st_ino
    assert first.read_text() == second.read_text() != "old"


def test_a_named_pipe_is_written_into(data, tmp_path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    assert export(data, fifo) == 0
    reader.join(10)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert got and got[0].startswith(",".join(COLUMNS[:3]))


@pytest.mark.parametrize(("device", "code"), [("/dev/null", 0), ("/dev/full", 1)])
def test_a_device_stays_a_device(data, capsys, device, code) -> None:
    assert export(data, device) == code
    assert stat.S_ISCHR(os.lstat(device).st_mode)
    if code:
        assert "No space left" in capsys.readouterr().err


def test_a_dash_is_standard_output(data) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "psoas_desktop", "--data-dir", str(data), "history", "export",
         "-"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert next(csv.reader(result.stdout.splitlines())) == list(COLUMNS)
    assert not (data / "-").exists()


def test_a_link_to_nothing_is_refused(data, tmp_path, capsys) -> None:
    link = tmp_path / "dangling.csv"
    link.symlink_to(tmp_path / "nowhere" / "x.csv")
    assert export(data, link) == 1
    assert "leads to nothing" in capsys.readouterr().err and link.is_symlink()


@pytest.mark.parametrize("text", [
    "=HYPERLINK(\"http://x\",\"y\")", "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)",
    "\tTab", "\rReturn", "'quoted",
])
def test_formula_cells_are_neutralised_and_read_back(tmp_path, text) -> None:
    history = History(tmp_path / "history.sqlite3")
    ref = history.start_session("mine", text, WHEN, 600)
    history.save_log(ref, notes=text)
    history.close()
    target = tmp_path / "out.csv"
    assert export(tmp_path, target) == 0
    with open(target, newline="", encoding="utf-8") as file:
        row = next(csv.DictReader(file))
    for column in ("routine_name", "notes"):
        assert row[column] == "'" + text  # a spreadsheet shows it as text, runs nothing
    (session,), _ = read_csv(target)
    assert session.routine_name == text and session.log.notes == text
