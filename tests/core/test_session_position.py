"""Where a session stands, read at any moment: what is left, what shows, how far it has come."""

from __future__ import annotations

import pytest

from psoas_desktop.core.engine import Session, State
from psoas_desktop.core.routines import Exercise, Frequency, Range, Rests, Routine, WorkKind
from psoas_desktop.core.timeline import build_timeline

RESTS = Rests(get_ready=5, between_reps=3, between_sets=10, switch_sides=4, between_exercises=6)


def routine() -> Routine:
    hold = Exercise("squeeze", "Squeeze", WorkKind.HOLD, per_side=False, reps=Range(2, 2, 2),
                    hold=Range(6, 6, 6))
    return Routine("t", "Test", "", Frequency(2, 3, ""), (hold,))  # steps: 5, 6, 3, 6


@pytest.fixture
def session(clock) -> Session:
    return Session(build_timeline(routine(), rests=RESTS), clock)


def test_before_the_start_nothing_has_run(session) -> None:
    assert session.state is State.READY
    assert session.remaining() == 5 and session.display_seconds() == 5
    assert session.progress() == 0 and session.routine_elapsed() == 0
    assert session.active_seconds() == 0 and session.share_done() == 0
    assert session.next_step is session.timeline.steps[1]


def test_the_figures_part_way_through_a_step(session, clock) -> None:
    session.start()
    for _ in range(3):
        clock.advance(2.5)
        session.update()
    assert session.index == 1
    assert session.remaining() == pytest.approx(3.5)
    assert session.display_seconds() == 4  # 3.5 s left shows 4, as a kitchen timer does
    assert session.progress() == pytest.approx(2.5 / 6)
    assert session.routine_elapsed() == pytest.approx(7.5)
    assert session.active_seconds() == pytest.approx(7.5)
    assert session.share_done() == pytest.approx(5 / 20)  # the get-ready, ended in full


def test_a_moment_can_be_asked_about_without_moving_the_clock(session, clock) -> None:
    session.start()
    later = clock.now + 4.6
    assert session.remaining(later) == pytest.approx(0.4)
    assert session.display_seconds(later) == 1
    assert session.progress(later) == pytest.approx(4.6 / 5)
    assert session.routine_elapsed(later) == pytest.approx(4.6)
    assert session.active_seconds(later) == pytest.approx(4.6)
    assert session.remaining() == 5  # the clock itself has not moved


def test_the_last_part_of_a_second_still_counts(session, clock) -> None:
    session.start()
    clock.advance(4.75)
    assert session.remaining() == pytest.approx(0.25)
    assert session.display_seconds() == 1


def test_noise_under_a_microsecond_does_not_show_an_extra_second(session, clock) -> None:
    session.start()
    clock.advance(1.0 - 4e-7)  # 4.0000004 s left: clock arithmetic, not a real fraction
    assert session.display_seconds() == 4
    clock.advance(4e-7 - 0.2)
    assert session.display_seconds() == 5  # 4.2 s left is a fraction


def test_once_finished_everything_reads_as_done(session, clock) -> None:
    session.start()
    clock.advance(3.0)
    session.update()
    session.go_to(3)
    clock.advance(2.0)
    session.finish()
    clock.advance(50.0)
    assert session.state is State.FINISHED
    assert session.remaining() == 0.0 and session.display_seconds() == 0
    assert session.progress() == 1.0
    assert session.routine_elapsed() == 20.0
    assert session.active_seconds() == pytest.approx(5.0)  # 3 s, then 2 s of the last step
    assert session.done_seconds() == {0: pytest.approx(3.0), 3: pytest.approx(2.0)}
    assert session.share_done() == pytest.approx(5 / 20)


def test_paused_time_is_not_counted(session, clock) -> None:
    session.start()
    clock.advance(1.5)
    session.pause()
    clock.advance(30)
    assert session.active_seconds() == pytest.approx(1.5)
    assert session.routine_elapsed() == pytest.approx(1.5)
    assert session.display_seconds() == 4


def test_going_back_counts_the_time_spent_but_not_as_done(session, clock) -> None:
    session.start()
    clock.advance(4.0)
    session.update()
    clock.advance(3.0)  # 2 s into the hold
    session.update()
    session.previous()
    assert session.index == 0
    assert session.active_seconds() == pytest.approx(7.0)
    assert session.done_seconds() == {0: pytest.approx(5.0)}
    assert session.routine_elapsed() == 0.0
