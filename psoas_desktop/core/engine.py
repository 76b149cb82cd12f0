"""The session engine: runs a timeline against a monotonic clock. Pure Python, no Qt.

Time is a deadline, not a count: the engine keeps when the current step began (its anchor)
and derives everything else from `clock()`, so late or missed wake-ups cannot make it drift.
Whoever drives it calls `update()` at `next_wakeup()`; each step starts at the exact moment the
previous one ended, not at the moment the driver noticed. Events go to subscribers.
Where the session stands is read in core/session_position.py; what it tells, in
core/session_events.py.
"""

from __future__ import annotations

import math
from dataclasses import replace

from psoas_desktop.core.completion import counted_seconds
from psoas_desktop.core.cues import Cue, CueMoment, cue_moments
from psoas_desktop.core.session_events import (
    Clock,
    CueDue,
    Event,
    Finished,
    Listener,
    Paused,
    Resumed,
    State,
    StepEnded,
    StepStarted,
)
from psoas_desktop.core.session_position import SessionPosition
from psoas_desktop.core.timeline import Timeline

# The events and states live in core/session_events.py; they are named here too, as before.
__all__ = [
    "CUE_LATE_LIMIT", "DEFAULT_GAP_LIMIT", "Clock", "CueDue", "Event", "Finished", "Listener",
    "Paused", "Resumed", "Session", "State", "StepEnded", "StepStarted",
]

# A driver wakes the engine at least once a second while it runs; a silence far longer than
# that means the computer slept, and the session pauses instead of skipping what was missed.
DEFAULT_GAP_LIMIT = 5.0
# A cue that could only sound later than this after its moment is dropped, not played late.
CUE_LATE_LIMIT = 0.75


