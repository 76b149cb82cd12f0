"""The Qt wake-up timer: one precise single-shot timer, armed and stopped as asked."""

from __future__ import annotations

import pytest
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


class Taught:
    """A timer on a fake clock that has seen Qt fire `late` seconds after the time it was
    armed for, twenty times: what it slept and when it fired are kept."""

    def __init__(self, late: float, start: float = 0.0) -> None:
        self.now = [start]
        self.slept: list[float] = []
        self.fired: list[float] = []
        self.timer = QtWakeTimer(lambda: self.fired.append(self.now[0]),
                                 clock=lambda: self.now[0], sleep=self._sleep)
        for _ in range(20):
            self.timer.start(1000)
            self.now[0] += (armed_ms(self.timer) or 0) / 1000 + late
            self.timer.qtimer.timeout.emit()

    def _sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now[0] += seconds


def test_it_learns_how_late_it_fires_and_arms_that_much_early(qtbot) -> None:
    taught = Taught(late=0.003, start=100.0)  # Qt fires 3 ms late, each time
    timer, now, slept, fired = taught.timer, taught.now, taught.slept, taught.fired
    assert 0.0025 < timer.lead <= 0.003
    started = now[0]
    timer.start(1000)
    assert armed_ms(timer) == 997  # its lateness rounded up to whole ms: 3 ms early
    now[0] += 0.997 + 0.0005  # fires half a millisecond late: 2.5 ms before the moment asked
    timer.qtimer.timeout.emit()
    assert slept[-1] == pytest.approx(0.0025)
    assert fired[-1] == pytest.approx(started + 1.0)  # on the moment asked for, not before
    assert all(s <= 0.004 for s in slept)


def test_a_lead_under_a_millisecond_still_arms_a_millisecond_early(qtbot) -> None:
    taught = Taught(late=0.0009)  # Qt fires 0.9 ms late, each time
    timer, now, slept, fired = taught.timer, taught.now, taught.slept, taught.fired
    started = now[0]
    timer.start(1000)
    assert armed_ms(timer) == 999  # rounded down, it would arm none and always be late
    now[0] += 0.999 + 0.0009
    timer.qtimer.timeout.emit()
    assert slept[-1] == pytest.approx(0.0001)
    assert fired[-1] == pytest.approx(started + 1.0)


def test_a_timer_that_fires_late_is_not_slept_on_further(qtbot) -> None:
    now = [0.0]
    timer = QtWakeTimer(lambda: None, clock=lambda: now[0], sleep=lambda s: pytest.fail())
    timer.start(10)
    now[0] += 0.5  # very late (a busy machine): the lead grows by at most MAX_LEAD
    timer.qtimer.timeout.emit()
    from psoas_desktop.platform.qt_timer import MAX_LEAD, SMOOTHING

    assert timer.lead == pytest.approx(SMOOTHING * MAX_LEAD)
