"""MPRIS's view of the session controller, without a bus: what each media key does and what
the desktop's media controls are shown."""

from __future__ import annotations

import pytest
from fakes.timer import ManualTimers

from psoas_desktop.audio.sink import RecordingCueSink
from psoas_desktop.core.engine import State
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.core.session_control import SessionController
from psoas_desktop.desktop.session_controls import SessionControls
from psoas_desktop.resources import builtin_routines


class Settings:
    def __init__(self, rests) -> None:
        self.rests, self.tempo = rests, 0

    def remember_plan(self, routine_id, targets) -> None:
        pass


class Awake:
    def inhibit(self, reason: str) -> None:
        pass

    def release(self) -> None:
        pass


@pytest.fixture
def controller(clock) -> SessionController:
    book = load_book(builtin_routines(), [])
    controller = SessionController(clock, ManualTimers(), RecordingCueSink(),
                                   Settings(book.rests), Awake())
    controller.choose(book.get("psoas-stretch"), {})
    return controller


def test_play_pause_starts_pauses_and_resumes_but_never_leaves_the_end(controller) -> None:
    keys = SessionControls(controller)
    assert keys.state().status == "Stopped"
    keys.play_pause()
    assert controller.session.state is State.RUNNING and keys.state().status == "Playing"
    keys.play_pause()
    assert keys.state().status == "Paused"
    keys.play()
    assert controller.session.state is State.RUNNING
    keys.play()  # already playing: no pause
    assert controller.session.state is State.RUNNING
    controller.finish()
    keys.play_pause()  # a headset's button after the end does not start over
    assert controller.session is not None and keys.state().status == "Stopped"


def test_next_previous_and_what_is_shown(controller, clock) -> None:
    keys = SessionControls(controller)
    keys.play()
    first = keys.state()
    assert first.step_index == 0 and not first.can_previous and first.can_next
    assert first.exercise == controller.session.timeline.routine.exercises[0].name
    keys.next()
    assert keys.state().step_index == 1 and keys.state().can_previous
    clock.advance(2)
    assert keys.state().elapsed == pytest.approx(2.0)
    keys.previous()
    assert keys.state().step_index == 0
    keys.pause()
    assert keys.state().status == "Paused"
