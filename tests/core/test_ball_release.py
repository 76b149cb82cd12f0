"""The ball release as its steps say (on the back, the ball on the front of the hip under a
weight, the foot sliding out) and face down (on the forearms, the ball between hip and mat)."""

from __future__ import annotations

import math

from psoas_desktop.core.poses import builtin_figures
from psoas_desktop.core.skeleton import SEGMENTS, joint_positions

FIGURE = "hip-flexor-ball-release-prone"


def _ball(figure):
    return next(p for p in figure.props if p.kind == "ball")


def test_face_down_on_the_forearms_with_the_chest_towards_the_mat() -> None:
    figure = builtin_figures().figures[FIGURE]
    for name, pose in figure.poses.items():
        points = joint_positions(pose)
        assert 60 <= pose.pelvis <= 100, name  # lying, the front of the body down
        assert abs(pose.low_back) <= 10, name  # a neutral low back, not a sphinx arch
        front_of_thigh = joint_positions(pose)["near.knee"][1] - points["hip"][1]
        assert front_of_thigh < 0.0, name  # the legs lie behind on the mat
        for side in ("near", "far"):
            elbow, hand = points[f"{side}.elbow"], points[f"{side}.hand"]
            assert elbow[1] < 0.05 and hand[1] < 0.05, name  # forearms on the mat
            assert hand[0] > elbow[0], name  # reaching forward, towards the head
            assert points["shoulder"][1] - elbow[1] > 0.8 * SEGMENTS["upper_arm"], name


def test_the_ball_lies_on_the_mat_under_the_front_of_the_hip_as_the_body_slides() -> None:
    figure = builtin_figures().figures[FIGURE]
    ball = _ball(figure)
    assert ball.at == ""  # it stays where it lies on the mat
    x, y = ball.offset
    radius = ball.height / 2
    assert math.isclose(y, radius)  # resting on the mat
    hips = []
    for name, pose in figure.poses.items():
        hip = joint_positions(pose)["hip"]
        hips.append(hip[0])
        assert 0.0 < x - hip[0] < 0.12, name  # just in front of the hip joint, below the belly
        assert y + radius < hip[1], name  # between the hip and the mat
        assert hip[1] - (y + radius) < 0.06, name  # and pressing into it
    assert max(hips) - min(hips) > 0.02  # the body slides slowly over it


def test_on_the_back_the_ball_sits_on_the_front_of_the_hip_under_the_weight() -> None:
    figure = builtin_figures().figures["hip-flexor-ball-release"]
    ball = _ball(figure)
    weight = next(p for p in figure.props if p.kind == "weight")
    assert ball.at == weight.at == "hip"  # they move with the hip
    assert weight.optional and not ball.optional
    assert 0 < ball.offset[1] - ball.height / 2 < 0.08  # resting on the front of the hip
    assert -0.06 < ball.offset[0] <= 0  # over the hip joint, a little towards the waist (-x)
    assert weight.offset[1] >= ball.offset[1] + ball.height / 2  # the weight on top of it
    start, end = figure.pose("start"), figure.pose("end")
    for pose in (start, end):
        assert pose.pelvis == -90 and pose.low_back == 0  # face up, low back flat
    assert start.near.knee > 60 > end.near.knee  # the foot slides out: the knee straightens
    points = joint_positions(start)
    assert points["waist"][0] < points["hip"][0]  # the waist lies towards the head (-x)
    assert abs(points["near.heel"][1] - points["hip"][1] + start.root[1]) < 0.05  # foot down
