"""Keep the screen awake while a session runs: org.freedesktop.ScreenSaver over D-Bus.

Each inhibit is made on a private bus connection, and releasing it closes that connection:
screensaver services drop the inhibits of a client that leaves the bus, and this avoids
sending the uint32 cookie back, which PySide6 would marshal as a signed int that the service
refuses. Best effort: with no session bus, or no such service, nothing happens and nothing is
said. The call is asynchronous, so a slow service never holds up the window; QtDBus is
imported on first use, off the start-up path.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection

SERVICE = "org.freedesktop.ScreenSaver"
PATH = "/org/freedesktop/ScreenSaver"
CALL_TIMEOUT_MS = 2000
_names = itertools.count(1)


def private_connection_name() -> str:
    """A fresh name for a private bus connection that one inhibit lives on."""
    return f"psoas-desktop-inhibit-{next(_names)}"


def open_private(name: str, address: str | None = None) -> QDBusConnection:
    """A private connection to the session bus, or to the bus at `address` (tests)."""
    from PySide6.QtDBus import QDBusConnection

    if address is not None:
        return QDBusConnection.connectToBus(address, name)
    return QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, name)


class Inhibitor(Protocol):
    def inhibit(self, reason: str) -> None: ...

    def release(self) -> None: ...


class NoInhibitor:
    """Remembers whether it was asked to inhibit: for tests, and platforms without D-Bus."""

    def __init__(self) -> None:
        self.active = False

    def inhibit(self, reason: str) -> None:
        self.active = True

    def release(self) -> None:
        self.active = False


class BusInhibitor:
    """What every inhibitor on a private D-Bus connection shares: the inhibit lives as long
    as that connection does."""

    def __init__(self, application: str, bus_address: str | None = None) -> None:
        self._application = application
        self._address = bus_address
        self._connection_name: str | None = None

    @property
    def active(self) -> bool:
        return self._connection_name is not None

    @property
    def bus_name(self) -> str:
        """The unique name of the connection the inhibit lives on ('' when none)."""
        if self._connection_name is None:
            return ""
        from PySide6.QtDBus import QDBusConnection

        return QDBusConnection(self._connection_name).baseService()


class ScreenSaverInhibitor(BusInhibitor):
    def __init__(self, application: str, bus_address: str | None = None) -> None:
        super().__init__(application, bus_address)
        self._available: bool | None = None  # unknown until first asked

    def inhibit(self, reason: str) -> None:
        if self._connection_name is not None or self._available is False:
            return
        from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage

        name = private_connection_name()
        bus = open_private(name, self._address)
        self._available = bus.isConnected()
        if not self._available:
            QDBusConnection.disconnectFromBus(name)
            return
        message = QDBusMessage.createMethodCall(SERVICE, PATH, SERVICE, "Inhibit")
        message.setArguments([self._application, reason])
        bus.call(message, QDBus.CallMode.NoBlock, CALL_TIMEOUT_MS)
        self._connection_name = name

    def release(self) -> None:
        if self._connection_name is None:
            return
        from PySide6.QtDBus import QDBusConnection

        QDBusConnection.disconnectFromBus(self._connection_name)
        self._connection_name = None
