"""Where a session stands: the step under way, when it began running and what is done.

The engine (core/engine.py) moves it; everything here only reads it. Time is a deadline: the
step's anchor (when its current stretch of running began) and the clock give the rest.
"""

from __future__ import annotations

import math

from psoas_desktop.core.completion import share_of
from psoas_desktop.core.session_events import Clock, State
from psoas_desktop.core.timeline import Step, Timeline


class SessionPosition:
    def __init__(self, timeline: Timeline, clock: Clock) -> None:
        if not timeline.steps:
            raise ValueError("a session needs at least one step")
        self.timeline = timeline
        self._clock = clock
        self.state = State.READY
        self.index = 0
        self._offset = 0.0  # seconds of the current step done before `_anchor`
        self._anchor: float | None = None  # when the current stretch of running began
        self._active_before = 0.0  # active seconds of the steps already left
        self._done: dict[int, float] = {}  # seconds counted per step index (core/completion)

    @property
    def step(self) -> Step:
        return self.timeline.steps[self.index]

    @property
    def next_step(self) -> Step | None:
        steps = self.timeline.steps
        return steps[self.index + 1] if self.index + 1 < len(steps) else None

    def step_elapsed(self, now: float | None = None) -> float:
        if self._anchor is None:
            return self._offset
        now = self._clock() if now is None else now
        return min(self.step.seconds, self._offset + max(0.0, now - self._anchor))

    def remaining(self, now: float | None = None) -> float:
        """Seconds left in the current step."""
        if self.state is State.FINISHED:
            return 0.0
        return max(0.0, self.step.seconds - self.step_elapsed(now))

    def display_seconds(self, now: float | None = None) -> int:
        """The whole seconds a countdown shows: 4.2 s left shows 5, as a kitchen timer does."""
        return math.ceil(round(self.remaining(now), 6))

    def progress(self, now: float | None = None) -> float:
        """How far through the current step, 0 to 1."""
        seconds = self.step.seconds
        return 1.0 if self.state is State.FINISHED else self.step_elapsed(now) / seconds

    def routine_elapsed(self, now: float | None = None) -> float:
        """Planned seconds behind the cursor: the steps before it and the part of this one."""
        if self.state is State.FINISHED:
            return float(self.timeline.total_seconds)
        return self.timeline.seconds_before(self.index) + self.step_elapsed(now)

    def active_seconds(self, now: float | None = None) -> float:
        """Seconds the session has really run, pauses left out."""
        current = 0.0 if self.state is State.FINISHED else self.step_elapsed(now)
        return self._active_before + current

    def done_seconds(self) -> dict[int, float]:
        """Seconds counted for each step ended so far, by step index: its best try, up to its
        planned length (the rule in core/completion.py)."""
        return dict(self._done)

    def share_done(self) -> float:
        """How much of the plan the steps ended so far amount to, 0 to 1."""
        return share_of(sum(self._done.values()), self.timeline.total_seconds)
