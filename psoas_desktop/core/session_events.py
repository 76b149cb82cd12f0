"""What the session engine tells its listener, and the states it passes through. Pure Python."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from psoas_desktop.core.cues import Cue
from psoas_desktop.core.timeline import Step

Clock = Callable[[], float]


class State(StrEnum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


@dataclass(frozen=True)
class StepStarted:
    index: int
    step: Step


@dataclass(frozen=True)
class StepEnded:
    index: int
    step: Step
    active_seconds: float
    skipped: bool  # left before its time was up (next, jump or finish)


@dataclass(frozen=True)
class CueDue:
    cue: Cue
    index: int
    step: Step
    count: int | None = None  # the seconds left, for a tick
    opens_step: bool = False  # the cue that marks the step's start (a voice may speak with it)
    at: float = 0.0  # the clock time the cue marks (a cue lead hands it over before then)


@dataclass(frozen=True)
class Paused:
    by_clock_gap: bool  # True when the computer slept, False when the user paused


@dataclass(frozen=True)
class Resumed:
    pass


@dataclass(frozen=True)
class Finished:
    completed: bool  # reached the end of the timeline (rather than finishing early)
    active_seconds: float


Event = StepStarted | StepEnded | CueDue | Paused | Resumed | Finished
Listener = Callable[[Event], None]
