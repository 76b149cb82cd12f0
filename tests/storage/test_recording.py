"""Recording a session driven by the engine on a fake clock: every step lands as it ends."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from psoas_desktop.core.engine import Session
from psoas_desktop.core.routines import Target
from psoas_desktop.core.timeline import StepKind, build_timeline
from psoas_desktop.storage.history import History
from psoas_desktop.storage.recorder import Recorder


def count_steps(path) -> int:
    """Rows another connection sees: only what was committed."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM steps").fetchone()[0]
    finally:
        conn.close()


def test_a_whole_session_is_recorded(history, routine, timeline, clock, wall, run_to_end
                                     ) -> None:
    session = Session(timeline, clock)
    recording = Recorder(history, wall).attach(session, routine, pain_before=3)
    run_to_end(session)
    recording.save_log(pain_after=2, stiffness=4, notes="easier to stand tall")

    (row,) = history.sessions()
    assert (row.routine_id, row.routine_name) == (routine.id, routine.name)
    assert row.status == "completed" == recording.status
    assert row.started_at == wall.start
    assert row.ended_at == wall.start + timedelta(seconds=timeline.total_seconds)
    assert row.planned_seconds == timeline.total_seconds == round(row.active_seconds)
    assert row.done_fraction == 1.0
    assert (row.log.pain_before, row.log.pain_after, row.log.stiffness) == (3, 2, 4)
    assert row.log.notes == "easier to stand tall"

    steps = history.steps(row.id)
    assert [s.step_index for s in steps] == list(range(len(timeline.steps)))
    for recorded, planned in zip(steps, timeline.steps, strict=True):
        assert recorded.kind == planned.kind.value
        assert recorded.exercise_id == planned.exercise_id
        assert recorded.side == (planned.side.value if planned.side else None)
        assert (recorded.set_number, recorded.rep, recorded.phase) == (
            planned.set, planned.rep, planned.phase)
        assert recorded.target_seconds == planned.seconds == recorded.actual_seconds
        assert not recorded.skipped
    assert steps[-1].ended_at == row.ended_at

    glute = history.exercise_results("standing-glute-squeeze")
    assert len(glute) == 1 and glute[0].completed
    assert glute[0].target == timeline.targets["standing-glute-squeeze"]
    assert glute[0].reps_done == 4 and glute[0].mean_hold == 5


def test_each_step_is_committed_the_moment_it_ends(history, db_path, routine, timeline, clock,
                                                   wall) -> None:
    session = Session(timeline, clock)
    Recorder(history, wall).attach(session, routine)
    assert count_steps(db_path) == 0
    session.start()
    for ended in range(1, 6):
        while session.index < ended:  # a wake-up a second, as the window's timer gives
            assert count_steps(db_path) == ended - 1
            clock.advance(1)
            session.update()
        assert count_steps(db_path) == ended


def test_finishing_early_and_skipping(history, routine, timeline, clock, wall) -> None:
    session = Session(timeline, clock)
    recording = Recorder(history, wall).attach(session, routine)
    session.start()
    clock.advance(4)
    session.next()  # skip the get-ready after 4 s
    clock.advance(2)
    session.pause()
    clock.advance(600)  # paused time is not active time
    session.resume()
    clock.advance(1)
    session.finish()
    assert recording.status == "finished_early"
    (row,) = history.sessions()
    assert row.status == "finished_early"
    assert row.active_seconds == 7
    steps = history.steps(row.id)
    assert [(s.step_index, s.skipped, s.actual_seconds) for s in steps] == [
        (0, True, 4.0), (1, True, 3.0)]
    assert row.done_seconds == 7  # the seconds really spent in each step count
    (ball,) = history.exercise_results(timeline.steps[0].exercise_id)
    assert not ball.completed


def test_a_session_never_started_leaves_no_row(history, routine, timeline, clock, wall) -> None:
    session = Session(timeline, clock)
    recording = Recorder(history, wall).attach(session, routine)
    recording.save_log(pain_after=1)
    assert history.sessions() == [] and not recording.started


def test_chosen_targets_are_kept_with_the_session(history, routine, book, clock, wall,
                                                   run_to_end) -> None:
    targets = {"standing-glute-squeeze": Target(2, 6, 8)}
    timeline = build_timeline(routine, targets, rests=book.rests)
    session = Session(timeline, clock)
    Recorder(history, wall).attach(session, routine)
    run_to_end(session)
    last = history.last_targets(routine.id)
    assert last["standing-glute-squeeze"] == Target(2, 6, 8)
    assert set(last) == {ex.id for ex in routine.exercises}
    (glute,) = history.exercise_results("standing-glute-squeeze")
    assert glute.reps_done == 12 and glute.completed


def test_going_back_and_redoing_a_step_is_recorded_twice_but_planned_once(
        history, routine, timeline, clock, wall, run_to_end) -> None:
    session = Session(timeline, clock)
    Recorder(history, wall).attach(session, routine)
    run_to_end(session, until=1)
    session.previous()  # back to the get-ready: it will end a second time
    run_to_end(session)
    (row,) = history.sessions()
    indexes = [s.step_index for s in history.steps(row.id)]
    assert indexes.count(0) == 2 and len(indexes) == len(timeline.steps) + 1
    assert row.done_fraction == 1.0


def test_a_session_left_running_is_marked_interrupted_at_the_next_open(
        db_path, routine, timeline, clock, wall) -> None:
    history = History(db_path, wall_clock=wall)
    session = Session(timeline, clock)
    Recorder(history, wall).attach(session, routine)
    session.start()
    while session.index < 10:
        clock.advance(1)
        session.update()
    history.close()  # the app died without a Finished event

    reader = History(db_path, recover=False)  # the command line leaves it running
    assert reader.sessions()[0].status == "running"
    reader.close()

    reopened = History(db_path)
    assert reopened.interrupted_found == 1
    (row,) = reopened.sessions()
    steps = reopened.steps(row.id)
    assert row.status == "interrupted" and len(steps) == 10
    assert row.ended_at == steps[-1].ended_at
    assert row.active_seconds == sum(s.actual_seconds for s in steps)
    # The ten steps ended before the crash, in order, each as the plan had it.
    assert [s.step_index for s in steps] == list(range(10))
    assert [(s.kind, s.target_seconds) for s in steps] == [
        (t.kind.value, t.seconds) for t in timeline.steps[:10]]
    assert steps[0].kind == StepKind.PREPARE
    reopened.close()
