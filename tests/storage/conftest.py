"""Storage fixtures: the built-in routines, a wall clock tied to the fake monotonic clock, and a
history in a temporary folder."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from psoas_desktop.core.engine import Session, State
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.core.routines import Routine, RoutineBook
from psoas_desktop.core.timeline import Timeline, build_timeline
from psoas_desktop.resources import builtin_routines
from psoas_desktop.storage.history import History

START = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)


class FakeWall:
    """UTC wall time that moves with the fake monotonic clock."""

    def __init__(self, clock, start: datetime = START) -> None:
        self._clock = clock
        self._origin = clock()
        self.start = start

    def __call__(self) -> datetime:
        return self.start + timedelta(seconds=self._clock() - self._origin)


@pytest.fixture(scope="session")
def book() -> RoutineBook:
    return load_book(builtin_routines(), [])


@pytest.fixture
def routine(book) -> Routine:
    return book.get("psoas-strength")


@pytest.fixture
def timeline(routine, book) -> Timeline:
    return build_timeline(routine, rests=book.rests)


@pytest.fixture
def wall(clock) -> FakeWall:
    return FakeWall(clock)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "data" / "history.sqlite3"


@pytest.fixture
def history(db_path, wall):
    h = History(db_path, wall_clock=wall, busy_timeout=0.01)
    yield h
    h.close()


@pytest.fixture
def run_to_end(clock):
    """Drive a session to its end as the window's timer would, a second at a time."""

    def run(session: Session, until: int | None = None) -> None:
        if session.state is State.READY:
            session.start()
        while session.state is State.RUNNING and (until is None or session.index < until):
            clock.advance(1.0)
            session.update()

    return run
