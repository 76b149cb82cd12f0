"""Moves someone on the mat asks for beyond next and previous: ten seconds more, skip the rest
of a side or an exercise, do the last set again, and wait at each get-ready. Pure: no Qt."""

from __future__ import annotations

from collections.abc import Callable

from psoas_desktop.core.engine import Event, Session, State, StepStarted
from psoas_desktop.core.timeline import Step, StepKind

EXTRA_SECONDS = 10
Move = Callable[[Session], None]


def _block(step: Step) -> tuple[int | None, object, int | None]:
    """Steps of one side of one set of one exercise share this."""
    return step.exercise_index, step.side, step.set


def add_time(session: Session, seconds: int = EXTRA_SECONDS) -> None:
    session.lengthen(seconds)


def _leave_for(session: Session, index: int) -> None:
    """Go to step `index`, or past the end (the routine is done) when there is none."""
    steps = session.timeline.steps
    if index < len(steps):
        session.go_to(index)
        return
    session.go_to(len(steps) - 1)
    session.next()


def skip_side(session: Session) -> None:
    """On to the first step of another side, set or exercise."""
    steps = session.timeline.steps
    here = _block(session.step)
    after = next((i for i in range(session.index + 1, len(steps)) if _block(steps[i]) != here),
                 len(steps))
    _leave_for(session, after)


def skip_exercise(session: Session) -> None:
    steps = session.timeline.steps
    exercise = session.step.exercise_index
    after = next((i for i in range(session.index + 1, len(steps))
                  if steps[i].exercise_index != exercise), len(steps))
    _leave_for(session, after)


def repeat_set(session: Session) -> None:
    """Back to the start of the set under way, or of the one just done when resting after it."""
    steps = session.timeline.steps
    done = next((i for i in range(session.index, -1, -1) if steps[i].is_effort), None)
    if done is None:
        return  # nothing done yet to repeat
    block = _block(steps[done])
    start = next(i for i, step in enumerate(steps) if step.is_effort and _block(step) == block)
    session.go_to(start)


class WaitForMe:
    """While on, each get-ready after the first holds, paused as it begins (its cue given),
    until the person resumes: Space, or the headset's button through MPRIS."""

    def __init__(self, session: Session, on: bool = True,
                 listen: Callable[[Callable[[Event], None]], None] | None = None) -> None:
        """`listen`: where the session's events are heard (the session itself by default,
        the session controller's `follow_session` in the app)."""
        self.on = on
        self._session = session
        (listen or session.subscribe)(self._on_event)

    def _on_event(self, event: Event) -> None:
        if (self.on and isinstance(event, StepStarted) and event.index > 0
                and event.step.kind is StepKind.PREPARE
                and self._session.state is State.RUNNING):
            self._session.pause()
