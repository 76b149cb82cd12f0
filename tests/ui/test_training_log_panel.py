"""The log's details: where, what kind, when, the functional task picked once, the range of
motion about once a week, and the safety advice the moment a warning answer is given."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from psoas_desktop.core.training_log import (
    SAFETY_ADVICE,
    FunctionalTask,
    LogDetails,
    RomUnit,
    TaskUnit,
)
from psoas_desktop.storage.history import History
from psoas_desktop.ui.history_link import HistoryLink
from psoas_desktop.ui.log_dialog import LogAnswer, LogDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.mark.parametrize("kind", ["sharp", "pinching", "numb_tingling"])
def test_a_warning_answer_shows_the_safety_advice_at_once(qtbot, kind) -> None:
    dialog = LogDialog()
    qtbot.addWidget(dialog)
    panel = dialog.details
    assert not panel.advice.isVisibleTo(dialog)
    panel.kind.boxes["ache"].setChecked(True)
    assert not panel.advice.isVisibleTo(dialog)
    panel.kind.boxes[kind].setChecked(True)
    assert panel.advice.isVisibleTo(dialog) and SAFETY_ADVICE in panel.advice.text()
    panel.kind.boxes[kind].setChecked(False)
    assert not panel.advice.isVisibleTo(dialog)


def test_the_details_come_back_as_answered(qtbot) -> None:
    dialog = LogDialog(task=FunctionalTask("Tying shoes", TaskUnit.RATING), rom_due=True)
    qtbot.addWidget(dialog)
    panel = dialog.details
    panel.where.boxes["groin"].setChecked(True)
    panel.where.boxes["thigh"].setChecked(True)
    panel.side_buttons["left"].setChecked(True)
    panel.side_buttons["right"].setChecked(True)  # one side at a time
    panel.kind.boxes["tight"].setChecked(True)
    panel.when.boxes["next_morning"].setChecked(True)
    panel.task_value.setValue(7)
    panel.rom_left.setValue(6)
    panel.rom_right.setValue(8)
    answer = dialog.answer()
    assert answer.details == LogDetails(("groin", "thigh"), "right", ("tight",),
                                        ("next_morning",), "Tying shoes", TaskUnit.RATING, 7,
                                        6, 8, RomUnit.SCALE)
    assert answer.task == FunctionalTask("Tying shoes", TaskUnit.RATING)
    assert answer.details.rom_gap == 2


def test_nothing_answered_is_an_empty_log_and_no_task(qtbot) -> None:
    dialog = LogDialog()
    qtbot.addWidget(dialog)
    assert not dialog.details.rom.isVisibleTo(dialog)  # not due: not asked
    assert dialog.details.task_hint.isVisibleTo(dialog)  # no task chosen yet: say how
    assert dialog.answer() == LogAnswer(None, None, "")


def test_picking_an_example_task_takes_its_unit(qtbot) -> None:
    dialog = LogDialog()
    qtbot.addWidget(dialog)
    panel = dialog.details
    assert panel.task_unit.currentData() == "minutes"  # walking without pain, in minutes
    panel.task_name.setCurrentIndex(1)
    assert panel.task_unit.currentData() == "rating"


def test_the_window_keeps_the_task_and_asks_range_of_motion_weekly(
        window, clock, tmp_path, monkeypatch, book) -> None:
    day = [datetime(2026, 3, 2, 8, 0, tzinfo=UTC)]

    def wall() -> datetime:
        return day[0] + timedelta(seconds=clock() - 1000)

    history = History(tmp_path / "history.sqlite3", wall_clock=wall)
    link = HistoryLink(window, history, book, wall)
    asked: list[tuple] = []
    task = FunctionalTask("Walking without pain", TaskUnit.MINUTES)
    details = LogDetails(task="Walking without pain", task_unit=TaskUnit.MINUTES, task_value=20,
                         rom_left=5, rom_right=7, rom_unit=RomUnit.SCALE)

    def ask(cls, parent, pain, task_now, rom_due):
        asked.append((task_now, rom_due))
        return LogAnswer(1, 2, "", details if len(asked) == 1 else LogDetails(), task)

    monkeypatch.setattr(LogDialog, "ask", classmethod(ask))
    for days in (0, 3, 4):
        day[0] += timedelta(days=days)
        window.start_session()
        while window.session.state.name == "RUNNING":
            clock.advance(1)
            window.controller.wake()
        window.controller.new_session()
    assert asked == [(None, True), (task, False), (task, True)]  # 0, 3 and 7 days in
    assert window.settings.functional_task == task
    first = history.sessions(newest_first=False)[0]
    assert first.log.details == details
    link.close()
