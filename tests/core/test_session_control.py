"""The session controller, without Qt: a fake clock, a timer fired by hand, a recording sink."""

from __future__ import annotations

from dataclasses import replace

import pytest
from fakes.timer import ManualTimers

from psoas_desktop.audio.sink import RecordingCueSink
from psoas_desktop.core.completion import Mark
from psoas_desktop.core.cues import Cue
from psoas_desktop.core.engine import Finished, Session, State, StepEnded
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.core.routines import Rests, RoutineBook, Target
from psoas_desktop.core.session_control import SessionController, SessionEnd, spoken_words
from psoas_desktop.core.session_view import ROUTINE_DONE_WORDS
from psoas_desktop.core.timeline import StepKind, build_timeline
from psoas_desktop.core.wake_timer import wake_delay_ms
from psoas_desktop.resources import builtin_routines


class FakeSettings:
    def __init__(self, rests: Rests) -> None:
        self.rests = rests
        self.tempo = 0
        self.remembered: list[tuple[str, dict[str, Target]]] = []

    def remember_plan(self, routine_id, targets) -> None:
        self.remembered.append((routine_id, dict(targets)))


class FakeAwake:
    def __init__(self) -> None:
        self.active = False
        self.reasons: list[str] = []

    def inhibit(self, reason: str) -> None:
        self.active = True
        self.reasons.append(reason)

    def release(self) -> None:
        self.active = False


@pytest.fixture(scope="module")
def book() -> RoutineBook:
    return load_book(builtin_routines(), [])


@pytest.fixture
def parts(book, clock):
    timers = ManualTimers()
    sink = RecordingCueSink()
    settings = FakeSettings(book.rests)
    awake = FakeAwake()
    controller = SessionController(clock, timers, sink, settings, awake)
    controller.choose(book.get("psoas-stretch"), {})
    return controller, timers.last, sink, settings, awake


def test_the_plan_is_the_timeline_of_routine_targets_rests_and_tempo(parts, book) -> None:
    controller, _, _, settings, _ = parts
    routine = book.get("psoas-strength")
    exercise = routine.exercises[0]
    targets = {exercise.id: replace(Target.default_for(exercise), sets=1)}
    controller.choose(routine, targets)
    expected = build_timeline(routine, targets, settings.rests, None)
    assert controller.view().planned_seconds == expected.total_seconds
    settings.rests = replace(settings.rests, get_ready=settings.rests.get_ready + 7)
    settings.tempo = 3
    longer = build_timeline(routine, targets, settings.rests, 3)
    assert controller.plan() == longer
    assert controller.view().planned_seconds == longer.total_seconds
    assert controller.view().idle and controller.view().marks == (Mark.TO_DO,) * len(
        routine.exercises)


def test_start_follows_the_plan_and_remembers_it(parts, clock) -> None:
    controller, timer, _, settings, awake = parts
    created: list[Session] = []
    controller.created.add(lambda session: created.append(session))
    plan = controller.plan()
    controller.start()
    session = controller.session
    assert created == [session] and session.timeline == plan
    assert session.state is State.RUNNING
    assert settings.remembered == [("psoas-stretch", {})]
    assert awake.active and awake.reasons[-1].endswith(session.timeline.routine.name)
    assert timer.armed_ms == 1000  # the next shown second
    assert controller.view().planned_seconds == plan.total_seconds


def test_the_timer_wakes_the_session_and_is_armed_rounded_up(parts, clock) -> None:
    controller, timer, _, _, _ = parts
    controller.start()
    clock.advance(0.9996)
    timer.fire()
    assert timer.armed_ms == 1  # 0.4 ms left is rounded up, never down to early
    clock.advance(0.0004)
    timer.fire()
    assert controller.session.step_elapsed() == pytest.approx(1.0)
    assert timer.armed_ms == 1000


def test_delay_is_rounded_up_and_never_negative() -> None:
    assert wake_delay_ms(10.0004, 10.0) == 1
    assert wake_delay_ms(11.0, 10.0) == 1000
    assert wake_delay_ms(9.0, 10.0) == 0


