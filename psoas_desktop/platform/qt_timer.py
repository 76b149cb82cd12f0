"""The session's wake-up timer on Qt: one single-shot PreciseTimer (core/wake_timer.py).

A precise timer still fires a little late (about a millisecond here, more on a busy machine),
and the delay asked for is rounded up to a whole millisecond. So it measures how late it fires
and arms that much early, rounded up to the next whole millisecond (a lead of 0.9 ms arms 1 ms
early: rounded down, it armed none and every second showed 1 ms late), then sleeps the last
part (at most MAX_LEAD) to the moment asked for: the new second is computed on its boundary,
never before it.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

MAX_LEAD = 0.004  # seconds: never hold the event loop longer than this to wait for a boundary
SMOOTHING = 0.2  # each firing's lateness counts this much in the lead


class QtWakeTimer:
    def __init__(self, callback: Callable[[], None], parent: QObject | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self._callback = callback
        self._clock = clock
        self._sleep = sleep
        self.lead = 0.0  # seconds armed early: the measured lateness of the timer
        self._armed_for: float | None = None  # when the Qt timer should fire
        self._due: float | None = None  # when the callback is to run
        self.qtimer = QTimer(parent)
        self.qtimer.setSingleShot(True)
        # A coarse timer may fire 5 % late; the countdown's seconds would show it.
        self.qtimer.setTimerType(Qt.TimerType.PreciseTimer)
        self.qtimer.timeout.connect(self._fired)

    def start(self, ms: int) -> None:
        now = self._clock()
        self._due = now + ms / 1000
        early = min(ms, math.ceil(round(self.lead * 1000, 3)))
        self._armed_for = now + (ms - early) / 1000
        self.qtimer.start(ms - early)

    def stop(self) -> None:
        self.qtimer.stop()
        self._due = self._armed_for = None

    def _fired(self) -> None:
        now = self._clock()
        if self._armed_for is not None:
            late = min(MAX_LEAD, max(0.0, now - self._armed_for))
            self.lead += SMOOTHING * (late - self.lead)
        if self._due is not None and now < self._due:
            self._sleep(min(MAX_LEAD, self._due - now))
        self._due = self._armed_for = None
        self._callback()
