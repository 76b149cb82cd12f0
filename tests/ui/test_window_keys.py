"""Every keyboard shortcut does its job from the window, as someone on the mat would press it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from psoas_desktop.core.engine import State

Key = Qt.Key


@pytest.fixture
def active(window, qtbot):
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window, key, modifier)


def test_space_starts_pauses_and_resumes(active, qtbot) -> None:
    press(qtbot, active, Key.Key_Space)
    assert active.session is not None and active.session.state is State.RUNNING
    press(qtbot, active, Key.Key_Space)
    assert active.session.state is State.PAUSED
    press(qtbot, active, Key.Key_Space)
    assert active.session.state is State.RUNNING


def test_space_works_with_a_button_focused(active, qtbot) -> None:
    active.start_session()
    active.controls.next.setFocus()
    press(qtbot, active.controls.next, Key.Key_Space)
    assert active.session.state is State.PAUSED
    assert active.session.index == 0  # the focused Next button was not pressed


@pytest.mark.parametrize("key", [Key.Key_Right, Key.Key_N])
def test_right_and_n_go_to_the_next_step(active, qtbot, key) -> None:
    active.start_session()
    press(qtbot, active, key)
    assert active.session.index == 1


@pytest.mark.parametrize("key", [Key.Key_Left, Key.Key_P])
def test_left_and_p_go_back_a_step(active, qtbot, key) -> None:
    active.start_session()
    active.controller.next()
    active.controller.next()
    press(qtbot, active, key)
    assert active.session.index == 1


@pytest.mark.parametrize("key", [Key.Key_F, Key.Key_F11])
def test_f_and_f11_toggle_fullscreen_and_esc_leaves(active, qtbot, key) -> None:
    active.start_session()
    press(qtbot, active, key)
    assert active.is_fullscreen()
    assert active.exercise_list.isHidden() and active.controls.isHidden()
    assert active.menuBar().isHidden()
    assert active.countdown.isVisible() and active.progress.isVisible()
    press(qtbot, active, Key.Key_Escape)
    assert not active.is_fullscreen()
    assert active.exercise_list.isVisible() and active.controls.isVisible()
    press(qtbot, active, key)
    press(qtbot, active, key)
    assert not active.is_fullscreen()


def test_m_mutes_and_unmutes(active, qtbot, sink, settings) -> None:
    press(qtbot, active, Key.Key_M)
    assert sink.muted and settings.muted
    assert active.controls.mute.isChecked()
    press(qtbot, active, Key.Key_M)
    assert not sink.muted and not settings.muted


def test_ctrl_h_asks_for_the_history(active, qtbot) -> None:
    with qtbot.waitSignal(active.historyRequested, timeout=1000):
        press(qtbot, active, Key.Key_H, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_q_quits_after_asking_mid_session(active, qtbot) -> None:
    active.start_session()
    asked = []
    active.confirm_discard = lambda: asked.append(True) or True
    press(qtbot, active, Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert asked == [True]
    assert not active.isVisible()


def test_controls_have_accessible_names(window) -> None:
    c = window.controls
    for widget in (c.previous, c.start, c.next, c.finish, c.mute, c.volume,
                   window.exercise_list, window.start_panel.picker, window.start_panel.pain):
        assert widget.accessibleName()


@pytest.mark.parametrize("key", [Key.Key_Space, Key.Key_Return, Key.Key_Enter])
@pytest.mark.parametrize("box", ["sets", "hold", "pain", "picker"])
def test_space_and_enter_start_from_any_box_of_the_start_page(active, qtbot, key, box) -> None:
    panel = active.start_panel
    row = panel.rows["standing-slumpy-psoas"]
    widget = {"sets": row.sets, "hold": row.hold, "pain": panel.pain,
              "picker": panel.picker}[box]
    before = widget.currentText() if box == "picker" else widget.value()
    widget.setFocus()
    qtbot.keyClick(widget, key)
    assert active.session is not None and active.session.state is State.RUNNING
    after = widget.currentText() if box == "picker" else widget.value()
    assert after == before  # the box was not blanked or changed


def test_the_target_boxes_still_take_digits_and_arrows(active, qtbot) -> None:
    row = active.start_panel.rows["standing-slumpy-psoas"]
    row.hold.setFocus()
    row.hold.selectAll()
    qtbot.keyClicks(row.hold, "7")
    assert row.hold.value() == 7
    qtbot.keyClick(row.hold, Key.Key_Up)
    assert row.hold.value() == 8
    assert active.session is None


def test_a_presenter_clicker_steps_and_pauses(active, qtbot) -> None:
    """Clickers send Page Down / Page Up, and B or period for their blank-screen key."""
    press(qtbot, active, Key.Key_B)
    assert active.session is not None and active.session.state is State.RUNNING
    press(qtbot, active, Key.Key_PageDown)
    press(qtbot, active, Key.Key_PageDown)
    assert active.session.index == 2
    press(qtbot, active, Key.Key_PageUp)
    assert active.session.index == 1
    press(qtbot, active, Key.Key_Period)
    assert active.session.state is State.PAUSED
    press(qtbot, active, Key.Key_B)
    assert active.session.state is State.RUNNING


def test_ten_seconds_more_skip_and_repeat_from_the_keys(active, qtbot, clock) -> None:
    press(qtbot, active, Key.Key_Space)
    session = active.session
    press(qtbot, active, Key.Key_Plus)
    assert session.remaining() == 20  # the 10 s get-ready, ten seconds more
    press(qtbot, active, Key.Key_E)  # past the ball release
    assert session.step.exercise_index == 1
    index = session.index
    press(qtbot, active, Key.Key_S)  # the rest of this side (a block without sides)
    assert session.index > index
    press(qtbot, active, Key.Key_R)  # the set just done, again
    assert session.step.is_effort and session.step.exercise_index == 1


def test_wait_for_me_holds_the_next_get_ready_and_space_goes_on(active, qtbot, clock,
                                                                settings) -> None:
    press(qtbot, active, Key.Key_W)
    assert settings.wait_for_me
    press(qtbot, active, Key.Key_Space)
    session = active.session
    second = next(i for i, s in enumerate(session.timeline.steps)
                  if i > 0 and s.kind.value == "prepare")
    session.go_to(second - 1)
    for _ in range(200):  # to the end of that step, in half seconds
        clock.now += 0.5
        active.controller.wake()
        if session.index == second:
            break
    assert session.index == second and session.state is State.PAUSED
    press(qtbot, active, Key.Key_Space)
    assert session.state is State.RUNNING and session.index == second
