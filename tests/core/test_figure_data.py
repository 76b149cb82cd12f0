"""A figure object as a routine file or poses.json writes it, read into a Figure: every field
given is kept, every field left out takes its documented default."""

from __future__ import annotations

import json

import pytest

from psoas_desktop.core.poses import (
    DEFAULT_CYCLE_SECONDS,
    Figure,
    FigureBook,
    Highlight,
    Prop,
    figure_from_data,
    figure_problems,
    load_figures,
    pose_from_data,
    signature_pose,
)
from psoas_desktop.core.routines import Exercise, Phase, Range, WorkKind
from psoas_desktop.core.skeleton import Limbs, Pose

START = {"root": [0.1, 0.5], "pelvis": -90}
FULL = {
    "view": "side_lying",
    "drawn_side": "right",
    "cycle_seconds": 12,
    "works": ["near.leg", "far.arm"],
    "highlight": {"muscle": "glute", "side": "far"},
    "props": [
        {"kind": "mat", "span": [-0.7, 0.6]},
        {"kind": "band", "at": "near.knee", "offset": [0.02, -0.03], "anchor": [0.9, 0.1],
         "height": 0.2, "poses": ["top"], "optional": True},
    ],
    "poses": {
        "start": {"root": [0.0, 0.075], "pelvis": -90, "low_back": 10, "neck": -5,
                  "near": {"hip": 40.5, "knee": 90, "ankle": -20, "shoulder": 12, "elbow": 8},
                  "far": {"hip": 0, "knee": 4}},
        "top": START,
    },
}


def test_every_field_given_is_read_as_written() -> None:
    figure = figure_from_data("drive", FULL)
    assert (figure.id, figure.view, figure.drawn_side, figure.cycle_seconds) == (
        "drive", "side_lying", "right", 12.0)
    assert figure.works == ("near.leg", "far.arm")
    assert figure.highlight == Highlight("glute", "far")
    assert figure.props == (
        Prop("mat", span=(-0.7, 0.6)),
        Prop("band", at="near.knee", offset=(0.02, -0.03), span=(-0.9, 0.9), height=0.2,
             anchor=(0.9, 0.1), poses=("top",), optional=True),
    )
    assert figure.poses["start"] == Pose(
        root=(0.0, 0.075), pelvis=-90.0, low_back=10.0, neck=-5.0,
        near=Limbs(hip=40.5, knee=90.0, ankle=-20.0, shoulder=12.0, elbow=8.0),
        far=Limbs(hip=0.0, knee=4.0))
    assert set(figure.poses) == {"start", "top"}


def test_what_is_left_out_takes_the_defaults() -> None:
    figure = figure_from_data("plain", {"poses": {"start": START}, "props": [{"kind": "wall"}]})
    assert (figure.view, figure.drawn_side, figure.cycle_seconds) == (
        "side", "left", DEFAULT_CYCLE_SECONDS)
    assert figure.works == () and figure.highlight is None
    (wall,) = figure.props
    assert wall == Prop("wall", at="", offset=(0.0, 0.0), span=(-0.9, 0.9), height=0.0,
                        anchor=(0.0, 0.0), poses=(), optional=False)
    assert figure.poses["start"] == Pose(root=(0.1, 0.5), pelvis=-90.0, low_back=0.0, neck=0.0,
                                         near=Limbs(), far=Limbs())
    assert figure_from_data("bare", {"poses": {"start": START}}).props == ()


def test_numbers_are_read_as_floats() -> None:
    pose = pose_from_data({"root": [0, 1], "pelvis": 5, "near": {"knee": 30}})
    assert all(type(v) is float for v in (*pose.root, pose.pelvis, pose.low_back, pose.neck,
                                           pose.near.knee, pose.far.hip))


def test_a_missing_key_pose_falls_back_to_the_start() -> None:
    figure = figure_from_data("f", FULL)
    assert figure.pose("top") == figure.poses["top"]
    assert figure.pose("hold") == figure.poses["start"]


def test_the_poses_file_is_read_into_a_book(tmp_path) -> None:
    path = tmp_path / "poses.json"
    path.write_text(json.dumps({"licence": "CC0", "figures": {"drive": FULL}}), encoding="utf-8")
    book = load_figures(path)
    assert list(book.figures) == ["drive"]
    assert book.figures["drive"].drawn_side == "right"


def exercise(kind: WorkKind, **kw: object) -> Exercise:
    return Exercise("drive", "Drive", kind, per_side=False, hold=Range(5, 5, 5), **kw)


def test_an_exercise_finds_its_own_figure_the_one_it_names_or_the_one_of_its_id() -> None:
    named = figure_from_data("named", FULL)
    by_id = figure_from_data("drive", FULL)
    book = FigureBook({"named": named, "drive": by_id})
    own = Figure("own", {})
    assert book.for_exercise(exercise(WorkKind.HOLD, figure=own)) is own
    assert book.for_exercise(exercise(WorkKind.HOLD, figure="named")) is named
    assert book.for_exercise(exercise(WorkKind.HOLD)) is by_id
    assert FigureBook().for_exercise(exercise(WorkKind.HOLD)) is None


@pytest.mark.parametrize(("kind", "pose"), [(WorkKind.HOLD, "hold"), (WorkKind.TIMED, "start"),
                                            (WorkKind.REP_HOLD, "top"), (WorkKind.TEMPO, "end")])
def test_the_thumbnail_shows_the_telling_pose(kind, pose) -> None:
    assert signature_pose(exercise(kind)) == pose


def test_a_cycle_is_shown_by_its_first_hold() -> None:
    phases = (Phase("Drive back", ""), Phase("Press", ""))
    assert signature_pose(exercise(WorkKind.CYCLE, phases=phases)) == "Drive back"


def test_a_figure_problem_says_where() -> None:
    problems = figure_problems({"poses": {"start": {"root": [0, 0]}}}, where="figure")
    assert problems and all(p.startswith("figure.poses.start") for p in problems)
    assert figure_problems(FULL) == []
