"""The history view: the empty state, the table, notes edited in place, delete after asking,
CSV export, and refreshing as a session is recorded."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from psoas_desktop.core.engine import Session, State
from psoas_desktop.core.timeline import build_timeline
from psoas_desktop.storage.export import read_csv
from psoas_desktop.storage.faults import Problem
from psoas_desktop.storage.history import History
from psoas_desktop.storage.recorder import Recorder
from psoas_desktop.ui.history_view import COLUMNS, NOTES, HistoryView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def history(tmp_path):
    h = History(tmp_path / "history.sqlite3", busy_timeout=0.01)
    yield h
    h.close()


@pytest.fixture
def view(qtbot, history, book):
    widget = HistoryView(history, book, refresh_delay_ms=0)  # no real time in tests
    qtbot.addWidget(widget)
    widget.resize(1100, 750)
    return widget


def record(history, book, clock, routine_id="psoas-strength", pain_before=4, notes=""):
    routine = book.get(routine_id)
    session = Session(build_timeline(routine, rests=book.rests), clock)
    recording = Recorder(history, lambda: datetime(2026, 3, 2, 7, 30, tzinfo=UTC)).attach(
        session, routine, pain_before=pain_before)
    session.start()
    while session.state is State.RUNNING:
        clock.advance(1)
        session.update()
    recording.save_log(pain_after=2, stiffness=3, notes=notes)


def cell(view, row: int, column: str) -> str:
    return view.model.index(row, COLUMNS.index(column)).data()


def test_a_friendly_empty_state(view, qtbot) -> None:
    view.show()
    qtbot.waitExposed(view)
    assert view.pages.currentWidget() is view.empty
    assert "No sessions yet" in view.empty.text()


def test_the_table_shows_each_session(view, history, book, clock, qtbot) -> None:
    record(history, book, clock, notes="hips looser")
    view.show()
    qtbot.waitExposed(view)
    assert view.pages.currentIndex() == 1
    assert view.model.rowCount() == 1
    local = datetime(2026, 3, 2, 7, 30, tzinfo=UTC).astimezone()
    assert cell(view, 0, "Date") == local.strftime("%a %d %b %Y %H:%M")
    assert cell(view, 0, "Routine") == "Psoas strength (activation first)"
    assert cell(view, 0, "Length") == "12:27"
    assert cell(view, 0, "Plan done") == "100%"
    assert (cell(view, 0, "Pain before"), cell(view, 0, "Pain after")) == ("4", "2")
    assert cell(view, 0, "Notes") == "hips looser"
    assert "1 session," in view.summary.text()
    qtbot.waitUntil(lambda: view.plots is not None)  # built just after the table has painted
    assert view.plots is not None and len(view.plots.week_bars.opts["x"]) >= 1


def test_it_refreshes_while_open_as_sessions_are_recorded(view, history, book, clock,
                                                          qtbot) -> None:
    view.show()
    qtbot.waitExposed(view)
    refreshes: list[int] = []
    view.model.modelReset.connect(lambda: refreshes.append(view.model.rowCount()))
    record(history, book, clock)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.pages.currentIndex() == 1
    record(history, book, clock, routine_id="psoas-stretch")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert len(refreshes) < 10  # a burst of step writes is one refresh, not one each
    assert view.plots.routine_box.count() == 3  # two routines and "All routines"


def test_notes_are_edited_in_place(view, history, book, clock, qtbot) -> None:
    record(history, book, clock)
    view.show()
    index = view.model.index(0, NOTES)
    assert view.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not view.model.flags(view.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert view.model.setData(index, "  knee drive felt strong  ")
    assert history.sessions()[0].log.notes == "knee drive felt strong"
    qtbot.waitUntil(lambda: cell(view, 0, "Notes") == "knee drive felt strong")


def test_delete_only_after_confirmation(view, history, book, clock, qtbot) -> None:
    record(history, book, clock)
    view.show()
    questions: list[str] = []
    view.confirm = lambda question: questions.append(question) or False
    assert not view.delete_button.isEnabled()
    view.table.selectRow(0)
    assert view.delete_button.isEnabled()
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert len(history.sessions()) == 1 and "cannot be undone" in questions[0]
    view.confirm = lambda question: True
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert history.sessions() == [] and history.all_steps() == []
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.empty)


def test_export_button_writes_the_csv(view, history, book, clock, qtbot, tmp_path) -> None:
    record(history, book, clock, notes="a, b")
    view.show()
    target = tmp_path / "out.csv"
    view.ask_export_path = lambda: target
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    sessions, steps = read_csv(target)
    assert sessions[0].log.notes == "a, b" and len(steps) == len(history.all_steps())
    assert str(target) in view.summary.text()


def test_export_failure_is_told_not_raised(view, history, book, clock, qtbot, tmp_path) -> None:
    record(history, book, clock)
    view.show()
    errors: list[str] = []
    view.show_error = errors.append
    view.ask_export_path = lambda: tmp_path / "no-such-folder" / "out.csv"
    view.export_csv()
    assert len(errors) == 1 and "Could not export" in errors[0]


def test_a_storage_problem_is_shown_above_the_table(view, history, book, clock, qtbot) -> None:
    record(history, book, clock)
    # As the write queue reports a full disk.
    history._set_problem(Problem.waiting("The disk is full"))
    view.show()
    qtbot.waitExposed(view)
    assert "The disk is full" in view.summary.text() and "1 session," in view.summary.text()


def test_delete_asks_with_keep_it_as_the_default(view, monkeypatch) -> None:
    """Enter or a hurried click on the highlighted button keeps the session."""
    from PySide6.QtWidgets import QMessageBox

    seen = []

    def exec_(box: QMessageBox) -> int:
        seen.append((box.defaultButton().text(), box.escapeButton() is box.defaultButton()))
        box.defaultButton().click()  # what Enter does
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    assert view.confirm("Delete it?") is False
    assert seen == [("Keep it", True)]