def test_next_previous_and_pause_change_the_view(parts, clock) -> None:
    controller, timer, _, _, awake = parts
    controller.start()
    steps = controller.session.timeline.steps
    first_effort = next(i for i, s in enumerate(steps) if s.is_effort)
    while controller.session.index < first_effort:
        controller.next()
    assert controller.view().exercise == steps[first_effort].exercise_index
    controller.next()  # the exercise's effort skipped at once
    view = controller.view()
    assert view.running and view.elapsed == controller.session.routine_elapsed()
    controller.previous()
    assert controller.session.index == first_effort
    controller.pause()
    view = controller.view()
    assert view.state is State.PAUSED and not view.slept
    assert timer.armed_ms is None and not awake.active  # nothing wakes the app while paused
    controller.toggle()
    assert controller.view().running and awake.active
    assert timer.armed_ms is not None


def test_a_sleeping_computer_shows_as_slept(parts, clock) -> None:
    controller, timer, _, _, awake = parts
    controller.start()
    clock.advance(600)
    timer.fire()
    view = controller.view()
    assert view.state is State.PAUSED and view.slept and not awake.active


def test_finish_early_marks_the_rest_skipped_and_is_not_complete(parts, clock) -> None:
    controller, timer, _, _, awake = parts
    ends: list[SessionEnd] = []
    controller.ended.add(ends.append)
    controller.start()
    controller.finish()
    view = controller.view()
    assert view.finished and not view.completed
    assert view.skipped == frozenset(range(view.exercise_count))
    assert view.done == frozenset()
    assert ends == [SessionEnd(controller.session, False, False)]
    assert timer.armed_ms is None and not awake.active


def test_a_routine_run_to_its_end_is_complete_and_done_is_said(parts, clock) -> None:
    controller, timer, sink, _, _ = parts
    ends: list[SessionEnd] = []
    controller.ended.add(ends.append)
    controller.start()
    while controller.session.state is State.RUNNING:
        clock.advance(1.0)
        timer.fire()
    view = controller.view()
    assert view.finished and view.completed
    assert view.done == frozenset(range(view.exercise_count))
    assert view.elapsed == view.planned_seconds
    assert sink.played[-1] is Cue.DONE and sink.spoken[-1] == ROUTINE_DONE_WORDS
    assert [end.completed for end in ends] == [True]


def test_ended_is_told_only_after_the_engine_call_returned(parts, clock) -> None:
    controller, _, _, _, _ = parts
    order: list[str] = []
    controller.events.add(lambda event: order.append(type(event).__name__))
    controller.changed.add(lambda _: order.append("changed"))

    def ended(end: SessionEnd) -> None:
        # The engine is done with its call: the session is finished, every event is out.
        assert end.session.state is State.FINISHED
        order.append("ended")

    controller.ended.add(ended)
    controller.start()
    order.clear()
    controller.finish()
    assert order[-3:] == ["Finished", "changed", "ended"]
    assert "StepEnded" in order


def test_quitting_ends_without_questions(parts) -> None:
    controller, _, _, _, _ = parts
    ends: list[SessionEnd] = []
    controller.ended.add(ends.append)
    controller.start()
    controller.end_for_quit()
    assert [end.quitting for end in ends] == [True]
    controller.new_session()
    controller.start()
    controller.finish()
    assert [end.quitting for end in ends] == [True, False]


def test_jump_and_moves_rearm_and_repaint(parts, clock) -> None:
    controller, timer, _, _, _ = parts
    repaints: list[None] = []
    controller.changed.add(repaints.append)
    controller.start()
    controller.jump_to_exercise(1)
    assert controller.view().exercise == 1
    clock.advance(0.25)
    controller.act(lambda session: session.lengthen(10))
    assert controller.session.step.seconds == controller.plan().steps[
        controller.session.index].seconds + 10
    assert timer.armed_ms == 750
    assert len(repaints) == 3


def test_toggle_starts_then_after_the_end_goes_back_to_the_plan(parts) -> None:
    controller, timer, _, _, _ = parts
    cleared: list[None] = []
    controller.cleared.add(cleared.append)
    controller.set_pain_before(3)
    controller.toggle()
    assert controller.view().running and controller.pain_before == 3
    controller.new_session()  # refused while under way
    assert controller.session is not None and cleared == []
    controller.finish()
    controller.toggle()
    assert controller.session is None and cleared == [None]
    assert controller.pain_before is None and timer.armed_ms is None
    assert controller.view().idle


