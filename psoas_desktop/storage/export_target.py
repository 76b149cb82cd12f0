"""Where an export is written, safely whatever the name points at.

- `-`: standard output.
- Nothing there: a temporary file beside it, renamed into place once whole (owner-only).
- A regular file with one name: replaced the same way, and only with `force`.
- A symlink, a second hard link, a pipe, a device: written straight into, never replaced
  (replacing would swap the link or the device node for a plain file); a regular file behind
  a link still needs `force`.
- A folder, or a link leading nowhere: refused.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from psoas_desktop.storage.owner_only import FILE_MODE

STDOUT = "-"


class ExistsError(FileExistsError):
    """A regular file is there already: overwriting needs force."""


@contextlib.contextmanager
def open_target(path: Path | str, force: bool = False) -> Iterator[TextIO]:
    if str(path) == STDOUT:
        sys.stdout.flush()
        with open(sys.stdout.fileno(), "w", newline="", encoding="utf-8", closefd=False) as out:
            yield out
        return
    path = Path(path)
    try:
        link = os.lstat(path)
    except FileNotFoundError:
        with _atomic(path) as out:
            yield out
        return
    try:
        found = os.stat(path)
    except FileNotFoundError:
        raise FileNotFoundError(2, "the link leads to nothing", str(path)) from None
    if stat.S_ISDIR(found.st_mode):
        raise IsADirectoryError(21, "Is a directory", str(path))
    if stat.S_ISREG(found.st_mode) and not force:
        raise ExistsError(17, "a file is there already (--force overwrites it)", str(path))
    if stat.S_ISREG(link.st_mode) and link.st_nlink == 1:
        with _atomic(path) as out:
            yield out
        return
    flags = os.O_WRONLY | getattr(os, "O_CLOEXEC", 0)
    if stat.S_ISREG(found.st_mode):
        flags |= os.O_TRUNC
    fd = os.open(path, flags)
    with open(fd, "w", newline="", encoding="utf-8") as out:
        yield out


@contextlib.contextmanager
def _atomic(path: Path) -> Iterator[TextIO]:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    try:
        os.fchmod(fd, FILE_MODE)  # the log is health data; the export as private as the file
        with open(fd, "w", newline="", encoding="utf-8") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
