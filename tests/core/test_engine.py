"""The session engine on a fake clock: timing, controls, cues and a sleeping computer."""

from __future__ import annotations

import pytest

from psoas_desktop.core.cues import Cue
from psoas_desktop.core.engine import (
    CueDue,
    Finished,
    Paused,
    Session,
    State,
    StepEnded,
    StepStarted,
)
from psoas_desktop.core.routines import Exercise as Ex
from psoas_desktop.core.routines import Frequency, Range, Rests, Routine
from psoas_desktop.core.routines import WorkKind as K
from psoas_desktop.core.timeline import StepKind, build_timeline

RESTS = Rests(get_ready=5, between_reps=3, between_sets=10, switch_sides=4, between_exercises=6)


def routine() -> Routine:
    hold = Ex("squeeze", "Squeeze", K.HOLD, per_side=False, reps=Range(2, 2, 2),
              hold=Range(6, 6, 6))
    block = Ex("release", "Release", K.TIMED, per_side=True, hold=Range(10, 10, 10))
    return Routine("t", "Test", "", Frequency(2, 3, ""), (hold, block))


def run(session: Session, clock, seconds: float, tick: float = 0.25) -> None:
    """Move time forward the way a driver would, waking the engine every `tick` seconds."""
    end = clock.now + seconds
    while clock.now < end - 1e-9:
        clock.advance(min(tick, end - clock.now))
        session.update()


@pytest.fixture
def session(clock):
    s = Session(build_timeline(routine(), rests=RESTS), clock)
    s.events = []
    s.subscribe(s.events.append)
    return s


def cues(session) -> list[tuple[Cue, int | None]]:
    return [(e.cue, e.count) for e in session.events if isinstance(e, CueDue)]


def test_plan_of_the_test_routine() -> None:
    kinds = [(s.kind, s.seconds) for s in build_timeline(routine(), rests=RESTS).steps]
    assert kinds == [(StepKind.PREPARE, 5), (StepKind.HOLD, 6), (StepKind.REST, 3),
                     (StepKind.HOLD, 6), (StepKind.PREPARE, 6), (StepKind.WORK, 10),
                     (StepKind.SWITCH, 4), (StepKind.WORK, 10)]


def test_countdown_derives_from_the_clock(session, clock) -> None:
    session.start()
    assert session.display_seconds() == 5
    run(session, clock, 0.4)
    assert session.display_seconds() == 5
    run(session, clock, 0.6)
    assert session.display_seconds() == 4
    run(session, clock, 4.0)
    assert session.index == 1 and session.display_seconds() == 6
    assert session.step.kind is StepKind.HOLD


def test_late_wakeups_do_not_drift(session, clock) -> None:
    session.start()
    # Wake late every time (0.9 s steps), as a sloppy timer would: steps still begin on time.
    run(session, clock, 5 + 6 + 3 + 0.5, tick=0.9)
    assert session.index == 3
    assert session.step_elapsed() == pytest.approx(0.5)


def test_pause_stops_time_and_resume_carries_on(session, clock) -> None:
    session.start()
    run(session, clock, 2.0)
    session.pause()
    assert session.state is State.PAUSED
    run(session, clock, 60.0)
    assert session.remaining() == pytest.approx(3.0)
    assert session.next_wakeup() is None
    session.resume()
    run(session, clock, 3.0)
    assert session.index == 1
    assert session.active_seconds() == pytest.approx(5.0)


def test_cues_fall_on_their_seconds(session, clock) -> None:
    session.start()
    run(session, clock, 5 + 6 + 0.1)
    moments = [e.at - 1000 for e in session.events if isinstance(e, CueDue)]
    assert moments == pytest.approx([0, 2, 3, 4, 5, 8, 9, 10, 11])
    assert cues(session) == [
        (Cue.GET_READY, None), (Cue.TICK, 3), (Cue.TICK, 2), (Cue.TICK, 1),
        (Cue.START, None), (Cue.TICK, 3), (Cue.TICK, 2), (Cue.TICK, 1), (Cue.REST, None)]


def test_next_wakeup_is_the_next_visible_change(session, clock) -> None:
    session.start()
    assert session.next_wakeup() == pytest.approx(clock.now + 1.0)
    clock.advance(0.3)
    session.update()
    assert session.next_wakeup() == pytest.approx(clock.now + 0.7)


def test_switch_sides_and_done(session, clock) -> None:
    session.start()
    run(session, clock, 5 + 6 + 3 + 6 + 6 + 10 + 0.5)
    assert session.step.kind is StepKind.SWITCH
    assert cues(session)[-1] == (Cue.SWITCH, None)
    run(session, clock, 4 + 10)
    assert session.state is State.FINISHED
    assert cues(session)[-1] == (Cue.DONE, None)
    finished = [e for e in session.events if isinstance(e, Finished)]
    assert finished == [Finished(completed=True, active_seconds=pytest.approx(50.0))]


