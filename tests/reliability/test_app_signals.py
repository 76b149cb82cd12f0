"""The real app in a child process (offscreen): a logout's SIGTERM or a Ctrl+C ends the session
cleanly (finished early, every step kept, the history closed) instead of dying mid-write, and a
second start against the same data folder exits at once and brings the first forward."""

from __future__ import annotations

import signal
import sqlite3
import sys
import time

import pytest

STEPS = 6


def sessions(data) -> list[tuple[str, int]]:
    conn = sqlite3.connect(data / "history.sqlite3")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute("SELECT status, (SELECT count(*) FROM steps WHERE session_id ="
                            " sessions.id) FROM sessions").fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_ends_the_session_cleanly(child, app_dirs, app_command, number) -> None:
    config, data = app_dirs
    app = child(app_command(config, data), {"PSOAS_TEST_STEPS": str(STEPS)})
    app.wait_for("ready")
    app.process.send_signal(number)
    assert app.finish() == 128 + number  # handled, not killed by it
    assert "Traceback" not in app.stderr_text()
    # The step ended by the signal is kept too, marked skipped; nothing is left 'running'.
    assert sessions(data) == [("finished_early", STEPS + 1)]
    # Closed properly: the write-ahead log was checkpointed into the file and removed.
    assert not (data / "history.sqlite3-wal").exists()


def test_a_logout_while_the_after_session_dialog_waits(child, app_dirs, app_command) -> None:
    config, data = app_dirs
    app = child(app_command(config, data), {"PSOAS_TEST_STEPS": "2", "PSOAS_TEST_FINISH": "1"})
    app.wait_for("asking")  # a modal dialog, in its own event loop, waits for the user
    assert sessions(data) == [("finished_early", 3)]  # already written before it asked
    app.process.send_signal(signal.SIGTERM)
    assert app.finish() == 128 + signal.SIGTERM
    assert sessions(data) == [("finished_early", 3)]


def test_a_signal_before_any_session_just_quits(child, app_dirs, app_command) -> None:
    config, data = app_dirs
    app = child(app_command(config, data))
    app.wait_for("ready")
    app.process.send_signal(signal.SIGTERM)
    assert app.finish() == 128 + signal.SIGTERM
    assert sessions(data) == []


def test_a_second_copy_brings_the_first_forward_and_exits(child, app_dirs, app_command) -> None:
    config, data = app_dirs
    first = child(app_command(config, data), {"PSOAS_TEST_STEPS": "2"})
    first.wait_for("ready")
    started = time.monotonic()
    second = child([sys.executable, "-m", "psoas_desktop", "--config-dir", str(config),
                    "--data-dir", str(data)])
    assert second.finish(timeout=60) == 0, second.stderr_text()
    took = time.monotonic() - started
    first.wait_for("raised", timeout=10)
    assert took < 15, f"the second copy took {took:.1f} s to step aside"
    assert second.lines == [] and "Traceback" not in second.stderr_text()
    # The first still owns the history and ends its session normally.
    first.process.send_signal(signal.SIGTERM)
    assert first.finish() == 128 + signal.SIGTERM
    assert sessions(data) == [("finished_early", 3)]
