"""One app per data folder: a second start brings the running window forward instead of
opening a second writer of the same history."""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

_CONNECT_MS = 500
_RAISE = b"raise\n"


def _user() -> str:
    try:
        return getpass.getuser()
    except (ImportError, KeyError, OSError):  # no login name in the environment, no pwd module
        return "user"


def server_name(data_dir: Path) -> str:
    # Per user and per data folder: two people, or a test with its own folder, never collide.
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:12]
    return f"psoas-desktop-{_user()}-{digest}"


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

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
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
        if isinstance(socket, QLocalSocket) and socket.readAll().data().startswith(b"raise"):
            self.raiseRequested.emit()

    def close(self) -> None:
        self._server.close()


def claim(data_dir: Path, parent: QObject | None = None) -> SingleInstance | None:
    """Become the one app for `data_dir`, or return None after raising the one that is."""
    name = server_name(data_dir)
    if ask_running_app_to_raise(name):
        return None
    return SingleInstance(name, parent)
