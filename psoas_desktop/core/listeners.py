"""One way for a Qt-free publisher to tell others what happened: a typed list of callbacks.

Every non-Qt publisher (the session, the history, the sound status) holds a `Listeners[T]`
and calls `emit(value)`; widgets subscribe with `add`. Qt signals stay Qt's own business.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

log = logging.getLogger(__name__)


class Listeners(Generic[T]):
    """Callbacks taking one value, called in the order they were added.

    A listener that raises is logged and the rest still hear the news: one broken view must
    not silence the recorder.
    """

    def __init__(self) -> None:
        self._callbacks: list[Callable[[T], object]] = []

    def add(self, callback: Callable[[T], object]) -> None:
        self._callbacks.append(callback)

    def remove(self, callback: Callable[[T], object]) -> None:
        self._callbacks.remove(callback)

    def emit(self, value: T) -> None:
        for callback in list(self._callbacks):
            try:
                callback(value)
            except Exception:
                log.exception("listener %r failed", callback)

    def __len__(self) -> int:
        return len(self._callbacks)
