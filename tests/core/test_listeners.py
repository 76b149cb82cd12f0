"""The listener helper: order kept, a failing listener logged and the rest still called."""

from __future__ import annotations

import logging

import pytest

from psoas_desktop.core.listeners import Listeners


def test_listeners_hear_in_order_and_can_leave() -> None:
    heard: list[str] = []
    listeners: Listeners[int] = Listeners()
    first = lambda v: heard.append(f"a{v}")  # noqa: E731
    listeners.add(first)
    listeners.add(lambda v: heard.append(f"b{v}"))
    listeners.emit(1)
    listeners.remove(first)
    listeners.emit(2)
    assert heard == ["a1", "b1", "b2"]
    assert len(listeners) == 1


def test_a_failing_listener_does_not_silence_the_rest(caplog: pytest.LogCaptureFixture) -> None:
    heard: list[int] = []
    listeners: Listeners[int] = Listeners()

    def broken(value: int) -> None:
        raise RuntimeError("boom")

    listeners.add(broken)
    listeners.add(heard.append)
    with caplog.at_level(logging.ERROR, logger="psoas_desktop.core.listeners"):
        listeners.emit(7)
    assert heard == [7]
    assert "boom" in caplog.text
