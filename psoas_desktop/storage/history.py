"""The session history: one SQLite file, written a step at a time, that survives faults.

History puts the rooms together: the connection and its recovery (connection.py), marking
interrupted sessions (interrupted.py), the write queue (write_queue.py), and here the recording,
editing and reading API. Errors are sorted once, in faults.py. A session is never stopped by
its history.

Listeners: `changed` hears None after rows were written or edited (views refresh);
`problem_changed` hears a message when writing starts failing and None once all is saved.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from psoas_desktop.core.listeners import Listeners
from psoas_desktop.core.progression import ExerciseResult
from psoas_desktop.core.routines import Target
from psoas_desktop.core.timeline import Step
from psoas_desktop.core.training_log import LogDetails
from psoas_desktop.storage import instance_lock, kept_rows, queries, writes
from psoas_desktop.storage.connection import HistoryFile, OpenFailed, WallClock
from psoas_desktop.storage.database import (
    DEFAULT_BUSY_TIMEOUT,
    Connect,
    raw_connect,
    transaction,
)
from psoas_desktop.storage.faults import HistoryError, Problem, edit_error, read_error
from psoas_desktop.storage.interrupted import mark_interrupted
from psoas_desktop.storage.records import SessionRow, StepRow
from psoas_desktop.storage.row_reader import BadRow
from psoas_desktop.storage.write_queue import WriteQueue
from psoas_desktop.storage.writes import PlannedTarget, SessionRef, Write

__all__ = ["History", "HistoryError", "WallClock", "utc_now"]

_T = TypeVar("_T")
log = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(UTC)


class History:
    def __init__(
        self,
        path: Path,
        *,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
        connect: Connect = raw_connect,
        recover: bool = True,
        move_corrupt: bool = True,
        wall_clock: WallClock = utc_now,
        retry_interval: float = 0.0,
        clock: Callable[[], float] = time.monotonic,
        keep_folders: Sequence[Path] = (),
    ) -> None:
        """Open (or create) the history at `path`; never raises for a storage fault.

        recover: mark sessions left 'running' by a crash as 'interrupted' (the app; not the
        command line, which may run while a session is being recorded).
        move_corrupt: move a damaged file aside and start a fresh one (else just report it).
        retry_interval: after a failed write, later submits only queue for this many seconds
        (of `clock`); `flush()` always tries. The app sets it: each try on a locked file waits
        `busy_timeout` in the event loop, and a freeze at every step end would make the
        countdown stutter and drop cues.
        keep_folders: where rows still waiting at `close()` may be kept when the history's own
        folder cannot take the side file; with `recover`, rows kept by an earlier run (beside
        the history or in these folders) are written first.
        """
        self.path = Path(path)
        self.wall_clock = wall_clock  # suggestions ask it how long a target has been in use
        self.changed: Listeners[None] = Listeners()
        self.problem_changed: Listeners[str | None] = Listeners()
        self._problem: Problem | None = None
        self._bad_rows: tuple[BadRow, ...] = ()
        self._interrupted_found = 0
        self._file = HistoryFile(self.path, busy_timeout, connect, move_corrupt, wall_clock,
                                 self._recover if recover else None)
        self._queue = WriteQueue(self._file, self._set_problem, lambda: self.changed.emit(None),
                                 retry_interval=retry_interval, clock=clock)
        self._kept = kept_rows.Keeper(self.path, keep_folders, merge=recover)
        self._connection()
        self._kept.merge_into(self._queue)

    # --- what the history says about itself (read-only) -------------------------------------

    @property
    def problem(self) -> str | None:
        """Why writes are waiting in memory, or were refused; None when all is saved."""
        return self._problem.message if self._problem else None

    @property
    def cause(self) -> str | None:
        """The last fault alone, without what is done about it."""
        return self._problem.cause if self._problem else None

    @property
    def notice(self) -> str | None:
        """A one-off message for the user, e.g. a damaged file moved aside."""
        return self._file.notice

    @property
    def moved_to(self) -> Path | None:
        return self._file.moved_to

    @property
    def interrupted_found(self) -> int:
        """Sessions found running at open and marked interrupted."""
        return self._interrupted_found

    @property
    def dropped(self) -> int:
        """Queued rows the file refused outright (never expected)."""
        return self._queue.dropped

    @property
    def pending(self) -> int:
        """Writes kept in memory, waiting for the file to become writable."""
        return self._queue.pending

    @property
    def kept_at(self) -> Path | None:
        """Where `close()` kept rows it could not write (None: nothing was left over)."""
        return self._kept.kept_at

    @property
    def merged(self) -> int:
        """Rows an earlier run kept in a side file, written at this open."""
        return self._kept.merged

    @property
    def available(self) -> bool:
        return self._connection() is not None

    # --- the connection ----------------------------------------------------------------------

    def _recover(self, conn: sqlite3.Connection) -> None:
        if instance_lock.held_elsewhere(self.path.parent):
            # Another copy of the app is recording here: its running session is live.
            log.warning("not marking sessions interrupted: another process holds %s",
                        self.path.parent)
            return
        self._interrupted_found = mark_interrupted(conn)

    def _connection(self, for_writing: bool = True) -> sqlite3.Connection | None:
        try:
            return self._file.connection(for_writing)
        except OpenFailed as exc:
            self._set_problem(exc.problem)
            return None

    @property
    def readable(self) -> bool:
        """The history can be read, if need be read-only (a read-only folder or disk)."""
        return self._connection(for_writing=False) is not None

    @property
    def read_only(self) -> bool:
        return self._file.read_only

    def _set_problem(self, problem: Problem | None) -> None:
        if problem == self._problem:
            return
        before = self.problem
        self._problem = problem
        if self.problem != before:
            self.problem_changed.emit(self.problem)

    def close(self) -> None:
        """Try once more to write what is queued, keep in a side file what still cannot be
        written (see `kept_at`), then close the file."""
        if self._queue.pending:
            self._queue.flush()
        self._kept.keep(self._queue.waiting())
        self._file.close()

    # --- recording: queued writes ------------------------------------------------------------

    def submit(self, write: Write) -> bool:  # see WriteQueue
        return self._queue.submit(write)

    def flush(self) -> bool:
        return self._queue.flush()

    def start_session(self, routine_id: str, routine_name: str, started_at: datetime,
                      planned_seconds: int, targets: Sequence[PlannedTarget] = (),
                      pain_before: int | None = None) -> SessionRef:
        """Queue the session row (status running); its id is known once it is written."""
        ref = SessionRef()
        self.submit(writes.start_session(ref, routine_id, routine_name, started_at,
                                         planned_seconds, targets, pain_before))
        return ref

    def add_step(self, ref: SessionRef, index: int, step: Step, actual_seconds: float,
                 skipped: bool, ended_at: datetime) -> None:
        self.submit(writes.add_step(ref, index, step, actual_seconds, skipped, ended_at))

    def end_session(self, ref: SessionRef, status: str, ended_at: datetime,
                    active_seconds: float) -> None:
        self.submit(writes.end_session(ref, status, ended_at, active_seconds))

    def save_log(self, ref: SessionRef, pain_after: int | None = None,
                 stiffness: int | None = None, notes: str = "",
                 details: LogDetails | None = None) -> None:
        """The after-session log; the pain rated before the session is kept."""
        self.submit(writes.save_log(ref, pain_after, stiffness, notes, details))

    # --- editing (from the history view: done at once, or a HistoryError) -------------------

    def _require(self, for_writing: bool = True) -> sqlite3.Connection:
        conn = self._connection(for_writing)
        if conn is None:
            raise HistoryError(self.problem or f"Cannot open the history at {self.path}.")
        return conn

    def _edit(self, sql: str, params: tuple[object, ...]) -> None:
        conn = self._require()
        try:
            with transaction(conn):
                conn.execute(sql, params)
        except Exception as exc:  # sorted once; never a raw sqlite3 error to the caller
            raise edit_error(exc, self.path) from exc
        self.changed.emit(None)

    def set_notes(self, session_id: int, notes: str) -> None:
        self._edit("INSERT INTO log_entries (session_id, notes) VALUES (?, ?)"
                   " ON CONFLICT (session_id) DO UPDATE SET notes = excluded.notes",
                   (session_id, notes))

    def delete_session(self, session_id: int) -> None:
        """Delete a session with its steps, targets and log (foreign keys cascade)."""
        self._edit("DELETE FROM sessions WHERE id = ?", (session_id,))

    # --- reading -----------------------------------------------------------------------------

    def read(self, query: Callable[[sqlite3.Connection], _T]) -> _T:
        """Run a read-only query from queries.py; raises HistoryError."""
        return self._read(query)

    def _read(self, query: Callable[[sqlite3.Connection], _T]) -> _T:
        conn = self._require(for_writing=False)
        try:
            return query(conn)
        except sqlite3.Error as exc:
            raise read_error(exc, self.path) from exc

    @property
    def bad_rows(self) -> tuple[BadRow, ...]:
        """Rows the last read of sessions or steps skipped because they cannot be used."""
        return self._bad_rows

    def _checked(self, query: Callable[[sqlite3.Connection, list[BadRow]], _T]) -> _T:
        bad: list[BadRow] = []
        result = self._read(lambda c: query(c, bad))
        self._bad_rows = tuple(bad)
        for row in bad:
            log.warning("history row skipped: %s", row)
        return result

    def sessions(self, limit: int | None = None, newest_first: bool = True) -> list[SessionRow]:
        return self._checked(lambda c, bad: queries.sessions(c, limit, newest_first, bad))

    def session(self, session_id: int) -> SessionRow | None:
        return self._read(lambda c: queries.session(c, session_id))

    def steps(self, session_id: int) -> list[StepRow]:
        return self._read(lambda c: queries.steps(c, session_id))

    def all_steps(self) -> list[StepRow]:
        return self._checked(lambda c, bad: list(queries.all_steps(c, bad)))

    def exercise_ids(self) -> list[str]:
        return self._read(queries.exercise_ids)

    def exercise_results(self, exercise_id: str, limit: int | None = None
                         ) -> list[ExerciseResult]:
        return self._read(lambda c: queries.exercise_results(c, exercise_id, limit))

    def last_targets(self, routine_id: str) -> dict[str, Target]:
        return self._read(lambda c: queries.last_targets(c, routine_id))

    def last_rom_at(self) -> datetime | None:
        return self._read(queries.last_rom_at)

    def session_targets(self) -> dict[tuple[int, str], tuple[Target, str | None]]:
        return self._read(queries.session_targets)

