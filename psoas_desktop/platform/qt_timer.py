"""The session's wake-up timer on Qt: one single-shot PreciseTimer (core/wake_timer.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer


class QtWakeTimer:
    def __init__(self, callback: Callable[[], None], parent: QObject | None = None) -> None:
        self.qtimer = QTimer(parent)
        self.qtimer.setSingleShot(True)
        # A coarse timer may fire 5 % late; the countdown's seconds would show it.
        self.qtimer.setTimerType(Qt.TimerType.PreciseTimer)
        self.qtimer.timeout.connect(callback)

    def start(self, ms: int) -> None:
        self.qtimer.start(ms)

    def stop(self) -> None:
        self.qtimer.stop()
