"""One app per data folder, held with an OS lock on a file inside that folder.

The lock is keyed on the folder itself, so no environment (TMPDIR, USER, LOGNAME) and nothing
placed where a socket would go can make two copies write one history. The OS drops the lock
when the process ends, however it ends, so a crash never leaves the folder locked.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from types import ModuleType

from psoas_desktop.storage.owner_only import FILE_MODE, make_folder

fcntl: ModuleType | None
try:
    import fcntl
except ImportError:  # not a Unix: no lock; the local socket alone keeps one app per folder
    fcntl = None

log = logging.getLogger(__name__)

LOCK_NAME = "psoas-desktop.lock"
_held: dict[Path, int] = {}  # folders this process holds, with the open lock file


def _key(data_dir: Path) -> Path:
    return data_dir.resolve()


def _open(path: Path) -> int | None:
    flags = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | flags, FILE_MODE)
    except OSError:
        try:  # a read-only folder: an existing lock file can still be locked
            return os.open(path, os.O_RDONLY | flags)
        except OSError:
            return None


def acquire(data_dir: Path) -> bool | None:
    """Hold the folder's lock: True once held, False when it is held already (by another
    process, or by an earlier claim in this one), None when no lock file can be made there
    (a read-only folder: nothing can be written anyway)."""
    key = _key(data_dir)
    if key in _held:
        return False
    if fcntl is None:
        return None
    try:
        make_folder(data_dir)
    except OSError as exc:
        log.warning("no lock in %s: %s", data_dir, exc)
        return None
    fd = _open(data_dir / LOCK_NAME)
    if fd is None:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return False
    except OSError as exc:  # a file system without locks
        os.close(fd)
        log.warning("cannot lock %s: %s", data_dir, exc)
        return None
    _held[key] = fd
    return True


def release(data_dir: Path) -> None:
    fd = _held.pop(_key(data_dir), None)
    if fd is not None:
        os.close(fd)  # closing drops the lock


def held_elsewhere(data_dir: Path) -> bool:
    """True while another process holds the folder's lock."""
    if _key(data_dir) in _held or fcntl is None:
        return False
    path = data_dir / LOCK_NAME
    if not path.exists():
        return False
    fd = _open(path)
    if fd is None:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)  # also drops the lock just taken
    return False
