"""Where the history lives: a read-only data folder is still read and shown; a history that is
a link out of its folder, or to a device, is refused without creating or chmodding anything
through it; and everything the app makes is owner-only whatever the umask."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from psoas_desktop.cli import main
from psoas_desktop.storage.history import History
from tests.reliability.test_storage_faults_app import read_only

WHEN = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def recorded(data: Path, count: int = 3) -> Path:
    path = data / "history.sqlite3"
    history = History(path)
    for n in range(count):
        ref = history.start_session("psoas-strength", f"Psoas strength {n}", WHEN, 600)
        history.end_session(ref, "completed", WHEN, 300.0)
    history.close()
    return path


@pytest.mark.parametrize("command", [["list"], ["export", "-"], ["export", "{OUT}"]])
def test_a_read_only_data_folder_is_still_read(tmp_path, capfd, command) -> None:
    data = tmp_path / "data"
    recorded(data)
    out = tmp_path / "out.csv"
    args = [c.replace("{OUT}", str(out)) for c in command]
    with read_only(data):
        code = main(["--data-dir", str(data), "history", *args])
    captured = capfd.readouterr()
    assert code == 0, captured.err
    written = captured.out if command[-1] != "{OUT}" else out.read_text()
    assert written.count("psoas-strength") == 3
    assert sorted(p.name for p in data.iterdir()) == ["history.sqlite3"]


def test_a_read_only_data_folder_shows_in_the_view(qtbot, tmp_path, book) -> None:
    from psoas_desktop.ui.history_view import HistoryView

    data = tmp_path / "data"
    recorded(data)
    with read_only(data):
        history = History(data / "history.sqlite3")
        assert history.read_only or history.problem is not None
        view = HistoryView(history, book, refresh_delay_ms=0)
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        assert view.model.rowCount() == 3
        assert "kept in memory" in view.summary.text()
        history.close()


def make_target(tmp_path: Path, kind: str) -> Path:
    if kind == "device":
        return Path("/dev/null")
    if kind == "fifo":
        os.mkfifo(tmp_path / "pipe")
        return tmp_path / "pipe"
    if kind == "outside file":
        (tmp_path / "elsewhere.sqlite3").write_bytes(b"")
        return tmp_path / "elsewhere.sqlite3"
    return tmp_path / "nowhere" / "gone.sqlite3"  # dangling


@pytest.mark.parametrize("kind", ["device", "fifo", "outside file", "dangling"])
def test_a_history_linked_out_of_its_folder_is_refused(tmp_path, capsys, kind) -> None:
    data = tmp_path / "data"
    data.mkdir()
    target = make_target(tmp_path, kind)
    before = os.stat(target).st_mode if target.exists() else None
    companions = [Path(f"{target}{suffix}") for suffix in ("-journal", "-wal", "-shm")]
    # Another program may have left one beside /dev/null; none may be made or touched here.
    found = {c: c.stat().st_mtime_ns for c in companions if c.exists()}
    (data / "history.sqlite3").symlink_to(target)
    for argv in (["history", "list"], ["history", "export", str(tmp_path / "o.csv")]):
        assert main(["--data-dir", str(data), *argv]) == 1
        assert "Not using" in capsys.readouterr().err
    history = History(data / "history.sqlite3")  # the app: refused, rows kept in memory
    assert history.problem is not None and "Not using" in history.problem
    history.close()
    assert (os.stat(target).st_mode if target.exists() else None) == before
    assert {c: c.stat().st_mtime_ns for c in companions if c.exists()} == found
    assert (data / "history.sqlite3").is_symlink()


def test_a_fifo_named_as_the_history_is_refused(tmp_path, capsys) -> None:
    data = tmp_path / "data"
    data.mkdir()
    os.mkfifo(data / "history.sqlite3")
    assert main(["--data-dir", str(data), "history", "list"]) == 1
    assert "not a regular file" in capsys.readouterr().err


def test_a_link_inside_the_data_folder_is_followed(tmp_path, capsys) -> None:
    data = tmp_path / "data"
    recorded(data)
    (data / "history.sqlite3").rename(data / "real.sqlite3")
    (data / "history.sqlite3").symlink_to(data / "real.sqlite3")
    assert main(["--data-dir", str(data), "history", "list"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_everything_the_app_makes_is_owner_only_under_umask_000(child, tmp_path,
                                                                app_command) -> None:
    config, data = tmp_path / "a" / "b" / "config", tmp_path / "c" / "d" / "data"
    argv = app_command(config, data)
    app = child(["sh", "-c", 'umask 000 && exec "$@"', "sh", *argv], {"PSOAS_TEST_STEPS": "2"})
    app.wait_for("ready")
    app.process.send_signal(signal.SIGTERM)
    assert app.finish() == 128 + signal.SIGTERM
    made = [tmp_path / "a", tmp_path / "a" / "b", config, tmp_path / "c", tmp_path / "c" / "d",
            data, *config.rglob("*"), *data.rglob("*")]
    loose = {str(p): oct(stat.S_IMODE(p.stat().st_mode)) for p in made
             if stat.S_IMODE(p.stat().st_mode) & 0o077}
    assert loose == {}
    assert (config / "settings.ini").exists() and (data / "history.sqlite3").exists()


@pytest.mark.parametrize("umask", [0o000, 0o022])
def test_storage_makes_owner_only_folders_and_files(tmp_path, umask) -> None:
    script = (
        "import os, sys\n"
        f"os.umask({umask})\n"
        "from pathlib import Path\n"
        "from datetime import datetime, UTC\n"
        "from psoas_desktop.storage.history import History\n"
        "from psoas_desktop.storage.database import move_aside\n"
        "base = Path(sys.argv[1])\n"
        "h = History(base / 'x' / 'y' / 'history.sqlite3')\n"
        "h.start_session('r', 'R', datetime.now(UTC), 60)\n"
        "h.close()\n"
        "bad = base / 'damaged.sqlite3'\n"
        "bad.write_bytes(b'junk')\n"
        "os.chmod(bad, 0o644)\n"
        "move_aside(bad, datetime.now(UTC))\n"
    )
    subprocess.run([sys.executable, "-c", script, str(tmp_path)], check=True, timeout=60)
    made = [tmp_path / "x", tmp_path / "x" / "y", *tmp_path.rglob("*")]
    loose = {str(p): oct(stat.S_IMODE(p.stat().st_mode)) for p in made
             if stat.S_IMODE(p.stat().st_mode) & 0o077}
    assert loose == {}
