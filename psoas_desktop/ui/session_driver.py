"""Drives a Session from the Qt event loop and turns its cues into sound.

One single-shot PreciseTimer, re-armed for `session.next_wakeup()` after every wake-up and
every user action: the app sleeps between the moments the screen changes, and time is always
read from the clock, never counted in ticks. Tests inject a fake clock and call `poke()`.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from psoas_desktop.audio.sink import CueSink
from psoas_desktop.core.cues import Cue, spoken_text
from psoas_desktop.core.engine import CueDue, Event, Session, State
from psoas_desktop.core.side_words import spoken_side_words, with_side_words

Clock = Callable[[], float]


class SessionDriver(QObject):
    changed = Signal()  # the session moved: repaint what shows it
    event = Signal(object)  # every engine event, as it happens

    def __init__(self, clock: Clock, sink: CueSink, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.sink = sink
        self.session: Session | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.poke)

    def set_session(self, session: Session | None) -> None:
        """Drive `session` from now on (None: drive nothing). Subscribe before starting it."""
        self._timer.stop()
        self.session = session
        if session is not None:
            session.subscribe(self._on_event)

    @property
    def running(self) -> bool:
        return self.session is not None and self.session.state is State.RUNNING

    def timer_interval(self) -> int | None:
        """Milliseconds until the armed wake-up, or None when nothing is armed (for tests)."""
        return self._timer.interval() if self._timer.isActive() else None

    # --- user actions -----------------------------------------------------------------------

    def start(self) -> None:
        self._act(Session.start)

    def toggle(self) -> None:
        self._act(Session.toggle)

    def pause(self) -> None:
        self._act(Session.pause)

    def next(self) -> None:
        self._act(Session.next)

    def previous(self) -> None:
        self._act(Session.previous)

    def finish(self) -> None:
        self._act(Session.finish)

    def jump_to_exercise(self, exercise_index: int) -> None:
        self._act(lambda session: session.jump_to_exercise(exercise_index))

    def act(self, action: Callable[[Session], None]) -> None:
        """Apply a move to the session, then re-arm and repaint, as the driver's own do."""
        self._act(action)

    def _act(self, action: Callable[[Session], None]) -> None:
        if self.session is None:
            return
        action(self.session)
        self._rearm()
        self.changed.emit()

    # --- time -------------------------------------------------------------------------------

    def poke(self) -> None:
        """Bring the session up to the clock, then sleep until the next change."""
        if self.session is None:
            return
        self.session.update(self.clock())
        self._rearm()
        self.changed.emit()

    def _rearm(self) -> None:
        wakeup = self.session.next_wakeup() if self.session is not None else None
        if wakeup is None:
            self._timer.stop()
            return
        # Rounded up: waking a millisecond early would show the old second once more.
        self._timer.start(max(0, math.ceil((wakeup - self.clock()) * 1000)))

    # --- sound ------------------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        if isinstance(event, CueDue):
            self.sink.play(event.cue)
            # Words go to the sink, which drops them while the voice is off.
            if event.cue is Cue.DONE:
                self.sink.say("Routine done. Well done.")
            elif event.opens_step:
                self._speak(event)
        self.event.emit(event)

    def _speak(self, cue: CueDue) -> None:
        if self.session is None:
            return
        steps = self.session.timeline.steps
        previous = steps[cue.index - 1] if cue.index > 0 else None
        exercise = self.session.timeline.routine.exercises[cue.step.exercise_index or 0]
        text = with_side_words(spoken_text(cue.step, previous, exercise.name),
                               spoken_side_words(cue.step, previous, exercise))
        if text:
            self.sink.say(text)
