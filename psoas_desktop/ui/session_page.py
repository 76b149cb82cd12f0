"""The page shown while following a routine: the countdown, and beside it how the exercise is
done when there is time to read it. It shows a Session; it never works anything out itself."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from psoas_desktop.core.durations import duration_text
from psoas_desktop.core.engine import Session, State
from psoas_desktop.core.side_words import side_words
from psoas_desktop.core.timeline import Step, StepKind
from psoas_desktop.ui import step_text
from psoas_desktop.ui.countdown import CountdownPanel
from psoas_desktop.ui.figure_view import FigureView
from psoas_desktop.ui.guide_panel import GuidePanel

# Rests long enough to read how the exercise is done; shorter ones (between reps) keep the
# layout still, so the countdown does not change size every few seconds.
GUIDE_MIN_REST = 15


def time_to_read(step: Step, state: State) -> bool:
    return (state is State.PAUSED or step.kind is StepKind.PREPARE
            or (step.kind is StepKind.REST and step.seconds >= GUIDE_MIN_REST))


class SessionPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.countdown = CountdownPanel(self)
        self.guide = GuidePanel(self)
        # Beside the countdown while it has the page; in the guide when the guide is open.
        self.figure = FigureView(self)
        self.figure.follow_size_of(self, self.countdown, self._guide_open)
        self.guide_figure = FigureView(self.guide, in_guide=True)
        self.guide.picture_slot.addWidget(self.guide_figure)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.countdown, 3)
        row.addWidget(self.figure)
        row.addWidget(self.guide, 2)

    def show_idle(self, dark: bool) -> None:
        self.countdown.animate_progress(None)
        self.countdown.set_kind("idle", dark)
        self.figure.show_session(None)
        self.guide_figure.show_session(None)

    def show_session(self, session: Session, *, dark: bool, smooth: bool, fullscreen: bool,
                     slept: bool, completed: bool) -> None:
        """`slept`: the last pause came from a sleeping computer; `completed`: the session
        reached its end rather than being finished early."""
        step, routine, state = session.step, session.timeline.routine, session.state
        exercise = step_text.exercise_of(step, routine)
        self.countdown.set_kind(step.kind, dark)
        if state is State.FINISHED:
            worked = duration_text(session.active_seconds())
            done = "Well done" if completed else "Ended early"
            self.countdown.show_step(
                exercise=routine.name, phase="Done" if completed else "Ended",
                cue=f"{done}: {worked} of exercise.", side="", counts="",
                seconds="✓", next_up="Space: back to the start", kind=StepKind.WORK)
        else:
            phase = step_text.phase_text(step, routine)
            cue = step_text.phase_cue(step, routine)
            if state is State.PAUSED:
                why = "while the computer slept" if slept else phase.lower()
                cue = f"Paused ({why}). Space to go on."
                phase = "Paused"
            self.countdown.show_step(
                exercise=exercise.name if exercise else "", phase=phase, cue=cue,
                side=step_text.side_text(step), counts=step_text.count_text(step, routine),
                seconds=step_text.clock_text(session.display_seconds()),
                next_up=step_text.next_text(step, session.next_step, routine),
                kind="idle" if state is State.PAUSED else step.kind)
        self.countdown.set_progress(session.progress())
        animate = smooth and state is State.RUNNING
        self.countdown.animate_progress(session.progress if animate else None, step.seconds)

        if self.guide.title.text() != (exercise.name if exercise else ""):
            self.guide.show_exercise(exercise)
        reading = time_to_read(step, state) and state is not State.FINISHED
        self.guide.setVisible(reading and not fullscreen)
        self.countdown.set_side_words(side_words(exercise, step.side)
                                      if state is not State.FINISHED else "")
        for figure in (self.figure, self.guide_figure):
            figure.show_session(session)
        self.figure.refit()

    def _guide_open(self) -> bool:
        return not self.guide.isHidden() and self.guide.expanded()
