"""The countdown's words, size and colours."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from psoas_desktop.core.timeline import StepKind, build_timeline
from psoas_desktop.ui.countdown import CountdownPanel
from psoas_desktop.ui.digits import Digits
from psoas_desktop.ui.step_text import (
    clock_text,
    count_text,
    next_text,
    phase_cue,
    phase_text,
    side_text,
)
from psoas_desktop.ui.theme import PANEL_TEXT, kind_colour


def test_clock_text_is_whole_seconds_then_minutes() -> None:
    assert [clock_text(s) for s in (0, 9, 59, 60, 65, 600)] == [
        "0", "9", "59", "1:00", "1:05", "10:00"]


def _steps(book, routine_id):
    routine = book.get(routine_id)
    return routine, build_timeline(routine, rests=book.rests).steps


def test_ere_holds_show_their_phase_names_and_cues(book) -> None:
    routine, steps = _steps(book, "psoas-strength")
    ere = [s for s in steps if s.exercise_id == "side-lying-hip-ere" and s.kind is StepKind.HOLD]
    assert [phase_text(s, routine) for s in ere[:3]] == [
        "Drive back", "Press into knee", "Drive back again"]
    assert phase_cue(ere[1], routine).startswith("Top foot resting on the bottom knee")
    assert count_text(ere[0], routine) == "Cycle 1 of 2"
    assert side_text(ere[0]) == "LEFT"


def test_paced_reps_count_in_the_phase(book) -> None:
    routine, steps = _steps(book, "psoas-stretch")
    bridge = [s for s in steps if s.exercise_id == "glute-bridge" and s.kind is StepKind.WORK]
    assert phase_text(bridge[2], routine) == "Rep 3 of 10"
    assert count_text(bridge[2], routine) == "Set 1 of 2"
    assert side_text(bridge[2]) == ""


def test_next_names_the_next_exercise_side_or_rest(book) -> None:
    routine, steps = _steps(book, "psoas-strength")
    assert next_text(steps[1], steps[2], routine) == "Next: Switch to the RIGHT side"
    assert next_text(steps[3], steps[4], routine) == "Next: Standing glute squeeze"
    assert next_text(steps[5], steps[6], routine) == "Next: Rest 5 s"  # as "Next: Hold 5 s"
    assert next_text(steps[6], steps[7], routine) == "Next: Hold 5 s · Rep 2 of 4"
    assert next_text(steps[0], steps[1], routine) == "Next: Work 1:00"  # one set: not said
    assert next_text(steps[-1], None, routine) == "Next: the end of the routine"


def test_digits_scale_with_the_widget(qtbot) -> None:
    digits = Digits()
    qtbot.addWidget(digits)
    digits.setText("45")
    digits.resize(900, 300)
    small = digits.font_pixel_size()
    digits.resize(1800, 600)
    assert digits.font_pixel_size() == pytest.approx(2 * small, rel=0.02)
    digits.resize(300, 600)  # narrow: the width decides, so "1:00" still fits
    digits.setText("1:00")
    assert digits.font_pixel_size() < 300


def test_the_countdown_is_a_third_of_the_window(window, clock) -> None:
    window.resize(1280, 800)
    window.start_session()

    def ink() -> float:
        return window.countdown.digits.font_pixel_size() * 0.73  # digit height, sans fonts

    QApplication.processEvents()
    get_ready = ink()
    # The guide shares the width for the whole session now (nothing resizes between steps).
    assert 0.2 * window.height() < get_ready < 0.5 * window.height()
    window.controller.next()  # effort: the guide stays, and the digits keep their size
    QApplication.processEvents()
    assert ink() == get_ready


def _luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def _contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("dark", [False, True])
def test_each_step_kind_has_its_own_readable_colour(dark) -> None:
    kinds = (StepKind.PREPARE, StepKind.WORK, StepKind.REST, StepKind.SWITCH)
    colours = [kind_colour(kind, dark).name() for kind in kinds]
    assert len(set(colours)) == 4
    assert kind_colour(StepKind.HOLD, dark) == kind_colour(StepKind.WORK, dark)
    for kind in (*kinds, "idle"):
        assert _contrast(kind_colour(kind, dark), PANEL_TEXT) >= 4.5


def test_the_panel_takes_the_step_colour(qtbot) -> None:
    panel = CountdownPanel()
    qtbot.addWidget(panel)
    panel.show_step(exercise="E", phase="Rest", cue="", side="", counts="", seconds="30",
                    next_up="Next: Hold", kind=StepKind.REST)
    assert panel.background() == kind_colour(StepKind.REST, False)
    assert panel.side.isHidden() and panel.cue.text() == ""  # the cue keeps its line
    panel.set_kind(StepKind.REST, dark=True)
    assert panel.background() == kind_colour(StepKind.REST, True)


def test_routine_text_is_shown_as_plain_text(qtbot) -> None:
    from PySide6.QtCore import Qt

    panel = CountdownPanel()
    qtbot.addWidget(panel)
    for label in (panel.exercise, panel.phase, panel.cue, panel.next):
        assert label.textFormat() is Qt.TextFormat.PlainText


def test_the_step_bar_animates_only_while_asked(qtbot) -> None:
    panel = CountdownPanel()
    qtbot.addWidget(panel)
    assert not panel.animating()
    panel.animate_progress(lambda: 0.5)
    assert panel.animating()
    panel.animate_progress(None)
    assert not panel.animating()


def test_a_paused_session_stops_the_animation(window) -> None:
    window.start_session()
    assert window.countdown.animating()
    window.toggle()
    assert not window.countdown.animating()
    window.settings.smooth_progress = False
    window.toggle()
    assert not window.countdown.animating()  # the idle path: one repaint a second


def test_a_long_text_shrinks_then_is_cut_but_never_wraps(qtbot) -> None:
    from psoas_desktop.ui.fit_label import SHRINK_FLOOR, FitLabel

    label = FitLabel("Get ready")
    qtbot.addWidget(label)
    label.set_pixel_size(40, bold=True)
    label.show()  # a hidden widget hears of a resize only when shown
    height = label.height()
    label.resize(int(label.needed_width()) + 10, height)
    assert label.drawn_pixel_size() == 40 and not label.is_cut()
    label.resize(int(label.needed_width() * 0.85), height)
    assert 40 * SHRINK_FLOOR <= label.drawn_pixel_size() < 40 and not label.is_cut()
    label.resize(int(label.needed_width() * 0.3), height)
    assert label.is_cut() and label.shown_text().endswith("…")
    assert label.text() == "Get ready" and label.toolTip() == "Get ready"
    assert label.height() == height  # one line, whatever the text
