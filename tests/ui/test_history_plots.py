"""The history plots, built offscreen from ten years of synthetic daily sessions."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from psoas_desktop.storage.history import History
from psoas_desktop.storage.records import to_text

# The offscreen platform cannot pass a window's size hints on; harmless, and not ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TODAY = date(2026, 11, 20)
SLUMPY = "standing-slumpy-psoas"


def synthetic_history(path: Path, days: int, today: date = TODAY, seed: int = 5) -> None:
    """`days` days of the strength routine, most days trained, the slumpy psoas climbing from
    2 x 4 x 5 s to 3 x 6 x 10 s, pain drifting down. Written with SQL: fast for ten years."""
    History(path).close()
    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    sessions, targets, logs, steps = [], [], [], []
    for n in range(days):
        day = today - timedelta(days=days - n)
        if rng.random() < 0.25:
            continue
        start = datetime(day.year, day.month, day.day, 7, rng.randrange(60), tzinfo=UTC)
        active = rng.randrange(600, 800)
        session_id = len(sessions) + 1
        status = "completed" if rng.random() < 0.9 else "finished_early"
        level = min(9, n * 10 // max(days, 1))
        reps, sets, hold = 4 + min(level, 2), 2 + (level >= 3), 5 + max(0, level - 4)
        planned = sets * 2 * reps * hold  # the plan is the steps written below, all done
        sessions.append((session_id, "psoas-strength", "Psoas strength (activation first)",
                         to_text(start), to_text(start + timedelta(seconds=active)), planned,
                         active, status))
        targets.append((session_id, SLUMPY, sets, reps, hold, sets * reps * 2))
        pain = max(0, 6 - n * 6 // max(days, 1) + rng.randrange(-1, 2))
        logs.append((session_id, pain, max(0, pain - rng.randrange(0, 3)), rng.randrange(0, 8),
                     "felt looser" if rng.random() < 0.1 else ""))
        index = 0
        for s in range(1, sets + 1):
            for side in ("left", "right"):
                for r in range(1, reps + 1):
                    steps.append((session_id, index, "hold", SLUMPY, side, s, sets, r, reps,
                                  "Hold", hold, hold, 0, to_text(start)))
                    index += 1
    conn.executemany("INSERT INTO sessions (id, routine_id, routine_name, started_at,"
                     " ended_at, planned_seconds, active_seconds, status)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", sessions)
    conn.executemany("INSERT INTO session_targets (session_id, exercise_id, sets, reps, hold,"
                     " effort_steps) VALUES (?, ?, ?, ?, ?, ?)", targets)
    conn.executemany("INSERT INTO log_entries (session_id, pain_before, pain_after, stiffness,"
                     " notes) VALUES (?, ?, ?, ?, ?)", logs)
    conn.executemany(
        "INSERT INTO steps (session_id, step_index, kind, exercise_id, side, set_number, sets,"
        " rep, reps, phase, target_seconds, actual_seconds, skipped, ended_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", steps)
    conn.commit()
    conn.close()


@pytest.fixture(scope="module")
def ten_years(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("ten-years") / "history.sqlite3"
    synthetic_history(path, days=3653)
    return path


@pytest.fixture
def plots(qtbot, ten_years, book):
    from psoas_desktop.ui.history_plots import HistoryPlots

    history = History(ten_years)
    widget = HistoryPlots(history, book, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh(history.sessions())
    yield widget
    history.close()


def test_ten_years_of_weeks_against_the_target_band(plots) -> None:
    sessions = plots._sessions
    assert len(sessions) > 2500
    xs = plots.week_bars.opts["x"]
    heights = plots.week_bars.opts["height"]
    assert 520 <= len(xs) <= 524 and heights.sum() == len(sessions)
    assert np.all(np.diff(xs) == 7 * 86400) or len(set(np.diff(xs))) <= 3  # DST shifts an hour
    assert plots.band.isVisible() and plots.band.getRegion() == (2, 3)
    assert "2-3 sessions a week" in plots.weeks.titleLabel.text
    minutes = plots.minute_bars.opts["height"]
    assert minutes.sum() == pytest.approx(sum(s.active_seconds for s in sessions) / 60)
    # The view opens on the last year; panning reaches back ten years.
    low, high = plots.weeks.viewRange()[0]
    assert high - low == pytest.approx(365 * 86400 + 7 * 86400, rel=0.01)


def test_pain_calendar_and_exercise(plots) -> None:
    sessions = plots._sessions
    xs, ys = plots.pain_before.getData()
    assert len(xs) == len(sessions) and ys.max() <= 10 and ys.min() >= 0
    image = plots.days.image
    assert image.shape[1] == 7 and 520 <= image.shape[0] <= 524
    assert np.count_nonzero(image) == len(sessions)  # one session a day at most here
    assert plots.exercise_box.currentData() == "standing-slumpy-psoas"
    hold_x, hold_y = plots.hold_line.getData()
    assert len(hold_x) == len(sessions) and hold_y[0] == 5 and hold_y[-1] == 10
    reps = plots.reps_line.getData()[1]
    assert reps[0] == 2 * 4 * 2 and reps[-1] == 3 * 6 * 2
    assert "met the target" in plots.streak.text()
    assert "day" not in plots.streak.text()  # no streak of consecutive days


def test_hover_shows_the_value_under_the_cursor(plots, qtbot) -> None:
    box = plots.weeks.vb
    xs, heights = plots.week_bars.opts["x"], plots.week_bars.opts["height"]
    i = len(xs) - 3
    plots.weeks.scene().sigMouseMoved.emit(box.mapViewToScene(QPointF(xs[i], heights[i] / 2)))
    hover = plots.hovers[plots.weeks]
    assert hover.label.isVisible()
    assert f"{heights[i]:.0f} session" in hover.label.textItem.toPlainText()
    assert "week of" in hover.label.textItem.toPlainText()
    plots.weeks.scene().sigMouseMoved.emit(box.mapViewToScene(QPointF(xs[-1] - 200 * 86400, 9)))
    assert not hover.label.isVisible()


def test_the_view_does_not_load_pyqtgraph_until_it_is_shown() -> None:
    script = (
        "import sys, tempfile, pathlib\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from psoas_desktop.storage.history import History\n"
        "from psoas_desktop.storage.recorder import Recorder\n"
        "from psoas_desktop.ui.history_view import HistoryView\n"
        "from psoas_desktop.ui.log_dialog import LogDialog\n"
        "h = History(pathlib.Path(tempfile.mkdtemp()) / 'h.sqlite3')\n"
        "view = HistoryView(h)\n"
        "assert 'pyqtgraph' not in sys.modules, 'loaded before shown'\n"
        "view.show(); import time; end = time.time() + 20\n"
        "while view.plots is None and time.time() < end: app.processEvents()\n"
        "assert 'pyqtgraph' in sys.modules and view.plots is not None\n"
        "print('ok')\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                         timeout=60)
    assert out.stdout.strip() == "ok", out.stderr


def test_the_week_counts_only_sessions_with_half_the_plan_done(qtbot, tmp_path, book) -> None:
    """One session followed to the end and one 7 % done, in the same week: one counts."""
    from psoas_desktop.core.engine import Session, State
    from psoas_desktop.core.timeline import build_timeline
    from psoas_desktop.storage.recorder import Recorder
    from psoas_desktop.ui.history_plots import HistoryPlots

    now = [0.0]
    history = History(tmp_path / "history.sqlite3")
    routine = book.get("psoas-strength")
    for day, skip in ((16, False), (17, True)):
        session = Session(build_timeline(routine, rests=book.rests), lambda: now[0])
        Recorder(history, lambda d=day: datetime(2026, 11, d, 7, 0, tzinfo=UTC)).attach(
            session, routine)
        session.start()
        for _ in range(118 if skip else 10**6):  # a 1:58 session, then Finish
            if session.state is not State.RUNNING:
                break
            now[0] += 1.0
            session.update()
        session.finish()
    rows = history.sessions()
    assert sorted(r.counts_for_week for r in rows) == [False, True]
    widget = HistoryPlots(history, book, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.refresh(rows)
    assert widget.week_bars.opts["height"].sum() == 1
    minutes = widget.minute_bars.opts["height"].sum()
    assert minutes == pytest.approx(sum(r.active_seconds for r in rows) / 60)
    history.close()
