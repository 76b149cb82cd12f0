"""The engine brought up to date before it acts: a pause, a finish or a long silence read the
clock as it is now, not as it was at the last wake-up."""

from __future__ import annotations

import pytest
from fakes.sessions import recording

from psoas_desktop.core.engine import Finished, Paused, State, StepEnded
from psoas_desktop.core.routines import Exercise, Frequency, Range, Rests, Routine, WorkKind
from psoas_desktop.core.timeline import build_timeline

RESTS = Rests(get_ready=5, between_reps=3, between_sets=10, switch_sides=4, between_exercises=6)


def routine() -> Routine:
    hold = Exercise("squeeze", "Squeeze", WorkKind.HOLD, per_side=False, reps=Range(2, 2, 2),
                    hold=Range(6, 6, 6))
    return Routine("t", "Test", "", Frequency(2, 3, ""), (hold,))  # steps: 5, 6, 3, 6


@pytest.fixture
def session(clock):
    return recording(build_timeline(routine(), rests=RESTS), clock)


def ended(session) -> list[tuple[int, float, bool]]:
    return [(e.index, e.active_seconds, e.skipped) for e in session.events
            if isinstance(e, StepEnded)]


def test_a_pause_after_a_missed_step_end_pauses_in_the_next_step(session, clock) -> None:
    session.start()
    clock.advance(4.0)
    session.update()
    clock.advance(1.5)  # the get-ready ended 0.5 s ago; no wake-up has seen it yet
    session.pause()
    assert session.state is State.PAUSED
    assert session.index == 1
    assert session.step_elapsed() == pytest.approx(0.5)
    assert ended(session) == [(0, pytest.approx(5.0), False)]  # it ran out; it was not cut
    clock.advance(100)
    assert session.remaining() == pytest.approx(5.5)


def test_a_pause_after_the_last_step_ran_out_finishes_instead(session, clock) -> None:
    session.start()
    session.go_to(3)  # the last step, 6 s
    clock.advance(4.0)
    session.update()
    clock.advance(3.0)  # it ran out 1 s ago, unseen
    session.pause()
    assert session.state is State.FINISHED
    assert not any(isinstance(e, Paused) for e in session.events)
    assert session.events[-1] == Finished(completed=True, active_seconds=pytest.approx(6.0))


def test_finishing_after_a_missed_step_end_keeps_the_step_that_ran_out(session, clock) -> None:
    session.start()
    clock.advance(3.0)
    session.update()
    clock.advance(4.0)  # the get-ready ended at 5 s, unseen
    session.finish()
    assert ended(session) == [(0, pytest.approx(5.0), False), (1, pytest.approx(2.0), True)]
    assert session.events[-1] == Finished(completed=False, active_seconds=pytest.approx(7.0))


def test_a_two_minute_sleep_pauses_where_the_session_was_last_seen(session, clock) -> None:
    session.start()
    clock.advance(1.0)
    session.update()
    clock.advance(120.0)  # the lid closed for two minutes
    session.update()
    assert session.state is State.PAUSED
    assert session.index == 0 and session.remaining() == pytest.approx(4.0)
    assert [e for e in session.events if isinstance(e, Paused)] == [Paused(by_clock_gap=True)]
    assert ended(session) == []  # nothing skipped, nothing counted as done


@pytest.mark.parametrize("silence", [6.0, 30.0, 120.0])
def test_a_silence_of_several_driver_beats_is_a_sleep(session, clock, silence) -> None:
    # The driver wakes the engine at least once a second: six quiet seconds mean a sleep.
    session.start()
    clock.advance(silence)
    session.update()
    assert session.state is State.PAUSED and session.index == 0
    assert session.remaining() == pytest.approx(5.0)


def test_a_late_wake_up_under_the_limit_is_not_a_sleep(session, clock) -> None:
    session.start()
    clock.advance(4.5)
    session.update()
    assert session.state is State.RUNNING
    clock.advance(4.5)  # the get-ready ended at 5 s: the hold is 4 s in
    session.update()
    assert session.state is State.RUNNING
    assert session.index == 1 and session.step_elapsed() == pytest.approx(4.0)


def test_a_sleep_while_the_gap_spans_a_step_end_still_stops_at_the_last_sighting(
        session, clock) -> None:
    session.start()
    clock.advance(4.0)
    session.update()
    clock.advance(600)
    session.update()
    assert session.index == 0 and session.remaining() == pytest.approx(1.0)
    session.resume()
    clock.advance(1.5)
    session.update()
    assert session.index == 1 and session.step_elapsed() == pytest.approx(0.5)
    assert session.active_seconds() == pytest.approx(5.5)
