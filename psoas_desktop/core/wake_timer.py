"""The one timer a session needs: wake once, some milliseconds from now. Qt-free.

The controller is given a way to make one (platform/qt_timer.py in the app, a timer fired by
hand in tests), so nothing in core waits on Qt's clock and no test reaches into a QTimer.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Protocol


class WakeTimer(Protocol):
    def start(self, ms: int) -> None:
        """Fire the callback once, `ms` from now; a timer already armed is armed again."""

    def stop(self) -> None: ...


# Given the callback to call on firing, makes a timer.
MakeTimer = Callable[[Callable[[], None]], WakeTimer]


def wake_delay_ms(wakeup: float, now: float) -> int:
    """Milliseconds from `now` to `wakeup` (seconds on one monotonic clock).

    Rounded up: waking a millisecond early would show the old second once more. A lead time
    for a late-firing timer would be taken off here, in one place."""
    return max(0, math.ceil((wakeup - now) * 1000))
