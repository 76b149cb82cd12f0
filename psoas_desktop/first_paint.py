"""The moment the window first paints: work that can wait (sound, history) runs after it, and
with PSOAS_EXIT_AFTER_FIRST_PAINT set the app reports that moment and its peak memory on
stdout, then quits (bench/startup.py reads it)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV = "PSOAS_EXIT_AFTER_FIRST_PAINT"


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], object], at_once: bool) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback = callback
        self._at_once = at_once

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            if self._at_once:
                self._callback()
            else:
                QTimer.singleShot(0, self._callback)
            self.deleteLater()
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], object]) -> None:
    """Run `callback` from the event loop once `widget` has first painted."""
    widget.installEventFilter(_FirstPaint(widget, callback, at_once=False))


def _peak_kib() -> int:
    """Peak resident memory in KiB where the system says (Unix); 0 elsewhere."""
    try:
        import resource  # Unix only: imported here, so Windows starts
    except ImportError:
        return 0
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _report_and_quit() -> None:
    peak_kib = _peak_kib()
    print(f"first-paint {time.time():.6f} peak-kib {peak_kib}", flush=True)
    QTimer.singleShot(0, QApplication.quit)


def watch(window: QWidget) -> None:
    """Report and quit once `window` first paints, when the environment asks for it. The
    figures are taken during the paint event, before any work put off until after it."""
    if os.environ.get(ENV):
        window.installEventFilter(_FirstPaint(window, _report_and_quit, at_once=True))
