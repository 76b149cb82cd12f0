"""A user's exercise can name a built-in figure or carry poses of its own, checked on load."""

from __future__ import annotations

import json

import pytest

from psoas_desktop.core.poses import builtin_figures
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.resources import builtin_routines

POSE = {"root": [0, 0.5], "pelvis": 0}


def _load(tmp_path, exercise):
    document = {"exercises": [exercise],
                "routines": [{"id": "mine", "name": "Mine", "exercises": [exercise["id"]]}]}
    path = tmp_path / "routines.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return load_book(builtin_routines(), [path])


def _hold(**extra):
    return {"id": "my-hold", "name": "My hold", "kind": "hold", "per_side": True,
            "hold": {"min": 5, "max": 10}, **extra}


def test_an_exercise_can_name_a_built_in_figure(tmp_path) -> None:
    book = _load(tmp_path, _hold(figure="kneeling-hip-flexor-stretch",
                                 side_words={"left": "Left knee down", "right": "Right knee down"}))
    assert book.problems == []
    exercise = book.get("mine").exercises[0]
    figure = builtin_figures().for_exercise(exercise)
    assert figure is builtin_figures().figures["kneeling-hip-flexor-stretch"]
    assert exercise.side_words == ("Left knee down", "Right knee down")


def test_an_unknown_figure_is_refused_by_name(tmp_path) -> None:
    book = _load(tmp_path, _hold(figure="no-such-figure"))
    assert book.get("mine") is None
    assert any("exercises[0].figure: no built-in figure has the id 'no-such-figure'" in p
               for p in book.problems)


def test_an_exercise_can_carry_poses_of_its_own(tmp_path) -> None:
    own = {"works": ["near.leg"], "poses": {"start": POSE,
                                            "hold": {**POSE, "near": {"hip": 90, "knee": 90}}}}
    book = _load(tmp_path, _hold(figure=own))
    assert book.problems == []
    figure = builtin_figures().for_exercise(book.get("mine").exercises[0])
    assert figure is not None and figure.pose("hold").near.knee == 90


@pytest.mark.parametrize(("figure", "message"), [
    ({"poses": {"start": POSE}}, "exercises[0].figure.poses: no pose 'hold' (a hold exercise"),
    ({"poses": {"start": {**POSE, "near": {"knee": 200}}, "hold": POSE}},
     "exercises[0].figure.poses.start.near.knee: 200 is greater than the maximum of 150"),
    ({"poses": {"start": POSE, "hold": POSE}, "works": ["tail"]},
     "exercises[0].figure.works[0]: 'tail' is not one of"),
])
def test_a_bad_figure_is_refused_with_the_place(tmp_path, figure, message) -> None:
    book = _load(tmp_path, _hold(figure=figure))
    assert book.get("mine") is None
    assert any(message in p for p in book.problems), book.problems
