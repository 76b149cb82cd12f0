"""The session controller between the engine and the window. Pure Python, no Qt.

It builds the plan from the routine and targets chosen, the rests and the tempo; it owns the
session's life (start, pause, next, previous, finish, jump, new session); it wakes the engine
through an injected timer at `session.next_wakeup()`; it sends cues and words to the sound; and
it gives the view one `SessionView`. News goes out through `Listeners`, and "ended" only after
the engine call that finished the session has returned, so whoever opens a dialog on it never
does so inside the engine.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from psoas_desktop.core.completion import Mark, exercise_marks, is_complete
from psoas_desktop.core.cues import Cue, spoken_text
from psoas_desktop.core.engine import CueDue, Event, Finished, Paused, Resumed, Session, State
from psoas_desktop.core.listeners import Listeners
from psoas_desktop.core.routines import Rests, Routine, Target
from psoas_desktop.core.session_view import ROUTINE_DONE_WORDS, SessionView
from psoas_desktop.core.side_words import spoken_side_words, with_side_words
from psoas_desktop.core.timeline import Timeline, build_timeline
from psoas_desktop.core.wake_timer import MakeTimer, wake_delay_ms

Clock = Callable[[], float]
Move = Callable[[Session], None]


class PlanSettings(Protocol):
    """What the controller needs of the settings: the rests and tempo a plan is built with,
    and a place to keep the plan last started."""

    @property
    def rests(self) -> Rests: ...

    @property
    def tempo(self) -> int: ...  # 0: each exercise's own

    def remember_plan(self, routine_id: str, targets: Mapping[str, Target]) -> None: ...


class CueOut(Protocol):
    """Where cues and words go (audio/sink.py's CueSink is one)."""

    @property
    def latency(self) -> float: ...

    def play(self, cue: Cue) -> None: ...

    def say(self, text: str) -> None: ...


class KeepAwake(Protocol):
    """The screensaver held off while a session runs (platform/screensaver.py)."""

    def inhibit(self, reason: str) -> None: ...

    def release(self) -> None: ...


@dataclass(frozen=True)
class SessionEnd:
    session: Session
    completed: bool  # reached its end with enough done (core/completion.py)
    quitting: bool = False  # the app is closing on a signal: nobody is there to be asked


def spoken_words(event: CueDue, timeline: Timeline) -> str:
    """The words a voice says with a step's opening cue ("" where a beep says enough)."""
    if event.cue is Cue.DONE:
        return ROUTINE_DONE_WORDS
    if not event.opens_step:
        return ""
    steps = timeline.steps
    previous = steps[event.index - 1] if event.index > 0 else None
    exercise = timeline.routine.exercises[event.step.exercise_index or 0]
    return with_side_words(spoken_text(event.step, previous, exercise.name),
                           spoken_side_words(event.step, previous, exercise))


class SessionController:
    def __init__(self, clock: Clock, make_timer: MakeTimer, cues: CueOut,
                 settings: PlanSettings, awake: KeepAwake) -> None:
        self.clock = clock
        self.cues = cues
        self._settings = settings
        self._awake = awake
        self._timer = make_timer(self.wake)
        self.session: Session | None = None
        self.routine: Routine | None = None  # chosen for the next session
        self.targets: dict[str, Target] = {}
        self.pain_before: int | None = None  # given before starting, for the record
        self._slept = False
        self._completed = False
        self._quitting = False
        self._ending: SessionEnd | None = None  # heard from the engine, told once it returns
        self.created: Listeners[Session] = Listeners()  # before it starts: record from here
        self.cleared: Listeners[None] = Listeners()  # back to the start page
        self.changed: Listeners[None] = Listeners()  # something shown moved: repaint
        self.events: Listeners[Event] = Listeners()  # every engine event, as it happens
        self._session_events: Listeners[Event] = Listeners()  # the current session's only
        self.ended: Listeners[SessionEnd] = Listeners()  # after the engine call returned
        self.routine_chosen: Listeners[Routine] = Listeners()

    # --- the plan ---------------------------------------------------------------------------

    def choose(self, routine: Routine | None, targets: Mapping[str, Target]) -> None:
        """The routine and targets the next session will follow."""
        picked = routine is not None and (self.routine is None or self.routine.id != routine.id)
        self.routine, self.targets = routine, dict(targets)
        if picked and routine is not None:
            self.routine_chosen.emit(routine)
        if self.session is None:
            self.changed.emit(None)

    def plan(self) -> Timeline | None:
        """The timeline a session started now would follow."""
        if self.routine is None:
            return None
        settings = self._settings
        return build_timeline(self.routine, self.targets, settings.rests,
                              settings.tempo or None)

    def set_pain_before(self, pain: int | None) -> None:
        self.pain_before = pain

    def follow_session(self, listener: Callable[[Event], object]) -> None:
        """Hear the current session's events, as they happen, until another one starts (the
        recorder, wait-for-me: subscribe from `created`). Only the controller subscribes to
        the engine itself."""
        self._session_events.add(listener)

    # --- the session's life -----------------------------------------------------------------

    def start(self) -> None:
        """Start the plan chosen, unless a session is still under way."""
        timeline = self.plan()
        if timeline is None or (self.session and self.session.state is not State.FINISHED):
            return
        routine = timeline.routine
        self._settings.remember_plan(routine.id, self.targets)
        self._timer.stop()
        self._slept = self._completed = self._quitting = False
        session = Session(timeline, self.clock, cue_lead=self.cues.latency)
        session.subscribe(self._on_event)  # once: everything else listens to the controller
        self.session = session
        self._session_events = Listeners()  # the last session's followers hear no more
        self.created.emit(session)  # a recorder attaches before the first event
        self._act(Session.start)
        self._awake.inhibit(f"Following {routine.name}")

    def toggle(self) -> None:
        """Space: start, pause or resume, or after the end back to the start page."""
        session = self.session
        if session is None:
            self.start()
        elif session.state is State.FINISHED:
            self.new_session()
        else:
            self._act(Session.toggle)

    def pause(self) -> None:
        self._act(Session.pause)

    def next(self) -> None:
        self._act(Session.next)

    def previous(self) -> None:
        self._act(Session.previous)

    def finish(self) -> None:
        """End early: what was done so far stands."""
        self._act(Session.finish)

    def end_for_quit(self) -> None:
        """Finish as the app quits on a signal: the end is told as `quitting`, so nobody asks
        the after-session questions of an empty room."""
        self._quitting = True
        self.finish()

    def jump_to_exercise(self, exercise_index: int) -> None:
        self._act(lambda session: session.jump_to_exercise(exercise_index))

    def act(self, move: Move) -> None:
        """Apply a move (core/session_moves.py) as the controller's own are applied."""
        self._act(move)

    def new_session(self) -> None:
        """Back to the plan, once the session has ended."""
        if self.session is not None and self.session.state is not State.FINISHED:
            return
        self._timer.stop()
        self.session = None
        self.pain_before = None  # it belonged to the session just ended
        self.cleared.emit(None)
        self.changed.emit(None)

    def close(self) -> None:
        """The window goes: nothing more wakes, nothing holds the screensaver off."""
        self._timer.stop()
        self._awake.release()

    # --- time -------------------------------------------------------------------------------

    def wake(self) -> None:
        """The timer fired: bring the session up to the clock, then sleep until it next
        changes."""
        self._act(lambda session: session.update(self.clock()))

    def _act(self, action: Move) -> None:
        session = self.session
        if session is None:
            return
        action(session)
        # The engine has returned: arm the next wake-up, repaint, then tell of an end.
        wakeup = session.next_wakeup()
        if wakeup is None:
            self._timer.stop()
        else:
            self._timer.start(wake_delay_ms(wakeup, self.clock()))
        self.changed.emit(None)
        ending, self._ending = self._ending, None
        if ending is not None:
            self.ended.emit(ending)

    # --- what the engine says ---------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        session = self.session
        if isinstance(event, CueDue) and session is not None:
            self.cues.play(event.cue)
            words = spoken_words(event, session.timeline)
            if words:
                self.cues.say(words)  # the sink drops them while the voice is off
        elif isinstance(event, Paused):
            self._slept = event.by_clock_gap
            self._awake.release()
        elif isinstance(event, Resumed):
            self._awake.inhibit("Following a routine")
        elif isinstance(event, Finished) and session is not None:
            self._completed = is_complete(event.completed, session.share_done())
            self._awake.release()
            self._ending = SessionEnd(session, self._completed, self._quitting)
        self._session_events.emit(event)
        self.events.emit(event)

    # --- what the view shows ----------------------------------------------------------------

    def view(self) -> SessionView:
        session = self.session
        if session is None:
            plan = self.plan()
            count = len(self.routine.exercises) if self.routine else 0
            return SessionView(None, self.routine, plan.total_seconds if plan else 0,
                               targets=dict(self.targets), marks=(Mark.TO_DO,) * count)
        timeline = session.timeline
        finished = session.state is State.FINISHED
        index = session.step.exercise_index
        current = index if index is not None else -1
        return SessionView(
            session.state, timeline.routine, timeline.total_seconds,
            targets=dict(timeline.targets), elapsed=session.routine_elapsed(),
            spent=session.active_seconds(), exercise=current,
            marks=tuple(exercise_marks(timeline, session.done_seconds(), current, finished)),
            slept=self._slept, completed=self._completed)
