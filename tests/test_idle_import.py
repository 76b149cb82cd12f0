"""The plotting modules load one per idle turn of the event loop, and not while a session runs."""

from __future__ import annotations

import sys
from collections.abc import Callable

from psoas_desktop.idle_import import BUSY_RETRY_MS, IdleImports


class FakeLoop:
    """Timers queued in order; run() fires the next one."""

    def __init__(self) -> None:
        self.queued: list[tuple[int, Callable[[], None]]] = []

    def schedule(self, ms: int, callback: Callable[[], None]) -> None:
        self.queued.append((ms, callback))

    def run(self) -> int:
        ms, callback = self.queued.pop(0)
        callback()
        return ms


def test_one_module_per_turn_and_none_while_a_session_runs(monkeypatch) -> None:
    for name in ("json.decoder", "json", "colorsys"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    running = [False]
    loop = FakeLoop()
    imports = IdleImports(["colorsys", "json", "json.decoder"], lambda: not running[0],
                          loop.schedule)
    imports.start()
    assert loop.run() == 0 and "colorsys" in sys.modules and "json" not in sys.modules
    running[0] = True
    loop.run()
    assert "json" not in sys.modules and loop.queued[0][0] == BUSY_RETRY_MS
    running[0] = False
    loop.run()
    assert "json" in sys.modules  # json.decoder came with it, and is skipped
    loop.run()
    assert imports.done and not loop.queued


def test_a_missing_module_ends_the_chain_quietly() -> None:
    loop = FakeLoop()
    imports = IdleImports(["no_such_module_here", "colorsys"], lambda: True, loop.schedule)
    imports.start()
    loop.run()
    assert imports.done and not loop.queued
