"""Where each joint is drawn, by the figure's view. Pure Python, no Qt.

`side`: the side-view skeleton as it is (core/skeleton.py). `side_lying`: someone lying on one
side on the mat, seen from in front and a little above, the way a physiotherapist stands to
watch a clamshell. Its poses are written in the same angles, as if the body lay on its back
with the front up (pelvis about -90, head to the left): the side view's height becomes the
body's forward direction, which points at the viewer and so is drawn a little lower (DEPTH);
the height above the mat is the body's width, the top (near) limbs one hip or shoulder
apart from the bottom (far) ones, and `hip_abduct` or `shoulder_abduct` turns a limb about
the body's long axis: the top knee opens upward. Every bone keeps its length in 3D
(`body_points`); the drawing is a projection of that, mirrored exactly like the side view.
"""

from __future__ import annotations

import math

from psoas_desktop.core.skeleton import Limbs, Point, Pose, joint_positions

Point3 = tuple[float, float, float]  # along the body (x), forward, height above the mat

HALF_WIDTH = {"hip": 0.03, "shoulder": 0.07}  # each joint from the midline, in body heights
DEPTH = 0.6  # how much of a forward reach shows (it points at the viewer): a view from well above
LEG = ("knee", "ankle", "heel", "toe")
ARM = ("elbow", "hand")
VIEWS = ("side", "side_lying")


def body_points(pose: Pose) -> dict[str, Point3]:
    """Every joint of a side-lying pose in 3D: x along the body, forward, height above the mat
    (the midline lies at the root's height)."""
    flat = joint_positions(pose)
    height = pose.root[1]

    def lay(point: Point, up: float = 0.0) -> Point3:
        return (point[0], point[1] - height, height + up)

    out = {name: lay(flat[name]) for name in ("hip", "waist", "shoulder", "head")}
    for side, sign in (("near", 1.0), ("far", -1.0)):
        limbs: Limbs = getattr(pose, side)
        for root, joints in (("hip", LEG), ("shoulder", ARM)):
            turn = math.radians(getattr(limbs, f"{root}_abduct"))
            base = lay(flat[root], sign * HALF_WIDTH[root])
            out[f"{side}.{root}"] = base
            for joint in joints:
                along, forward, _ = lay(flat[f"{side}.{joint}"])
                reach = forward - base[1]  # turned about the long axis through the root
                out[f"{side}.{joint}"] = (along, base[1] + reach * math.cos(turn),
                                          base[2] + sign * reach * math.sin(turn))
    return out


def projected(points: dict[str, Point3]) -> dict[str, Point]:
    return {name: (x, up - DEPTH * forward) for name, (x, forward, up) in points.items()}


def drawn_points(view: str, pose: Pose) -> dict[str, Point]:
    """Joint positions as drawn (before any mirroring), in body heights, y up."""
    if view == "side_lying":
        return projected(body_points(pose))
    return joint_positions(pose)


def side_down(points: dict[str, Point]) -> str:
    """Which side a side-lying body lies on, from its drawn (mirrored) points: facing the
    viewer with the head to the left, the left side is up and the right side down."""
    return "right" if points["head"][0] < points["hip"][0] else "left"
