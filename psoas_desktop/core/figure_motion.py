"""The figure's pose at a moment: a pure function of the step and how far through it we are.

The figure moves over exactly the seconds the timeline gives: a lift eases from the start pose
to the top over the lift step, a hold is still, a lower eases back; a paced rep goes in over
its first beat and out over its second; timed work loops slowly between its two key poses. A
hold, a rest or a switch first settles from wherever the previous step left the body (over
SETTLE_SECONDS, at most a third of the step: the move the cue asks for), then stays still. A
switch-sides step then turns the figure round: `facing` goes from one side's 1 or -1 to the
other's, through 0, and the view mirrors x by it (exactly, at +-1).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from psoas_desktop.core.figure_views import drawn_points
from psoas_desktop.core.poses import Figure, FigureBook
from psoas_desktop.core.routines import Routine
from psoas_desktop.core.skeleton import Point, Pose, blend
from psoas_desktop.core.timeline import Side, Step, StepKind

SETTLE_SECONDS = 1.5


@dataclass(frozen=True)
class FigureFrame:
    figure: Figure
    pose: Pose
    facing: float = 1.0  # 1: as drawn, -1: mirrored for the other side, between: turning
    key: str = "start"  # the key pose it is at or nearest (props may show only there)

    def points(self) -> dict[str, Point]:
        """Joint positions as seen, mirrored by `facing`."""
        drawn = drawn_points(self.figure.view, self.pose)
        return {k: (x * self.facing, y) for k, (x, y) in drawn.items()}


def ease(t: float) -> float:
    """Slow out, slow in: no jerk at either end of a movement."""
    t = max(0.0, min(1.0, t))
    return 0.5 - 0.5 * math.cos(math.pi * t)


def facing_for(figure: Figure, side: Side | None) -> float:
    return -1.0 if side is not None and side.value != figure.drawn_side else 1.0


def _between(figure: Figure, a: str, b: str, t: float) -> tuple[Pose, str]:
    return blend(figure.pose(a), figure.pose(b), ease(t)), b if t >= 0.5 else a


def _there_and_back(figure: Figure, fraction: float) -> tuple[Pose, str]:
    """Start -> end over the first half of `fraction` 0..1, end -> start over the second."""
    if fraction <= 0.5:
        return _between(figure, "start", "end", fraction * 2)
    return _between(figure, "end", "start", fraction * 2 - 1)


def _moving(figure: Figure, step: Step, progress: float) -> tuple[Pose, str]:
    if step.phase == "Lift":
        return _between(figure, "start", "top", progress)
    if step.phase == "Lower":
        return _between(figure, "top", "start", progress)
    if step.phase == "Rep":  # two beats: in, then out
        return _there_and_back(figure, progress)
    # Timed work: slow loops, each cycle_seconds long, from the step's start.
    elapsed = progress * step.seconds
    loop = max(figure.cycle_seconds, 1.0)
    return _there_and_back(figure, (elapsed % loop) / loop)


def _still_target(figure: Figure, step: Step) -> str:
    if step.kind is StepKind.HOLD:
        if step.phase and step.phase != "Hold":
            return step.phase
        return "hold" if "hold" in figure.poses else "top"
    return "start"


def pose_at(figure: Figure, step: Step, progress: float,
            previous: Step | None = None) -> FigureFrame:
    """The figure during `step`, `progress` (0 to 1) of the way through it. `previous` (the
    step before, if of the same exercise) is where a settling move starts from."""
    progress = max(0.0, min(1.0, progress))
    facing = facing_for(figure, step.side)
    if step.kind is StepKind.PREPARE:
        return FigureFrame(figure, figure.pose("start"), facing)
    if step.kind is StepKind.WORK:
        pose, key = _moving(figure, step, progress)
        return FigureFrame(figure, pose, facing, key)
    key = _still_target(figure, step)
    target = figure.pose(key)
    origin, turned_from = target, facing
    if previous is not None and previous.exercise_id == step.exercise_id:
        before = pose_at(figure, previous, 1.0)
        origin, turned_from = before.pose, before.facing
    elapsed = progress * step.seconds
    settle = still_seconds(step)
    pose = blend(origin, target, ease(elapsed / settle)) if settle > 0 else target
    if turned_from != facing:
        # A switch of sides (or a rest before the next set starts on the first side again):
        # turn round after settling, through edge-on, like a card.
        turn = (elapsed - settle) / max(step.seconds - settle, 1e-9)
        facing = turned_from * math.cos(math.pi * ease(turn))
    return FigureFrame(figure, pose, facing, key)


def still_seconds(step: Step) -> float:
    """From when in a hold, rest or switch (seconds in) the pose no longer changes."""
    return min(SETTLE_SECONDS, step.seconds / 3)


def in_motion(step: Step, progress: float, previous: Step | None) -> bool:
    """Whether the figure still moves from this moment of `step` on: always in work, and in a
    hold, rest or switch until it has settled (and turned, if the side changes). A view needs
    no animation timer when this is False."""
    if step.kind is StepKind.PREPARE:
        return False
    if step.kind is StepKind.WORK:
        return True
    turning = (previous is not None and previous.exercise_id == step.exercise_id
               and previous.side != step.side)
    return turning or progress * step.seconds < still_seconds(step)


def frame_for(book: FigureBook, routine: Routine, steps: tuple[Step, ...], index: int,
              progress: float) -> FigureFrame | None:
    """The frame for step `index` of a timeline; None when its exercise has no figure."""
    step = steps[index]
    if step.exercise_index is None:
        return None
    figure = book.for_exercise(routine.exercises[step.exercise_index])
    if figure is None:
        return None
    return pose_at(figure, step, progress, steps[index - 1] if index > 0 else None)
