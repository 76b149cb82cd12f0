"""The session history: one SQLite file, written a step at a time, that survives faults.

Writes that record a session go through a queue: each runs in its own transaction, in order.
When the disk is full or read-only, or another program holds the lock past the busy timeout, a
write stays queued in memory, `problem` says why, and the queue is written as soon as a later
write or `flush()` finds the file writable again (with `retry_interval`, later writes wait that
long before trying). A session is never stopped by its history.

Listeners: `on_changed` callbacks run after rows were written or edited (views refresh);
`on_problem` callbacks get a message when writing starts failing and None once all is saved.
"""

from __future__ import annotations

import sqlite3
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from psoas_desktop.core.progression import (
    ExerciseResult,
    Suggestion,
    suggest_for_routine,
)
from psoas_desktop.core.routines import Routine, Target
from psoas_desktop.core.timeline import Step
from psoas_desktop.core.training_log import LogDetails
from psoas_desktop.storage import queries, writes
from psoas_desktop.storage.database import (
    DEFAULT_BUSY_TIMEOUT,
    SQLITE_BUSY,
    SQLITE_FULL,
    SQLITE_LOCKED,
    Connect,
    CorruptDatabase,
    move_aside,
    open_connection,
    raw_connect,
    result_code,
    transaction,
)
from psoas_desktop.storage.migrations import NewerSchemaError
from psoas_desktop.storage.records import SessionRow, StepRow
from psoas_desktop.storage.writes import (
    Operation,
    PlannedTarget,
    SessionRef,
)

