"""Binds the main window's widgets to the session controller and the settings: the user's moves
go to the controller, its `SessionView` is painted back, and each setting others act on is
handled by its own typed signal."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from psoas_desktop import APP_TITLE
from psoas_desktop.core.engine import Session
from psoas_desktop.core.routines import Routine, Target, length_note
from psoas_desktop.ui import window_dialogs as dialogs
from psoas_desktop.ui.theme import apply_theme, is_dark

if TYPE_CHECKING:
    from psoas_desktop.ui.main_window import MainWindow
    from psoas_desktop.ui.session_page import SessionPage

START_PAGE, SESSION_PAGE = 0, 1


class WindowBinding(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._listed: tuple[Routine, Mapping[str, Target]] | None = None  # the plan listed
        self._page: SessionPage | None = None  # built when first needed
        w, a, c, s, panel, control = (window, window.window_actions, window.controls,
                                      window.settings, window.start_panel, window.controller)
        for action, slot in ((a.toggle, w.toggle), (a.previous, control.previous),
                             (a.next, control.next), (a.finish, w.finish_session),
                             (a.history, w.historyRequested), (a.settings, w.open_settings),
                             (a.quit, w.close), (a.fullscreen, w.set_fullscreen),
                             (a.leave_fullscreen, lambda: w.set_fullscreen(False)),
                             (a.shortcuts, lambda: dialogs.show_shortcuts(w)),
                             (a.about, lambda: dialogs.show_about(w))):
            action.triggered.connect(slot)
        a.mute.toggled.connect(w.set_muted)
        c.start.clicked.connect(w.toggle)
        c.previous.clicked.connect(control.previous)
        c.next.clicked.connect(control.next)
        c.finish.clicked.connect(w.finish_session)
        c.muteToggled.connect(w.set_muted)
        c.volumeChanged.connect(lambda volume: setattr(s, "volume", volume))
        panel.routineChosen.connect(self.routine_chosen)
        panel.targetsChanged.connect(self.plan_edited)
        panel.historyRequested.connect(w.historyRequested)
        panel.startRequested.connect(w.start_session)
        w.plan_banner.chosen.connect(w.choose_routine)
        w.plan_banner.remindersRequested.connect(w.remindersRequested)
        panel.pain.valueChanged.connect(lambda _: control.set_pain_before(panel.pain_before()))
        w.exercise_list.jumpRequested.connect(control.jump_to_exercise)
        w.session_signals.changed.connect(self.paint)
        w.session_signals.created.connect(self._session_created)
        w.session_signals.cleared.connect(self._plan_shown)
        s.mutedChanged.connect(self.show_muted)
        s.volumeChanged.connect(self._volume_changed)
        s.voiceEnabledChanged.connect(lambda on: w.sink.set_voice_enabled(on))
        s.themeChanged.connect(self._theme_changed)
        # Any other setting (the rests and tempo: the plan's length; the smooth bar) shows at
        # the next repaint, which reads it then.
        s.changed.connect(lambda _: self.paint())

    # --- the plan and the pages -----------------------------------------------------------

    def session_page(self) -> SessionPage:
        """The countdown and the guide: built when a session first needs them, or in an idle
        turn after the first paint (app.py), so the start page paints without them."""
        if self._page is None:
            from psoas_desktop.ui.session_page import SessionPage

            w, s = self._window, self._window.settings
            page = SessionPage(w)
            for figure in (page.figure, page.guide_figure):
                figure.bind(s)
            page.guide.set_expanded(s.guide_expanded)
            page.guide.expandedChanged.connect(lambda on: setattr(s, "guide_expanded", on))
            page.show_idle(is_dark(w.palette()))
            w.stack.addWidget(page)
            assert w.stack.indexOf(page) == SESSION_PAGE
            self._page = page
        return self._page

    def routine_chosen(self, routine_id: str = "") -> None:
        w = self._window
        routine = w.start_panel.routine()
        if routine is None:
            return
        if routine_id:
            w.settings.last_routine = routine.id
        w.start_panel.set_targets(w.settings.targets(routine.id))
        w.start_panel.set_suggestions(w.suggestions)
        self.plan_edited()

    def plan_edited(self) -> None:
        """What the start page shows is what the next session follows."""
        w = self._window
        if w.session is None:
            w.controller.choose(w.start_panel.routine(), w.start_panel.targets())

    def _session_created(self, session: Session) -> None:
        w, routine = self._window, session.timeline.routine
        w.exercise_list.set_routine(routine, session.timeline.targets)
        self._listed = None  # back on the start page, the plan is listed again
        self.session_page()
        w.stack.setCurrentIndex(SESSION_PAGE)
        w.setWindowTitle(f"{routine.name} — {APP_TITLE}")

    def _plan_shown(self) -> None:
        w = self._window
        w.start_panel.clear_pain()  # it belongs to the session just ended
        w.stack.setCurrentIndex(START_PAGE)
        w.setWindowTitle(APP_TITLE)
        w.controls.start.setFocus()

    # --- settings ---------------------------------------------------------------------------

    def show_muted(self, muted: bool) -> None:
        w = self._window
        w.sink.set_muted(muted)
        w.controls.set_muted(muted)
        w.window_actions.mute.setChecked(muted)

    def _volume_changed(self, volume: float) -> None:
        self._window.sink.set_volume(volume)
        self._window.controls.set_volume(volume)

    def _theme_changed(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self._window.settings.theme)
        self._window.exercise_list.repaint_marks()

    # --- painting ---------------------------------------------------------------------------

    def paint(self) -> None:
        w = self._window
        view = w.controller.view()
        dark = is_dark(w.palette())
        if view.idle:
            if view.routine is not None and self._listed != (view.routine, view.targets):
                self._listed = (view.routine, view.targets)
                w.exercise_list.set_routine(view.routine, view.targets)
            w.start_panel.show_length_note(
                length_note(view.routine, view.planned_seconds) if view.routine else "")
            if self._page is not None:
                self._page.show_idle(dark)
        else:
            assert w.session is not None
            self.session_page().show_session(
                w.session, dark=dark, smooth=w.settings.smooth_progress,
                fullscreen=w.is_fullscreen(), slept=view.slept, completed=view.completed)
            w.exercise_list.set_marks(list(view.marks))
        w.progress.show_progress(view.elapsed, view.planned_seconds, view.exercise + 1,
                                 view.exercise_count, spent=None if view.idle else view.spent)
        label = ("Start" if view.idle else "New session" if view.finished
                 else "Pause" if view.running else "Resume")
        w.controls.show_running(view.running, view.routine is not None, label)
        w.controls.set_session_buttons(view.under_way)
