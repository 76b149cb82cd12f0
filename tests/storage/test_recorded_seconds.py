"""Seconds are kept as measured: a step cut after a second and a quarter is recorded so, not
rounded to a whole second (the history's sums and shares are made from these)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from psoas_desktop.core.engine import Session
from psoas_desktop.core.timeline import Step, StepKind
from psoas_desktop.storage.recorder import Recorder
from psoas_desktop.storage.writes import SessionRef, add_step, end_session

WHEN = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)


def test_a_step_cut_short_keeps_its_fraction_of_a_second(history, routine, timeline, clock,
                                                          wall) -> None:
    session = Session(timeline, clock)
    Recorder(history, wall).attach(session, routine)
    session.start()
    clock.advance(1.25)
    session.next()
    clock.advance(2.5)
    session.finish()
    (row,) = history.sessions()
    steps = history.steps(row.id)
    assert [(s.step_index, s.actual_seconds, s.skipped) for s in steps] == [
        (0, 1.25, True), (1, 2.5, True)]
    assert row.active_seconds == 3.75


@pytest.mark.parametrize(("measured", "kept"), [(0.4, 0.4), (2.5, 2.5), (1.23456, 1.235),
                                                (59.9996, 60.0)])
def test_seconds_are_kept_to_the_millisecond(measured, kept) -> None:
    step = Step(StepKind.HOLD, 60, exercise_index=0, exercise_id="squeeze", rep=1, reps=2)
    values = add_step(SessionRef(), 3, step, measured, False, WHEN).values
    assert values[0] == 3 and values[9] == 60  # its index and planned seconds
    assert values[10] == kept
    assert end_session(SessionRef(), "completed", WHEN, measured).active_seconds == kept
