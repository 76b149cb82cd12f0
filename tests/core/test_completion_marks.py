"""Marks per exercise and the share done, at their thresholds, on a hand-made plan."""

from __future__ import annotations

from psoas_desktop.core.completion import (
    COMPLETE_SHARE,
    Mark,
    StepTry,
    exercise_marks,
    honest_status,
    seconds_done,
)
from psoas_desktop.core.routines import Exercise, Frequency, Range, Rests, Routine, WorkKind
from psoas_desktop.core.timeline import build_timeline

HOLD = Exercise("h", "H", WorkKind.HOLD, per_side=False, reps=Range(2, 2, 2), hold=Range(5, 5, 5))
BLOCK = Exercise("b", "B", WorkKind.TIMED, per_side=False, hold=Range(10, 10, 10))
TIMELINE = build_timeline(Routine("r", "R", "", Frequency(2, 3, ""), (HOLD, BLOCK, HOLD)),
                          rests=Rests(get_ready=4, between_reps=3, between_sets=0,
                                      switch_sides=0, between_exercises=4))
# 0 get ready 4, 1 hold 5, 2 rest 3, 3 hold 5 | 4 get ready 4, 5 block 10 | 6 ready, 7, 8, 9


def test_the_plan_under_test() -> None:
    assert [s.seconds for s in TIMELINE.steps] == [4, 5, 3, 5, 4, 10, 4, 5, 3, 5]


def test_an_exercise_is_done_from_eight_tenths_of_its_effort() -> None:
    # Rests and get-ready count for nothing here: only the 10 s of holds.
    done = {0: 4.0, 1: 5.0, 2: 3.0, 3: 3.0}
    assert exercise_marks(TIMELINE, done, 1, False)[0] is Mark.DONE  # 8 of 10 s
    short = {0: 4.0, 1: 5.0, 2: 3.0, 3: 2.9}
    assert exercise_marks(TIMELINE, short, 1, False)[0] is Mark.PARTLY
    assert exercise_marks(TIMELINE, {0: 4.0, 2: 3.0}, 1, False)[0] is Mark.SKIPPED


def test_a_little_done_is_partly_done() -> None:
    assert exercise_marks(TIMELINE, {1: 0.5}, 2, False)[:2] == [Mark.PARTLY, Mark.SKIPPED]


def test_the_current_exercise_and_the_ones_ahead() -> None:
    assert exercise_marks(TIMELINE, {}, 0, False) == [Mark.CURRENT, Mark.TO_DO, Mark.TO_DO]
    # After a jump back, what was done ahead still shows.
    assert exercise_marks(TIMELINE, {5: 10.0}, 0, False) == [Mark.CURRENT, Mark.DONE,
                                                             Mark.TO_DO]
    assert exercise_marks(TIMELINE, {}, -1, True) == [Mark.SKIPPED] * 3
    assert exercise_marks(TIMELINE, {5: 10.0}, 1, True) == [Mark.SKIPPED, Mark.DONE,
                                                            Mark.SKIPPED]


def test_the_best_try_of_each_step_counts() -> None:
    tries = [StepTry(1, 5, 2.0), StepTry(3, 5, 4.0), StepTry(1, 5, 4.5), StepTry(1, 5, 1.0)]
    assert seconds_done(tries) == {1: 4.5, 3: 4.0}


def test_an_old_completed_status_is_read_honestly() -> None:
    assert honest_status("completed", COMPLETE_SHARE) == "completed"
    assert honest_status("completed", 0.79) == "finished_early"
    assert honest_status("interrupted", 0.1) == "interrupted"
