"""The wiring app.py needs, run against the real main window: every session the window runs is
recorded, the after-session log is saved, and suggestions reach the start page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from psoas_desktop.core.engine import State
from psoas_desktop.storage.history import History
from psoas_desktop.storage.recorder import Recorder
from psoas_desktop.ui.log_dialog import LogAnswer, LogDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def wire(window, history: History, wall) -> list:
    """The recipe for app.py (the report gives it too)."""
    recorder = Recorder(history, wall)
    recordings = []

    def created(session) -> None:
        routine = session.timeline.routine
        recordings.append(recorder.attach(session, routine, pain_before=window.pain_before()))

    def ended(session, completed: bool) -> None:
        recording = recordings[-1]
        answer = LogDialog.ask(window, recording.pain_before)
        if answer is not None:
            recording.save_log(answer.pain_after, answer.stiffness, answer.notes)
        show_suggestions()

    def show_suggestions() -> None:
        routine = window.routine()
        if routine is not None:
            found = history.suggestions(routine, window.start_panel.targets())
            window.set_suggestions({s.exercise_id: (s.target, s.reason) for s in found})

    window.sessionCreated.connect(created)
    window.sessionEnded.connect(ended)
    show_suggestions()
    return recordings


def run_session(window, clock) -> None:
    window.start_session()
    while window.session.state is State.RUNNING:
        clock.advance(1)
        window.driver.poke()
    window.new_session()


def test_the_window_records_logs_and_suggests(window, clock, tmp_path, monkeypatch) -> None:
    history = History(tmp_path / "history.sqlite3")
    day = [datetime(2026, 3, 2, 8, 0, tzinfo=UTC)]
    recordings = wire(window, history, lambda: day[0] + timedelta(seconds=clock() - 1000))
    answers = iter([LogAnswer(1, 3, "easier"), None])
    monkeypatch.setattr(LogDialog, "ask", classmethod(lambda cls, parent, pain: next(answers)))

    window.start_panel.pain.setValue(2)
    run_session(window, clock)
    row = history.sessions()[0]
    assert row.status == "completed" and len(history.steps(row.id)) == len(
        recordings[0]._timeline.steps)
    assert (row.log.pain_before, row.log.pain_after, row.log.notes) == (2, 1, "easier")
    assert window.start_panel.rows["standing-glute-squeeze"].suggestion.isHidden()

    day[0] += timedelta(days=2)
    run_session(window, clock)  # the log skipped this time: unrated pain does not block
    assert len(history.sessions()) == 2
    row = window.start_panel.rows["standing-glute-squeeze"]
    assert not row.suggestion.isHidden()
    assert "5 reps" in row.suggestion.text()
    history.close()
