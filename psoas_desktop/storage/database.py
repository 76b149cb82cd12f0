"""Opening the history file: owner-only permissions, WAL, a health check, migrations, and a
corrupt file moved aside (renamed with a timestamp, never deleted) so a fresh one can start.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path

from psoas_desktop.storage.faults import is_corruption
from psoas_desktop.storage.migrations import (
    ForeignDatabaseError,
    known_version,
    migrate,
)
from psoas_desktop.storage.owner_only import FILE_MODE, create_file, make_folder
from psoas_desktop.storage.schema import SCHEMA_VERSION

# How long a write waits for another program's lock before it is kept in memory instead.
DEFAULT_BUSY_TIMEOUT = 1.0

Connect = Callable[[Path, float], sqlite3.Connection]


class CorruptDatabase(Exception):
    """The file is damaged, or is not a history database at all."""


class UnsafePlace(Exception):
    """The history's name leads somewhere the app must not write: out of the data folder
    through a link, or to a device, a pipe or a socket."""


def check_place(path: Path) -> None:
    """Refuse a history that is a link out of its folder or to anything but a regular file,
    before anything is created, opened or chmodded through it."""
    try:
        link = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISDIR(link.st_mode):
        return  # SQLite itself says "Is a directory", and never writes through one
    if stat.S_ISLNK(link.st_mode):
        target = path.resolve()
        if not target.exists():
            raise UnsafePlace(f"it is a link to {target}, which does not exist")
        if path.parent.resolve() not in target.parents:
            raise UnsafePlace(f"it is a link to {target}, outside the data folder")
        link = os.stat(target)
    if not stat.S_ISREG(link.st_mode):
        raise UnsafePlace("it is not a regular file (a device, pipe or socket)")


def raw_connect(path: Path, busy_timeout: float) -> sqlite3.Connection:
    """A connection in autocommit mode: transactions are begun and ended explicitly."""
    make_folder(path.parent)
    # Create the file owner-only before SQLite does (an existing one is made owner-only once
    # it is known to be a history, in prepare()); its -wal and -shm files copy this mode.
    if not path.is_symlink():  # a link was checked by check_place, and is never created
        create_file(path)
    return sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)


def read_only_connect(path: Path, busy_timeout: float) -> sqlite3.Connection:
    """A connection that cannot write, for a folder or file the app may not change. An
    immutable open is the last resort: SQLite then needs no -shm file beside the history."""
    if not path.is_file():
        raise sqlite3.OperationalError("unable to open database file")
    uri = path.resolve().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=busy_timeout,
                               isolation_level=None)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        return sqlite3.connect(f"{uri}?immutable=1", uri=True, timeout=busy_timeout,
                               isolation_level=None)


def prepare(conn: sqlite3.Connection, path: Path | None = None) -> None:
    """Settings, a health check and migrations; raises CorruptDatabase for a damaged file.
    With `path`, the file is made owner-only once it is known to be a history."""
    try:
        # Checked before anything is written, so a damaged file is moved aside as it was found.
        verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            raise CorruptDatabase(verdict)
        known_version(conn)  # before anything is written, even the journal mode
        if path is not None:
            os.chmod(path, 0o600)  # the log is health data
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed step is on disk even if the power goes, not just if the process dies.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
    except ForeignDatabaseError as exc:
        raise CorruptDatabase(str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        if is_corruption(exc):
            raise CorruptDatabase(str(exc)) from exc
        raise


SQLITE_HEADER = b"SQLite format 3\x00"


def check_header(path: Path) -> None:
    """Refuse a file that is plainly not SQLite before SQLite opens it: on closing, SQLite may
    delete or reset a -wal file beside it, and everything beside a damaged file is kept."""
    try:
        with open(path, "rb") as file:
            head = file.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    if head and head != SQLITE_HEADER:
        raise CorruptDatabase("file is not a database")


def _decode(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def open_read_only(path: Path, busy_timeout: float) -> sqlite3.Connection:
    """Open the history to read it only: checked as `open_connection` does, never changed."""
    check_place(path)
    check_header(path)
    conn = read_only_connect(path, busy_timeout)
    conn.text_factory = _decode
    try:
        verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            raise CorruptDatabase(verdict)
        version = known_version(conn)
        if version != SCHEMA_VERSION:
            raise sqlite3.OperationalError(
                f"it has schema {version} and cannot be upgraded while it is read-only")
    except ForeignDatabaseError as exc:
        conn.close()
        raise CorruptDatabase(str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        conn.close()
        if is_corruption(exc):
            raise CorruptDatabase(str(exc)) from exc
        raise
    except BaseException:
        conn.close()
        raise
    return conn


def open_connection(path: Path, busy_timeout: float, connect: Connect = raw_connect
                    ) -> sqlite3.Connection:
    check_place(path)
    check_header(path)
    conn = connect(path, busy_timeout)
    # Text that is not UTF-8 (a byte damaged, or written by another program) is read with
    # replacement characters: one bad note must not make the whole history unreadable.
    conn.text_factory = _decode
    try:
        prepare(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn


def move_aside(path: Path, now: datetime) -> Path:
    """Rename a damaged database (and its -wal/-shm companions) to a timestamped name."""
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    for suffix in ("-wal", "-shm"):
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            companion.rename(Path(f"{target}{suffix}"))
            os.chmod(Path(f"{target}{suffix}"), FILE_MODE)
    path.rename(target)
    os.chmod(target, FILE_MODE)  # kept, and as private as the history it was
    return target


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            with suppress(sqlite3.Error):  # the first error is the one worth reporting
                conn.execute("ROLLBACK")
        raise
