"""The Qt wake-up timer: one precise single-shot timer, armed and stopped as asked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from psoas_desktop.platform.qt_timer import QtWakeTimer


def armed_ms(timer: QtWakeTimer) -> int | None:
    return timer.qtimer.interval() if timer.qtimer.isActive() else None


def test_one_precise_single_shot_timer(qtbot) -> None:
    fired: list[bool] = []
    timer = QtWakeTimer(lambda: fired.append(True))
    assert timer.qtimer.isSingleShot()
    assert timer.qtimer.timerType() is Qt.TimerType.PreciseTimer
    assert armed_ms(timer) is None
    timer.start(1000)
    assert armed_ms(timer) == 1000
    timer.stop()
    assert armed_ms(timer) is None
    timer.start(0)
    qtbot.waitUntil(lambda: fired == [True])
    assert armed_ms(timer) is None  # single shot: nothing armed after it fired
