"""One row the file cannot take never blocks the rows behind it: it is set aside and reported,
and every later session of the run is still recorded."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from psoas_desktop.core.engine import Session, State
from psoas_desktop.storage.recorder import Recorder

WHEN = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)


@pytest.mark.parametrize(("name", "planned"), [
    ("\ud800", 60),  # a lone surrogate: UnicodeEncodeError, not an sqlite3.Error
    ("Mine\udfff", 60),
    ("Mine", 2**70),  # OverflowError: past SQLite's 64-bit integers
    ("Mine", object()),  # a value sqlite3 cannot bind at all
])
def test_a_row_that_cannot_be_stored_is_set_aside(history, routine, timeline, clock, wall,
                                                  run_to_end, name, planned) -> None:
    problems: list[str | None] = []
    history.problem_changed.add(problems.append)
    bad = history.start_session("mine", name, WHEN, planned)
    assert bad.id is None and history.pending == 0 and history.dropped == 1
    assert problems and "could not be saved" in problems[-1]

    session = Session(timeline, clock)
    Recorder(history, wall).attach(session, routine)
    run_to_end(session)
    assert session.state is State.FINISHED
    (row,) = history.sessions()
    assert row.routine_id == routine.id and row.status == "completed"
    assert len(history.steps(row.id)) == len(timeline.steps)
    assert history.pending == 0 and history.dropped == 1
