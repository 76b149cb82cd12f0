"""When the engine asks to be woken, what `next` does at the end, and cues handed over early."""

from __future__ import annotations

import pytest
from fakes.sessions import cue_events, recording
from fakes.sessions import walk as walk_by

from psoas_desktop.core.cues import Cue
from psoas_desktop.core.engine import Finished, Paused, Session, State, StepEnded
from psoas_desktop.core.routines import (
    Exercise,
    Frequency,
    Range,
    Rests,
    Routine,
    Tempo,
    WorkKind,
)
from psoas_desktop.core.timeline import StepKind, build_timeline

RESTS = Rests(get_ready=5, between_reps=3, between_sets=10, switch_sides=4, between_exercises=6)


def routine() -> Routine:
    drive = Exercise("drive", "Drive", WorkKind.REP_HOLD, per_side=False, reps=Range(1, 1, 1),
                     hold=Range(2, 2, 2), tempo=Tempo(4))
    bridge = Exercise("bridge", "Bridge", WorkKind.TEMPO, per_side=False, reps=Range(1, 1, 1),
                      tempo=Tempo(5))
    return Routine("t", "Test", "", Frequency(2, 3, ""), (drive, bridge))


TIMELINE = build_timeline(routine(), rests=RESTS)
# get ready 5, lift 2, hold 2, lower 2, get ready 6, rep 5 (two beats: 0 and 2.5 s)


def make(clock, lead: float = 0.0) -> Session:
    return recording(TIMELINE, clock, lead)


def walk(session: Session, clock, seconds: float, tick: float = 0.01) -> None:
    walk_by(session, clock, seconds, tick)


def test_the_plan_under_test() -> None:
    assert [(s.phase, s.seconds) for s in TIMELINE.steps] == [
        ("Get ready", 5), ("Lift", 2), ("Hold", 2), ("Lower", 2), ("Get ready", 6), ("Rep", 5)]


def test_a_user_pause_is_told_as_such(clock) -> None:
    session = make(clock)
    session.start()
    walk(session, clock, 1.0)
    session.pause()
    assert [e for e in session.events if isinstance(e, Paused)] == [Paused(by_clock_gap=False)]
    assert session.next_wakeup() is None
    session.pause()  # twice is once
    assert len([e for e in session.events if isinstance(e, Paused)]) == 1


def test_after_a_pause_the_wake_up_follows_the_time_already_run(clock) -> None:
    session = make(clock)
    session.start()
    walk(session, clock, 2.3)
    session.pause()
    clock.advance(10)
    session.resume()
    assert session.next_wakeup() == pytest.approx(clock.now + 0.7)  # 2.7 s left shows 3 at 3.0


def test_a_beat_between_whole_seconds_after_a_pause(clock) -> None:
    session = make(clock)
    session.start()
    session.go_to(5)  # the paced rep: beats at 0 and 2.5 s
    walk(session, clock, 2.1)
    session.pause()
    clock.advance(3)
    session.resume()
    assert session.next_wakeup() == pytest.approx(clock.now + 0.4)
    walk(session, clock, 0.41)
    assert [c.cue for c in cue_events(session)][-1] is Cue.BEAT


def test_next_on_the_second_last_step_moves_to_the_last(clock) -> None:
    session = make(clock)
    session.start()
    session.go_to(4)
    session.next()
    assert session.state is State.RUNNING and session.index == 5


def test_next_on_the_last_step_ends_it_as_skipped_and_completes(clock) -> None:
    session = make(clock)
    session.start()
    session.go_to(5)
    walk(session, clock, 1.5)
    session.next()
    ended = [e for e in session.events if isinstance(e, StepEnded)][-1]
    assert (ended.index, ended.skipped) == (5, True)
    assert ended.active_seconds == pytest.approx(1.5)
    assert session.events[-1] == Finished(completed=True, active_seconds=pytest.approx(1.5))


def test_with_a_lead_the_wake_up_comes_early_for_the_next_steps_start_cue(clock) -> None:
    session = make(clock, lead=0.05)
    session.start()
    session.go_to(4)  # the 6 s get-ready: ticks at 3, 4 and 5 s
    walk(session, clock, 5.5)
    assert session.next_wakeup() == pytest.approx(clock.now + 0.45)  # 50 ms before the end
    walk(session, clock, 0.46)
    opening = cue_events(session)[-1]
    assert (opening.cue, opening.index, opening.step) == (Cue.BEAT, 5, TIMELINE.steps[5])
    assert opening.opens_step and opening.count is None
    assert opening.at == pytest.approx(clock.now + 0.04)  # the moment it marks: the step's end
    assert session.index == 4
    assert session.next_wakeup() == pytest.approx(clock.now + 0.04)  # then the end itself


def test_the_early_cue_for_a_lower_after_a_hold_says_the_hold_ends(clock) -> None:
    session = make(clock, lead=0.05)
    session.start()
    session.go_to(2)  # the hold at the top
    walk(session, clock, 1.97)
    opening = cue_events(session)[-1]
    assert (opening.cue, opening.index) == (Cue.HOLD_END, 3)


def test_the_early_cue_marks_the_real_end_after_a_pause(clock) -> None:
    session = make(clock, lead=0.05)
    session.start()
    walk(session, clock, 1.0)
    session.pause()
    clock.advance(7.0)
    session.resume()
    walk(session, clock, 3.97)
    opening = cue_events(session)[-1]
    assert opening.index == 1 and opening.at == pytest.approx(clock.now + 0.03)


def test_with_a_lead_done_is_said_early_for_the_last_step_and_marks_its_end(clock) -> None:
    session = make(clock, lead=0.05)
    session.start()
    session.go_to(5)
    walk(session, clock, 4.96)
    done = cue_events(session)[-1]
    assert (done.cue, done.index, done.step) == (Cue.DONE, 5, TIMELINE.steps[5])
    assert done.at == pytest.approx(clock.now + 0.04)
    assert session.state is State.RUNNING


def test_lengthening_by_a_second_counts(clock) -> None:
    session = make(clock)
    session.start()
    walk(session, clock, 1.0)
    session.lengthen(1)
    assert session.remaining() == pytest.approx(5.0)
    session.lengthen(0)
    session.lengthen(-3)
    assert session.remaining() == pytest.approx(5.0)
    assert session.step.kind is StepKind.PREPARE and session.step.seconds == 6


def step_cues_after_resume(clock, lengthen_by: int) -> list[Cue]:
    session = make(clock)
    session.start()
    session.pause()
    session.go_to(1)  # the lift, chosen while paused: its opening cue is still to come
    session.lengthen(lengthen_by)
    session.events.clear()
    session.resume()
    walk(session, clock, 0.5)
    return [e.cue for e in cue_events(session) if e.index == 1]


def test_time_added_to_a_step_chosen_while_paused_keeps_its_opening_cue(clock) -> None:
    opening = step_cues_after_resume(clock, lengthen_by=0)  # 0: lengthen does nothing
    assert opening  # the lift opens with a cue
    assert step_cues_after_resume(clock, lengthen_by=10) == opening
