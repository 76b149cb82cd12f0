"""Builds the QApplication and wires core, storage, audio and window together."""

from __future__ import annotations

import sys

from psoas_desktop.core.routines import RoutineBook
from psoas_desktop.storage.paths import AppPaths


def run_app(book: RoutineBook, paths: AppPaths) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from psoas_desktop import APP_TITLE

    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle(APP_TITLE)
    window.setCentralWidget(QLabel(f"{len(book.routines)} routines loaded."))
    window.resize(1000, 700)
    window.show()
    return app.exec()
