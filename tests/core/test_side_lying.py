"""Lying on one side: the body rests on the mat, the right leg works, the right side is down."""

from __future__ import annotations

import math

import pytest

from psoas_desktop.core.figure_motion import FigureFrame, facing_for
from psoas_desktop.core.figure_views import HALF_WIDTH, body_points, drawn_points, side_down
from psoas_desktop.core.poses import builtin_figures
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.core.skeleton import Limbs, Pose
from psoas_desktop.core.timeline import Side
from psoas_desktop.resources import builtin_routines

LYING = ("side-lying-clamshell", "side-lying-hip-ere")


def _figure(figure_id):
    return builtin_figures().figures[figure_id]


@pytest.mark.parametrize("figure_id", LYING)
def test_the_body_rests_on_its_side_with_the_trunk_level_at_hip_height(figure_id) -> None:
    figure = _figure(figure_id)
    assert figure.view == "side_lying"
    for name, pose in figure.poses.items():
        body = body_points(pose)
        bottom_hip = body["far.hip"][2]
        assert 0.03 <= bottom_hip <= 0.12, (name, bottom_hip)  # on the mat, not above it
        assert body["near.hip"][2] - bottom_hip == pytest.approx(2 * HALF_WIDTH["hip"])
        for joint in ("waist", "shoulder", "head"):  # a long, level spine: not curled up
            assert body[joint][2] == pytest.approx(body["hip"][2], abs=0.02), (name, joint)
            assert abs(body[joint][1]) < 0.03, (name, joint)


@pytest.mark.parametrize("figure_id", LYING)
def test_the_head_rests_on_the_bottom_arm_stretched_along_the_mat(figure_id) -> None:
    for name, pose in _figure(figure_id).poses.items():
        body = body_points(pose)
        head_x = body["head"][0]
        assert body["far.hand"][0] < head_x < body["far.shoulder"][0], name  # under the head
        assert body["far.elbow"][2] < 0.06 and body["far.hand"][2] < 0.06, name


def test_the_clamshell_opens_the_top_knee_upward_with_the_feet_together() -> None:
    figure = _figure("side-lying-clamshell")
    closed, opened = body_points(figure.pose("start")), body_points(figure.pose("end"))
    for pose in (figure.pose("start"), figure.pose("end")):
        for limbs in (pose.near, pose.far):  # hips about 45 degrees, knees about 90
            assert limbs.hip == pytest.approx(45, abs=10)
            assert limbs.knee == pytest.approx(90, abs=10)
    assert opened["near.knee"][2] - closed["near.knee"][2] > 0.1  # the top knee lifts
    assert opened["near.ankle"] == pytest.approx(closed["near.ankle"])  # the feet stay put
    assert math.dist(opened["near.ankle"], opened["far.ankle"]) < 0.08  # and together
    for joint in ("far.knee", "far.ankle", "head"):
        assert opened[joint] == closed[joint]  # the bottom leg and the body stay still


def test_the_ere_drives_the_bottom_leg_back_then_presses_its_knee_into_the_top_foot() -> None:
    figure = _figure("side-lying-hip-ere")
    assert figure.works == ("far.leg",)
    for hold in ("Drive back", "Drive back again"):
        body = body_points(figure.pose(hold))
        assert figure.pose(hold).far.hip < -15  # hip extension: behind the body line
        assert body["far.ankle"][1] < -0.1
        assert body["near.knee"][1] > 0.15  # the top leg out of its way, in front
    press = body_points(figure.pose("Press into knee"))
    assert figure.pose("Press into knee").far.hip > 30  # the bottom knee forward
    assert math.dist(press["near.ankle"], press["far.knee"]) < 0.07  # the top foot on it


@pytest.mark.parametrize(("exercise_id", "side", "down"), [
    ("side-lying-hip-ere", Side.LEFT, "left"),  # "Lie on your left side: the bottom leg works"
    ("side-lying-hip-ere", Side.RIGHT, "right"),
    ("side-lying-clamshell", Side.LEFT, "right"),  # "Lie on your right side: the left knee"
    ("side-lying-clamshell", Side.RIGHT, "left"),
])
def test_the_side_lain_on_is_the_one_the_side_words_name(exercise_id, side, down) -> None:
    exercises = {e.id: e for r in load_book(builtin_routines()).routines for e in r.exercises}
    words = dict(zip(("left", "right"), exercises[exercise_id].side_words, strict=True))
    assert f"your {down} side" in words[side.value].lower()
    figure = _figure(exercise_id)
    for name in figure.poses:
        frame = FigureFrame(figure, figure.pose(name), facing_for(figure, side))
        assert side_down(frame.points()) == down, name


def test_abduction_shows_only_lying_down_and_keeps_the_bone_lengths() -> None:
    straight = Pose((0.0, 0.1), -90, near=Limbs(hip=45, knee=90))
    turned = Pose((0.0, 0.1), -90, near=Limbs(hip=45, knee=90, hip_abduct=40))
    assert drawn_points("side", straight) == drawn_points("side", turned)
    a, b = body_points(straight), body_points(turned)
    for start, end in (("near.hip", "near.knee"), ("near.knee", "near.ankle")):
        assert math.dist(a[start], a[end]) == pytest.approx(math.dist(b[start], b[end]))
    assert b["near.knee"][2] > a["near.knee"][2]
