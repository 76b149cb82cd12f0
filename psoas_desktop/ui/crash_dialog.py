"""One sys.excepthook for the window: a Python exception inside a Qt slot is logged with its
traceback to the rotated log file, the running session is paused with its records written,
and one plain dialog says so. Further exceptions while that dialog is up are only logged."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QMessageBox

from psoas_desktop.core.engine import State
from psoas_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)
TITLE = "Something went wrong"
TEXT = "Something went wrong; the session was saved; details in {file}."
NO_FILE = "the log (no log file could be written here)"

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class CrashDialog:
    def __init__(self, window: MainWindow, log_file: Path | None,
                 save: Callable[[], object] = lambda: None) -> None:
        self.window = window
        self.log_file = log_file
        self.save = save  # writes what the history still holds in memory
        self.box: QMessageBox | None = None
        self.caught = 0
        self._previous: Hook = sys.excepthook

    def __call__(self, kind: type[BaseException], error: BaseException,
                 trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        self.caught += 1
        # One line on stderr (WARNING and up); the traceback goes to the log file alone.
        log.error("uncaught %s: %s (details in %s)", kind.__name__, error, self.log_file)
        log.info("the traceback of that %s", kind.__name__, exc_info=(kind, error, trace))
        try:
            self._keep_records()
        except Exception:  # the hook must never raise: log it and still tell the user
            log.exception("keeping the session's records after an uncaught exception")
        if self.box is None:
            self._tell()

    def _keep_records(self) -> None:
        session = self.window.session
        if session is not None and session.state is State.RUNNING:
            self.window.controller.pause()  # its state is unknown from here: the user decides
        self.save()

    def _tell(self) -> None:
        where = str(self.log_file) if self.log_file is not None else NO_FILE
        box = QMessageBox(QMessageBox.Icon.Critical, TITLE, TEXT.format(file=where),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setAccessibleName(TITLE)
        box.finished.connect(self._closed)
        self.box = box
        box.open()  # not exec(): no nested event loop inside a hook

    def _closed(self) -> None:
        if self.box is not None:
            self.box.deleteLater()
        self.box = None


    def restore(self) -> None:
        """Give sys.excepthook back to what it was before install()."""
        if sys.excepthook is self:
            sys.excepthook = self._previous


def install(window: MainWindow, log_file: Path | None,
            save: Callable[[], object] = lambda: None) -> CrashDialog:
    """Make the window's hook sys.excepthook; its restore() undoes it."""
    hook = CrashDialog(window, log_file, save)
    sys.excepthook = hook
    return hook
