"""Builds the QApplication and wires settings, sound and the main window together."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from psoas_desktop.core.routines import RoutineBook
from psoas_desktop.storage.paths import AppPaths

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QLabel

    from psoas_desktop.audio.sink import CueSink
    from psoas_desktop.audio.voice import Voice
    from psoas_desktop.ui.main_window import MainWindow

SETTINGS_FILE = "settings.ini"
NO_VOICE = "No spoken cues ({problem}): the beeps carry on."
VOICE_TURNED_OFF = "voice turned off"  # PSOAS_SPEECH_ENGINE=none: on purpose, nothing to say
# While another program holds the history's write lock, a write waits this long (in the event
# loop, so the countdown stalls meanwhile) and is then kept in memory; further writes only queue
# until the retry time has passed. The link's timer flushes the queue as well.
HISTORY_BUSY_TIMEOUT = 0.25
HISTORY_RETRY_SECONDS = 10.0


def _make_sink(parent: QObject) -> CueSink:
    """The real cue player, or a silent stand-in that says sound is unavailable."""
    from psoas_desktop.audio.sink import RecordingCueSink

    try:
        from psoas_desktop.audio.player import make_cue_sink
    except ImportError as exc:  # QtMultimedia needs libpulse0 even to import
        print(f"psoas-desktop: no sound: {exc}", file=sys.stderr)
        return RecordingCueSink(available=False)
    return make_cue_sink(parent)


def _attach_sound(window: MainWindow) -> None:
    sink = _make_sink(window)
    window.set_cue_sink(sink)
    voice = getattr(sink, "voice", None)
    if voice is not None:
        watch_voice(window, voice)


def watch_voice(window: MainWindow, voice: Voice) -> QLabel:
    """Say in the status bar when words were asked for but cannot be spoken (no speech engine,
    or it failed): checked as each session starts and whenever the voice comes or goes."""
    from PySide6.QtWidgets import QLabel

    label = QLabel(window)
    label.setAccessibleName("Voice status")
    label.hide()
    window.statusBar().addPermanentWidget(label)

    def show(*_: object) -> None:
        problem = "" if voice.available() or not window.settings.voice else voice.problem
        missing = problem not in ("", VOICE_TURNED_OFF)
        label.setText(NO_VOICE.format(problem=problem) if missing else "")
        label.setVisible(missing)

    voice.availability_changed.connect(show)
    window.sessionCreated.connect(show)
    window.settings.changed.connect(show)
    return label


def run_app(book: RoutineBook, paths: AppPaths) -> int:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from psoas_desktop import APP_NAME, APP_TITLE, first_paint
    from psoas_desktop.resources import asset
    from psoas_desktop.single_instance import claim
    from psoas_desktop.ui.main_window import MainWindow
    from psoas_desktop.ui.settings import Settings
    from psoas_desktop.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_NAME)  # Wayland finds the icon through the .desktop entry
    app.setStyle("Fusion")  # one look everywhere; the theme palettes are made for it
    icon = asset("psoas-desktop.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))

    instance = claim(paths.data_dir, app)
    if instance is None:  # already running: that window was asked to come forward
        return 0
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    settings = Settings.in_file(paths.config_dir / SETTINGS_FILE, book.rests)
    apply_theme(app, settings.theme)
    window = MainWindow(book, settings)
    window.setWindowTitle(APP_TITLE)
    instance.raiseRequested.connect(window.bring_forward)
    first_paint.watch(window)
    # Sound (QtMultimedia, speech) and the history (SQLite) load once the window has painted.
    first_paint.after_first_paint(window, lambda: _attach_sound(window))
    first_paint.after_first_paint(window, lambda: _link_history(window, book, paths))
    received: list[int] = []
    restore = _end_on_signals(window, received)
    window.show()
    try:
        code = app.exec()
    finally:
        restore()
    return 128 + received[0] if received else code


def _end_on_signals(window: MainWindow, received: list[int]) -> Callable[[], None]:
    """SIGTERM (a desktop logout) and SIGINT (Ctrl+C) end the session as Finish would and
    quit, from the event loop: never in the middle of a write. Returns the undo.

    Python runs a signal handler only between bytecodes, and Qt's loop may sleep in C for
    long; the wakeup fd makes the signal readable on a socket the loop watches."""
    import signal
    import socket

    from PySide6.QtCore import QSocketNotifier
    from PySide6.QtWidgets import QApplication

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    handled = (signal.SIGTERM, signal.SIGINT)
    previous = {number: signal.signal(number, lambda *_: None) for number in handled}
    previous_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, window)

    def on_wakeup() -> None:
        try:
            numbers = reader.recv(64)
        except OSError:  # nothing to read after all
            return
        if received or not numbers:
            return
        received.append(numbers[0])
        _end_session_and_close(window)
        QApplication.quit()  # also ends a dialog's nested loop, should one be open

    notifier.activated.connect(on_wakeup)

    def restore() -> None:
        notifier.setEnabled(False)
        signal.set_wakeup_fd(previous_fd)
        for number, handler in previous.items():
            signal.signal(number, handler)
        reader.close()
        writer.close()

    return restore


def _end_session_and_close(window: MainWindow) -> None:
    """Finish a running session early (what was done stands, the end is written) without
    the after-session questions nobody is there to answer, and close the window."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # PySide: nothing was connected
        with contextlib.suppress(RuntimeError, TypeError):
            window.sessionEnded.disconnect()
    window.driver.finish()
    window.close()


def _link_history(window: MainWindow, book: RoutineBook, paths: AppPaths) -> None:
    from PySide6.QtWidgets import QApplication

    from psoas_desktop.storage.history import History
    from psoas_desktop.ui.history_link import HistoryLink

    history = History(paths.history_db, busy_timeout=HISTORY_BUSY_TIMEOUT,
                      retry_interval=HISTORY_RETRY_SECONDS)
    link = HistoryLink(window, history, book)
    link.tell_notice()
    QApplication.instance().aboutToQuit.connect(link.close)
