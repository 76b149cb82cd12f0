"""One app per data folder: a second start brings the running window forward instead of
opening a second writer of the same history.

Who is first is decided by the OS lock inside the data folder (storage/instance_lock.py); the
local socket only carries the request to come forward. QtNetwork (several MB and milliseconds)
is loaded only to knock, or to listen, which the app does once its window has painted: a start
in between finds the lock taken and says so on stderr instead of raising the window."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from psoas_desktop.storage import instance_lock

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

log = logging.getLogger(__name__)

_CONNECT_MS = 500
_RAISE = b"raise\n"


def _user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (ImportError, KeyError, OSError):  # no login name in the environment, no pwd module
        return "user"


def server_name(data_dir: Path) -> str:
    import hashlib  # OpenSSL's: loaded only when a socket is named

    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:12]
    # Per user and per data folder: the user id where there is one, never USER or LOGNAME,
    # which anyone can set (the data folder's lock decides who is first in any case).
    uid = getattr(os, "getuid", None)
    return f"psoas-desktop-{uid() if uid else _user()}-{digest}"


def ask_running_app_to_raise(name: str) -> bool:
    """True when an app already listens under `name` and was asked to come forward."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(_CONNECT_MS):
        return False
    socket.write(_RAISE)
    socket.waitForBytesWritten(_CONNECT_MS)
    socket.disconnectFromServer()
    return True


class SingleInstance(QObject):
    """Listens for later starts; `raiseRequested` fires when one knocks."""

    raiseRequested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data_dir = data_dir  # whose lock this instance holds
        self._server: QLocalServer | None = None
        self.listening = False

    def listen(self) -> bool:
        """Start answering later starts (once; True while listening)."""
        if self._server is not None:
            return self.listening
        from PySide6.QtNetwork import QLocalServer

        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._on_connection)
        # A socket file left by a crashed run would block listen(): nobody answered on it
        # (the caller checked), so it is safe to remove.
        name = server_name(self._data_dir)
        QLocalServer.removeServer(name)
        self.listening = self._server.listen(name)
        return self.listening

    def _on_connection(self) -> None:
        assert self._server is not None  # only its signal calls this
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(self._on_message)
            socket.disconnected.connect(socket.deleteLater)

    def _on_message(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        socket = self.sender()
        if isinstance(socket, QLocalSocket) and bytes(socket.readAll().data()).startswith(b"raise"):
            self.raiseRequested.emit()

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
        instance_lock.release(self._data_dir)


def claim(data_dir: Path, parent: QObject | None = None,
          listen: bool = True) -> SingleInstance | None:
    """Become the one app for `data_dir`, or return None after raising the one that is. With
    `listen` false the caller starts listening later (`SingleInstance.listen`)."""
    if instance_lock.acquire(data_dir) is False:
        if not ask_running_app_to_raise(server_name(data_dir)):
            log.warning("already running for %s; switch to its window.", data_dir)
        return None
    instance = SingleInstance(data_dir, parent)
    if listen:
        instance.listen()
    return instance
