"""Opening the history file: owner-only permissions, WAL, a health check, migrations, and a
corrupt file moved aside (renamed with a timestamp, never deleted) so a fresh one can start.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path

from psoas_desktop.storage.faults import is_corruption
from psoas_desktop.storage.migrations import (
    ForeignDatabaseError,
    NewerSchemaError,
    migrate,
)
from psoas_desktop.storage.schema import SCHEMA_VERSION

# How long a write waits for another program's lock before it is kept in memory instead.
DEFAULT_BUSY_TIMEOUT = 1.0

Connect = Callable[[Path, float], sqlite3.Connection]


class CorruptDatabase(Exception):
    """The file is damaged, or is not a history database at all."""


def raw_connect(path: Path, busy_timeout: float) -> sqlite3.Connection:
    """A connection in autocommit mode: transactions are begun and ended explicitly."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    # Create the file owner-only before SQLite does (an existing one is made owner-only once
    # it is known to be a history, in prepare()); its -wal and -shm files copy this mode.
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    return sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)


def refuse_strangers(conn: sqlite3.Connection) -> None:
    """A history of a newer version, or another program's database, is refused before anything
    is written to it (not even its journal mode or permissions): it stays exactly as found."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(f"it was written by a newer Psoas Desktop (schema {version}; "
                               f"this one knows {SCHEMA_VERSION})")
    tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()
    if version == 0 and tables[0]:
        raise ForeignDatabaseError("it holds tables that are not a Psoas Desktop history")


def prepare(conn: sqlite3.Connection, path: Path | None = None) -> None:
    """Settings, a health check and migrations; raises CorruptDatabase for a damaged file.
    With `path`, the file is made owner-only once it is known to be a history."""
    try:
        # Checked before anything is written, so a damaged file is moved aside as it was found.
        verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            raise CorruptDatabase(verdict)
        refuse_strangers(conn)
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


def open_connection(path: Path, busy_timeout: float, connect: Connect = raw_connect
                    ) -> sqlite3.Connection:
    check_header(path)
    conn = connect(path, busy_timeout)
    # Text that is not UTF-8 (a byte damaged, or written by another program) is read with
    # replacement characters: one bad note must not make the whole history unreadable.
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
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
    path.rename(target)
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
