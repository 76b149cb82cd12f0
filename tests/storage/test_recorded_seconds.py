"""Seconds are kept as measured: a step cut after a second and a quarter is recorded so, not
rounded to a whole second (the history's sums and shares are made from these)."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import Enum

import pytest

from psoas_desktop.core.engine import Session
from psoas_desktop.core.timeline import Step, StepKind
from psoas_desktop.core.training_log import LogDetails, RomUnit, TaskUnit
from psoas_desktop.storage.recorder import Recorder
from psoas_desktop.storage.writes import SaveLog, SessionRef, add_step, end_session, save_log

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


@pytest.mark.parametrize(("field", "name"), [("pain_after", "pain after"),
                                             ("stiffness", "stiffness")])
@pytest.mark.parametrize("value", [-1, 11])
def test_a_rating_outside_0_to_10_is_refused_by_name(field, name, value) -> None:
    with pytest.raises(ValueError, match=f"^{name} must be 0 to 10, not {value}$"):
        save_log(SessionRef(), **{field: value})


def test_ratings_at_the_ends_of_the_scale_are_kept() -> None:
    log = save_log(SessionRef(), pain_after=0, stiffness=10)
    assert (log.pain_after, log.stiffness, log.notes) == (0, 10, "")


def test_the_log_details_are_kept_as_plain_values() -> None:
    details = LogDetails(pain_where=("groin", "thigh"), pain_side="left",
                         task="Tying shoes", task_unit=TaskUnit.RATING, task_value=6,
                         rom_left=4, rom_unit=RomUnit.CM)
    log = save_log(SessionRef(), details=details)
    assert log.details == ("groin,thigh", "left", "", "", "Tying shoes", "rating", 6, 4, None,
                           "cm")
    assert all(not isinstance(v, Enum) for v in log.details)
    assert save_log(SessionRef()).details == ("", None, "", "", "", None, None, None, None, None)


def test_a_log_with_no_details_is_written_with_empty_ones(history, routine, timeline, clock,
                                                          wall) -> None:
    session = Session(timeline, clock)
    recording = Recorder(history, wall).attach(session, routine)
    session.start()
    clock.advance(2)
    session.finish()
    ref = recording.ref
    history.submit(SaveLog(ref, 3, None, "tired"))  # details left out: stored empty
    (row,) = history.sessions()
    assert (row.log.pain_after, row.log.notes) == (3, "tired")
    assert row.log.details == LogDetails()
