"""The Qt wake-up timer: one precise single-shot timer, armed and stopped as asked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from psoas_desktop.platform.qt_timer import QtWakeTimer


def test_one_precise_single_shot_timer(qtbot) -> None:
    fired: list[bool] = []
    timer = QtWakeTimer(lambda: fired.append(True))
    assert timer.qtimer.isSingleShot()
    assert timer.qtimer.timerType() is Qt.TimerType.PreciseTimer
    assert timer.armed_ms() is None
    timer.start(1000)
    assert timer.armed_ms() == 1000
    timer.stop()
    assert timer.armed_ms() is None
    timer.start(0)
    qtbot.waitUntil(lambda: fired == [True])
    assert timer.armed_ms() is None  # single shot: nothing armed after it fired
