"""A wake-up timer that fires only when a test says so (core/wake_timer.py)."""

from __future__ import annotations

from collections.abc import Callable


class ManualTimer:
    def __init__(self, callback: Callable[[], None]) -> None:
        self._callback = callback
        self.armed_ms: int | None = None  # the delay asked for, None when stopped
        self.starts = 0

    def start(self, ms: int) -> None:
        self.armed_ms = ms
        self.starts += 1

    def stop(self) -> None:
        self.armed_ms = None

    def fire(self) -> None:
        """Fire as Qt would (armed or not: a test may force a wake-up)."""
        self.armed_ms = None
        self._callback()


class ManualTimers:
    """Makes ManualTimers and keeps them, so a test can reach the one a window made."""

    def __init__(self) -> None:
        self.made: list[ManualTimer] = []

    def __call__(self, callback: Callable[[], None]) -> ManualTimer:
        timer = ManualTimer(callback)
        self.made.append(timer)
        return timer

    @property
    def last(self) -> ManualTimer:
        return self.made[-1]
