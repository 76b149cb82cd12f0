"""Logging for the whole app: one logger per module, to stderr and a rotated file in the data dir.

`setup` is called once by the command line; until then modules log to nowhere (the library
default), so importing a module never writes a file.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

LOG_FILE = "psoas-desktop.log"
MAX_BYTES = 512 * 1024
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RotatingFile(logging.FileHandler):
    """Appends to `path`; a record that would take it past `max_bytes` first moves it to
    path.1 (path.1 to path.2 and so on, the oldest of `backups` dropped). What
    logging.handlers.RotatingFileHandler does, without that module's imports (socket, pickle,
    queue: milliseconds and megabytes at every start)."""

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        super().__init__(path, encoding="utf-8", delay=True)
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full(self.format(record)):
                self._rotate()
        except Exception:  # as logging does: a failing handler never breaks the app
            self.handleError(record)
            return
        super().emit(record)

    def _full(self, text: str) -> bool:
        try:
            size = os.path.getsize(self.baseFilename)
        except OSError:
            return False  # not there yet
        return size > 0 and size + len(text.encode("utf-8")) + 1 > self.max_bytes

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None  # reopened by emit (delay)
        for n in range(self.backups - 1, 0, -1):
            older = f"{self.baseFilename}.{n}"
            if os.path.exists(older):
                os.replace(older, f"{self.baseFilename}.{n + 1}")
        os.replace(self.baseFilename, f"{self.baseFilename}.1")


def log_dir(data_dir: Path) -> Path:
    return data_dir / "log"


def setup(data_dir: Path | None, level: int = logging.INFO) -> Path | None:
    """Log WARNING and above to stderr, and `level` and above to a rotated file.

    Returns the log file, or None where the data folder cannot take one (read-only, say):
    the app runs on with stderr alone.
    """
    root = logging.getLogger("psoas_desktop")
    root.setLevel(level)
    for handler in list(root.handlers):  # a second call (tests) replaces, never doubles
        root.removeHandler(handler)
        handler.close()
    stderr = logging.StreamHandler()
    stderr.setLevel(logging.WARNING)
    stderr.setFormatter(logging.Formatter("psoas-desktop: %(levelname)s: %(message)s"))
    root.addHandler(stderr)
    root.propagate = False
    if data_dir is None:
        return None
    folder = log_dir(data_dir)
    path = folder / LOG_FILE
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = RotatingFile(path, MAX_BYTES, BACKUPS)
        os.chmod(folder, 0o700)
    except OSError as exc:
        root.warning("no log file in %s: %s", folder, exc)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    return path
