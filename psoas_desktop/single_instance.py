"""One app per data folder: a second start brings the running window forward instead of
opening a second writer of the same history.

Who is first is decided by the OS lock inside the data folder (storage/instance_lock.py); the
local socket only carries the request to come forward."""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from psoas_desktop.storage import instance_lock

log = logging.getLogger(__name__)

_CONNECT_MS = 500
_RAISE = b"raise\n"


def _user() -> str:
    try:
        return getpass.getuser()
    except (ImportError, KeyError, OSError):  # no login name in the environment, no pwd module
        return "user"


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:12]
    # Per user and per data folder: the user id where there is one, never USER or LOGNAME,
    # which anyone can set (the data folder's lock decides who is first in any case).
    uid = getattr(os, "getuid", None)
    return f"psoas-desktop-{uid() if uid else _user()}-{digest}"


def ask_running_app_to_raise(name: str) -> bool:
    """True when an app already listens under `name` and was asked to come forward."""
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

    def __init__(self, name: str, parent: QObject | None = None,
                 data_dir: Path | None = None) -> None:
        super().__init__(parent)
        self._data_dir = data_dir  # whose lock this instance holds
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._on_connection)
        # A socket file left by a crashed run would block listen(): nobody answered on it
        # (the caller checked), so it is safe to remove.
        QLocalServer.removeServer(name)
        self.listening = self._server.listen(name)

    def _on_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(self._on_message)
            socket.disconnected.connect(socket.deleteLater)

    def _on_message(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket) and bytes(socket.readAll().data()).startswith(b"raise"):
            self.raiseRequested.emit()

    def close(self) -> None:
        self._server.close()
        if self._data_dir is not None:
            instance_lock.release(self._data_dir)


def claim(data_dir: Path, parent: QObject | None = None) -> SingleInstance | None:
    """Become the one app for `data_dir`, or return None after raising the one that is."""
    name = server_name(data_dir)
    if instance_lock.acquire(data_dir) is False:
        if not ask_running_app_to_raise(name):
            log.warning("already running for %s; switch to its window.", data_dir)
        return None
    return SingleInstance(name, parent, data_dir)
