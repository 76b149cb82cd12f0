"""Quitting on a signal: SIGTERM (a desktop logout) and SIGINT (Ctrl+C) call the app's own
way to end (the session finished as Finish would, the window closed) from the event loop,
never in the middle of a write."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication


def end_on_signals(end: Callable[[], None], received: list[int],
                   parent: QObject | None = None) -> Callable[[], None]:
    """On SIGTERM or SIGINT, call `end` and quit, from the event loop; returns the undo.

    Python runs a signal handler only between bytecodes, and Qt's loop may sleep in C for
    long; the wakeup fd makes the signal readable on a pipe the loop watches."""
    reader, writer, read, close = _wakeup_channel()
    handled = (signal.SIGTERM, signal.SIGINT)
    previous = {number: signal.signal(number, lambda *_: None) for number in handled}
    previous_fd = signal.set_wakeup_fd(writer, warn_on_full_buffer=False)
    notifier = QSocketNotifier(reader, QSocketNotifier.Type.Read, parent)

    def on_wakeup() -> None:
        try:
            numbers = read()
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
        close()

    return restore


def _wakeup_channel() -> tuple[int, int, Callable[[], bytes], Callable[[], None]]:
    """The end to watch, the end for set_wakeup_fd, a read and a close: a non-blocking pipe, or
    a socket pair on Windows, whose set_wakeup_fd takes sockets only (the socket module costs
    milliseconds at every start, so it is loaded only there)."""
    if os.name == "nt":
        import socket

        reader, writer = socket.socketpair()
        for end in (reader, writer):
            end.setblocking(False)

        def close_pair() -> None:
            reader.close()
            writer.close()

        return reader.fileno(), writer.fileno(), lambda: reader.recv(64), close_pair
    read_fd, write_fd = os.pipe()
    for fd in (read_fd, write_fd):
        os.set_blocking(fd, False)

    def close_pipe() -> None:
        os.close(read_fd)
        os.close(write_fd)

    return read_fd, write_fd, lambda: os.read(read_fd, 64), close_pipe