def test_a_second_start_while_under_way_is_refused(parts) -> None:
    controller, _, _, settings, _ = parts
    controller.start()
    first = controller.session
    controller.start()
    assert controller.session is first and len(settings.remembered) == 1


def test_nothing_happens_without_a_session_or_a_routine(parts, book, clock) -> None:
    controller, timer, sink, _, _ = parts
    controller.next()
    controller.pause()
    controller.finish()
    controller.wake()
    assert controller.session is None and timer.armed_ms is None and sink.played == []
    controller.choose(None, {})
    controller.start()
    assert controller.session is None and controller.view().planned_seconds == 0


def test_routine_chosen_is_told_when_the_routine_changes_only(parts, book) -> None:
    controller, _, _, _, _ = parts
    chosen: list[str] = []
    controller.routine_chosen.add(lambda routine: chosen.append(routine.id))
    controller.choose(book.get("psoas-stretch"), {"x": Target(1, 1)})  # same routine
    controller.choose(book.get("psoas-strength"), {})
    assert chosen == ["psoas-strength"]


def test_each_steps_opening_words_are_spoken(parts, clock) -> None:
    controller, _, sink, _, _ = parts
    controller.start()
    timeline = controller.session.timeline
    assert sink.spoken[0].startswith("Get ready")
    assert timeline.steps[0].kind is StepKind.PREPARE
    controller.next()
    assert len(sink.spoken) == 2 and sink.spoken[1] != sink.spoken[0]


def test_the_words_for_a_cue(book) -> None:
    timeline = build_timeline(book.get("psoas-stretch"), rests=book.rests)
    session = Session(timeline, lambda: 0.0)
    heard = []
    session.subscribe(heard.append)
    session.start()
    opening = next(e for e in heard if getattr(e, "opens_step", False))
    assert spoken_words(opening, timeline).startswith("Get ready: ")
    assert spoken_words(replace(opening, opens_step=False), timeline) == ""
    assert spoken_words(replace(opening, cue=Cue.DONE), timeline) == ROUTINE_DONE_WORDS


def test_events_are_passed_on_as_they_happen(parts) -> None:
    controller, _, _, _, _ = parts
    heard: list[type] = []
    controller.events.add(lambda event: heard.append(type(event)))
    controller.start()
    controller.finish()
    assert StepEnded in heard and heard[-1] is Finished


def test_paced_reps_beat_without_words(parts, clock) -> None:
    controller, _, sink, _, _ = parts
    controller.start()
    steps = controller.session.timeline.steps
    controller.act(lambda session: session.go_to(next(i for i, s in enumerate(steps)
                                                      if s.beats)))
    assert sink.played[-1] is Cue.BEAT
    spoken = len(sink.spoken)
    clock.advance(controller.session.step.seconds / 2)
    controller.wake()
    assert sink.played[-1] is Cue.BEAT
    assert len(sink.spoken) == spoken


def test_the_end_is_announced_and_nothing_stays_armed(parts, clock) -> None:
    controller, timer, sink, _, _ = parts
    controller.start()
    last = len(controller.session.timeline.steps) - 1
    controller.act(lambda session: session.go_to(last))
    clock.advance(controller.session.step.seconds)
    timer.fire()
    assert sink.played[-1] is Cue.DONE
    assert sink.spoken[-1] == "Routine done. Well done."
    assert timer.armed_ms is None


def test_a_follower_hears_its_own_session_only(parts) -> None:
    controller, _, _, _, _ = parts
    heard: list[tuple[int, type]] = []
    controller.created.add(lambda session: controller.follow_session(
        lambda event: heard.append((id(session), type(event)))))
    controller.start()
    first = id(controller.session)
    controller.finish()
    controller.new_session()
    controller.start()
    second = id(controller.session)
    controller.finish()
    firsts = [kind for who, kind in heard if who == first]
    seconds = [kind for who, kind in heard if who == second]
    assert firsts[-1] is Finished and seconds[-1] is Finished
    assert len(heard) == len(firsts) + len(seconds)
    assert firsts.count(Finished) == 1 and seconds.count(Finished) == 1
