"""Step changes inside the engine: the cue each step opens with, what a stall drops, the end
said once, and time that does not run while paused."""

from __future__ import annotations

import pytest
from fakes.sessions import cue_events, recording
from fakes.sessions import walk as walk_by

from psoas_desktop.core.cues import Cue
from psoas_desktop.core.engine import Session
from psoas_desktop.core.routines import (
    Exercise,
    Frequency,
    Range,
    Rests,
    Routine,
    Tempo,
    WorkKind,
)
from psoas_desktop.core.timeline import build_timeline

DRIVE = Exercise("drive", "Drive", WorkKind.REP_HOLD, per_side=False, reps=Range(1, 1, 1),
                 hold=Range(6, 6, 6), tempo=Tempo(4))
TIMELINE = build_timeline(Routine("t", "T", "", Frequency(2, 3, ""), (DRIVE,)),
                          rests=Rests(get_ready=5))
# 0 get ready 5, 1 lift 2, 2 hold 6 (ticks at 3, 4, 5), 3 lower 2


def make(clock, lead: float = 0.0) -> Session:
    return recording(TIMELINE, clock, lead)


def walk(session: Session, clock, seconds: float, tick: float = 0.25) -> None:
    walk_by(session, clock, seconds, tick)


def test_each_step_opens_with_its_own_cue_and_the_end_is_said_once(clock) -> None:
    session = make(clock)
    session.start()
    walk(session, clock, 5 + 2 + 6 + 2 + 0.5)
    openings = [(c.index, c.cue) for c in cue_events(session) if c.opens_step]
    assert openings == [(0, Cue.GET_READY), (1, Cue.BEAT), (2, Cue.START), (3, Cue.HOLD_END)]
    (done,) = [c for c in cue_events(session) if c.cue is Cue.DONE]
    assert (done.index, done.step, done.at) == (3, TIMELINE.steps[3], pytest.approx(1015.0))


def test_a_stall_across_a_step_end_drops_the_stale_opening_cue(clock) -> None:
    session = make(clock)
    session.start()
    walk(session, clock, 4.0)
    clock.advance(2.0)  # 1 s past the lift's start: its beat is too late to sound
    session.update()
    assert session.index == 1
    assert [c.cue for c in cue_events(session)][-1] is not Cue.BEAT


def test_with_a_lead_the_next_steps_ticks_still_come(clock) -> None:
    session = make(clock, lead=0.05)
    session.start()
    session.go_to(2)
    walk(session, clock, 6.5, tick=0.01)
    ticks = [c.count for c in cue_events(session) if c.cue is Cue.TICK and c.index == 2]
    assert ticks == [3, 2, 1]


def test_a_step_chosen_while_paused_waits_for_the_resume(clock) -> None:
    session = make(clock)
    session.start()
    walk(session, clock, 1.0)
    session.pause()
    session.go_to(2)
    clock.advance(10)
    assert session.remaining() == 6
    session.resume()
    walk(session, clock, 1.0)
    assert session.remaining() == pytest.approx(5.0)


def test_a_step_left_at_once_counts_what_was_done_of_it(clock) -> None:
    session = make(clock)
    session.start()
    walk(session, clock, 0.5)
    session.next()
    assert session.done_seconds() == {0: pytest.approx(0.5)}
