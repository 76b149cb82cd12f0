"""The built-in figures: every exercise and phase has its poses, bodies stay bodies."""

from __future__ import annotations

import json
import math

import pytest

from psoas_desktop.core.figure_views import body_points
from psoas_desktop.core.poses import (
    builtin_figures,
    document_problems,
    figure_problems,
    missing_poses,
    required_poses,
)
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.core.skeleton import (
    BONES,
    JOINT_RANGES,
    SEGMENTS,
    Limbs,
    Pose,
    joint_positions,
    mirrored,
    out_of_range,
)
from psoas_desktop.resources import builtin_routines, shipped


@pytest.fixture(scope="module")
def exercises():
    book = load_book(builtin_routines())
    return {ex.id: ex for routine in book.routines for ex in routine.exercises}


def test_the_shipped_file_meets_its_schema_and_states_a_licence() -> None:
    document = json.loads(shipped("poses.json").read_text(encoding="utf-8"))
    assert document_problems(document) == []
    assert "CC0" in document["licence"]


def test_all_twelve_exercises_have_a_figure_with_a_pose_for_every_phase(exercises) -> None:
    figures = builtin_figures()
    assert len(exercises) == 12
    for exercise in exercises.values():
        figure = figures.for_exercise(exercise)
        assert figure is not None, exercise.id
        assert missing_poses(figure, exercise) == [], exercise.id
    ere = exercises["side-lying-hip-ere"]
    assert required_poses(ere) == ("start", "Drive back", "Press into knee", "Drive back again")


def test_every_joint_angle_is_one_a_body_can_reach() -> None:
    for figure in builtin_figures().figures.values():
        for name, pose in figure.poses.items():
            assert out_of_range(pose) == [], (figure.id, name)


def test_out_of_range_names_the_joint() -> None:
    pose = Pose((0, 0.5), 0, near=Limbs(knee=170))
    assert out_of_range(pose) == ["near.knee 170 (0 to 150)"]


def test_limb_lengths_never_change_between_poses() -> None:
    for figure in builtin_figures().figures.values():
        for pose in figure.poses.values():
            # Side-lying limbs turn out of the picture's plane: their lengths hold in 3D.
            points = body_points(pose) if figure.view == "side_lying" else joint_positions(pose)
            for bone, a, b in BONES:
                length = math.dist(points[a], points[b])
                expected = SEGMENTS[bone.split(".")[-1]]
                if bone.endswith("foot"):
                    expected = SEGMENTS["foot"]
                assert length == pytest.approx(expected, abs=1e-9), (figure.id, bone)


def test_nothing_sinks_into_the_floor() -> None:
    for figure in builtin_figures().figures.values():
        for name, pose in figure.poses.items():
            if figure.view == "side_lying":
                lowest = min(up for _x, _forward, up in body_points(pose).values())
            else:
                lowest = min(y for _x, y in joint_positions(pose).values())
            assert lowest >= -0.02, (figure.id, name, lowest)


def test_a_mirrored_pose_is_the_exact_mirror() -> None:
    pose = builtin_figures().figures["kneeling-hip-flexor-stretch"].pose("hold")
    points = joint_positions(pose)
    flipped = mirrored(points)
    assert flipped.keys() == points.keys()
    for name, (x, y) in points.items():
        assert flipped[name] == (-x, y)


def test_forward_kinematics_of_a_standing_body() -> None:
    points = joint_positions(Pose((0.0, 0.52), 0))
    assert points["near.knee"] == pytest.approx((0.0, 0.52 - SEGMENTS["thigh"]))
    assert points["shoulder"][1] == pytest.approx(0.52 + 0.30)
    # A hip flexed to 90 degrees puts the knee straight out in front.
    bent = joint_positions(Pose((0.0, 0.52), 0, near=Limbs(hip=90)))
    assert bent["near.knee"] == pytest.approx((SEGMENTS["thigh"], 0.52))


def test_a_figure_of_ones_own_is_checked_against_the_schema() -> None:
    assert figure_problems({"poses": {"start": {"root": [0, 0.5]}}}, "exercises[0].figure") == [
        "exercises[0].figure.poses.start: 'pelvis' is a required property"]
    bad_knee = {"poses": {"start": {"root": [0, 0.5], "pelvis": 0, "near": {"knee": -20}}}}
    assert "-20 is less than the minimum of 0" in figure_problems(bad_knee)[0]
    assert JOINT_RANGES["knee"] == (0.0, 150.0)