def test_next_skips_and_previous_goes_back(session, clock) -> None:
    session.start()
    run(session, clock, 1.0)
    session.next()
    ended = [e for e in session.events if isinstance(e, StepEnded)]
    assert ended[-1].skipped and ended[-1].active_seconds == pytest.approx(1.0)
    assert session.index == 1 and session.remaining() == 6
    run(session, clock, 2.0)
    session.previous()
    assert session.index == 0 and session.remaining() == 5
    assert session.active_seconds() == pytest.approx(3.0)


def test_jump_to_exercise_while_paused(session, clock) -> None:
    session.start()
    session.pause()
    session.jump_to_exercise(1)
    assert session.step.exercise_id == "release" and session.step.kind is StepKind.PREPARE
    assert session.state is State.PAUSED
    before = len(cues(session))
    session.resume()
    assert cues(session)[before:] == [(Cue.GET_READY, None)]


def test_moving_before_start_only_moves_the_cursor(session) -> None:
    session.jump_to_exercise(1)
    assert session.events == []
    session.start()
    assert isinstance(session.events[0], StepStarted) and session.events[0].index == 4


def test_finish_early(session, clock) -> None:
    session.start()
    run(session, clock, 7.0)
    session.finish()
    assert session.state is State.FINISHED
    assert session.events[-1] == Finished(completed=False, active_seconds=pytest.approx(7.0))
    session.next()
    session.update()
    assert session.events[-1] == Finished(completed=False, active_seconds=pytest.approx(7.0))


def test_next_on_the_last_step_completes(session, clock) -> None:
    session.start()
    session.go_to(len(session.timeline.steps) - 1)
    session.next()
    assert session.state is State.FINISHED
    assert session.events[-1].completed is True


def test_a_long_clock_gap_pauses_instead_of_skipping(session, clock) -> None:
    session.start()
    run(session, clock, 2.0)
    clock.advance(3600)  # the lid was closed for an hour
    session.update()
    assert session.state is State.PAUSED
    assert session.index == 0 and session.remaining() == pytest.approx(3.0)
    assert any(isinstance(e, Paused) and e.by_clock_gap for e in session.events)
    session.resume()
    run(session, clock, 3.0)
    assert session.index == 1


def test_waiting_before_start_is_not_a_gap(session, clock) -> None:
    clock.advance(600)
    session.start()
    run(session, clock, 1.0)
    assert session.state is State.RUNNING


def test_stale_cues_are_dropped_not_burst(session, clock) -> None:
    session.start()
    clock.advance(4.5)  # a stall under the gap limit: the 3 and 2 ticks are long past
    session.update()
    assert cues(session) == [(Cue.GET_READY, None), (Cue.TICK, 1)]


@pytest.fixture
def leading(clock):
    s = Session(build_timeline(routine(), rests=RESTS), clock, cue_lead=0.05)
    s.events = []
    s.subscribe(s.events.append)
    return s


def test_a_cue_lead_hands_each_cue_over_early(leading, clock) -> None:
    # The 5 s get-ready ticks at 2, 3 and 4 s; with a 50 ms lead they go out at 1.95 s...
    leading.start()
    assert leading.next_wakeup() == pytest.approx(clock.now + 1.0)  # the shown second first
    run(leading, clock, 1.9, tick=0.01)
    assert cues(leading)[-1] == (Cue.GET_READY, None)
    assert leading.next_wakeup() == pytest.approx(clock.now + 0.05)  # the "3" tick, early
    run(leading, clock, 0.06, tick=0.01)
    assert cues(leading)[-1] == (Cue.TICK, 3)
    run(leading, clock, 2.98, tick=0.01)  # 4.94 s: the hold's start cue is not due yet
    assert cues(leading)[-1] == (Cue.TICK, 1)
    run(leading, clock, 0.02, tick=0.01)  # 4.96 s: within the lead of the step's end
    assert leading.index == 0 and cues(leading)[-1] == (Cue.START, None)
    start_cue = next(e for e in reversed(leading.events) if isinstance(e, CueDue))
    assert start_cue.index == 1 and start_cue.opens_step
    assert start_cue.at == pytest.approx(1005.0)  # the moment it marks: the hold's start
    run(leading, clock, 0.1, tick=0.01)
    assert leading.index == 1
    assert [c for c in cues(leading) if c == (Cue.START, None)] == [(Cue.START, None)]


def test_a_cue_lead_says_done_once_before_the_end(leading, clock) -> None:
    leading.start()
    leading.go_to(len(leading.timeline.steps) - 1)
    run(leading, clock, 10 - 0.04, tick=0.01)
    assert leading.state is State.RUNNING and cues(leading)[-1] == (Cue.DONE, None)
    run(leading, clock, 0.1, tick=0.01)
    assert leading.state is State.FINISHED
    assert [c for c in cues(leading) if c[0] is Cue.DONE] == [(Cue.DONE, None)]


def test_jumping_after_an_early_start_cue_still_cues_the_step_jumped_to(leading, clock) -> None:
    leading.start()
    run(leading, clock, 4.97, tick=0.01)  # the hold's start cue went out early
    leading.go_to(4)  # but the user jumps to the next exercise's get-ready instead
    assert cues(leading)[-1] == (Cue.GET_READY, None)
