"""The queue that records sessions: each write in its own transaction, in order, never lost.

When the file cannot be written (a full disk, a read-only folder, another program's lock) a
write stays queued in memory and the queue is written as soon as a later write or `flush()`
finds the file writable again; with `retry_interval`, later writes only queue for that long
before trying. A row that can never be stored (its session deleted meanwhile, a value SQLite
cannot bind) is set aside and reported, and the rows behind it carry on: one bad row must not
block the rest of the run.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Sequence

from psoas_desktop.storage.connection import HistoryFile, OpenFailed
from psoas_desktop.storage.database import transaction
from psoas_desktop.storage.faults import Problem, classify
from psoas_desktop.storage.writes import Write

log = logging.getLogger(__name__)

Report = Callable[[Problem | None], None]


class WriteQueue:
    def __init__(self, file: HistoryFile, report: Report, changed: Callable[[], None], *,
                 retry_interval: float = 0.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._file = file
        self._report = report
        self._changed = changed
        self._retry_interval = retry_interval
        self._clock = clock
        self._retry_at: float | None = None  # submits only queue until then
        self._pending: deque[Write] = deque()
        self._set_aside: list[Write] = []

    @property
    def pending(self) -> int:
        """Writes kept in memory, waiting for the file to become writable."""
        return len(self._pending)

    @property
    def dropped(self) -> int:
        """Rows the file refused outright, set aside (never expected)."""
        return len(self._set_aside)

    def waiting(self) -> list[Write]:
        """What is still to be written, in order (kept on quit)."""
        return list(self._pending)

    def put_first(self, writes: Sequence[Write]) -> None:
        """Queue `writes` ahead of everything else (rows an earlier run kept)."""
        self._pending.extendleft(reversed(writes))

    def submit(self, write: Write) -> bool:
        """Queue a write and try to write everything queued; True when nothing is left."""
        self._pending.append(write)
        if self._retry_at is not None and self._clock() < self._retry_at:
            return False
        return self.flush()

    def flush(self) -> bool:
        """Write what is queued, in order; True when nothing is left waiting."""
        if not self._pending:
            return True
        try:
            conn = self._file.connection()
        except OpenFailed as exc:
            self._report(exc.problem)
            self._back_off()
            return False
        wrote = False
        try:
            while self._pending:
                write = self._pending[0]
                try:
                    with transaction(conn):
                        after = write(conn)
                except Exception as exc:  # every error is sorted in faults.classify
                    fault = classify(exc, self._file.path)
                    if fault.transient:
                        self._report(Problem.waiting(fault.cause))
                        self._back_off()
                        if not fault.keeps_connection:
                            self._file.discard()  # the file may have gone: open it afresh
                        return False
                    self._pending.popleft()
                    self._set_aside.append(write)
                    log.error("history row set aside: %s: %r", fault.cause, write,
                              exc_info=exc)
                    self._report(Problem(fault.cause, f"A row of this session could not be "
                                                      f"saved ({fault.cause})."))
                    continue
                self._pending.popleft()
                if after is not None:
                    after()
                wrote = True
        finally:
            if wrote:
                self._changed()
        self._retry_at = None
        if not self._set_aside:
            self._report(None)
        return True

    def _back_off(self) -> None:
        if self._retry_interval > 0:
            self._retry_at = self._clock() + self._retry_interval
