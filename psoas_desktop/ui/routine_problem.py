"""A routines file of the user's that was refused, shown in the window: which file, where in
it and what is wrong, with a button that opens its folder. The file itself is never touched;
the built-in routines and the file's valid routines still load."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QToolBar, QWidget

HEADING = "Some of your routines could not be loaded; the file was left as it is:"


class RoutineProblemBanner(QWidget):
    def __init__(self, problems: Sequence[str], folder: Path,
                 open_url: Callable[[QUrl], object] = QDesktopServices.openUrl,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self._open_url = open_url
        self.message = QLabel("\n".join([HEADING, *(f"• {p}" for p in problems)]), self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Routine file problems")
        self.open_folder = QPushButton("Open the folder", self)
        self.open_folder.clicked.connect(self.show_folder)
        self.dismiss = QPushButton("Hide", self)
        row = QHBoxLayout(self)
        row.addWidget(self.message, 1)
        row.addWidget(self.open_folder)
        row.addWidget(self.dismiss)

    def show_folder(self) -> None:
        self._open_url(QUrl.fromLocalFile(str(self.folder)))


def show_routine_problems(window: QMainWindow, problems: Sequence[str], folder: Path,
                          open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
                          ) -> RoutineProblemBanner | None:
    """Put the problems above the window's content (a fixed bar, so the window's own layout
    is left alone); None when there are none."""
    if not problems:
        return None
    bar = QToolBar("Routine file problems", window)
    bar.setMovable(False)
    bar.setFloatable(False)
    banner = RoutineProblemBanner(problems, folder, open_url, bar)
    banner.dismiss.clicked.connect(bar.hide)
    bar.addWidget(banner)
    window.addToolBar(bar)
    return banner
