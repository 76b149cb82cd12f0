"""Ten seconds more, skip a side or an exercise, repeat the last set, wait at each get-ready:
on the fake clock, over the built-in routine with sides, sets and reps."""

from __future__ import annotations

import pytest

from psoas_desktop.core.cues import Cue
from psoas_desktop.core.engine import CueDue, Event, Finished, Session, State, StepEnded
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.core.session_moves import (
    WaitForMe,
    add_time,
    repeat_set,
    skip_exercise,
    skip_side,
)
from psoas_desktop.core.timeline import Side, StepKind, build_timeline
from psoas_desktop.resources import builtin_routines


def run(session: Session, clock, seconds: float, tick: float = 0.25) -> None:
    end = clock.now + seconds
    while clock.now < end - 1e-9:
        clock.advance(min(tick, end - clock.now))
        session.update()


@pytest.fixture
def session(clock) -> Session:
    book = load_book(builtin_routines(), [])
    routine = book.get("strength-then-stretch")
    assert routine is not None
    return Session(build_timeline(routine, rests=book.rests), clock)


@pytest.fixture
def events(session) -> list[Event]:
    heard: list[Event] = []
    session.subscribe(heard.append)
    return heard


def _to(session: Session, exercise: int, kind: StepKind, side: Side | None = None,
        set_: int | None = None) -> int:
    steps = session.timeline.steps
    index = next(i for i, s in enumerate(steps) if s.exercise_index == exercise
                 and s.kind is kind and (side is None or s.side is side)
                 and (set_ is None or s.set == set_))
    session.go_to(index)
    return index


def test_ten_seconds_more_moves_the_end_and_the_closing_ticks(session, clock, events) -> None:
    planned = session.timeline.total_seconds
    session.start()
    run(session, clock, 3)  # 3 s into the 10 s get-ready
    add_time(session)
    assert session.step.seconds == 20 and session.remaining() == pytest.approx(17)
    run(session, clock, 13.5)
    assert session.index == 0  # not over at the old end
    def ticks() -> list[int | None]:
        return [e.count for e in events if isinstance(e, CueDue) and e.cue is Cue.TICK]
    assert ticks() == []  # none at the old end's last seconds
    run(session, clock, 3.5)
    assert session.index == 1
    assert ticks() == [3, 2, 1]  # before the new end
    ended = [e for e in events if isinstance(e, StepEnded)]
    assert ended[0].active_seconds == pytest.approx(20) and not ended[0].skipped
    assert session.timeline.total_seconds == planned + 10


def test_ten_seconds_more_while_paused_and_before_the_start(session, clock) -> None:
    add_time(session)  # not started: nothing to lengthen
    assert session.step.seconds == 10
    session.start()
    session.pause()
    add_time(session)
    assert session.remaining() == pytest.approx(20)


def test_skip_side_goes_to_the_switch_and_then_to_the_next_set(session) -> None:
    session.start()
    left = _to(session, 2, StepKind.HOLD, Side.LEFT, 1)
    session.go_to(left + 2)  # the second rep of the left side
    skip_side(session)
    assert session.step.kind is StepKind.SWITCH and session.step.side is Side.RIGHT
    skip_side(session)  # the whole right side of set 1: on to the rest before set 2
    assert session.step.set == 1 and session.step.kind is StepKind.REST
    skip_side(session)
    assert (session.step.side, session.step.set) == (Side.LEFT, 2)


def test_skip_exercise_goes_to_the_next_ones_get_ready(session, events) -> None:
    session.start()
    _to(session, 2, StepKind.HOLD, Side.RIGHT, 2)
    skip_exercise(session)
    assert session.step.exercise_index == 3 and session.step.kind is StepKind.PREPARE
    skipped = [e for e in events if isinstance(e, StepEnded)]
    assert skipped[-1].skipped


def test_skipping_past_the_last_exercise_completes_the_routine(session, events) -> None:
    session.start()
    last = session.timeline.steps[-1].exercise_index
    _to(session, last, StepKind.PREPARE)
    skip_exercise(session)
    assert session.state is State.FINISHED
    assert isinstance(events[-1], Finished) and events[-1].completed


def test_repeat_set_restarts_the_set_under_way(session) -> None:
    session.start()
    first = _to(session, 2, StepKind.HOLD, Side.LEFT, 2)
    session.go_to(first + 3)
    repeat_set(session)
    assert session.index == first


def test_repeat_set_after_a_set_goes_back_to_its_start(session) -> None:
    session.start()
    first = _to(session, 2, StepKind.HOLD, Side.RIGHT, 1)
    steps = session.timeline.steps
    between_sets = next(i for i, s in enumerate(steps) if s.exercise_index == 2
                        and s.kind is StepKind.REST and s.rep is None)
    session.go_to(between_sets)  # resting after set 1
    repeat_set(session)
    assert session.index == first  # the right side of set 1, the block just done


def test_repeat_set_at_the_first_get_ready_does_nothing(session) -> None:
    session.start()
    repeat_set(session)
    assert session.index == 0 and session.state is State.RUNNING


def test_wait_for_me_holds_each_later_get_ready_until_resumed(session, clock, events) -> None:
    WaitForMe(session)
    session.start()
    assert session.state is State.RUNNING  # the first get-ready: Space was just pressed
    steps = session.timeline.steps
    run(session, clock, steps[0].seconds + steps[1].seconds + 0.5)  # to the next get-ready
    assert session.step.kind is StepKind.PREPARE and session.index == 2
    getting_ready = steps[2].seconds
    assert session.state is State.PAUSED
    opening = [e for e in events if isinstance(e, CueDue) and e.index == 2]
    assert [e.cue for e in opening] == [Cue.GET_READY]  # its cue told what comes
    run(session, clock, 60)
    assert session.index == 2
    assert session.remaining() == pytest.approx(getting_ready, abs=0.5)
    session.resume()
    run(session, clock, getting_ready)
    assert session.index == 3 and session.state is State.RUNNING


def test_wait_for_me_off_lets_get_ready_run_on(session, clock) -> None:
    waiting = WaitForMe(session, on=False)
    session.start()
    steps = session.timeline.steps
    run(session, clock, steps[0].seconds + steps[1].seconds + 0.5)
    assert session.state is State.RUNNING
    waiting.on = True
    session.go_to(4)
    run(session, clock, 100)
    assert session.state is State.PAUSED and session.step.kind is StepKind.PREPARE
