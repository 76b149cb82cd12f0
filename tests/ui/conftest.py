"""Fixtures for the main window's tests: the built-in routines, in-memory settings, a
recording cue sink, and a window on the fake clock, woken by a timer the test fires, that
never asks before closing or finishing."""

from __future__ import annotations

import pytest
from fakes.timer import ManualTimer, ManualTimers

from psoas_desktop.audio.sink import RecordingCueSink
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.core.routines import RoutineBook
from psoas_desktop.platform.screensaver import NoInhibitor
from psoas_desktop.platform.settings import Settings
from psoas_desktop.resources import builtin_routines
from psoas_desktop.ui.main_window import MainWindow


@pytest.fixture(scope="session")
def book() -> RoutineBook:
    return load_book(builtin_routines(), [])


@pytest.fixture
def settings(book: RoutineBook) -> Settings:
    return Settings.in_memory(book.rests)


@pytest.fixture
def sink() -> RecordingCueSink:
    return RecordingCueSink()


@pytest.fixture
def screensaver() -> NoInhibitor:
    return NoInhibitor()


@pytest.fixture
def timers() -> ManualTimers:
    return ManualTimers()


@pytest.fixture
def make_window(qtbot, book, settings, clock, screensaver, timers):
    """A window on the fake clock; closing it at teardown never stops to ask."""

    def make(sink: RecordingCueSink) -> MainWindow:
        window = MainWindow(book, settings, sink=sink, clock=clock, screensaver=screensaver,
                            make_timer=timers)
        qtbot.addWidget(window)
        window.confirm_discard = lambda: True
        window.confirm_finish = lambda: True
        return window

    return make


@pytest.fixture
def window(qtbot, make_window, sink) -> MainWindow:
    window = make_window(sink)
    window.choose_routine("psoas-strength")
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def wake_timer(window, timers) -> ManualTimer:
    """The timer that wakes the window's sessions."""
    return timers.last

