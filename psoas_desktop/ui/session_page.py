"""The page shown while following a routine: the countdown, and beside it how the exercise is
done when there is time to read it. It shows a Session; it never works anything out itself."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from psoas_desktop.core.durations import duration_text
from psoas_desktop.core.engine import Session, State
from psoas_desktop.core.side_words import side_words
from psoas_desktop.core.timeline import StepKind
from psoas_desktop.ui import step_text
from psoas_desktop.ui.countdown import CountdownPanel
from psoas_desktop.ui.figure_view import FigureView
from psoas_desktop.ui.guide_panel import GuidePanel

# The guide stays beside the countdown for the whole session, so nothing changes size from one
# step to the next; a page narrower than this gives the countdown all of its width instead.
GUIDE_MIN_PAGE_WIDTH = 600


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
        # Two thirds for the countdown: its digits are sized by its width. The figure moves in
        # the guide, or beside the countdown when the guide is not shown.
        row.addWidget(self.countdown, 2)
        row.addWidget(self.figure)
        row.addWidget(self.guide, 1)
        self._shown: tuple[object, ...] | None = None  # the step and look last shown in full

    def show_idle(self, dark: bool) -> None:
        self._shown = None
        self.countdown.animate_progress(None)
        self.countdown.set_kind("idle", dark)
        self.figure.show_session(None)
        self.guide_figure.show_session(None)

    def show_session(self, session: Session, *, dark: bool, smooth: bool, fullscreen: bool,
                     slept: bool, completed: bool) -> None:
        """`slept`: the last pause came from a sleeping computer; `completed`: the session
        reached its end rather than being finished early.

        Called every second: within a step only the digits and the bars move, so only they
        are set then; the step's words, colours, guide and figure size when the step (or how
        it is shown) changes. The digits first, before anything else."""
        state = session.state
        if state is not State.FINISHED:
            self.countdown.digits.setText(step_text.clock_text(session.display_seconds()))
        look = (session, session.index, state, dark, fullscreen, slept, completed,
                self.width() >= GUIDE_MIN_PAGE_WIDTH)
        if look != self._shown:
            self._shown = look
            self._show_step(session, dark=dark, fullscreen=fullscreen, slept=slept,
                            completed=completed)
        else:
            for figure in (self.figure, self.guide_figure):
                figure.show_session(session)
        self.countdown.set_progress(session.progress())
        animate = smooth and state is State.RUNNING
        self.countdown.animate_progress(session.progress if animate else None,
                                        session.step.seconds)

    def _show_step(self, session: Session, *, dark: bool, fullscreen: bool, slept: bool,
                   completed: bool) -> None:
        step, routine, state = session.step, session.timeline.routine, session.state
        exercise = step_text.exercise_of(step, routine)
        longest = max(s.seconds for s in session.timeline.steps)
        self.countdown.digits.set_widest(step_text.clock_text(longest))
        if state is State.FINISHED:
            worked = duration_text(session.active_seconds())
            share = round(session.share_done() * 100)
            cue = (f"Well done: {worked} of exercise." if completed
                   else f"Ended early: {share}% of the plan done, {worked} of exercise.")
            self.countdown.set_kind(StepKind.WORK, dark)  # once: the panel is recoloured once
            self.countdown.show_step(
                exercise=routine.name, phase="Done" if completed else "Ended",
                cue=cue, side="", counts="",
                seconds="✓", next_up="Space: back to the start", kind=StepKind.WORK)
        else:
            phase = step_text.phase_text(step, routine)
            cue = step_text.phase_cue(step, routine)
            if state is State.PAUSED:
                why = "while the computer slept" if slept else phase.lower()
                cue = f"Paused ({why}). Space to go on."
                phase = "Paused"
            kind = "idle" if state is State.PAUSED else step.kind
            self.countdown.set_kind(kind, dark)
            self.countdown.show_step(
                exercise=exercise.name if exercise else "", phase=phase, cue=cue,
                side=step_text.side_text(step), counts=step_text.count_text(step, routine),
                seconds=step_text.clock_text(session.display_seconds()),
                next_up=step_text.next_text(step, session.next_step, routine),
                kind=kind)

        if self.guide.title.text() != (exercise.name if exercise else ""):
            self.guide.show_exercise(exercise)
        wide = self.width() >= GUIDE_MIN_PAGE_WIDTH
        self.guide.setVisible(wide and not fullscreen and state is not State.FINISHED)
        self.countdown.set_side_words(side_words(exercise, step.side)
                                      if state is not State.FINISHED else "")
        for figure in (self.figure, self.guide_figure):
            figure.show_session(session)
        self.figure.refit()

    def _guide_open(self) -> bool:
        return not self.guide.isHidden() and self.guide.expanded()
