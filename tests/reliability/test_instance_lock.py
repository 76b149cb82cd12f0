"""The single-instance guard is the data folder's own OS lock: a second copy started with another
TMPDIR, USER or LOGNAME, or with a folder where the socket should be, still steps aside, and
nothing marks the first copy's live session interrupted."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from psoas_desktop.single_instance import server_name
from psoas_desktop.storage import instance_lock
from psoas_desktop.storage.history import History


def statuses(data: Path) -> list[str]:
    conn = sqlite3.connect(data / "history.sqlite3")
    try:
        return [row[0] for row in conn.execute("SELECT status FROM sessions")]
    finally:
        conn.close()


def socket_folder(config: Path, data: Path) -> dict[str, str]:
    """A folder where the second copy's socket would go (QLocalServer puts it in TMPDIR)."""
    tmp = data.parent / "tmp-with-a-folder"
    (tmp / server_name(data)).mkdir(parents=True)
    return {"TMPDIR": str(tmp)}


@pytest.mark.parametrize("second_env", [
    lambda c, d: {"TMPDIR": str(d.parent / "other-tmp")},
    lambda c, d: {"USER": "someone-else", "LOGNAME": "someone-else"},
    lambda c, d: {"TMPDIR": str(d.parent / "t2"), "USER": "x", "LOGNAME": "y"},
    socket_folder,
], ids=["TMPDIR", "USER and LOGNAME", "all three", "a folder at the socket"])
def test_a_second_copy_steps_aside_whatever_its_environment(child, app_dirs, app_command,
                                                            second_env) -> None:
    config, data = app_dirs
    first = child(app_command(config, data), {"PSOAS_TEST_STEPS": "2"})
    first.wait_for("ready")
    assert statuses(data) == ["running"]
    env = second_env(config, data)
    for folder in ("TMPDIR",):
        if folder in env:
            Path(env[folder]).mkdir(exist_ok=True)
    second = child([sys.executable, "-m", "psoas_desktop", "--config-dir", str(config),
                    "--data-dir", str(data)], env)
    assert second.finish(timeout=60) == 0, second.stderr_text()
    assert statuses(data) == ["running"]  # the first copy's session is live, left alone
    first.process.send_signal(signal.SIGTERM)
    assert first.finish() == 128 + signal.SIGTERM
    assert statuses(data) == ["finished_early"]


def test_the_history_never_marks_a_session_another_process_records(tmp_path) -> None:
    data = tmp_path / "data"
    history = History(data / "history.sqlite3")
    history.start_session("psoas-strength", "Psoas strength", datetime(2026, 3, 2, tzinfo=UTC),
                          600)
    history.close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path;"
         "from psoas_desktop.storage import instance_lock;"
         "assert instance_lock.acquire(Path(sys.argv[1])); print('held', flush=True);"
         "time.sleep(60)", str(data)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        assert instance_lock.acquire(data) is False
        again = History(data / "history.sqlite3")
        assert again.interrupted_found == 0 and again.sessions()[0].status == "running"
        again.close()
    finally:
        holder.kill()
        holder.wait(10)
        holder.stdout.close()
    after = History(data / "history.sqlite3")  # the holder is gone: now it is a crash's
    assert after.interrupted_found == 1 and after.sessions()[0].status == "interrupted"
    after.close()
