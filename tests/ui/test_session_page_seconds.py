"""Within a step only the digits and bars are set each second; whatever else changes how the
step is shown (a pause, the theme, the window's width, fullscreen) still shows at once."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from psoas_desktop.core.engine import State
from psoas_desktop.core.timeline import StepKind
from psoas_desktop.platform.settings import Theme
from psoas_desktop.ui.session_page import GUIDE_MIN_PAGE_WIDTH
from psoas_desktop.ui.theme import apply_theme, kind_colour

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _second(window, clock) -> None:
    clock.advance(1.0)
    window.controller.wake()


def test_each_second_shows_the_new_digits_and_the_same_step(window, clock) -> None:
    window.start_session()
    page = window.session_page
    seen = []
    page.countdown.show_step = lambda **texts: seen.append(texts)  # the words, set in full
    for expected in ("9", "8", "7"):
        _second(window, clock)
        assert window.countdown.digits.text() == expected
    assert seen == []  # within the step: no word set again
    assert window.countdown.phase.text() == "Get ready"
    assert window.countdown.bar.fraction == pytest.approx(0.3)


def test_a_pause_and_a_new_step_are_shown_in_full(window, clock) -> None:
    window.start_session()
    _second(window, clock)
    window.controller.toggle()
    assert window.session.state is State.PAUSED
    assert window.countdown.phase.text() == "Paused" and window.countdown.kind == "idle"
    window.controller.toggle()
    assert window.countdown.phase.text() == "Get ready"
    assert window.countdown.kind == StepKind.PREPARE
    window.controller.next()
    assert window.countdown.kind == StepKind.WORK and window.countdown.digits.text() == "1:00"


def test_a_narrower_window_or_fullscreen_mid_step_hides_the_guide(window, clock, qtbot) -> None:
    window.resize(1280, 800)
    window.start_session()
    qtbot.waitUntil(lambda: window.session_page.width() >= GUIDE_MIN_PAGE_WIDTH)
    _second(window, clock)
    assert window.guide.isVisible()
    window.set_fullscreen(True)
    assert not window.guide.isVisible()
    window.set_fullscreen(False)
    assert window.guide.isVisible()
    window.resize(720, 600)  # the page under GUIDE_MIN_PAGE_WIDTH
    qtbot.waitUntil(lambda: window.session_page.width() < GUIDE_MIN_PAGE_WIDTH)
    _second(window, clock)
    assert not window.guide.isVisible()


@pytest.fixture
def dark_then_light(qapp):
    def dark() -> None:
        apply_theme(qapp, Theme.DARK)
        QApplication.processEvents()  # widgets hear of a new application palette by event

    yield dark
    apply_theme(qapp, Theme.LIGHT)
    QApplication.processEvents()


def test_a_new_theme_mid_step_recolours_the_panel(window, clock, dark_then_light) -> None:
    window.start_session()
    _second(window, clock)
    assert window.countdown.background() == kind_colour(StepKind.PREPARE, False)
    dark_then_light()
    _second(window, clock)
    assert window.countdown.background() == kind_colour(StepKind.PREPARE, True)
