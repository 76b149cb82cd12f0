"""The history linked to the real main window: every session the window runs is
recorded, the after-session log is saved, and suggestions reach the start page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from psoas_desktop.core.engine import State
from psoas_desktop.storage.history import History
from psoas_desktop.ui.history_link import HistoryLink
from psoas_desktop.ui.log_dialog import LogAnswer, LogDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def run_session(window, clock):
    window.start_session()
    session = window.session
    while session.state is State.RUNNING:
        clock.advance(1)
        window.controller.wake()
    window.controller.new_session()
    return session


def test_the_window_records_logs_and_suggests(window, book, clock, tmp_path, monkeypatch) -> None:
    day = [datetime(2026, 3, 2, 8, 0, tzinfo=UTC)]

    def wall() -> datetime:
        return day[0] + timedelta(seconds=clock() - 1000)

    history = History(tmp_path / "history.sqlite3", wall_clock=wall)
    link = HistoryLink(window, history, book, wall)
    answers = iter([LogAnswer(1, 3, "easier"), None])
    monkeypatch.setattr(LogDialog, "ask",
                        classmethod(lambda cls, parent, pain, *more: next(answers)))

    window.start_panel.pain.setValue(2)
    session = run_session(window, clock)
    row = history.sessions()[0]
    assert row.status == "completed"
    assert len(history.steps(row.id)) == len(session.timeline.steps)
    assert (row.log.pain_before, row.log.pain_after, row.log.notes) == (2, 1, "easier")
    assert window.start_panel.rows["standing-glute-squeeze"].suggestion.isHidden()

    day[0] += timedelta(days=3)
    run_session(window, clock)  # the log skipped this time: unrated pain does not block
    assert len(history.sessions()) == 2
    row = window.start_panel.rows["standing-glute-squeeze"]
    assert row.suggestion.isHidden()  # a week at a target before the next step
    day[0] += timedelta(days=4)
    link.show_suggestions()
    assert not row.suggestion.isHidden()
    assert "hold 8 s instead of 5 s" in row.suggestion.text()
    link.close()


@pytest.mark.qt_log_ignore("This plugin does not support raise",  # offscreen: no stacking
                         "This plugin does not support propagateSizeHints")
def test_ctrl_h_opens_one_history_window(window, book, tmp_path, qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    link = HistoryLink(window, History(tmp_path / "history.sqlite3"), book)
    window.historyRequested.emit()
    view = link.view
    assert view is not None and view.isVisible() and view.isWindow()
    qtbot.addWidget(view)
    assert QApplication.overrideCursor() is None  # the wait cursor is gone again
    window.historyRequested.emit()
    assert link.view is view
    link.close()


@pytest.mark.parametrize("fault", ["cannot open", "locked"])
def test_closing_with_rows_waiting_says_they_are_kept(window, book, clock, tmp_path, monkeypatch,
                                                     qtbot, fault) -> None:
    import sqlite3

    from psoas_desktop.storage import kept_rows
    from psoas_desktop.storage.database import raw_connect

    path = tmp_path / "history.sqlite3"
    other = None
    if fault == "locked":
        History(path).close()
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")

    def connect(p, timeout):
        if fault == "cannot open":
            raise sqlite3.OperationalError("unable to open database file")
        return raw_connect(p, timeout)

    link = HistoryLink(window, History(path, connect=connect, busy_timeout=0.01), book)
    monkeypatch.setattr(LogDialog, "ask", classmethod(lambda cls, *args, **kwargs: None))
    run_session(window, clock)
    waiting = link.history.pending
    assert waiting > 0
    window.close()
    box = link.kept_box
    assert box is not None and box.isVisible()
    qtbot.addWidget(box)
    assert f"{waiting} records" in box.text() and "next time" in box.text()
    link.close()
    assert link.history.kept_at == kept_rows.side_file(path)
    if other is not None:
        other.execute("ROLLBACK")
        other.close()
    reopened = History(path)
    assert reopened.merged == waiting and reopened.sessions()[0].status == "completed"
    reopened.close()


@pytest.mark.qt_log_ignore("This plugin does not support raise",  # offscreen: no stacking
                         "This plugin does not support propagateSizeHints")
def test_the_history_window_fits_the_screen_and_closes_with_esc(window, book, tmp_path,
                                                                qtbot) -> None:
    link = HistoryLink(window, History(tmp_path / "history.sqlite3"), book)
    window.historyRequested.emit()
    view = link.view
    qtbot.addWidget(view)
    room = view.screen().availableGeometry()
    assert view.width() <= room.width() and view.height() <= room.height()
    # Offscreen may keep the main window active where a desktop activates the new window;
    # then the main window's own Esc (leave fullscreen) would take the key first.
    window.window_actions.leave_fullscreen.setEnabled(False)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.isVisible()
    link.close()


def test_the_main_window_first_fits_the_screen(make_window, sink) -> None:
    window = make_window(sink)
    room = window.screen().availableGeometry()
    assert window.width() <= room.width() and window.height() <= room.height()
    assert window.width() >= 720 and window.height() >= 520


def test_the_log_is_asked_after_the_end_is_written_and_outside_the_engine(
        window, book, clock, tmp_path, monkeypatch) -> None:
    """A kill while the log dialog is open must find the session ended, not 'running'; and
    the dialog's nested loop never runs inside the engine's own call."""
    history = History(tmp_path / "history.sqlite3")
    link = HistoryLink(window, history, book)
    seen = []

    def ask(cls, parent, pain, *more):
        session = window.session
        seen.append((history.sessions()[0].status, session.state))
        # The engine has returned: moving the finished session does nothing, and raises nothing.
        window.controller.next()
        return None

    monkeypatch.setattr(LogDialog, "ask", classmethod(ask))
    window.start_session()
    window.controller.finish()
    assert seen == [("finished_early", State.FINISHED)]
    window.controller.new_session()
    window.start_session()
    window.end_and_close()  # quitting on a signal: the end is written, nobody is asked
    assert len(seen) == 1
    assert [row.status for row in history.sessions()] == ["finished_early"] * 2
    link.close()
