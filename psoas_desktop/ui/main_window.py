"""The main window: pick a routine, then follow it by a glance and by ear from the mat.

A view bound to the session controller (core/session_control.py): it lays the widgets out,
passes the user's moves on, and paints the controller's `SessionView` whenever it changes.
Fullscreen and the status line are its own; everything about the session is the controller's.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from psoas_desktop import APP_TITLE
from psoas_desktop.audio.sink import CueSink, RecordingCueSink
from psoas_desktop.core.engine import Session
from psoas_desktop.core.routines import Routine, RoutineBook, Target
from psoas_desktop.core.session_control import SessionController
from psoas_desktop.core.wake_timer import MakeTimer
from psoas_desktop.platform.keep_awake import make_inhibitor
from psoas_desktop.platform.qt_timer import QtWakeTimer
from psoas_desktop.platform.screensaver import Inhibitor
from psoas_desktop.platform.settings import Settings
from psoas_desktop.ui import window_dialogs as dialogs
from psoas_desktop.ui.actions import build_actions
from psoas_desktop.ui.controls import Controls
from psoas_desktop.ui.exercise_list import ExerciseList
from psoas_desktop.ui.routine_progress import RoutineProgress
from psoas_desktop.ui.session_moves import SessionMoves
from psoas_desktop.ui.session_signals import SessionSignals
from psoas_desktop.ui.start_panel import StartPanel
from psoas_desktop.ui.status_line import StatusLine
from psoas_desktop.ui.today_banner import banner_of
from psoas_desktop.ui.voice_status import NoVoiceYet, VoiceHelp
from psoas_desktop.ui.widgets import resize_to_fit
from psoas_desktop.ui.window_binding import SESSION_PAGE, START_PAGE, WindowBinding

if TYPE_CHECKING:
    from psoas_desktop.core.programme import TodayPlan
    from psoas_desktop.ui.countdown import CountdownPanel
    from psoas_desktop.ui.guide_panel import GuidePanel
    from psoas_desktop.ui.session_page import SessionPage

__all__ = ["SESSION_PAGE", "START_PAGE", "MainWindow"]

MINIMUM_SIZE = QSize(720, 520)
FIRST_SIZE = QSize(1280, 800)  # made smaller where the screen is


class MainWindow(QMainWindow):
    historyRequested = Signal()
    remindersRequested = Signal()  # from today's banner

    def __init__(self, book: RoutineBook, settings: Settings, sink: CueSink | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 screensaver: Inhibitor | None = None, make_timer: MakeTimer | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.settings = settings
        self.voice_help: VoiceHelp = NoVoiceYet()  # a VoiceStatus once the voice is there
        self.screensaver = screensaver or make_inhibitor(APP_TITLE)
        self.sink: CueSink = sink or RecordingCueSink()  # the app attaches the real one later
        self.controller = SessionController(
            clock, make_timer or (lambda wake: QtWakeTimer(wake, self)), self.sink, settings,
            self.screensaver)
        self.session_signals = SessionSignals(self.controller, self)  # for widgets
        self.suggestions: dict[str, tuple[Target, str]] = {}
        self._fullscreen = False
        self._was_maximized = False  # before fullscreen, to go back to it

        self.window_actions = build_actions(self)
        self.start_panel = StartPanel(self)
        self.plan_banner = banner_of(self.start_panel)  # today's plan, from the history
        self.exercise_list = ExerciseList(self)
        self.progress = RoutineProgress(self)
        self.controls = Controls(self)
        self.status_line = StatusLine(self.statusBar())
        self._lay_out()
        self.binding = WindowBinding(self)
        self.moves = SessionMoves(self)

        self.controls.set_volume(settings.volume)
        self.binding.show_muted(settings.muted)
        self.set_cue_sink(self.sink)
        self.start_panel.set_routines(book.routines, settings.last_routine)
        self.binding.routine_chosen()
        self.setWindowTitle(APP_TITLE)
        geometry = settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            resize_to_fit(self, FIRST_SIZE)
        self.binding.paint()
        self.controls.start.setFocus()  # Space and Enter start; no spin box eats the keys

    def _lay_out(self) -> None:
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.start_panel)  # the session page joins it when first needed
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(6, 0, 6, 6)
        column.addWidget(self.stack, 1)
        column.addWidget(self.progress)
        column.addWidget(self.controls)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(self.exercise_list)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 1020])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        # A fixed floor, so the layout does not push a new minimum size to the window system
        # every time a label's text changes.
        self.setMinimumSize(MINIMUM_SIZE)

    def set_cue_sink(self, sink: CueSink) -> None:
        """Play cues through `sink` from now on (the app attaches the real one after first
        paint, so QtMultimedia stays off the start-up path)."""
        self.sink = self.controller.cues = sink
        sink.set_volume(self.settings.volume)
        sink.set_muted(self.settings.muted)
        sink.set_voice_enabled(self.settings.voice_enabled)
        self.status_line.tell_sound(sink.sound.current)
        sink.sound.changed.add(self.status_line.tell_sound)

    # --- the public face ----------------------------------------------------------------------

    @property
    def session_page(self) -> SessionPage:
        """Built when first needed: off the start-up path (window_binding.py)."""
        return self.binding.session_page()

    @property
    def countdown(self) -> CountdownPanel:
        return self.session_page.countdown

    @property
    def guide(self) -> GuidePanel:
        return self.session_page.guide

    @property
    def session(self) -> Session | None:
        return self.controller.session

    def routine(self) -> Routine | None:
        """The routine picked (before a session) or being followed."""
        return self.controller.view().routine

    def set_suggestions(self, suggestions: Mapping[str, tuple[Target, str]]) -> None:
        """Progression suggestions, by exercise id: a target and a short reason."""
        self.suggestions = dict(suggestions)
        self.start_panel.set_suggestions(self.suggestions)

    def show_today(self, plan: TodayPlan) -> None:
        self.plan_banner.show_plan(plan)

    def bring_forward(self) -> None:
        """Another start of the app knocked: show this window instead."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def choose_routine(self, routine_id: str) -> None:
        index = self.start_panel.picker.findData(routine_id)
        if index >= 0:
            self.start_panel.picker.setCurrentIndex(index)

    def offer_routines(self, show: str | None) -> None:
        """The book's routines were loaded again: offer them, with `show` chosen."""
        self.start_panel.set_routines(self.book.routines, show)
        chosen = self.start_panel.routine()
        if chosen is not None:
            self.binding.routine_chosen(chosen.id)  # its targets, suggestions and plan

    def start_session(self) -> None:
        self.binding.plan_edited()  # what the start page shows now is what starts
        self.controller.start()

    def toggle(self) -> None:
        """Space: start from the start page, pause or resume, or after the end start over."""
        if self.session is None:
            self.binding.plan_edited()
        self.controller.toggle()

    def set_fullscreen(self, on: bool = True) -> None:
        """Fullscreen shows the countdown, the routine's progress and little else."""
        if on == self._fullscreen:
            return
        self._fullscreen = on
        self.window_actions.fullscreen.setChecked(on)
        for widget in (self.menuBar(), self.exercise_list, self.controls):
            widget.setVisible(not on)
        self.status_line.set_fullscreen(on)
        if on:
            self._was_maximized = self.isMaximized()
            self.showFullScreen()
        elif self._was_maximized:
            self.showMaximized()
        else:
            self.showNormal()
        self.binding.paint()

    def is_fullscreen(self) -> bool:
        return self._fullscreen

    def set_muted(self, muted: bool) -> None:
        self.settings.muted = muted

    def open_settings(self) -> None:
        dialogs.open_settings(self)

    # --- closing ------------------------------------------------------------------------------

    def finish_session(self) -> None:
        """Finish sits beside Next: it ends the session only once the user says so."""
        if self.controller.view().under_way and self.confirm_finish():
            self.controller.finish()

    def confirm_finish(self) -> bool:  # tests answer for the user
        return dialogs.ask_finish(self)

    def confirm_discard(self) -> bool:
        """Ask before a running session is ended by closing the window."""
        return dialogs.ask_discard(self)

    def end_and_close(self) -> None:
        """The app quits on a signal: finish a session under way (what was done stands, the
        end is written) without the after-session questions nobody is there to answer."""
        self.controller.end_for_quit()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.controller.view().under_way:
            if not self.confirm_discard():
                event.ignore()
                return
            self.controller.finish()
        self.controller.close()
        if not self._fullscreen:
            self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        event.accept()
