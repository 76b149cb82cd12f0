"""Time: a suspend pauses the session (and the history shows no skipped steps); the wall clock,
the time zone and daylight saving never touch the countdown, which runs on the monotonic clock;
dates are stored in UTC and shown in local time, right on either side of a zone change."""

from __future__ import annotations

import ast
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import psoas_desktop
from psoas_desktop.core.engine import State
from psoas_desktop.storage.history import History
from psoas_desktop.ui.history_link import HistoryLink

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

# POSIX zone rules: they need no tzdata, which a minimal CI image may lack.
BERLIN = "CET-1CEST,M3.5.0,M10.5.0/3"  # summer time from 01:00 UTC, 29 March 2026
NEW_YORK = "EST5EDT,M3.2.0,M11.1.0"
KOLKATA = "IST-5:30"
PACKAGE = Path(psoas_desktop.__file__).parent
# Everything that decides what the countdown shows and when a step ends.
COUNTDOWN_PATH = ["core/engine.py", "core/timeline.py", "core/cues.py", "core/session_control.py",
                  "core/wake_timer.py", "platform/qt_timer.py", "ui/window_binding.py",
                  "ui/main_window.py", "ui/countdown.py", "ui/session_page.py",
                  "ui/routine_progress.py", "ui/step_text.py"]
WALL_CLOCK_CALLS = {"time", "time_ns", "localtime", "gmtime", "now", "utcnow", "today",
                    "currentDateTime", "currentTime", "currentDate", "currentMSecsSinceEpoch"}


def test_the_countdown_never_reads_the_wall_clock() -> None:
    # A manual clock change or an NTP jump moves time.time() and datetime.now(), not
    # time.monotonic(): so nothing on the countdown's path may call them.
    found = []
    for name in COUNTDOWN_PATH:
        tree = ast.parse((PACKAGE / name).read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in WALL_CLOCK_CALLS:
                found.append(f"{name}:{node.lineno}: .{node.attr}")
            if isinstance(node, ast.Name) and node.id in {"QDateTime", "QTime", "datetime"}:
                found.append(f"{name}:{node.lineno}: {node.id}")
    assert found == []


def test_a_suspend_pauses_and_the_history_shows_no_skipped_step(
        window, book, clock, tmp_path, run, no_log_dialog) -> None:
    history = History(tmp_path / "history.sqlite3")
    link = HistoryLink(window, history, book)
    window.start_session()
    run(window, clock, 3)
    clock.advance(3 * 3600)  # the lid was closed for three hours
    window.controller.wake()
    assert window.session.state is State.PAUSED
    window.toggle()  # back on the mat: resume
    run(window, clock)
    (row,) = history.sessions()
    steps = history.steps(row.id)
    assert row.status == "completed" and not any(step.skipped for step in steps)
    assert row.active_seconds == pytest.approx(window.session.timeline.total_seconds)
    link.close()


def test_a_time_zone_change_mid_session_moves_nothing(tmp_path) -> None:
    path = tmp_path / "history.sqlite3"
    result = subprocess.run(
        [sys.executable, str(Path(__file__).parent / "children" / "tz_child.py"), str(path),
         KOLKATA], env={**_env(), "TZ": NEW_YORK}, capture_output=True, text=True,
        timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    (left_before, mono_before, digits_before) = shown["before"]
    (left_after, mono_after, digits_after) = shown["after"]
    assert digits_after == digits_before
    assert left_before - left_after == pytest.approx(mono_after - mono_before, abs=0.05)
    conn = sqlite3.connect(path)
    stamps = [r[0] for r in conn.execute("SELECT ended_at FROM steps ORDER BY id")]
    started = conn.execute("SELECT started_at FROM sessions").fetchone()[0]
    conn.close()
    assert len(stamps) == 5 and all(s.endswith("Z") for s in [started, *stamps])
    times = [datetime.fromisoformat(s) for s in [started, *stamps]]
    # UTC on both sides of the change: no jump of hours between the steps.
    assert times == sorted(times) and times[-1] - times[0] < timedelta(minutes=1)


def _env() -> dict[str, str]:
    return dict(os.environ)


def record_at(path: Path, book, moments: list[datetime]) -> None:
    """A short session started at each UTC moment."""
    from psoas_desktop.core.engine import Session
    from psoas_desktop.core.timeline import build_timeline
    from psoas_desktop.storage.recorder import Recorder

    routine = book.get("psoas-stretch")
    for moment in moments:
        history = History(path, wall_clock=lambda moment=moment: moment)
        session = Session(build_timeline(routine, rests=book.rests), lambda: 0.0)
        Recorder(history, lambda moment=moment: moment).attach(session, routine)
        session.start()
        session.finish()
        history.close()


# Just before and just after Berlin's clocks went forward, 29 March 2026.
MOMENTS = [datetime(2026, 3, 29, 0, 30, tzinfo=UTC), datetime(2026, 3, 29, 1, 30, tzinfo=UTC)]
LOCAL = {  # what each zone shows for MOMENTS, newest first
    "UTC0": ["2026-03-29 01:30", "2026-03-29 00:30"],
    BERLIN: ["2026-03-29 03:30", "2026-03-29 01:30"],
    NEW_YORK: ["2026-03-28 21:30", "2026-03-28 20:30"],
    KOLKATA: ["2026-03-29 07:00", "2026-03-29 06:00"],
}


@pytest.mark.parametrize("zone", list(LOCAL))
def test_history_list_shows_local_times_in_each_zone(tmp_path, book, zone) -> None:
    data = tmp_path / "data"
    record_at(data / "history.sqlite3", book, MOMENTS)
    result = subprocess.run(
        [sys.executable, "-m", "psoas_desktop", "--config-dir", str(tmp_path / "config"),
         "--data-dir", str(data), "history", "list"], env={**_env(), "TZ": zone},
        capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    shown = [re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", line) for line in result.stdout.splitlines()]
    assert [match.group() if match else line for match, line in
            zip(shown, result.stdout.splitlines(), strict=True)] == LOCAL[zone]


@pytest.fixture
def zone(monkeypatch):
    """Set the process's time zone for one test, and put it back afterwards."""

    def set_zone(rule: str) -> None:
        monkeypatch.setenv("TZ", rule)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


def test_the_history_view_shows_local_times_across_a_zone_change(
        qtbot, tmp_path, book, zone) -> None:
    from psoas_desktop.ui.history_view import SessionTable

    path = tmp_path / "history.sqlite3"
    record_at(path, book, MOMENTS)
    history = History(path)
    table = SessionTable(history, on_error=lambda message: None)
    shown = {}
    for rule in (BERLIN, KOLKATA):
        zone(rule)
        table.set_rows(history.sessions())  # as the view loads them when it opens or refreshes
        shown[rule] = [table.data(table.index(row, 0)) for row in range(2)]
    assert shown == {BERLIN: ["Sun 29 Mar 2026 03:30", "Sun 29 Mar 2026 01:30"],
                     KOLKATA: ["Sun 29 Mar 2026 07:00", "Sun 29 Mar 2026 06:00"]}
    history.close()
