"""A 2D side-view skeleton: joint angles in, joint positions out. Pure Python, no Qt.

Units are a fraction of a standing body's height (about 1.0 from floor to crown); y points up
and the floor is y = 0. A pose faces +x. Every segment has a FIXED length (SEGMENTS), so a pose
can only change angles, never stretch a limb.

Angles (degrees). `pelvis` is absolute: the direction from the hips to the waist, measured from
straight up towards the front (0 standing, -90 lying on the back with the head to the left,
+90 lying face down with the head to the right). Every other angle is relative to its parent:
  low_back  flexion of the chest against the pelvis (+ rounds forward, - arches)
  neck      flexion of the head against the chest
  hip       flexion of the thigh (0 in line with the trunk, + forward, - behind)
  knee      flexion (0 straight)
  ankle     dorsiflexion (0 foot at a right angle to the shin, - toes pointed)
  shoulder  flexion of the upper arm (0 hanging along the trunk, 90 forward, 180 overhead)
  elbow     flexion (0 straight)
  hip_abduct, shoulder_abduct
            the leg or the arm turned out of the side-view plane, away from the body's midline
            (+) or across it (-): invisible from the side, it shows in the side-lying view
            (core/figure_views.py), where it opens a clamshell's top knee
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

Point = tuple[float, float]

SEGMENTS: Mapping[str, float] = {
    "pelvis": 0.10,  # hip joint to waist
    "chest": 0.20,  # waist to the base of the neck
    "neck": 0.05,  # base of the neck to the centre of the head
    "thigh": 0.245,
    "shin": 0.245,
    "foot": 0.13,  # heel to toe
    "heel": 0.035,  # how far the heel sits behind the ankle
    "upper_arm": 0.17,
    "forearm": 0.16,  # elbow to the middle of the hand
}
HEAD_RADIUS = 0.062

# What a body can do (degrees), the bounds the schema also holds poses to.
JOINT_RANGES: Mapping[str, tuple[float, float]] = {
    "low_back": (-30.0, 60.0),
    "neck": (-50.0, 60.0),
    "hip": (-30.0, 135.0),
    "knee": (0.0, 150.0),
    "ankle": (-50.0, 30.0),
    "shoulder": (-60.0, 180.0),
    "elbow": (0.0, 150.0),
    "hip_abduct": (-40.0, 60.0),
    "shoulder_abduct": (-40.0, 90.0),
}
LIMB_JOINTS = ("hip", "knee", "ankle", "shoulder", "elbow", "hip_abduct", "shoulder_abduct")


@dataclass(frozen=True)
class Limbs:
    """The joint angles of one side of the body (the near or the far side)."""

    hip: float = 0.0
    knee: float = 0.0
    ankle: float = 0.0
    shoulder: float = 0.0
    elbow: float = 0.0
    hip_abduct: float = 0.0
    shoulder_abduct: float = 0.0


@dataclass(frozen=True)
class Pose:
    root: Point  # where the hip joints are
    pelvis: float
    low_back: float = 0.0
    neck: float = 0.0
    near: Limbs = Limbs()
    far: Limbs = Limbs()

    def angles(self) -> dict[str, float]:
        """Every relative joint angle by name ('near.knee', 'low_back'), for range checks."""
        out = {"low_back": self.low_back, "neck": self.neck}
        for side in ("near", "far"):
            limbs: Limbs = getattr(self, side)
            out.update({f"{side}.{f.name}": getattr(limbs, f.name) for f in fields(Limbs)})
        return out


def blend(a: Pose, b: Pose, t: float) -> Pose:
    """The pose a fraction `t` of the way from `a` to `b` (angle by angle); exactly `a` or
    `b` at the ends, so a held key pose is bit-for-bit still."""
    if t <= 0.0:
        return a
    if t >= 1.0:
        return b

    def mix(x: float, y: float) -> float:
        return x + (y - x) * t

    def limbs(p: Limbs, q: Limbs) -> Limbs:
        return Limbs(*(mix(getattr(p, f.name), getattr(q, f.name)) for f in fields(Limbs)))

    return replace(a, root=(mix(a.root[0], b.root[0]), mix(a.root[1], b.root[1])),
                   pelvis=mix(a.pelvis, b.pelvis), low_back=mix(a.low_back, b.low_back),
                   neck=mix(a.neck, b.neck), near=limbs(a.near, b.near), far=limbs(a.far, b.far))


def _step(start: Point, angle: float, length: float) -> Point:
    rad = math.radians(angle)
    return (start[0] + length * math.sin(rad), start[1] + length * math.cos(rad))


def joint_positions(pose: Pose) -> dict[str, Point]:
    """Forward kinematics: every joint's position. Names: hip, waist, shoulder, head, and per
    side `near.hip` and `near.shoulder` (where that side's limbs start: the hip and the
    shoulder here, apart in the side-lying view), `near.knee`, `near.ankle`, `near.heel`,
    `near.toe`, `near.elbow`, `near.hand`."""
    hip = pose.root
    waist = _step(hip, pose.pelvis, SEGMENTS["pelvis"])
    chest_angle = pose.pelvis + pose.low_back
    shoulder = _step(waist, chest_angle, SEGMENTS["chest"])
    head = _step(shoulder, chest_angle + pose.neck, SEGMENTS["neck"] + HEAD_RADIUS)
    out = {"hip": hip, "waist": waist, "shoulder": shoulder, "head": head}
    for side in ("near", "far"):
        limbs: Limbs = getattr(pose, side)
        thigh = pose.pelvis + 180.0 - limbs.hip
        knee = _step(hip, thigh, SEGMENTS["thigh"])
        shin = thigh + limbs.knee
        ankle = _step(knee, shin, SEGMENTS["shin"])
        foot = shin - 90.0 - limbs.ankle
        heel = _step(ankle, foot, -SEGMENTS["heel"])
        toe = _step(heel, foot, SEGMENTS["foot"])
        arm = chest_angle + 180.0 - limbs.shoulder
        elbow = _step(shoulder, arm, SEGMENTS["upper_arm"])
        hand = _step(elbow, arm - limbs.elbow, SEGMENTS["forearm"])
        out.update({f"{side}.hip": hip, f"{side}.shoulder": shoulder, f"{side}.knee": knee,
                    f"{side}.ankle": ankle, f"{side}.heel": heel, f"{side}.toe": toe,
                    f"{side}.elbow": elbow, f"{side}.hand": hand})
    return out


# Which joints each fixed-length segment joins (for drawing and for the length tests).
BONES: tuple[tuple[str, str, str], ...] = (
    ("pelvis", "hip", "waist"), ("chest", "waist", "shoulder"),
    *((f"{s}.thigh", f"{s}.hip", f"{s}.knee") for s in ("near", "far")),
    *((f"{s}.shin", f"{s}.knee", f"{s}.ankle") for s in ("near", "far")),
    *((f"{s}.foot", f"{s}.heel", f"{s}.toe") for s in ("near", "far")),
    *((f"{s}.upper_arm", f"{s}.shoulder", f"{s}.elbow") for s in ("near", "far")),
    *((f"{s}.forearm", f"{s}.elbow", f"{s}.hand") for s in ("near", "far")),
)


def mirrored(points: Mapping[str, Point]) -> dict[str, Point]:
    """The exact mirror image (x -> -x): the same pose drawn for the other side."""
    return {name: (-x, y) for name, (x, y) in points.items()}


def out_of_range(pose: Pose) -> list[str]:
    """The angles of `pose` a body cannot reach, as 'near.knee 170 (0 to 150)'."""
    problems = []
    for name, value in pose.angles().items():
        low, high = JOINT_RANGES[name.rsplit(".", 1)[-1]]
        if not low <= value <= high:
            problems.append(f"{name} {value:g} ({low:g} to {high:g})")
    return problems
