"""Quitting on a signal: SIGTERM (a desktop logout) and SIGINT (Ctrl+C) call the app's own
way to end (the session finished as Finish would, the window closed) from the event loop,
never in the middle of a write."""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication


def end_on_signals(end: Callable[[], None], received: list[int],
                   parent: QObject | None = None) -> Callable[[], None]:
    """On SIGTERM or SIGINT, call `end` and quit, from the event loop; returns the undo.

    Python runs a signal handler only between bytecodes, and Qt's loop may sleep in C for
    long; the wakeup fd makes the signal readable on a socket the loop watches."""
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    handled = (signal.SIGTERM, signal.SIGINT)
    previous = {number: signal.signal(number, lambda *_: None) for number in handled}
    previous_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, parent)

    def on_wakeup() -> None:
        try:
            numbers = reader.recv(64)
        except OSError:  # nothing to read after all
            return
        if received or not numbers:
            return
        received.append(numbers[0])
        end()
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
