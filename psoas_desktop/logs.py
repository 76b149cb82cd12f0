"""Logging for the whole app: one logger per module, to stderr and a rotated file in the data dir.

`setup` is called once by the command line; until then modules log to nowhere (the library
default), so importing a module never writes a file.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

LOG_FILE = "psoas-desktop.log"
MAX_BYTES = 512 * 1024
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


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
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
        os.chmod(folder, 0o700)
    except OSError as exc:
        root.warning("no log file in %s: %s", folder, exc)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    return path
