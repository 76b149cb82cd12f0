"""The main window: pick a routine, then follow it by a glance and by ear from the mat.

The window shows what the engine knows and never works it out itself: time left, progress
and what comes next all come from the Session, read again on every repaint.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from psoas_desktop import APP_TITLE
from psoas_desktop.audio.sink import CueSink, RecordingCueSink
from psoas_desktop.core.completion import exercise_marks, is_complete
from psoas_desktop.core.engine import Event, Finished, Paused, Resumed, Session, State
from psoas_desktop.core.routines import Routine, RoutineBook, Target, length_note
from psoas_desktop.core.timeline import build_timeline
from psoas_desktop.platform.keep_awake import make_inhibitor
from psoas_desktop.platform.screensaver import Inhibitor
from psoas_desktop.platform.settings import Settings
from psoas_desktop.ui.actions import build_actions
from psoas_desktop.ui.controls import Controls
from psoas_desktop.ui.exercise_list import ExerciseList
from psoas_desktop.ui.routine_progress import RoutineProgress
from psoas_desktop.ui.session_driver import SessionDriver
from psoas_desktop.ui.session_moves import SessionMoves
from psoas_desktop.ui.session_page import SessionPage
from psoas_desktop.ui.start_panel import StartPanel
from psoas_desktop.ui.theme import apply_theme, is_dark
from psoas_desktop.ui.widgets import plain_label, resize_to_fit

START_PAGE, SESSION_PAGE = 0, 1
MINIMUM_SIZE = QSize(720, 520)
FIRST_SIZE = QSize(1280, 800)  # made smaller where the screen is
NO_SOUND = "Sound unavailable: follow the screen."


class MainWindow(QMainWindow):
    sessionCreated = Signal(object)  # the Session, before it starts
    sessionEnded = Signal(object, bool)  # the Session, and whether it completed (completion.py)
    historyRequested = Signal()
    _soundStatus = Signal(bool, str)  # the sink's listener may call from any thread

    def __init__(self, book: RoutineBook, settings: Settings, sink: CueSink | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 screensaver: Inhibitor | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.settings = settings
        # Why spoken cues cannot be given ("" when they can), and a way to try again: set by
        # the voice status once the voice is attached, shown in Settings.
        self.voice_problem: Callable[[], str] = lambda: ""
        self.retry_voice: Callable[[], None] = lambda: None
        self.screensaver = screensaver or make_inhibitor(APP_TITLE)
        self.sink: CueSink = sink or RecordingCueSink()  # the app attaches the real one later
        self.driver = SessionDriver(clock, self.sink, self)
        self._suggestions: dict[str, tuple[Target, str]] = {}
        self._fullscreen = False
        self._was_maximized = False  # before fullscreen, to go back to it
        self._slept = False  # the last pause came from a sleeping computer, not the user
        self._completed = False  # the last session reached its end (not finished early)
        self._sound_message = ""

        self.window_actions = build_actions(self)
        self.start_panel = StartPanel(self)
        self.exercise_list = ExerciseList(self)
        self.session_page = SessionPage(self)
        self.countdown = self.session_page.countdown
        self.guide = self.session_page.guide
        for figure in (self.session_page.figure, self.session_page.guide_figure):
            figure.bind(settings)
        self.progress = RoutineProgress(self)
        self.controls = Controls(self)
        self.sound_icon = QLabel(self)
        self.sound_icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(20, 20))
        self.sound_status = plain_label("", self, "Sound status")
        self.statusBar().addWidget(self.sound_icon)
        self.statusBar().addWidget(self.sound_status, 1)
        self._lay_out()
        self._connect()
        self.moves = SessionMoves(self)

        self.guide.set_expanded(settings.guide_expanded)
        self.controls.set_volume(settings.volume)
        self.controls.set_muted(settings.muted)
        self.window_actions.mute.setChecked(settings.muted)
        self.set_cue_sink(self.sink)
        self.start_panel.set_routines(book.routines, settings.last_routine)
        self._routine_chosen()
        self.setWindowTitle(APP_TITLE)
        geometry = settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            resize_to_fit(self, FIRST_SIZE)
        self._refresh()
        self.controls.start.setFocus()  # Space and Enter start; no spin box eats the keys

    # --- building -----------------------------------------------------------------------------

    def _lay_out(self) -> None:
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.start_panel)
        self.stack.addWidget(self.session_page)

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

    def _connect(self) -> None:
        a = self.window_actions
        a.toggle.triggered.connect(self.toggle)
        a.previous.triggered.connect(self.driver.previous)
        a.next.triggered.connect(self.driver.next)
        a.finish.triggered.connect(self.finish_session)
        a.history.triggered.connect(self.historyRequested)
        a.settings.triggered.connect(self.open_settings)
        a.quit.triggered.connect(self.close)
        a.fullscreen.triggered.connect(self.set_fullscreen)
        a.leave_fullscreen.triggered.connect(lambda: self.set_fullscreen(False))
        a.mute.toggled.connect(self.set_muted)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.show_about)
        c = self.controls
        c.start.clicked.connect(self.toggle)
        c.previous.clicked.connect(self.driver.previous)
        c.next.clicked.connect(self.driver.next)
        c.finish.clicked.connect(self.finish_session)
        c.muteToggled.connect(self.set_muted)
        c.volumeChanged.connect(self._volume_moved)
        self.start_panel.routineChosen.connect(self._routine_chosen)
        self.start_panel.targetsChanged.connect(self._show_planned_targets)
        self.start_panel.historyRequested.connect(self.historyRequested)
        self.start_panel.startRequested.connect(self.start_session)
        self.exercise_list.jumpRequested.connect(self.driver.jump_to_exercise)
        self.guide.expandedChanged.connect(self._guide_folded)
        self.driver.changed.connect(self._refresh)
        self.driver.event.connect(self._on_event)
        self.settings.changed.connect(self._setting_changed)
        self._soundStatus.connect(self._show_sound_status)

    def set_cue_sink(self, sink: CueSink) -> None:
        """Play cues through `sink` from now on (the app attaches the real one after first
        paint, so QtMultimedia stays off the start-up path)."""
        self.sink = sink
        self.driver.sink = sink
        sink.set_volume(self.settings.volume)
        sink.set_muted(self.settings.muted)
        sink.set_voice_enabled(self.settings.voice)
        sink.add_status_listener(self._soundStatus.emit)
        self._show_sound_status(sink.sound_available(), "")

    # --- the public face ----------------------------------------------------------------------

    @property
    def session(self) -> Session | None:
        return self.driver.session

    def routine(self) -> Routine | None:
        """The routine picked (before a session) or being followed."""
        return self.session.timeline.routine if self.session else self.start_panel.routine()

    def pain_before(self) -> int | None:
        """The pain (0-10) the user gave before starting, or None when left empty."""
        return self.start_panel.pain_before()

    def set_suggestions(self, suggestions: Mapping[str, tuple[Target, str]]) -> None:
        """Progression suggestions, by exercise id: a target and a short reason."""
        self._suggestions = dict(suggestions)
        self.start_panel.set_suggestions(self._suggestions)

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

    def start_session(self) -> None:
        routine = self.start_panel.routine()
        if routine is None or (self.session and self.session.state is not State.FINISHED):
            return
        targets = self.start_panel.targets()
        self.settings.set_targets(routine.id, targets)
        self.settings.last_routine = routine.id
        timeline = build_timeline(routine, targets, self.settings.rests,
                                  self.settings.tempo or None)
        session = Session(timeline, self.driver.clock, cue_lead=self.sink.latency)
        self.driver.set_session(session)
        self.exercise_list.set_routine(routine, timeline.targets)
        self.stack.setCurrentIndex(SESSION_PAGE)
        self.setWindowTitle(f"{routine.name} — {APP_TITLE}")
        self.sessionCreated.emit(session)  # a recorder subscribes before the first event
        self.driver.start()
        self.screensaver.inhibit(f"Following {routine.name}")

    def toggle(self) -> None:
        """Space: start from the start page, pause or resume, or after the end start over."""
        session = self.session
        if session is None:
            self.start_session()
        elif session.state is State.FINISHED:
            self.new_session()
        else:
            self.driver.toggle()

    def new_session(self) -> None:
        """Back to the start page, after a session has ended."""
        if self.session and self.session.state is not State.FINISHED:
            return
        self.driver.set_session(None)
        self.start_panel.clear_pain()  # it belongs to the session just ended
        self.stack.setCurrentIndex(START_PAGE)
        self.setWindowTitle(APP_TITLE)
        self._show_planned_targets()
        self._refresh()
        self.controls.start.setFocus()

    def set_fullscreen(self, on: bool = True) -> None:
        """Fullscreen shows the countdown, the routine's progress and little else."""
        if on == self._fullscreen:
            return
        self._fullscreen = on
        self.window_actions.fullscreen.setChecked(on)
        for widget in (self.menuBar(), self.exercise_list, self.controls):
            widget.setVisible(not on)
        self._show_status_bar()
        if on:
            self._was_maximized = self.isMaximized()
            self.showFullScreen()
        elif self._was_maximized:
            self.showMaximized()
        else:
            self.showNormal()
        self._refresh()

    def is_fullscreen(self) -> bool:
        return self._fullscreen

    def set_muted(self, muted: bool) -> None:
        self.settings.muted = muted

    def open_settings(self) -> None:
        from psoas_desktop.ui.settings_dialog import SettingsDialog

        SettingsDialog(self.settings, self, self.voice_problem(), self.retry_voice).exec()

    def show_about(self) -> None:
        from psoas_desktop.ui.about import about_box

        about_box(self).exec()

    def show_shortcuts(self) -> None:
        from psoas_desktop.ui.about import shortcuts_box

        shortcuts_box(self).exec()

    # --- reacting -----------------------------------------------------------------------------

    def _routine_chosen(self, routine_id: str = "") -> None:
        routine = self.start_panel.routine()
        if routine is None:
            return
        if routine_id:
            self.settings.last_routine = routine.id
        self.start_panel.set_targets(self.settings.targets(routine.id))
        self.start_panel.set_suggestions(self._suggestions)
        self._show_planned_targets()

    def _show_planned_targets(self) -> None:
        routine = self.start_panel.routine()
        if routine is not None and self.session is None:
            self.exercise_list.set_routine(routine, self.start_panel.targets())
            self._refresh()

    def _on_event(self, event: Event) -> None:
        session = self.session
        if isinstance(event, Paused):
            self._slept = event.by_clock_gap
            self.screensaver.release()
        elif isinstance(event, Resumed):
            self.screensaver.inhibit("Following a routine")
        elif isinstance(event, Finished) and session is not None:
            self._completed = is_complete(event.completed, session.share_done())
            self.screensaver.release()
            self._refresh()  # the finished screen shows before the log dialog opens over it
            self.sessionEnded.emit(session, self._completed)

    def _volume_moved(self, volume: float) -> None:
        self.settings.volume = volume

    def _guide_folded(self, expanded: bool) -> None:
        self.settings.guide_expanded = expanded

    def _setting_changed(self, key: str) -> None:
        s = self.settings
        if key == "sound/muted":
            self.sink.set_muted(s.muted)
            self.controls.set_muted(s.muted)
            self.window_actions.mute.setChecked(s.muted)
        elif key == "sound/volume":
            self.sink.set_volume(s.volume)
            self.controls.set_volume(s.volume)
        elif key == "sound/voice":
            self.sink.set_voice_enabled(s.voice)
        elif key == "look/theme":
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, s.theme)
            self.exercise_list.repaint_marks()
        elif key.startswith(("rests/", "session/tempo")):
            self._show_planned_targets()
        self._refresh()

    def _show_sound_status(self, available: bool, message: str) -> None:
        self._sound_message = "" if available else (message or NO_SOUND)
        self.sound_status.setText(self._sound_message)
        self.sound_status.setVisible(bool(self._sound_message))
        self.sound_icon.setVisible(bool(self._sound_message))
        self._show_status_bar()

    def _show_status_bar(self) -> None:
        # Fullscreen keeps the status line only while it has something to say.
        self.statusBar().setVisible(not self._fullscreen or bool(self._sound_message))

    def sound_message(self) -> str:
        return self._sound_message

    # --- painting -----------------------------------------------------------------------------

    def _refresh(self) -> None:
        session = self.session
        dark = is_dark(self.palette())
        routine = self.routine()
        exercises = len(routine.exercises) if routine else 0
        if session is None:
            total = build_timeline(routine, self.start_panel.targets(), self.settings.rests,
                                   self.settings.tempo or None).total_seconds if routine else 0
            self.progress.show_progress(0, total, 0, exercises)
            self.start_panel.show_length_note(length_note(routine, total) if routine else "")
            self.controls.show_running(False, routine is not None, "Start")
            self.controls.set_session_buttons(False)
            self.session_page.show_idle(dark)
            return
        self._show_session(session, dark)

    def _show_session(self, session: Session, dark: bool) -> None:
        self.session_page.show_session(
            session, dark=dark, smooth=self.settings.smooth_progress,
            fullscreen=self._fullscreen, slept=self._slept, completed=self._completed)
        step, routine = session.step, session.timeline.routine
        finished = session.state is State.FINISHED
        current = step.exercise_index if step.exercise_index is not None else -1
        self.exercise_list.set_marks(exercise_marks(
            session.timeline, session.done_seconds(), current, finished))
        self.progress.show_progress(session.routine_elapsed(), session.timeline.total_seconds,
                                    current + 1, len(routine.exercises),
                                    spent=session.active_seconds())
        running = session.state is State.RUNNING
        label = "New session" if finished else "Pause" if running else "Resume"
        self.controls.show_running(running, True, label)
        self.controls.set_session_buttons(not finished)

    # --- closing ------------------------------------------------------------------------------

    def finish_session(self) -> None:
        """Finish sits beside Next: it ends the session only once the user says so."""
        session = self.session
        if session is None or session.state not in (State.RUNNING, State.PAUSED):
            return
        if self.confirm_finish():
            self.driver.finish()

    def confirm_finish(self) -> bool:
        from psoas_desktop.ui.dialogs import ask

        return ask(self, "End the session?",
                   "End this session now? What you did so far is kept.",
                   yes="End session", no="Keep going")

    def confirm_discard(self) -> bool:
        """Ask before a running session is ended by closing the window."""
        answer = QMessageBox.question(
            self, "End the session?",
            "A session is under way. Close the window and end it here?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event: QCloseEvent) -> None:
        session = self.session
        if session is not None and session.state in (State.RUNNING, State.PAUSED):
            if not self.confirm_discard():
                event.ignore()
                return
            self.driver.finish()
        self.screensaver.release()
        if not self._fullscreen:
            self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        event.accept()

