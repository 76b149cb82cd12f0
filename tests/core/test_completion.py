"""The completion rule: what a session and an exercise amount to, from the steps done."""

from __future__ import annotations

from psoas_desktop.core.completion import (
    COMPLETE_SHARE,
    Mark,
    StepTry,
    counts_for_week,
    exercise_marks,
    honest_status,
    is_complete,
    seconds_done,
    share_of,
    stored_status,
)
from psoas_desktop.core.engine import Session
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.core.timeline import build_timeline
from psoas_desktop.resources import builtin_routines


def test_each_step_counts_its_best_try_up_to_its_length() -> None:
    done = seconds_done([StepTry(0, 10, 4.0), StepTry(0, 10, 12.5), StepTry(1, 30, 0.0),
                         StepTry(2, 30, 20.0), StepTry(3, 5, -1.0)])
    assert done == {0: 10.0, 1: 0.0, 2: 20.0, 3: 0.0}


def test_reaching_the_end_completes_only_with_enough_done() -> None:
    assert is_complete(True, 1.0) and is_complete(True, COMPLETE_SHARE)
    assert not is_complete(True, 0.25)  # skipped through to the end
    assert not is_complete(False, 1.0)
    assert stored_status(True, 0.25) == "finished_early"
    assert stored_status(True, 0.95) == "completed"
    assert honest_status("completed", 0.07) == "finished_early"  # saved by the older rule
    assert honest_status("completed", 0.9) == "completed"
    assert honest_status("interrupted", 0.1) == "interrupted"


def test_the_week_counts_sessions_with_half_the_plan_done() -> None:
    assert counts_for_week(share_of(300, 600)) and not counts_for_week(share_of(118, 1620))
    assert share_of(5, 0) == 0.0 and share_of(900, 600) == 1.0


def _session(clock_box: list[float]):
    book = load_book(builtin_routines(), [])
    timeline = build_timeline(book.get("psoas-strength"), rests=book.rests)
    return Session(timeline, lambda: clock_box[0]), timeline


def test_the_engine_tallies_skipped_and_done_steps() -> None:
    now = [0.0]
    session, timeline = _session(now)
    session.start()
    session.jump_to_exercise(4)  # three quarters skipped
    while session.state.value == "running":
        now[0] += 1.0
        session.update()
    assert session.share_done() < 0.5
    marks = exercise_marks(timeline, session.done_seconds(), -1, finished=True)
    assert marks == [Mark.SKIPPED] * 4 + [Mark.DONE]


def test_marks_while_running_and_after_a_jump_back() -> None:
    now = [0.0]
    session, timeline = _session(now)
    session.start()
    first_effort = next(i for i, s in enumerate(timeline.steps) if s.is_effort)
    session.go_to(first_effort)
    for _ in range(timeline.steps[first_effort].seconds // 2):  # half the first effort
        now[0] += 1.0
        session.update()
    session.next()
    session.jump_to_exercise(2)
    session.jump_to_exercise(0)
    marks = exercise_marks(timeline, session.done_seconds(), 0, finished=False)
    assert marks[0] is Mark.CURRENT
    assert marks[1:] == [Mark.TO_DO] * 4
    marks = exercise_marks(timeline, session.done_seconds(), 1, finished=False)
    assert marks[0] is Mark.PARTLY and marks[1] is Mark.CURRENT