_T = TypeVar("_T")
# Sessions read back per exercise for a suggestion: enough to find the last easier target and
# how long the current one has been in use.
RESULTS_READ = 30
WallClock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class HistoryError(Exception):
    """The history cannot be read or edited right now; the message says why, in one line."""


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
    ) -> None:
        """Open (or create) the history at `path`; never raises for a storage fault.

        recover: mark sessions left 'running' by a crash as 'interrupted' (the app; not the
        command line, which may run while a session is being recorded).
        move_corrupt: move a damaged file aside and start a fresh one (else just report it).
        retry_interval: after a failed write, later submits only queue for this many seconds
        (of `clock`); `flush()` always tries. The app sets it: each try on a locked file waits
        `busy_timeout` in the event loop, and a freeze at every step end would make the
        countdown stutter and drop cues.
        """
        self.path = Path(path)
        self.notice: str | None = None  # a one-off message for the user, e.g. a file moved aside
        self.moved_to: Path | None = None
        self.problem: str | None = None  # why writes are waiting in memory; None when saved
        self.cause: str | None = None  # the last fault alone, without what is done about it
        self.interrupted_found = 0  # sessions found running at open and marked interrupted
        self.dropped = 0  # queued rows the file refused outright (never expected)
        self.on_changed: list[Callable[[], None]] = []
        self.on_problem: list[Callable[[str | None], None]] = []
        self._busy_timeout = busy_timeout
        self._connect_fn = connect
        self._recovered = not recover
        self._move_corrupt = move_corrupt
        self._wall_clock = wall_clock
        self._pending: deque[Operation] = deque()
        self._retry_interval = retry_interval
        self._clock = clock
        self._retry_at: float | None = None  # submits only queue until then
        self._conn: sqlite3.Connection | None = None
        self._connection()

    # --- the connection ----------------------------------------------------------------------

    @property
    def pending(self) -> int:
        """Writes kept in memory, waiting for the file to become writable."""
        return len(self._pending)

    @property
    def available(self) -> bool:
        return self._connection() is not None

    def close(self) -> None:
        """Try once more to write what is queued, then close the file."""
        if self._pending:
            self.flush()
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _open(self) -> sqlite3.Connection:
        return open_connection(self.path, self._busy_timeout, self._connect_fn)

    def _connection(self) -> sqlite3.Connection | None:
        if self._conn is not None:
            return self._conn
        try:
            try:
                conn = self._open()
            except CorruptDatabase as exc:
                if not self._move_corrupt:
                    self.cause = f"{self.path} is damaged or not a history ({exc})"
                    self._set_problem(self.cause)
                    return None
                self.moved_to = move_aside(self.path, self._wall_clock())
                self.notice = (f"The history file was damaged ({exc}). It was moved to "
                               f"{self.moved_to} and a new history was started.")
                conn = self._open()
            if not self._recovered:
                self._recover(conn)
        except NewerSchemaError as exc:
            self.cause = f"Not using {self.path}: {exc}"
            self._set_problem(f"{self.cause}.")
            return None
        except (sqlite3.Error, OSError, CorruptDatabase) as exc:
            self._set_problem(self._describe(exc))
            return None
        self._conn = conn
        return conn

    def _recover(self, conn: sqlite3.Connection) -> None:
        try:
            self.interrupted_found = self._mark_interrupted(conn)
        except sqlite3.Error:
            conn.close()
            raise
        self._recovered = True

    @staticmethod
    def _mark_interrupted(conn: sqlite3.Connection) -> int:
        """Sessions a crash or kill left 'running' are kept, marked interrupted, with the end
        and active time their recorded steps show."""
        with transaction(conn):
            cursor = conn.execute("""
                UPDATE sessions SET status = 'interrupted',
                    ended_at = COALESCE(
                        (SELECT MAX(ended_at) FROM steps WHERE session_id = sessions.id),
                        started_at),
                    active_seconds = COALESCE(
                        (SELECT SUM(actual_seconds) FROM steps WHERE session_id = sessions.id),
                        0)
                WHERE status = 'running'""")
        return cursor.rowcount

    def _cause(self, exc: BaseException) -> str:
        """What went wrong, in one sentence without a full stop."""
        code = result_code(exc)
        if code in (SQLITE_BUSY, SQLITE_LOCKED):
            return "Another program is using the history file"
        if code == SQLITE_FULL:
            return "The disk is full"
        return f"Cannot write the history at {self.path} ({exc})"

    def _describe(self, exc: BaseException) -> str:
        self.cause = self._cause(exc)
        return f"{self.cause}; sessions are kept in memory and saved as soon as they can be."

    def _set_problem(self, problem: str | None) -> None:
        if problem == self.problem:
            return
        self.problem = problem
        for listener in list(self.on_problem):
            listener(problem)

    def _changed(self) -> None:
        for listener in list(self.on_changed):
            listener()

    # --- recording: queued writes ------------------------------------------------------------

    def submit(self, operation: Operation) -> bool:
        """Queue a write and try to write everything queued; True when nothing is left."""
        self._pending.append(operation)
        if self._retry_at is not None and self._clock() < self._retry_at:
            return False
        return self.flush()

    def flush(self) -> bool:
        """Write what is queued, in order; True when nothing is left waiting."""
        if not self._pending:
            return True
        conn = self._connection()
        if conn is None:
            self._back_off()
            return False
        wrote = False
        try:
            while self._pending:
                operation = self._pending[0]
                try:
                    with transaction(conn):
                        after = operation(conn)
                except sqlite3.ProgrammingError:
                    raise  # a bug in the SQL, not a storage fault
                except sqlite3.IntegrityError as exc:
                    # A row the file refuses (say, its session went with a file moved aside)
                    # would block every row behind it: it is dropped, and said so.
                    self._pending.popleft()
                    self.dropped += 1
                    self._set_problem(f"A row of this session could not be saved ({exc}).")
                    continue
                except sqlite3.Error as exc:
                    self._set_problem(self._describe(exc))
                    self._back_off()
                    if result_code(exc) not in (SQLITE_BUSY, SQLITE_LOCKED, SQLITE_FULL):
                        # The file may have gone or changed: open it afresh next time.
                        conn.close()
                        self._conn = None
                    return False
                self._pending.popleft()
                if after is not None:
                    after()
                wrote = True
        finally:
            if wrote:
                self._changed()
        self._retry_at = None
        if not self.dropped:
            self._set_problem(None)
        return True

    def _back_off(self) -> None:
        if self._retry_interval > 0:
            self._retry_at = self._clock() + self._retry_interval

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

    # --- editing (from the history view: done at once, or an error) -------------------------

    def _require(self) -> sqlite3.Connection:
        conn = self._connection()
        if conn is None:
            raise HistoryError(self.problem or f"Cannot open the history at {self.path}.")
        return conn

    def _edit(self, sql: str, params: tuple) -> None:
        conn = self._require()
        try:
            with transaction(conn):
                conn.execute(sql, params)
        except sqlite3.OperationalError as exc:
            raise HistoryError(f"{self._cause(exc)}.") from exc
        self._changed()

    def set_notes(self, session_id: int, notes: str) -> None:
        self._edit("INSERT INTO log_entries (session_id, notes) VALUES (?, ?)"
                   " ON CONFLICT (session_id) DO UPDATE SET notes = excluded.notes",
                   (session_id, notes))

    def delete_session(self, session_id: int) -> None:
        """Delete a session with its steps, targets and log (foreign keys cascade)."""
        self._edit("DELETE FROM sessions WHERE id = ?", (session_id,))

    # --- reading -----------------------------------------------------------------------------

    def _read(self, query: Callable[[sqlite3.Connection], _T]) -> _T:
        conn = self._require()
        try:
            return query(conn)
        except sqlite3.OperationalError as exc:
            raise HistoryError(f"Cannot read the history at {self.path} ({exc}).") from exc

    def sessions(self, limit: int | None = None, newest_first: bool = True) -> list[SessionRow]:
        return self._read(lambda c: queries.sessions(c, limit, newest_first))

    def session(self, session_id: int) -> SessionRow | None:
        return self._read(lambda c: queries.session(c, session_id))

    def steps(self, session_id: int) -> list[StepRow]:
        return self._read(lambda c: queries.steps(c, session_id))

    def all_steps(self) -> list[StepRow]:
        return self._read(lambda c: list(queries.all_steps(c)))

    def exercise_ids(self) -> list[str]:
        return self._read(queries.exercise_ids)

    def exercise_results(self, exercise_id: str, limit: int | None = None
                         ) -> list[ExerciseResult]:
        return self._read(lambda c: queries.exercise_results(c, exercise_id, limit))

    def last_targets(self, routine_id: str) -> dict[str, Target]:
        return self._read(lambda c: queries.last_targets(c, routine_id))

    def first_done(self, exercise_id: str) -> datetime | None:
        return self._read(lambda c: queries.first_done(c, exercise_id))

    def last_rom_at(self) -> datetime | None:
        return self._read(queries.last_rom_at)

    def session_targets(self) -> dict[tuple[int, str], tuple[Target, str | None]]:
        return self._read(queries.session_targets)

    def suggestions(self, routine: Routine, targets: Mapping[str, Target] | None = None,
                    now: datetime | None = None) -> list[Suggestion]:
        """Next targets for `routine`'s exercises that are ready for a step up.

        `targets` are the user's current ones; by default those of the routine's last session.
        None while the history cannot be read (a read-only or locked file): they are a hint,
        and the window asks for them as it opens and after every session.
        """
        try:
            current = dict(targets) if targets is not None else self.last_targets(routine.id)
            results = {ex.id: self.exercise_results(ex.id, RESULTS_READ)
                       for ex in routine.exercises}
            first = {ex.id: day for ex in routine.exercises
                     if (day := self.first_done(ex.id)) is not None}
        except HistoryError:
            return []
        return suggest_for_routine(routine, current, results, now or self._wall_clock(), first)
