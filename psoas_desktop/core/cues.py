"""Which sound marks which moment of a step, and what a voice would say there."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from psoas_desktop.core.timeline import Step, StepKind

COUNTDOWN_TICKS = 3  # a tick on each of the last three seconds
MIN_SECONDS_FOR_TICKS = 5  # shorter steps would be nothing but ticks


class Cue(StrEnum):
    GET_READY = "get_ready"
    START = "start"  # effort begins: a timed block or a hold
    TICK = "tick"
    HOLD_END = "hold_end"  # a hold gives way to movement (lower after the hold at the top)
    SWITCH = "switch"
    REST = "rest"
    BEAT = "beat"  # metronome for paced reps
    DONE = "done"


@dataclass(frozen=True)
class CueMoment:
    offset: float  # seconds after the step starts
    cue: Cue
    count: int | None = None  # for ticks: the seconds left it marks (3, 2, 1)


def start_cue(step: Step, previous: Step | None) -> Cue:
    if step.kind is StepKind.PREPARE:
        return Cue.GET_READY
    if step.kind is StepKind.REST:
        return Cue.REST
    if step.kind is StepKind.SWITCH:
        return Cue.SWITCH
    if step.beats:
        if previous is not None and previous.kind is StepKind.HOLD and previous.rep == step.rep:
            return Cue.HOLD_END
        return Cue.BEAT
    return Cue.START


def cue_moments(step: Step, previous: Step | None) -> list[CueMoment]:
    """Every cue within a step, in time order."""
    moments = [CueMoment(0.0, start_cue(step, previous))]
    for beat in range(1, step.beats):
        moments.append(CueMoment(step.seconds * beat / step.beats, Cue.BEAT))
    if step.seconds >= MIN_SECONDS_FOR_TICKS and not step.beats:
        for left in range(COUNTDOWN_TICKS, 0, -1):
            moments.append(CueMoment(float(step.seconds - left), Cue.TICK, left))
    return sorted(moments, key=lambda m: m.offset)


def side_word(step: Step) -> str:
    return step.side.value.capitalize() if step.side else ""


def spoken_text(step: Step, previous: Step | None, exercise_name: str) -> str:
    """Short words for a voice at the start of a step; empty where a beep says enough."""
    if step.kind is StepKind.PREPARE:
        side = f", {side_word(step).lower()} side" if step.side else ""
        return f"Get ready: {exercise_name}{side}"
    if step.kind is StepKind.SWITCH:
        return "Switch sides"
    if step.kind is StepKind.REST:
        return f"Rest, {step.seconds} seconds"
    if step.beats:
        return ""
    if previous is not None and previous.side != step.side and step.side:
        prefix = f"{side_word(step)} side. "
    else:
        prefix = ""
    if step.kind is StepKind.HOLD:
        phase = step.phase if step.phase and step.phase != "Hold" else "Hold"
        return f"{prefix}{phase}"
    return f"{prefix}Go"
