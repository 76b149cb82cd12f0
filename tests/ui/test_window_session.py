"""Following a routine in the window: what shows, when it changes, what sounds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from psoas_desktop.audio.sink import RecordingCueSink
from psoas_desktop.core.completion import Mark
from psoas_desktop.core.cues import Cue
from psoas_desktop.core.durations import duration_text
from psoas_desktop.core.engine import State
from psoas_desktop.core.routines import Target
from psoas_desktop.core.timeline import StepKind
from psoas_desktop.ui.exercise_list import DONE_MARK
from psoas_desktop.ui.main_window import SESSION_PAGE, START_PAGE
from psoas_desktop.ui.status_line import NO_SOUND


def _advance(window, clock, seconds: float) -> None:
    while seconds > 1e-9:
        step = min(1.0, seconds)
        clock.advance(step)
        seconds -= step
        window.controller.wake()


def shown(window) -> dict[str, str]:
    panel = window.countdown
    return {"exercise": panel.exercise.text(), "phase": panel.phase.text(),
            "side": panel.side.text(), "seconds": panel.digits.text(),
            "counts": panel.counts.text(), "next": panel.next.text()}


def test_starting_shows_the_first_exercise_and_its_countdown(window, sink) -> None:
    assert window.stack.currentIndex() == START_PAGE
    created = []
    window.controller.created.add(lambda s: created.append(s.state))
    window.start_session()
    assert created == [State.READY]  # emitted before start(), so a recorder sees every event
    assert window.stack.currentIndex() == SESSION_PAGE
    now = shown(window)
    assert now["exercise"] == "Hip flexor ball release"
    assert now["phase"] == "Get ready"
    assert now["side"] == "LEFT"
    assert now["seconds"] == "10"
    assert now["next"] == "Next: Work 1:00"
    assert window.exercise_list.current == 0
    assert window.countdown.kind == StepKind.PREPARE
    assert window.progress.exercise.text() == "Exercise 1 of 5"
    assert sink.played == [Cue.GET_READY]
    assert sink.spoken == ["Get ready: Hip flexor ball release, left side. "
                           "Ball on the front of the left hip, left foot slides."]


def test_the_countdown_phase_and_side_change_at_the_right_moments(window, clock) -> None:
    window.start_session()
    _advance(window, clock, 3.5)
    assert shown(window)["seconds"] == "7"  # 6.5 s left shows 7, as a kitchen timer does
    _advance(window, clock, 6.4)
    assert shown(window)["phase"] == "Get ready"
    _advance(window, clock, 0.1)
    now = shown(window)
    assert (now["phase"], now["side"], now["seconds"]) == ("Work", "LEFT", "1:00")
    assert window.countdown.kind == StepKind.WORK
    _advance(window, clock, 60)
    now = shown(window)
    assert (now["phase"], now["side"], now["seconds"]) == ("Switch sides", "RIGHT", "8")
    _advance(window, clock, 8)
    now = shown(window)
    assert (now["phase"], now["side"], now["seconds"]) == ("Work", "RIGHT", "1:00")
    _advance(window, clock, 60)
    now = shown(window)
    assert now["exercise"] == "Standing glute squeeze"
    assert (now["phase"], now["side"]) == ("Get ready", "")
    assert window.exercise_list.current == 1
    assert window.exercise_list.done == {0}
    _advance(window, clock, 20)
    now = shown(window)
    assert (now["phase"], now["seconds"]) == ("Hold", "5")
    assert now["counts"] == "Rep 1 of 4"


def test_the_right_cue_at_the_right_second(window, clock, sink) -> None:
    window.start_session()
    _advance(window, clock, 6.9)
    assert sink.played == [Cue.GET_READY]
    _advance(window, clock, 0.1)  # 3 s left of a 10 s get-ready
    assert sink.played == [Cue.GET_READY, Cue.TICK]
    _advance(window, clock, 2)
    assert sink.played == [Cue.GET_READY, Cue.TICK, Cue.TICK, Cue.TICK]
    _advance(window, clock, 1)
    assert sink.played[-1] is Cue.START
    assert sink.spoken[-1] == "Go"
    _advance(window, clock, 60)
    assert sink.played[-1] is Cue.SWITCH
    assert sink.spoken[-1] == (
        "Switch sides. Ball on the front of the right hip, right foot slides.")


def test_voice_off_keeps_the_beeps_and_drops_the_words(window, clock, sink, settings) -> None:
    settings.voice_enabled = False
    assert sink.voice_enabled is False
    window.start_session()
    assert sink.played == [Cue.GET_READY]
    assert sink.spoken == []


def test_pause_stops_time_and_resume_goes_on(window, clock, wake_timer) -> None:
    window.start_session()
    _advance(window, clock, 2)
    window.toggle()
    assert window.session.state is State.PAUSED
    assert wake_timer.armed_ms is None  # nothing wakes the app while paused
    _advance(window, clock, 30)
    assert shown(window)["seconds"] == "8"
    assert shown(window)["phase"] == "Paused"
    assert window.controls.start.text() == "Resume"
    window.toggle()
    assert window.session.state is State.RUNNING
    _advance(window, clock, 1)
    assert shown(window)["seconds"] == "7"


def test_the_timer_is_armed_for_the_next_second_boundary(window, clock, wake_timer) -> None:
    window.start_session()
    assert wake_timer.armed_ms == 1000
    clock.advance(0.2501)
    wake_timer.fire()
    assert wake_timer.armed_ms == 750  # rounded up, never early


def test_next_and_previous_move_a_step(window, clock, sink) -> None:
    window.start_session()
    window.controls.next.click()
    assert window.session.index == 1
    assert shown(window)["phase"] == "Work"
    assert sink.played[-1] is Cue.START
    window.controls.previous.click()
    assert window.session.index == 0
    assert shown(window)["phase"] == "Get ready"
    assert shown(window)["seconds"] == "10"


def test_the_exercise_list_jumps_on_enter_and_double_click(window, qtbot) -> None:
    window.start_session()
    listing = window.exercise_list
    listing.setCurrentRow(2)
    listing.setFocus()
    qtbot.keyClick(listing, Qt.Key.Key_Return)
    assert window.session.step.exercise_index == 2
    assert shown(window)["exercise"] == "Standing slumpy psoas"
    assert listing.current == 2
    assert listing.marks[:2] == [Mark.SKIPPED, Mark.SKIPPED]  # jumped over: not done
    assert listing.done == set()
    assert "skipped" in listing.item_text(0) and not listing.item_text(0).startswith(DONE_MARK)
    rect = listing.visualItemRect(listing.item(3))
    # QTest's double-click needs the press of a first click before it, as a real one has.
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.session.step.exercise_index == 2  # one click only selects
    qtbot.mouseDClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.session.step.exercise_index == 3


def test_the_list_shows_each_target(window) -> None:
    assert "1:00, no weight, each side" in window.exercise_list.item_text(0)
    assert "2 x 4 reps, 5 s hold, no dumbbell, each side" in window.exercise_list.item_text(2)


def test_the_guide_stays_beside_the_countdown_for_the_whole_session(window, clock) -> None:
    """It used to come and go with rests, resizing the countdown each time."""
    window.resize(1280, 800)
    window.start_session()
    assert window.guide.isVisible()
    assert "Safety:" in window.guide.body.text()
    digits = window.countdown.digits
    QApplication.processEvents()
    where = digits.geometry()
    _advance(window, clock, 10)
    QApplication.processEvents()
    assert window.guide.isVisible() and digits.geometry() == where  # effort
    window.controller.jump_to_exercise(2)
    steps = window.session.timeline.steps
    long_rest = next(i for i, s in enumerate(steps) if s.kind is StepKind.REST and s.seconds >= 15)
    window.session.go_to(long_rest)
    window.controller.wake()
    QApplication.processEvents()
    assert window.guide.isVisible() and digits.geometry() == where
    assert window.guide.title.text() == "Standing slumpy psoas"
    window.set_fullscreen(True)  # fullscreen: the countdown alone
    assert not window.guide.isVisible()
    window.set_fullscreen(False)
    window.guide.set_expanded(False)
    assert window.guide.text_area.isHidden()
    assert window.settings.guide_expanded is False


def test_finishing_the_routine_ends_the_session_completed(window, clock) -> None:
    window.start_session()
    ended = []
    window.controller.ended.add(lambda end: ended.append((end.session, end.completed)))
    _advance(window, clock, window.session.timeline.total_seconds)
    assert window.session.state is State.FINISHED
    assert ended == [(window.session, True)]
    assert shown(window)["phase"] == "Done"
    assert window.countdown.cue.text().startswith("Well done")
    assert window.exercise_list.done == set(range(5))
    window.toggle()  # Space after the end: back to the start page
    assert window.stack.currentIndex() == START_PAGE
    assert window.session is None


def test_finish_early_reports_not_completed(window) -> None:
    window.start_session()
    ended = []
    window.controller.ended.add(lambda end: ended.append(end.completed))
    window.controls.finish.click()
    assert ended == [False]
    assert shown(window)["phase"] == "Ended"
    assert window.countdown.cue.text().startswith("Ended early")


def test_skipping_through_to_the_end_is_not_completed(window, clock) -> None:
    """Three quarters skipped, only the last exercise followed: not 'Done / Well done', and
    the list tells the skipped exercises from the one done."""
    window.start_session()
    ended = []
    window.controller.ended.add(lambda end: ended.append(end.completed))
    window.controller.jump_to_exercise(4)
    left = window.session.timeline.total_seconds - window.session.routine_elapsed()
    _advance(window, clock, left)
    assert window.session.state is State.FINISHED
    assert window.session.share_done() < 0.5
    assert ended == [False]
    assert shown(window)["phase"] == "Ended"
    assert "% of the plan done" in window.countdown.cue.text()
    marks = window.exercise_list.marks
    assert marks[:4] == [Mark.SKIPPED] * 4 and marks[4] is Mark.DONE
    assert window.exercise_list.item_text(4).startswith(DONE_MARK)
    assert not window.exercise_list.item_text(0).startswith(DONE_MARK)


def test_the_finished_screen_shows_before_the_log_dialog(window) -> None:
    """Whoever hears the end (the log dialog) sees the end, not the last step."""
    window.start_session()
    seen = []

    def ended(end) -> None:
        c = window.controls
        seen.append((shown(window)["phase"], c.next.isEnabled(), c.previous.isEnabled(),
                     c.finish.isEnabled(), c.start.text()))

    window.controller.ended.add(ended)
    window.controls.finish.click()
    assert seen == [("Ended", False, False, False, "New session")]


def test_finish_asks_first_and_keep_going_keeps_the_session(window) -> None:
    window.start_session()
    asked = []
    window.confirm_finish = lambda: asked.append(True) or False
    window.controls.finish.click()
    window.window_actions.finish.trigger()
    assert asked == [True, True]
    assert window.session.state is State.RUNNING


def test_the_finish_question_defaults_to_keep_going(window) -> None:
    from PySide6.QtWidgets import QMessageBox

    from psoas_desktop.ui.dialogs import question_box

    box = question_box(window, "End the session?", "End it?", yes="End session",
                       no="Keep going")
    assert box.defaultButton().text() == "Keep going"
    assert box.escapeButton() is box.defaultButton()
    assert box.buttonRole(box.defaultButton()) is QMessageBox.ButtonRole.RejectRole
    box.deleteLater()


def test_spent_time_is_time_followed_and_the_plan_left_is_shown(window, clock) -> None:
    """Next moves the place in the plan, not the time spent."""
    window.start_session()
    total = window.session.timeline.total_seconds
    _advance(window, clock, 3)
    window.controls.next.click()  # skip the rest of the 10 s get-ready
    window.controls.next.click()  # and the first minute of work
    text = window.progress.times.text()
    left = total - window.session.routine_elapsed()
    assert text == f"0:03 spent · {duration_text(left)} of the plan left"
    window.controller.toggle()  # paused time is not spent either
    clock.advance(120)
    window.controller.wake()
    assert window.progress.times.text().startswith("0:03 spent")

def test_no_audio_device_leaves_the_session_running(window, clock, sink) -> None:
    window.start_session()
    sink.set_available(False, "No audio device: cues are off")
    assert "No audio device" in window.status_line.sound_message()
    assert window.status_line.sound_status.text() == "No audio device: cues are off"
    _advance(window, clock, 10)
    assert window.session.state is State.RUNNING
    assert shown(window)["phase"] == "Work"
    sink.set_available(True)
    assert window.status_line.sound_message() == ""


def test_a_sink_without_sound_from_the_start_is_reported(make_window) -> None:
    window = make_window(RecordingCueSink(available=False))
    assert window.status_line.sound_message() == NO_SOUND
    window.start_session()
    assert window.session.state is State.RUNNING


def test_chosen_targets_build_the_session_and_are_remembered(window, settings) -> None:
    row = window.start_panel.rows["standing-slumpy-psoas"]
    assert (row.sets.minimum(), row.sets.maximum()) == (2, 3)
    row.sets.setValue(9)  # beyond the range: the control holds it at the top
    assert row.sets.value() == 3
    row.hold.setValue(8)
    window.start_session()
    assert window.session.timeline.targets["standing-slumpy-psoas"] == Target(3, 4, 8, 0)
    assert settings.targets("psoas-strength")["standing-slumpy-psoas"] == Target(3, 4, 8, 0)
    assert settings.last_routine == "psoas-strength"


def test_load_is_part_of_the_target_chosen_on_the_start_page(window, settings) -> None:
    row = window.start_panel.rows["front-support-band-knee-drive"]
    row.load.set_value(3)
    assert "3 bands" in window.exercise_list.item_text(4)
    window.start_session()
    assert window.session.timeline.targets["front-support-band-knee-drive"].load == 3
    assert settings.targets("psoas-strength")["front-support-band-knee-drive"].load == 3
    assert settings.last_routine == "psoas-strength"


def test_remembered_targets_come_back_in_a_new_window(make_window, settings, sink) -> None:
    settings.last_routine = "psoas-stretch"
    settings.set_targets("psoas-stretch", {"glute-bridge": Target(3, 12)})
    window = make_window(sink)
    assert window.routine().id == "psoas-stretch"
    assert window.start_panel.rows["glute-bridge"].target() == Target(3, 12)


def test_pain_before_may_be_left_empty(window) -> None:
    assert window.controller.pain_before is None
    window.start_panel.pain.setValue(3)
    assert window.controller.pain_before == 3
    window.start_panel.pain.setValue(0)
    assert window.controller.pain_before == 0


def test_suggestions_show_and_accept_sets_the_controls(window) -> None:
    window.set_suggestions({"standing-glute-squeeze": (Target(2, 6, 8), "all reps done twice")})
    row = window.start_panel.rows["standing-glute-squeeze"]
    assert not row.suggestion.isHidden()
    assert "2 x 6 reps, 8 s hold" in row.suggestion.text()
    assert "all reps done twice" in row.suggestion.text()
    assert window.start_panel.rows["standing-slumpy-psoas"].accept.isHidden()
    row.accept.click()
    assert row.target() == Target(2, 6, 8)


def test_the_screensaver_is_held_while_running_only(window, screensaver) -> None:
    window.start_session()
    assert screensaver.active
    window.toggle()
    assert not screensaver.active
    window.toggle()
    assert screensaver.active
    window.controller.finish()
    assert not screensaver.active


def test_closing_mid_session_asks_first(window, qtbot) -> None:
    window.start_session()
    ended = []
    window.controller.ended.add(lambda end: ended.append(end.completed))
    window.confirm_discard = lambda: False
    assert not window.close()
    assert window.isVisible() and window.session.state is State.RUNNING
    window.confirm_discard = lambda: True
    assert window.close()
    assert ended == [False]


def test_window_geometry_is_remembered(window, settings, make_window, sink) -> None:
    window.resize(730, 520)
    window.close()
    again = make_window(sink)  # the same settings: the next start of the app
    assert (again.width(), again.height()) == (730, 520)


def test_fullscreen_still_says_when_sound_is_missing(window, sink) -> None:
    window.set_fullscreen(True)
    assert window.statusBar().isHidden()
    sink.set_available(False, "No audio device")
    assert not window.statusBar().isHidden()
    assert window.status_line.sound_status.text() == "No audio device"
    sink.set_available(True)
    assert window.statusBar().isHidden()


def test_a_sleeping_computer_pauses_the_session(window, clock, screensaver) -> None:
    window.start_session()
    _advance(window, clock, 3)
    clock.advance(600)  # the lid was shut: no wake-ups for ten minutes
    window.controller.wake()
    assert window.session.state is State.PAUSED
    assert shown(window)["seconds"] == "7"
    assert "computer slept" in window.countdown.cue.text()
    assert not screensaver.active


def test_the_real_finish_question_keeps_going_on_enter(window, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from psoas_desktop.ui.main_window import MainWindow

    window.confirm_finish = MainWindow.confirm_finish.__get__(window)  # the real question
    monkeypatch.setattr(QMessageBox, "exec", lambda box: box.defaultButton().click() or 0)
    window.start_session()
    window.controls.finish.click()
    assert window.session.state is State.RUNNING
    monkeypatch.setattr(QMessageBox, "exec", lambda box: next(
        b for b in box.buttons() if b is not box.defaultButton()).click() or 0)
    window.controls.finish.click()
    assert window.session.state is State.FINISHED


def test_accept_all_shows_the_suggestions_were_applied(window) -> None:
    window.set_suggestions({"standing-glute-squeeze": (Target(2, 6, 8), "all reps done twice"),
                            "standing-slumpy-psoas": (Target(2, 5, 5), "all reps done twice")})
    panel = window.start_panel
    assert not panel.accept_all.isHidden() and panel.applied.isHidden()
    panel.accept_all.click()
    glute = panel.rows["standing-glute-squeeze"]
    assert glute.target() == Target(2, 6, 8)
    assert panel.accept_all.isHidden() and not panel.applied.isHidden()
    for row in (glute, panel.rows["standing-slumpy-psoas"]):
        assert row.accept.isHidden()
        assert row.suggestion.text().startswith("Applied: ")
    assert "all reps done twice" not in glute.suggestion.text()


def test_the_start_page_labels_how_often_to_train(window) -> None:
    window.choose_routine("psoas-stretch")
    lines = window.start_panel.summary.text().splitlines()
    assert "Aim: daily, or 3-4 times a week" in lines


def test_a_step_down_reads_as_easier_and_a_step_up_as_suggested(window) -> None:
    row = window.start_panel.rows["standing-slumpy-psoas"]
    row.set_target(Target(3, 4, 10, 2))
    window.set_suggestions({"standing-slumpy-psoas": (Target(3, 6, 10, 0), "pain after was 6")})
    assert row.suggestion.text().startswith("Easier: 3 x 6 reps, 10 s hold, no dumbbell")
    window.set_suggestions({"standing-slumpy-psoas": (Target(3, 5, 10, 2), "done in full")})
    assert row.suggestion.text().startswith("Suggested: 3 x 5 reps, 10 s hold, 2 kg")
