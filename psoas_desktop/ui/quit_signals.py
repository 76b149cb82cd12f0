"""Quitting on a signal: SIGTERM (a desktop logout) and SIGINT (Ctrl+C) end the session as
Finish would and close the window, from the event loop, never in the middle of a write."""

from __future__ import annotations

import contextlib
import signal
import socket
import warnings
from collections.abc import Callable

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication

from psoas_desktop.ui.main_window import MainWindow


def end_on_signals(window: MainWindow, received: list[int]) -> Callable[[], None]:
    """Handle SIGTERM and SIGINT from the event loop; returns the undo.

    Python runs a signal handler only between bytecodes, and Qt's loop may sleep in C for
    long; the wakeup fd makes the signal readable on a socket the loop watches."""
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
        end_session_and_close(window)
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


def end_session_and_close(window: MainWindow) -> None:
    """Finish a running session early (what was done stands, the end is written) without
    the after-session questions nobody is there to answer, and close the window."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # PySide: nothing was connected
        with contextlib.suppress(RuntimeError, TypeError):
            window.sessionEnded.disconnect()
    window.driver.finish()
    window.close()
