"""What the voice says as each step opens, over a whole routine with sides, and what the view
shows before and during a session."""

from __future__ import annotations

from dataclasses import replace

import pytest
from fakes.timer import ManualTimers

from psoas_desktop.audio.sink import RecordingCueSink
from psoas_desktop.core.completion import Mark
from psoas_desktop.core.cues import Cue
from psoas_desktop.core.engine import CueDue, Session
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.core.routines import Rests, RoutineBook, Target
from psoas_desktop.core.session_control import SessionController, spoken_words
from psoas_desktop.core.timeline import Timeline, build_timeline
from psoas_desktop.resources import builtin_routines


@pytest.fixture(scope="module")
def book() -> RoutineBook:
    return load_book(builtin_routines(), [])


def opening_words(timeline: Timeline) -> dict[int, str]:
    """The words said as each step opens, going through the steps one by one."""
    session = Session(timeline, lambda: 0.0)
    heard: list[object] = []
    session.subscribe(heard.append)
    session.start()
    for index in range(1, len(timeline.steps)):
        session.go_to(index)
    return {e.index: spoken_words(e, timeline) for e in heard
            if isinstance(e, CueDue) and e.opens_step}


def test_each_side_is_named_as_it_begins(book) -> None:
    timeline = build_timeline(book.get("psoas-stretch"), rests=book.rests)
    said = opening_words(timeline)
    assert said[0] == ("Get ready: Supine psoas stretch, leg hanging, left side. "
                       "Left leg hangs, right knee hugged.")
    assert said[1] == "Hold"  # the side was just named
    assert said[2] == "Switch sides. Right leg hangs, left knee hugged."
    assert said[3] == "Hold"
    # The rest before the next set goes back to the first side, and says so.
    assert said[4] == "Rest, 20 seconds. Left leg hangs, right knee hugged."
    assert said[8] == ("Get ready: Kneeling hip flexor stretch, left side. "
                       "Left knee down, right foot forward.")


def test_a_side_change_with_no_switch_step_is_said_with_the_effort(book) -> None:
    no_switch = replace(book.rests, switch_sides=0)
    timeline = build_timeline(book.get("psoas-stretch"), rests=no_switch)
    said = opening_words(timeline)
    assert [s.side.value for s in timeline.steps[1:3]] == ["left", "right"]
    assert said[2] == "Right side. Hold. Right leg hangs, left knee hugged."


class Settings:
    rests = Rests()
    tempo = 0

    def remember_plan(self, routine_id, targets) -> None:
        pass


class Awake:
    def __init__(self) -> None:
        self.reasons: list[str] = []

    def inhibit(self, reason: str) -> None:
        self.reasons.append(reason)

    def release(self) -> None:
        pass


@pytest.fixture
def awake() -> Awake:
    return Awake()


@pytest.fixture
def controller(clock, awake) -> SessionController:
    return SessionController(clock, ManualTimers(), RecordingCueSink(), Settings(), awake)


def test_before_any_routine_the_view_is_empty(controller) -> None:
    view = controller.view()
    assert view.idle and view.routine is None
    assert view.planned_seconds == 0 and view.marks == () and view.targets == {}
    assert view.exercise == -1 and not view.slept and not view.completed


def test_the_view_of_a_plan_shows_its_routine_and_targets(controller, book) -> None:
    routine = book.get("psoas-strength")
    first = routine.exercises[0]
    targets = {first.id: replace(Target.default_for(first), sets=1)}
    controller.choose(routine, targets)
    view = controller.view()
    assert view.routine is routine and view.targets == targets
    assert view.planned_seconds == build_timeline(routine, targets, Rests()).total_seconds
    assert view.marks == (Mark.TO_DO,) * len(routine.exercises)


def test_the_view_during_a_session(controller, book, clock) -> None:
    routine = book.get("psoas-strength")
    controller.choose(routine, {})
    controller.start()
    for _ in range(3):
        clock.advance(1.0)
        controller.wake()
    view = controller.view()
    assert view.running and view.routine == routine
    assert view.spent == pytest.approx(3.0) and view.elapsed == pytest.approx(3.0)
    assert view.exercise == 0
    assert view.targets == controller.session.timeline.targets
    assert view.targets[routine.exercises[0].id] == Target.default_for(routine.exercises[0])


def test_the_cue_lead_is_the_sounds_latency(clock, book) -> None:
    sink = RecordingCueSink()
    sink.latency = 0.08
    controller = SessionController(clock, ManualTimers(), sink, Settings(), Awake())
    controller.choose(book.get("psoas-strength"), {})
    controller.start()
    session = controller.session
    for _ in range(session.step.seconds - 1):
        clock.advance(1.0)
        controller.wake()
    clock.advance(0.95)  # 50 ms before the get-ready ends: within the sound's 80 ms
    controller.wake()
    assert session.index == 0
    assert sink.played[-1] is Cue.START  # handed over early, to sound on the moment


def test_resuming_holds_the_screensaver_off_again(controller, awake, book) -> None:
    routine = book.get("psoas-strength")
    controller.choose(routine, {})
    controller.start()
    controller.pause()
    controller.toggle()
    assert awake.reasons == [f"Following {routine.name}", "Following a routine"]


def test_choosing_during_a_session_does_not_repaint_the_plan(controller, book) -> None:
    controller.choose(book.get("psoas-strength"), {})
    repaints: list[None] = []
    controller.changed.add(repaints.append)
    controller.choose(book.get("psoas-stretch"), {})
    assert len(repaints) == 1
    controller.start()
    repaints.clear()
    controller.choose(book.get("psoas-strength"), {})
    assert repaints == []


def test_a_follower_can_listen_before_any_session(controller, book) -> None:
    assert controller.pain_before is None
    heard: list[object] = []
    controller.follow_session(heard.append)  # before the first start: nothing to hear yet
    controller.choose(book.get("psoas-strength"), {})
    controller.start()
    assert heard == []  # a new session has new followers (subscribed from `created`)


def test_the_plan_follows_the_targets_chosen(controller, book) -> None:
    routine = book.get("psoas-strength")
    slumpy = next(e for e in routine.exercises if e.id == "standing-slumpy-psoas")
    chosen = {slumpy.id: replace(Target.default_for(slumpy), sets=3)}
    controller.choose(routine, chosen)
    assert controller.plan().targets[slumpy.id].sets == 3
    assert controller.plan() == build_timeline(routine, chosen, Rests())
