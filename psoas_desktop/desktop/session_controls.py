"""The session controller seen through the `MediaControls` interface MPRIS talks to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from psoas_desktop.core.engine import State
from psoas_desktop.desktop.mpris import NowPlaying
from psoas_desktop.ui.step_text import count_text, exercise_of, phase_text, side_text

if TYPE_CHECKING:
    from psoas_desktop.core.session_control import SessionController

STATUS = {State.RUNNING: "Playing", State.PAUSED: "Paused", State.READY: "Paused"}


class SessionControls:
    def __init__(self, controller: SessionController) -> None:
        self._controller = controller

    def play_pause(self) -> None:
        """As Space: start from the start page, pause, resume (or hold no more: wait-for-me)."""
        session = self._controller.session
        if session is None or session.state is not State.FINISHED:
            self._controller.toggle()

    def play(self) -> None:
        session = self._controller.session
        if session is None or session.state in (State.READY, State.PAUSED):
            self._controller.toggle()

    def pause(self) -> None:
        self._controller.pause()

    def next(self) -> None:
        self._controller.next()

    def previous(self) -> None:
        self._controller.previous()

    def state(self) -> NowPlaying:
        session = self._controller.session
        if session is None or session.state is State.FINISHED:
            return NowPlaying("Stopped")
        routine = session.timeline.routine
        step = session.step
        exercise = exercise_of(step, routine)
        words = [phase_text(step, routine), side_text(step).title(), count_text(step, routine)]
        steps = len(session.timeline.steps)
        return NowPlaying(
            status=STATUS[session.state],
            exercise=exercise.name if exercise is not None else routine.name,
            step=" · ".join(w for w in words if w),
            seconds_left=session.display_seconds(),
            step_index=session.index,
            elapsed=session.step_elapsed(),
            can_next=session.index < steps,
            can_previous=session.index > 0,
        )
