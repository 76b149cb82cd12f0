"""The pose at a moment: in time with each step, still in holds, continuous, mirrored by side."""

from __future__ import annotations

import math
from itertools import pairwise

import pytest

from psoas_desktop.core.engine import Session
from psoas_desktop.core.figure_motion import SETTLE_SECONDS, frame_for, pose_at, still_seconds
from psoas_desktop.core.poses import builtin_figures
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.core.skeleton import joint_positions
from psoas_desktop.core.timeline import Side, StepKind, build_timeline
from psoas_desktop.resources import builtin_routines


@pytest.fixture(scope="module")
def book():
    return load_book(builtin_routines())


def _timeline(book, routine_id):
    return build_timeline(book.get(routine_id), rests=book.rests)


def _frame(timeline, index, progress):
    return frame_for(builtin_figures(), timeline.routine, timeline.steps, index, progress)


def _gap(a, b) -> float:
    pa, pb = a.points(), b.points()
    return max(math.dist(pa[k], pb[k]) for k in pa)


def test_a_rep_lifts_over_the_lift_holds_still_and_lowers_over_the_lower(book, clock) -> None:
    timeline = _timeline(book, "psoas-strength")
    figure = builtin_figures().figures["front-support-band-knee-drive"]
    session = Session(timeline, clock)
    session.start()
    while session.step.phase != "Lift":
        session.next()
    lift = session.index
    assert session.step.seconds == 2
    seen = []
    for _ in range(6):  # lift 2 s, hold 2 s, lower 2 s, in half-second ticks of the fake clock
        for _ in range(4):
            frame = _frame(timeline, session.index, session.progress())
            seen.append((session.step.phase, frame))
            clock.advance(0.5)
            session.update()
        if session.index > lift + 2:
            break
    top, start = joint_positions(figure.pose("top")), joint_positions(figure.pose("start"))
    knee = [f.pose.near.hip for phase, f in seen]
    assert knee[0] == figure.pose("start").near.hip
    assert seen[4][0] == "Hold" and seen[4][1].points()["near.knee"] == pytest.approx(
        (top["near.knee"][0] * seen[4][1].facing, top["near.knee"][1]))
    holds = [f.pose for phase, f in seen if phase == "Hold"]
    assert all(p == holds[0] for p in holds)  # still through the hold
    lifting = [f.pose.near.hip for phase, f in seen if phase == "Lift"]
    assert lifting == sorted(lifting) and lifting[-1] > lifting[0]
    lowering = [f.pose.near.hip for phase, f in seen if phase == "Lower"]
    assert lowering == sorted(lowering, reverse=True)
    assert start["near.knee"] != top["near.knee"]


def test_a_tempo_rep_goes_in_on_the_first_beat_and_out_on_the_second(book) -> None:
    timeline = _timeline(book, "psoas-stretch")
    figure = builtin_figures().figures["glute-bridge"]
    index = next(i for i, s in enumerate(timeline.steps)
                 if s.exercise_id == "glute-bridge" and s.phase == "Rep")
    step = timeline.steps[index]
    assert step.beats == 2
    assert pose_at(figure, step, 0.0).pose == figure.pose("start")
    assert pose_at(figure, step, 0.5).pose == figure.pose("end")  # the second beat
    assert pose_at(figure, step, 1.0).pose == figure.pose("start")


def test_each_hold_of_the_cycle_settles_into_its_own_pose_then_stays_still(book) -> None:
    timeline = _timeline(book, "psoas-strength")
    figure = builtin_figures().figures["side-lying-hip-ere"]
    holds = [i for i, s in enumerate(timeline.steps)
             if s.exercise_id == "side-lying-hip-ere" and s.kind is StepKind.HOLD][:3]
    for index in holds:
        step = timeline.steps[index]
        settled = still_seconds(step) / step.seconds
        frames = [_frame(timeline, index, settled + (1 - settled) * k / 10) for k in range(11)]
        assert all(f.pose == figure.pose(step.phase) for f in frames), step.phase
    first, second = (timeline.steps[i] for i in holds[:2])
    assert figure.pose(first.phase) != figure.pose(second.phase)
    # The switch from one hold to the next starts where the last one ended.
    assert _frame(timeline, holds[1], 0.0).pose == figure.pose(first.phase)


def test_the_pose_is_continuous_within_every_exercise(book) -> None:
    for routine_id in ("psoas-strength", "psoas-stretch", "strength-then-stretch"):
        timeline = _timeline(book, routine_id)
        for index, step in enumerate(timeline.steps):
            ticks = max(40, step.seconds * 20)
            frames = [_frame(timeline, index, k / ticks) for k in range(ticks + 1)]
            # 1/20 s apart, nothing jumps more than a few centimetres.
            worst = max(_gap(a, b) for a, b in pairwise(frames))
            assert worst < 0.05, (routine_id, index, step.phase, worst)
            if index + 1 < len(timeline.steps):
                after = timeline.steps[index + 1]
                if after.exercise_id == step.exercise_id and after.kind is not StepKind.PREPARE:
                    gap = _gap(frames[-1], _frame(timeline, index + 1, 0.0))
                    assert gap < 1e-9, (routine_id, index, step.phase, after.phase)


def test_the_other_side_is_the_exact_mirror_and_the_switch_shows_the_turn(book) -> None:
    timeline = _timeline(book, "psoas-stretch")
    steps = timeline.steps
    left = next(i for i, s in enumerate(steps) if s.side is Side.LEFT and s.kind is StepKind.HOLD)
    right = next(i for i, s in enumerate(steps) if s.side is Side.RIGHT
                 and s.kind is StepKind.HOLD and s.exercise_id == steps[left].exercise_id)
    a, b = _frame(timeline, left, 0.8), _frame(timeline, right, 0.8)
    assert a.facing == -b.facing and abs(a.facing) == 1
    pa, pb = a.points(), b.points()
    assert all(pb[k] == (-pa[k][0], pa[k][1]) for k in pa)
    switch = next(i for i in range(left, right) if steps[i].kind is StepKind.SWITCH)
    turning = [_frame(timeline, switch, k / 20).facing for k in range(21)]
    assert turning[0] == pytest.approx(a.facing) and turning[-1] == pytest.approx(b.facing)
    assert min(abs(f) for f in turning) < 0.1  # edge on, half way round


def test_get_ready_shows_the_start_pose_of_what_comes_next(book) -> None:
    timeline = _timeline(book, "psoas-stretch")
    figures = builtin_figures()
    for index, step in enumerate(timeline.steps):
        if step.kind is StepKind.PREPARE:
            figure = figures.figures[step.exercise_id]
            for progress in (0.0, 0.5, 1.0):
                assert _frame(timeline, index, progress).pose == figure.pose("start")


def test_timed_work_loops_slowly_and_a_rest_settles_back(book) -> None:
    figure = builtin_figures().figures["hip-flexor-ball-release"]
    timeline = _timeline(book, "psoas-strength")
    index = next(i for i, s in enumerate(timeline.steps) if s.phase == "Work")
    step = timeline.steps[index]
    half_loop = figure.cycle_seconds / 2 / step.seconds
    assert _frame(timeline, index, half_loop).pose == figure.pose("end")
    assert _frame(timeline, index, 2 * half_loop).pose == pytest.approx(figure.pose("start"))
    assert step.seconds / 3 >= SETTLE_SECONDS
