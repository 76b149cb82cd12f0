"""Figures as data: the key poses of each exercise and the props around it. Pure Python, no Qt.

`poses.json` (beside routines.json, checked against `poses.schema.json`) holds one figure per
built-in exercise; a user's exercise may name one of them or carry a figure of its own, in the
same shape. Which key poses a figure needs follows from the exercise's kind of work
(`required_poses`): the motion module eases between them in time with the steps.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from psoas_desktop.core.routines import Exercise, WorkKind
from psoas_desktop.core.skeleton import Limbs, Point, Pose

# The key poses each kind of work moves between (a cycle adds one per named hold).
KIND_POSES: Mapping[WorkKind, tuple[str, ...]] = {
    WorkKind.TIMED: ("start", "end"),  # a slow loop between the two for the whole block
    WorkKind.HOLD: ("start", "hold"),
    WorkKind.CYCLE: ("start",),
    WorkKind.REP_HOLD: ("start", "top"),  # lift to the top, hold there, lower
    WorkKind.TEMPO: ("start", "end"),  # in on one beat, out on the next
}
DEFAULT_CYCLE_SECONDS = 8.0


@dataclass(frozen=True)
class Prop:
    """Something beside the body: a mat, a ball on the hip, a wall, a band to an anchor."""

    kind: str
    at: str = ""  # a joint it sits on ('near.knee'); empty: placed by `offset` alone
    offset: Point = (0.0, 0.0)
    span: tuple[float, float] = (-0.9, 0.9)  # mat and bench: from x to x
    height: float = 0.0  # bench and wall: how high; ball and block: size
    anchor: Point = (0.0, 0.0)  # band: the fixed end
    poses: tuple[str, ...] = ()  # shown only near these key poses (a dumbbell once lifted)
    optional: bool = False  # drawn, but the exercise can be done without it


@dataclass(frozen=True)
class Highlight:
    muscle: str  # 'hip_flexor' or 'glute'
    side: str  # 'near' or 'far'


@dataclass(frozen=True, eq=False)  # one object per figure: hashed by identity, for caches
class Figure:
    id: str
    poses: Mapping[str, Pose]
    works: tuple[str, ...] = ()  # limbs drawn in the accent colour: 'near.leg', 'far.arm'
    props: tuple[Prop, ...] = ()
    highlight: Highlight | None = None
    view: str = "side"  # 'side', or 'above' for lying on one side seen from the ceiling
    drawn_side: str = "left"  # the side the poses show as written; the other is the mirror
    cycle_seconds: float = DEFAULT_CYCLE_SECONDS  # timed work: one loop start -> end -> start

    def pose(self, name: str) -> Pose:
        return self.poses.get(name) or self.poses["start"]


def required_poses(exercise: Exercise) -> tuple[str, ...]:
    extra = tuple(p.name for p in exercise.phases) if exercise.kind is WorkKind.CYCLE else ()
    return KIND_POSES[exercise.kind] + extra


def signature_pose(exercise: Exercise) -> str:
    """The key pose that shows the exercise best at a glance (for a thumbnail)."""
    if exercise.kind is WorkKind.CYCLE and exercise.phases:
        return exercise.phases[0].name
    if exercise.kind is WorkKind.TIMED:
        return "start"  # the set-up (the ball placed) says more than the slide
    return KIND_POSES[exercise.kind][1]


def missing_poses(figure: Figure, exercise: Exercise) -> list[str]:
    return [name for name in required_poses(exercise) if name not in figure.poses]


def _point(value: Sequence[float] | None, default: Point = (0.0, 0.0)) -> Point:
    return (float(value[0]), float(value[1])) if value else default


def _limbs(data: Mapping[str, float] | None) -> Limbs:
    return Limbs(**{k: float(v) for k, v in (data or {}).items()})


def pose_from_data(data: Mapping[str, Any]) -> Pose:
    return Pose(root=_point(data["root"]), pelvis=float(data["pelvis"]),
                low_back=float(data.get("low_back", 0)), neck=float(data.get("neck", 0)),
                near=_limbs(data.get("near")), far=_limbs(data.get("far")))


def figure_from_data(figure_id: str, data: Mapping[str, Any]) -> Figure:
    """A schema-valid figure object into a Figure."""
    props = tuple(
        Prop(kind=p["kind"], at=p.get("at", ""), offset=_point(p.get("offset")),
             span=_point(p.get("span"), (-0.9, 0.9)), height=float(p.get("height", 0)),
             anchor=_point(p.get("anchor")), poses=tuple(p.get("poses", ())),
             optional=bool(p.get("optional", False)))
        for p in data.get("props", ()))
    light = data.get("highlight")
    return Figure(
        id=figure_id,
        poses={name: pose_from_data(p) for name, p in data["poses"].items()},
        works=tuple(data.get("works", ())),
        props=props,
        highlight=Highlight(light["muscle"], light["side"]) if light else None,
        view=data.get("view", "side"),
        drawn_side=data.get("drawn_side", "left"),
        cycle_seconds=float(data.get("cycle_seconds", DEFAULT_CYCLE_SECONDS)),
    )


@cache
def _validator() -> Any:
    import jsonschema  # only where a file is checked: it is slow to import

    from psoas_desktop.resources import shipped

    schema = json.loads(shipped("poses.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def figure_problems(data: Any, where: str = "figure") -> list[str]:
    """Where a figure object (as in a user's exercise) breaks the schema."""
    from psoas_desktop.core.routine_file import json_path

    validator = _validator()
    sub = validator.evolve(schema={"$ref": "#/$defs/figure", "$defs": validator.schema["$defs"]})
    return [f"{where}{'.' + json_path(e.absolute_path) if e.absolute_path else ''}: {e.message}"
            for e in sub.iter_errors(data)]


def document_problems(document: Any) -> list[str]:
    """Where a whole poses file breaks the schema."""
    from psoas_desktop.core.routine_file import json_path

    return [f"{json_path(e.absolute_path)}: {e.message}"
            for e in _validator().iter_errors(document)]


@dataclass
class FigureBook:
    """The built-in figures by id."""

    figures: dict[str, Figure] = field(default_factory=dict)

    def for_exercise(self, exercise: Exercise) -> Figure | None:
        """The exercise's own figure, the built-in one it names, or the one with its id."""
        own = exercise.figure
        if isinstance(own, Figure):
            return own
        return self.figures.get(own or exercise.id)


def load_figures(path: Path) -> FigureBook:
    """Read the shipped poses file (the test suite holds it to the schema)."""
    document = json.loads(path.read_text(encoding="utf-8"))
    return FigureBook({fid: figure_from_data(fid, f) for fid, f in document["figures"].items()})


@cache
def builtin_figures() -> FigureBook:
    from psoas_desktop.resources import shipped

    return load_figures(shipped("poses.json"))
