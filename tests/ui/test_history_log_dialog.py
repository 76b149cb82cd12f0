"""The after-session log dialog and the pain-before scale: quick to fill, one key to skip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from psoas_desktop.ui.log_dialog import LogAnswer, LogDialog, RatingScale

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_rating_scale_picks_clears_and_starts_unrated(qtbot) -> None:
    scale = RatingScale("Pain")
    qtbot.addWidget(scale)
    assert scale.value() is None
    buttons = scale.findChildren(type(scale._group.button(0)))
    assert [b.text() for b in buttons] == [str(n) for n in range(11)]
    qtbot.mouseClick(scale._group.button(7), Qt.MouseButton.LeftButton)
    assert scale.value() == 7 and scale._group.button(7).isChecked()
    qtbot.mouseClick(scale._group.button(3), Qt.MouseButton.LeftButton)
    assert scale.value() == 3 and not scale._group.button(7).isChecked()
    qtbot.mouseClick(scale._group.button(3), Qt.MouseButton.LeftButton)  # again: unrated
    assert scale.value() is None


def test_the_dialog_answers(qtbot) -> None:
    dialog = LogDialog(pain_before=5)
    qtbot.addWidget(dialog)
    assert "was 5" in dialog.findChildren(type(dialog.layout().itemAt(0).widget()))[0].text()
    dialog.pain.set_value(2)
    dialog.stiffness.set_value(6)
    dialog.notes.setPlainText("  walked further today \n")
    assert dialog.answer() == LogAnswer(2, 6, "walked further today")


def test_escape_skips(qtbot) -> None:
    dialog = LogDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


def answer_next_dialog(qtbot, key: Qt.Key, pain: int | None = None) -> None:
    """Once the modal dialog is up, rate the pain (if asked) and press `key`."""

    def later() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LogDialog):
            QTimer.singleShot(10, later)  # not up yet
            return
        if pain is not None:
            dialog.pain.set_value(pain)
        qtbot.keyClick(dialog, key)

    QTimer.singleShot(0, later)


def test_ask_returns_none_when_skipped_and_the_answer_when_saved(qtbot) -> None:
    answer_next_dialog(qtbot, Qt.Key.Key_Escape)
    assert LogDialog.ask() is None
    answer_next_dialog(qtbot, Qt.Key.Key_Return, pain=1)
    assert LogDialog.ask() == LogAnswer(1, None, "")
