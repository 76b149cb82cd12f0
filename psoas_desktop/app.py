"""Builds the QApplication and wires settings, sound and the main window together."""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

from psoas_desktop.core.routines import RoutineBook
from psoas_desktop.storage.paths import AppPaths

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QGuiApplication

    from psoas_desktop.audio.sink import CueSink
    from psoas_desktop.audio.voice import Voice
    from psoas_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)
SETTINGS_FILE = "settings.ini"
# While another program holds the history's write lock, a write waits this long (in the event
# loop, so the countdown stalls meanwhile) and is then kept in memory; further writes only queue
# until the retry time has passed. The link's timer flushes the queue as well.
HISTORY_BUSY_TIMEOUT = 0.25
HISTORY_RETRY_SECONDS = 10.0


def _make_sink(parent: QObject) -> tuple[CueSink, Voice | None]:
    """The real cue player and its voice, or a silent stand-in that says sound is unavailable
    (and no voice to watch)."""
    from psoas_desktop.audio.sink import RecordingCueSink

    try:
        from psoas_desktop.audio.player import make_cue_sink
        from psoas_desktop.audio.voice import Voice
    except ImportError as exc:  # QtMultimedia needs libpulse0 even to import
        log.warning("no sound: %s", exc)
        return RecordingCueSink(available=False), None
    sink = make_cue_sink(parent)
    return sink, sink.speech if isinstance(sink.speech, Voice) else None


def _attach_sound(window: MainWindow) -> None:
    sink, voice = _make_sink(window)
    window.set_cue_sink(sink)
    if voice is not None:
        from psoas_desktop.ui.voice_status import watch_voice

        window.voice_help = watch_voice(voice, window.status_line, window.settings,
                                        window.session_signals)


def identify(app: QGuiApplication) -> None:
    """Names, the app id and the icon, as the desktop sees them."""
    from PySide6.QtGui import QIcon

    from psoas_desktop import APP_ID, APP_NAME
    from psoas_desktop.resources import asset

    app.setApplicationName(APP_NAME)  # also names the settings and single-instance files
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_ID)  # the Wayland app id: the compositor finds entry and icon
    app.setWindowIcon(QIcon(str(asset(f"{APP_ID}.png"))))


def run_app(book: RoutineBook, paths: AppPaths) -> int:
    from PySide6.QtWidgets import QApplication

    from psoas_desktop import APP_TITLE, first_paint, logs
    from psoas_desktop.platform.quit_signals import end_on_signals
    from psoas_desktop.platform.settings import Settings
    from psoas_desktop.single_instance import claim
    from psoas_desktop.ui import crash_dialog
    from psoas_desktop.ui.main_window import MainWindow
    from psoas_desktop.ui.theme import SystemScheme, apply_theme

    # Settings, folders and logs say when someone trains: owner-only whatever the umask
    # (Qt writes settings.ini with the process's umask; mkdir's parents too).
    os.umask(os.umask(0o077) | 0o077)
    log_file = logs.setup(paths.data_dir)  # after the umask: it makes the data folder
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    identify(app)
    app.setStyle("Fusion")  # one look everywhere; the theme palettes are made for it

    instance = claim(paths.data_dir, app, listen=False)  # listens once the window is up
    if instance is None:  # already running: that window was asked to come forward
        return 0
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    settings = Settings.in_file(paths.config_dir / SETTINGS_FILE, book.rests)
    apply_theme(app, settings.theme)
    SystemScheme(app, lambda: settings.theme)  # "system" follows a live light/dark switch
    window = MainWindow(book, settings)
    window.setWindowTitle(APP_TITLE)
    _add_routine_editing(window, book, paths)
    instance.raiseRequested.connect(window.bring_forward)
    if book.problems:  # the banner's module only when there is something to say
        from psoas_desktop.ui.routine_problem import show_routine_problems

        show_routine_problems(window, book.problems, paths.config_dir)
    first_paint.watch(window)
    first_paint.after_first_paint(window, instance.listen)  # QtNetwork: after the paint
    # The countdown page, which the start page does not show, in the next idle turn.
    first_paint.after_first_paint(window, window.binding.session_page)
    # Sound (QtMultimedia, speech) and the history (SQLite) load once the window has painted.
    first_paint.after_first_paint(window, lambda: _attach_sound(window))
    first_paint.after_first_paint(window, lambda: _link_history(window, book, paths))
    first_paint.after_first_paint(window, lambda: _publish_media_controls(window))
    # Last: pyqtgraph and numpy, a piece per idle turn, so that Ctrl+H never waits for them.
    first_paint.after_first_paint(window, lambda: _load_plots_when_idle(window))
    received: list[int] = []
    restore = end_on_signals(window.end_and_close, received, window)
    crashes = crash_dialog.install(window, log_file, lambda: _flush_history(window))
    window.show()
    try:
        code = app.exec()
    finally:
        crashes.restore()
        restore()
    return 128 + received[0] if received else code


def _load_plots_when_idle(window: MainWindow) -> None:
    from PySide6.QtCore import QTimer

    from psoas_desktop.core.engine import State
    from psoas_desktop.idle_import import PLOT_MODULES, IdleImports

    def idle() -> bool:
        session = window.controller.session
        return session is None or session.state is not State.RUNNING

    # Each queued step holds the chain, so it lives until the last module is in.
    IdleImports(PLOT_MODULES, idle, lambda ms, step: QTimer.singleShot(ms, step)).start()


def _publish_media_controls(window: MainWindow) -> None:
    """MPRIS: media keys, a headset's button and the desktop's media controls."""
    from PySide6.QtWidgets import QApplication

    from psoas_desktop.desktop.mpris import MprisService
    from psoas_desktop.desktop.session_controls import SessionControls

    service = MprisService(SessionControls(window.controller), window.bring_forward,
                           parent=window)
    if service.publish():
        window.controller.changed.add(lambda _: service.refresh())
        app = QApplication.instance()
        assert app is not None
        app.aboutToQuit.connect(service.close)


def _add_routine_editing(window: MainWindow, book: RoutineBook, paths: AppPaths) -> None:
    from pathlib import Path

    from psoas_desktop.resources import builtin_routines
    from psoas_desktop.ui.routine_editing import RoutineEditing

    # A --routines file for this run stays loaded when the routines are loaded again.
    extra = {Path(r.source_file) for r in book.routines} - {builtin_routines(),
                                                            paths.user_routines}
    RoutineEditing(window, paths, sorted(extra))


def _link_history(window: MainWindow, book: RoutineBook, paths: AppPaths) -> None:
    from PySide6.QtWidgets import QApplication

    from psoas_desktop.storage.history import History
    from psoas_desktop.ui.history_link import HistoryLink

    history = History(paths.history_db, busy_timeout=HISTORY_BUSY_TIMEOUT,
                      retry_interval=HISTORY_RETRY_SECONDS,
                      keep_folders=[paths.cache_dir] if paths.cache_dir else [])
    link = HistoryLink(window, history, book)
    link.tell_notice()
    app = QApplication.instance()
    assert app is not None  # the window exists, so the application does
    app.aboutToQuit.connect(link.close)


def _flush_history(window: MainWindow) -> None:
    """Write what the history holds in memory (after a lock or a full disk), if it can."""
    from psoas_desktop.ui.history_link import HistoryLink

    link = window.findChild(HistoryLink)
    if link is not None:
        link.history.flush()
