"""The history's one connection: opened when first needed, reopened after a fault, and a damaged
file moved aside (never deleted) so a fresh history can start. Where the file cannot be written
(a read-only folder or disk), it is opened read-only so it can still be shown."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from psoas_desktop.storage.database import (
    Connect,
    CorruptDatabase,
    UnsafePlace,
    move_aside,
    open_connection,
    open_read_only,
)
from psoas_desktop.storage.faults import Problem, classify
from psoas_desktop.storage.migrations import NewerSchemaError

log = logging.getLogger(__name__)

WallClock = Callable[[], datetime]


class OpenFailed(Exception):
    """The history cannot be opened now; `problem` says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class HistoryFile:
    def __init__(self, path: Path, busy_timeout: float, connect: Connect, move_corrupt: bool,
                 wall_clock: WallClock,
                 on_first_open: Callable[[sqlite3.Connection], None] | None = None) -> None:
        """`on_first_open` runs once, on the first connection that opens (recovery work);
        if it fails, the connection is closed and the next attempt runs it again."""
        self.path = path
        self._busy_timeout = busy_timeout
        self._connect = connect
        self._move_corrupt = move_corrupt
        self._wall_clock = wall_clock
        self._on_first_open = on_first_open
        self._conn: sqlite3.Connection | None = None
        self._read_only = False
        self._notice: str | None = None
        self._moved_to: Path | None = None

    @property
    def notice(self) -> str | None:
        """A one-off message for the user: a damaged file was moved aside, and where to."""
        return self._notice

    @property
    def moved_to(self) -> Path | None:
        return self._moved_to

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @property
    def read_only(self) -> bool:
        """The open connection can only read (the file or its folder cannot be written)."""
        return self._conn is not None and self._read_only

    def connection(self, for_writing: bool = True) -> sqlite3.Connection:
        """The open connection, opening it if need be; raises OpenFailed.

        For reading only, a history that cannot be opened for writing is opened read-only."""
        if self._conn is not None and (not for_writing or not self._read_only):
            return self._conn
        try:
            conn = self._checked(self._open_writable)
        except OpenFailed as failed:
            if for_writing or not isinstance(failed.__cause__, (sqlite3.Error, OSError)):
                raise
            if self._conn is None:
                try:
                    self._conn = self._checked(
                        lambda: open_read_only(self.path, self._busy_timeout))
                except OpenFailed:
                    raise failed from failed.__cause__
                self._read_only = True
                log.warning("history %s opened read-only: %s", self.path, failed)
            return self._conn
        self.discard()
        self._conn, self._read_only = conn, False
        return conn

    def _checked(self, open_it: Callable[[], sqlite3.Connection]) -> sqlite3.Connection:
        try:
            return open_it()
        except NewerSchemaError as exc:
            cause = f"Not using {self.path}: {exc}"
            raise OpenFailed(Problem(cause, f"{cause}.")) from exc
        except UnsafePlace as exc:
            cause = f"Not using {self.path}: {exc}"
            raise OpenFailed(Problem(cause, f"{cause}.")) from exc
        except CorruptDatabase as exc:
            cause = f"{self.path} is damaged or not a history ({exc})"
            raise OpenFailed(Problem(cause, cause)) from exc
        except (sqlite3.Error, OSError) as exc:
            raise OpenFailed(Problem.waiting(classify(exc, self.path).cause)) from exc

    def _open_writable(self) -> sqlite3.Connection:
        conn = self._open_or_replace()
        if self._on_first_open is not None:
            try:
                self._on_first_open(conn)
            except BaseException:
                conn.close()
                raise
            self._on_first_open = None
        return conn

    def _open_or_replace(self) -> sqlite3.Connection:
        try:
            return open_connection(self.path, self._busy_timeout, self._connect)
        except CorruptDatabase as exc:
            if not self._move_corrupt:
                raise
            self._moved_to = move_aside(self.path, self._wall_clock())
            log.warning("damaged history %s moved to %s: %s", self.path, self._moved_to, exc)
            self._notice = (f"The history file was damaged ({exc}). It was moved to "
                            f"{self._moved_to} and a new history was started.")
            return open_connection(self.path, self._busy_timeout, self._connect)

    def discard(self) -> None:
        """Close the connection after a fault that may mean the file went or changed; the
        next use opens it afresh."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
            self._read_only = False

    def close(self) -> None:
        self.discard()
