"""Import the history's plotting modules (pyqtgraph, numpy: about a second) a piece at a time
in the event loop's idle moments after the window's first paint, so that opening the history
never waits for them. Each piece runs from a zero-timeout timer on the GUI thread, never from
a thread (an import holds the GIL, and a thread would stall the countdown at random moments);
while a session runs, the chain waits and tries again later.

    IdleImports(PLOT_MODULES, may_run=lambda: not running(), schedule=qt_single_shot).start()
"""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Callable, Sequence

log = logging.getLogger(__name__)

# In the order they load, split where pyqtgraph's own import spends its time.
PLOT_MODULES = ("numpy", "pyqtgraph.Qt", "pyqtgraph.functions", "pyqtgraph.colormap",
                "pyqtgraph", "psoas_desktop.ui.history_plots", "psoas_desktop.ui.log_plots")
BUSY_RETRY_MS = 2000  # while a session runs


class IdleImports:
    def __init__(self, modules: Sequence[str], may_run: Callable[[], bool],
                 schedule: Callable[[int, Callable[[], None]], None]) -> None:
        self._left = list(modules)
        self._may_run = may_run
        self._schedule = schedule

    @property
    def done(self) -> bool:
        return not self._left

    def start(self) -> None:
        self._schedule(0, self._step)

    def _step(self) -> None:
        while self._left and self._left[0] in sys.modules:
            self._left.pop(0)  # already there (the history was opened first)
        if not self._left:
            return
        if not self._may_run():
            self._schedule(BUSY_RETRY_MS, self._step)
            return
        name = self._left.pop(0)
        try:
            importlib.import_module(name)
        except ImportError as exc:  # the history view says so itself when opened
            log.warning("could not load %s ahead of time: %s", name, exc)
            self._left.clear()
            return
        self._schedule(0, self._step)
