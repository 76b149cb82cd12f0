"""Start-up measurement: with PSOAS_EXIT_AFTER_FIRST_PAINT set, the app reports the moment its
window first paints (and its peak memory) on stdout, then quits. Used by bench/startup.py."""

from __future__ import annotations

import os
import resource
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV = "PSOAS_EXIT_AFTER_FIRST_PAINT"


class _FirstPaint(QObject):
    seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            print(f"first-paint {time.time():.6f} peak-kib {peak_kib}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def watch(window: QWidget) -> None:
    """Quit after `window` first paints, when the environment asks for it."""
    if os.environ.get(ENV):
        window.installEventFilter(_FirstPaint(window))
