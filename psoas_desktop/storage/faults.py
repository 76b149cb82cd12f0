"""Every error the history meets, sorted once into storage faults (the user is told, and the
rows wait) and rows refused (set aside), as qutebrowser's misc/sql.py sorts SQLite's errors into
known errors and bugs.

Nothing else in storage/ looks at SQLite's error codes or decides what a message says.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

# SQLite's primary result codes (https://www.sqlite.org/rescode.html) the history reacts to.
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26

KEEP_IN_MEMORY = "sessions are kept in memory and saved as soon as they can be."


class HistoryError(Exception):
    """The history cannot be read or edited right now; the message says why, in one line."""


class Kind(Enum):
    BUSY = "busy"  # another program holds the lock: wait and try again
    FULL = "full"  # the disk is full: wait and try again
    UNWRITABLE = "unwritable"  # read-only, gone, no permission, an I/O error: reopen later
    CORRUPT = "corrupt"  # damaged, or not a history
    ROW_REFUSED = "row refused"  # this one row cannot be stored; the others can


@dataclass(frozen=True)
class Fault:
    kind: Kind
    cause: str  # one sentence without a full stop

    @property
    def transient(self) -> bool:
        """The same write may succeed later: it stays queued."""
        return self.kind in (Kind.BUSY, Kind.FULL, Kind.UNWRITABLE)

    @property
    def keeps_connection(self) -> bool:
        """The open connection is still good (a lock or a full disk passes)."""
        return self.kind in (Kind.BUSY, Kind.FULL)


def result_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    # Extended codes keep the primary one in the low byte.
    return None if not isinstance(code, int) else code & 0xFF


def is_corruption(exc: BaseException) -> bool:
    return result_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB)


def classify(exc: BaseException, path: Path) -> Fault:
    """What `exc`, raised while writing or reading `path`, means for the history.

    A bug in the app's own SQL (sqlite3.ProgrammingError, InterfaceError) and anything that is
    not an error of the storage or of the row's values are reported as a refused row, so one
    bad row never stops the rows behind it; the caller logs those with their traceback.
    """
    code = result_code(exc)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return Fault(Kind.BUSY, "Another program is using the history file")
    if code == SQLITE_FULL:
        return Fault(Kind.FULL, "The disk is full")
    if is_corruption(exc):
        return Fault(Kind.CORRUPT, f"{path} is damaged or not a history ({exc})")
    if isinstance(exc, sqlite3.IntegrityError):
        return Fault(Kind.ROW_REFUSED, f"the history refused a row ({exc})")
    if isinstance(exc, (sqlite3.ProgrammingError, sqlite3.InterfaceError,
                        sqlite3.DataError, sqlite3.NotSupportedError)):
        return Fault(Kind.ROW_REFUSED, f"a row could not be stored ({exc})")
    if isinstance(exc, (sqlite3.Error, OSError)):
        return Fault(Kind.UNWRITABLE, f"Cannot write the history at {path} ({exc})")
    # UnicodeEncodeError (a lone surrogate), OverflowError (an integer past 64 bits), a
    # TypeError or ValueError from a value SQLite cannot bind: the row, not the file.
    return Fault(Kind.ROW_REFUSED, f"a row could not be stored ({type(exc).__name__}: {exc})")


def edit_error(exc: BaseException, path: Path) -> HistoryError:
    """The one-line HistoryError for an edit (notes, delete) that failed."""
    fault = classify(exc, path)
    if isinstance(exc, sqlite3.IntegrityError):
        return HistoryError("That session is no longer in the history (it was deleted "
                            "meanwhile); nothing was changed.")
    if fault.kind is Kind.ROW_REFUSED:
        return HistoryError(f"The change could not be saved: {fault.cause}.")
    return HistoryError(f"{fault.cause}.")


def read_error(exc: BaseException, path: Path) -> HistoryError:
    return HistoryError(f"Cannot read the history at {path} ({exc}).")


@dataclass(frozen=True)
class Problem:
    """Why the history is not saving: the fault alone (`cause`, for one line on a command
    line) and what is told to the user (`message`, with what is done about it)."""

    cause: str
    message: str

    @classmethod
    def waiting(cls, cause: str) -> Problem:
        return cls(cause, f"{cause}; {KEEP_IN_MEMORY}")
