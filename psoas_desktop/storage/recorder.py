"""Records a running Session into the History as it happens, one step per transaction.

    recorder = Recorder(history)
    recording = recorder.attach(session, routine, timeline, pain_before=3)
    session.start()            # the session row is written when the first step starts
    ...                        # each StepEnded is written as it ends
    recording.save_log(pain_after=2, stiffness=4, notes="easier today")   # after Finished

Timestamps come from the injected wall clock (UTC); the engine's own clock is monotonic and
says nothing about the date.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from psoas_desktop.core.completion import StepTry, seconds_done, share_of, stored_status
from psoas_desktop.core.engine import Event, Finished, Session, StepEnded, StepStarted
from psoas_desktop.core.routines import Routine, Target
from psoas_desktop.core.timeline import Timeline
from psoas_desktop.core.training_log import LogDetails
from psoas_desktop.storage.history import History, WallClock, utc_now
from psoas_desktop.storage.writes import PlannedTarget, SessionRef, check_rating


def planned_targets(timeline: Timeline, targets: Mapping[str, Target]) -> list[PlannedTarget]:
    """Each exercise's target with the number of effort steps it plans in `timeline`."""
    efforts: dict[str, int] = {}
    for step in timeline.steps:
        if step.exercise_id is not None and step.is_effort:
            efforts[step.exercise_id] = efforts.get(step.exercise_id, 0) + 1
    return [PlannedTarget(ex.id, targets[ex.id].clamped(ex), efforts.get(ex.id, 0),
                          ex.load_measure.unit.value if ex.load_measure else None)
            for ex in timeline.routine.exercises if ex.id in targets]


class Recording:
    """One session being recorded; listens to its engine events."""

    def __init__(self, history: History, wall_clock: WallClock, routine: Routine,
                 timeline: Timeline, targets: Mapping[str, Target],
                 pain_before: int | None) -> None:
        self._history = history
        self._wall_clock = wall_clock
        self._routine = routine
        self._timeline = timeline
        self._targets = targets
        self._pain_before = pain_before
        self.ref: SessionRef | None = None  # set when the session starts
        self.status: str | None = None  # completed / finished_early once Finished
        self._tries: list[StepTry] = []  # the steps as they ended, for the share done

    @property
    def pain_before(self) -> int | None:
        return self._pain_before

    @property
    def share_done(self) -> float:
        """How much of the plan the steps recorded so far amount to (core/completion)."""
        done = sum(seconds_done(self._tries).values())
        return share_of(done, self._timeline.total_seconds)

    @property
    def started(self) -> bool:
        return self.ref is not None

    def __call__(self, event: Event) -> None:
        if isinstance(event, StepStarted) and self.ref is None:
            self.ref = self._history.start_session(
                self._routine.id, self._routine.name, self._wall_clock(),
                self._timeline.total_seconds, planned_targets(self._timeline, self._targets),
                self._pain_before)
        elif isinstance(event, StepEnded) and self.ref is not None:
            self._tries.append(StepTry(event.index, event.step.seconds, event.active_seconds))
            self._history.add_step(self.ref, event.index, event.step, event.active_seconds,
                                   event.skipped, self._wall_clock())
        elif isinstance(event, Finished) and self.ref is not None:
            self.status = stored_status(event.completed, self.share_done)
            self._history.end_session(self.ref, self.status, self._wall_clock(),
                                      event.active_seconds)

    def save_log(self, pain_after: int | None = None, stiffness: int | None = None,
                 notes: str = "", details: LogDetails | None = None) -> None:
        """The after-session log (the dialog's answer). Ignored if the session never started."""
        if self.ref is not None:
            self._history.save_log(self.ref, pain_after, stiffness, notes, details)


class Recorder:
    def __init__(self, history: History, wall_clock: WallClock = utc_now) -> None:
        self.history = history
        self._wall_clock = wall_clock

    def attach(self, session: Session, routine: Routine, timeline: Timeline | None = None,
               targets: Mapping[str, Target] | None = None,
               pain_before: int | None = None,
               listen: Callable[[Callable[[Event], None]], None] | None = None) -> Recording:
        """Record `session` from its first step on. Attach before `session.start()`.

        `timeline` and `targets` default to the session's own (the targets it was built with).
        `listen` is where the session's events are heard: the session itself by default, the
        session controller's `follow_session` in the app.
        """
        check_rating("pain before", pain_before)
        timeline = timeline or session.timeline
        recording = Recording(self.history, self._wall_clock, routine, timeline,
                              targets if targets is not None else timeline.targets, pain_before)
        # The after-session dialog opens only once the engine call has returned (the session
        # controller tells of the end then), so every event is written before it.
        (listen or session.subscribe)(recording)
        return recording