class Session(SessionPosition):
    def __init__(
        self,
        timeline: Timeline,
        clock: Clock,
        gap_limit: float = DEFAULT_GAP_LIMIT,
        cue_lead: float = 0.0,
    ) -> None:
        """`cue_lead`: seconds each cue is handed over before its moment, so that a sound
        device's fixed latency is spent before the moment rather than after it."""
        super().__init__(timeline, clock)
        self._gap_limit = gap_limit
        self._cue_lead = cue_lead
        self._early: int | None = None  # the step whose start cue already went out early
        self._listeners: list[Listener] = []
        self._cues: list[CueMoment] = []
        self._next_cue = 0
        self._last_seen = clock()

    # --- observing -------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        """Hear every event from now on (core/session_control.py is the one listener)."""
        self._listeners.append(listener)

    def _emit(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)

    # --- driving ---------------------------------------------------------------------------

    def start(self) -> None:
        if self.state is not State.READY:
            return
        now = self._clock()
        self.state = State.RUNNING
        self._last_seen = now
        self._enter(self.index, now, announce=True)

    def pause(self) -> None:
        if self.state is not State.RUNNING:
            return
        now = self._clock()
        self.update(now)
        if self.state is State.RUNNING:
            self._freeze(now)
            self._emit(Paused(by_clock_gap=False))

    def resume(self) -> None:
        if self.state is not State.PAUSED:
            return
        now = self._clock()
        self.state = State.RUNNING
        self._anchor = now
        self._last_seen = now
        self._emit(Resumed())
        if self._offset == 0.0:
            self._emit_due_cues(self._offset)

    def toggle(self) -> None:
        """Space bar: start, pause or resume, whichever fits."""
        if self.state is State.READY:
            self.start()
        elif self.state is State.RUNNING:
            self.pause()
        elif self.state is State.PAUSED:
            self.resume()

    def go_to(self, index: int) -> None:
        """Move to the start of step `index`; the step left early counts as skipped."""
        if self.state is State.FINISHED or not 0 <= index < len(self.timeline.steps):
            return
        now = self._clock()
        if self.state is State.READY:
            self.index = index
            return
        if self.state is State.RUNNING:
            self.update(now)
            if self.state is not State.RUNNING:
                return
        if index > self.index:
            self._end_step(now, skipped=True)
        else:
            self._active_before += self.step_elapsed(now)
        self._enter(index, now, announce=self.state is State.RUNNING)

    def next(self) -> None:
        if self.index + 1 < len(self.timeline.steps):
            self.go_to(self.index + 1)
        elif self.state in (State.RUNNING, State.PAUSED):
            self._end_step(self._clock(), skipped=True)
            self._finish(completed=True)

    def previous(self) -> None:
        self.go_to(self.index - 1)

    def jump_to_exercise(self, exercise_index: int) -> None:
        self.go_to(self.timeline.first_step_of(exercise_index))

    def lengthen(self, seconds: int) -> None:
        """Give the current step `seconds` more: its end and closing cues move, the ones
        already given stay given (core/session_moves.py: the +10 s key)."""
        if self.state not in (State.RUNNING, State.PAUSED) or seconds <= 0:
            return
        elapsed = self.step_elapsed()
        steps = list(self.timeline.steps)
        steps[self.index] = replace(self.step, seconds=self.step.seconds + seconds)
        self.timeline = replace(self.timeline, steps=tuple(steps))
        previous = steps[self.index - 1] if self.index > 0 else None
        given = self._cues[:self._next_cue]
        self._cues = cue_moments(self.step, previous)
        # A cue due right now (a step chosen while paused) is still to come unless it was given.
        self._next_cue = sum(1 for moment in self._cues if moment.offset < elapsed
                             or (moment.offset == elapsed and moment in given))
        self._early = None  # a next-step cue handed over early is due again at the new end

    def finish(self) -> None:
        """End early: what was done so far stands."""
        if self.state not in (State.RUNNING, State.PAUSED):
            return
        now = self._clock()
        if self.state is State.RUNNING and self._caught_up(now) is State.FINISHED:
            return
        self._end_step(now, skipped=True)
        self._finish(completed=False)

    def update(self, now: float | None = None) -> None:
        """Bring the session up to `now`: end steps whose time is up and emit due cues."""
        now = self._clock() if now is None else now
        if self.state is not State.RUNNING:
            self._last_seen = now
            return
        if now - self._last_seen > self._gap_limit:
            # The computer slept: stop the session where it was last seen running.
            self.update(self._last_seen)
            if self.state is State.RUNNING:
                self._freeze(self._last_seen)
                self._emit(Paused(by_clock_gap=True))
            self._last_seen = now
            return
        self._last_seen = now
        while self.state is State.RUNNING:
            assert self._anchor is not None
            end = self._anchor + (self.step.seconds - self._offset)
            lead = self._cue_lead
            self._emit_due_cues(min(now + lead, end) - self._anchor + self._offset,
                                now + lead - end)
            if self._early is None and end - lead <= now < end:
                self._emit_next_start_cue_early()
            if now < end:
                break
            self._end_step(end, skipped=False)
            if self.index + 1 < len(self.timeline.steps):
                # Its cues are emitted on the next pass, which knows how late they are.
                self._enter(self.index + 1, end, announce=False)
            else:
                if self._early is None:
                    self._emit(CueDue(Cue.DONE, self.index, self.step, at=end))
                self._finish(completed=True)

    def next_wakeup(self) -> float | None:
        """The monotonic time at which something next changes: a shown second, a cue, a step."""
        if self.state is not State.RUNNING or self._anchor is None:
            return None
        remaining = self.step.seconds - self._offset
        end = self._anchor + remaining
        now = self._clock()
        left = end - now
        next_second = end - (math.ceil(round(left, 6)) - 1) if left > 0 else end
        candidates = [next_second, end]
        lead = self._cue_lead
        if lead and self._early is None:
            candidates.append(end - lead)  # the next step's start cue, early
        if self._next_cue < len(self._cues):
            moment = self._cues[self._next_cue]
            candidates.append(self._anchor + moment.offset - self._offset - lead)
        return max(now, min(candidates))

    # --- inside ----------------------------------------------------------------------------

    def _caught_up(self, now: float) -> State:
        """The state once the session is brought up to `now` (steps may end meanwhile)."""
        self.update(now)
        return self.state

    def _enter(self, index: int, at: float, announce: bool) -> None:
        previous = self.timeline.steps[index - 1] if index > 0 else None
        self.index = index
        self._offset = 0.0
        self._anchor = at if self.state is State.RUNNING else None
        self._cues = cue_moments(self.step, previous)
        # A start cue handed over early, just before this step, is not given again.
        self._next_cue = 1 if self._early == index else 0
        self._early = None
        self._emit(StepStarted(index, self.step))
        if announce:
            self._emit_due_cues(0.0)

    def _emit_due_cues(self, elapsed: float, lateness: float = 0.0) -> None:
        """Emit the cues whose moment has come; ones already too late for their moment are
        dropped, so a stalled machine does not fire a burst of stale sounds."""
        while self._next_cue < len(self._cues) and self._cues[self._next_cue].offset <= elapsed:
            moment = self._cues[self._next_cue]
            self._next_cue += 1
            late = elapsed - moment.offset + max(0.0, lateness)
            if late <= CUE_LATE_LIMIT:
                at = (self._anchor or 0.0) + moment.offset - self._offset
                self._emit(CueDue(moment.cue, self.index, self.step, moment.count,
                                  opens_step=moment.offset == 0.0, at=at))

    def _emit_next_start_cue_early(self) -> None:
        """Within `cue_lead` of the step's end: the next step's start cue (or done) now."""
        steps = self.timeline.steps
        following = self.index + 1
        assert self._anchor is not None
        end = self._anchor + self.step.seconds - self._offset
        if following < len(steps):
            opening = cue_moments(steps[following], self.step)[0]
            self._emit(CueDue(opening.cue, following, steps[following], opening.count,
                              opens_step=True, at=end))
        else:
            self._emit(CueDue(Cue.DONE, self.index, self.step, at=end))
        self._early = following

    def _freeze(self, at: float) -> None:
        self._offset = self.step_elapsed(at)
        self._anchor = None
        self.state = State.PAUSED

    def _end_step(self, at: float, skipped: bool) -> None:
        active = self.step_elapsed(at)
        self._active_before += active
        counted = counted_seconds(self.step.seconds, active)
        self._done[self.index] = max(self._done.get(self.index, 0.0), counted)
        self._emit(StepEnded(self.index, self.step, active, skipped))

    def _finish(self, completed: bool) -> None:
        self.state = State.FINISHED
        self._anchor = None
        self._emit(Finished(completed, self._active_before))
