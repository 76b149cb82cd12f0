"""Guards the Qt binding pin: PySide6 6.12.0 on Python 3.11 drops a reference to None on every
Qt call that returns nothing, and the interpreter aborts a few minutes into a session."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_none_alive(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("12")
    # Other code may take or drop a few references meanwhile; the broken binding drops 2000.
    assert abs(sys.getrefcount(None) - before) < 200
