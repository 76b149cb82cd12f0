"""Keep the screen awake while a session runs, the way each system offers it.

- Linux and BSD: the `org.freedesktop.portal.Inhibit` portal when it runs (the one way out of a
  Flatpak sandbox), else the org.freedesktop.ScreenSaver service (platform/screensaver.py).
- Windows: SetThreadExecutionState, which holds until it is called again without the flags.
- macOS: the system's `caffeinate` tool, tied to this process, stopped on release.

Best effort everywhere: without the service or the tool nothing happens and nothing is said,
beyond one line in the log.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING, Any

from psoas_desktop.platform.screensaver import (
    CALL_TIMEOUT_MS,
    BusInhibitor,
    Inhibitor,
    ScreenSaverInhibitor,
    open_private,
    private_connection_name,
)

if TYPE_CHECKING:
    import subprocess  # macOS only: imported when the tool is started

log = logging.getLogger(__name__)
PORTAL = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
PORTAL_INHIBIT = "org.freedesktop.portal.Inhibit"
INHIBIT_IDLE = 8  # the portal's flag for "the session goes idle" (screen blank, lock)


class PortalInhibitor(BusInhibitor):
    """Inhibit through the portal on a private connection; closing it ends the inhibit (the
    portal drops the requests of a client that leaves the bus). The flags are a uint32, which
    PySide6 can only send through an interface built from the portal's introspection data, so
    the portal is asked only when it already runs (it then answers at once)."""

    def inhibit(self, reason: str) -> None:
        if self._connection_name is not None:
            return
        from PySide6.QtCore import Q_ARG, QMetaObject, Qt
        from PySide6.QtDBus import QDBusConnection, QDBusInterface

        name = private_connection_name()
        bus = open_private(name, self._address)
        daemon = bus.interface() if bus.isConnected() else None
        if daemon is None or not daemon.isServiceRegistered(PORTAL).value():
            QDBusConnection.disconnectFromBus(name)
            return
        portal = QDBusInterface(PORTAL, PORTAL_PATH, PORTAL_INHIBIT, bus)
        if not portal.isValid():
            log.info("the inhibit portal did not answer: %s", portal.lastError().message())
            QDBusConnection.disconnectFromBus(name)
            return
        portal.setTimeout(CALL_TIMEOUT_MS)
        options: dict[str, Any] = {"reason": reason}
        QMetaObject.invokeMethod(portal, "Inhibit", Qt.ConnectionType.DirectConnection,
                                 Q_ARG(str, ""), Q_ARG("uint", INHIBIT_IDLE),
                                 Q_ARG("QVariantMap", options))
        self._connection_name = name

    def release(self) -> None:
        if self._connection_name is None:
            return
        from PySide6.QtDBus import QDBusConnection

        QDBusConnection.disconnectFromBus(self._connection_name)
        self._connection_name = None


class DesktopInhibitor:
    """Linux and BSD: the portal where it runs, the ScreenSaver service otherwise (chosen at
    each inhibit, as a portal may start or stop while the app runs)."""

    def __init__(self, application: str, bus_address: str | None = None) -> None:
        self._portal = PortalInhibitor(application, bus_address)
        self._screensaver = ScreenSaverInhibitor(application, bus_address)
        self._used: Inhibitor | None = None

    @property
    def active(self) -> bool:
        return self._used is not None

    @property
    def bus_name(self) -> str:
        held = self._used
        return held.bus_name if isinstance(held, PortalInhibitor | ScreenSaverInhibitor) else ""

    @property
    def through(self) -> str:
        """Which service holds the current inhibit: 'portal', 'screensaver' or ''."""
        if self._used is None:
            return ""
        return "portal" if self._used is self._portal else "screensaver"

    def inhibit(self, reason: str) -> None:
        if self._used is not None:
            return
        for way in (self._portal, self._screensaver):
            way.inhibit(reason)
            if way.active:
                self._used = way
                return

    def release(self) -> None:
        if self._used is not None:
            self._used.release()
            self._used = None


class WindowsInhibitor:
    """SetThreadExecutionState from the GUI thread: display and system stay on until reset."""

    ES_CONTINUOUS = 0x80000000
    ES_SYSTEM_REQUIRED = 0x00000001
    ES_DISPLAY_REQUIRED = 0x00000002

    def __init__(self, kernel32: Any = None) -> None:
        if kernel32 is None:
            import ctypes

            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        self._kernel32 = kernel32
        self.active = False

    def inhibit(self, reason: str) -> None:
        flags = self.ES_CONTINUOUS | self.ES_SYSTEM_REQUIRED | self.ES_DISPLAY_REQUIRED
        self.active = bool(self._kernel32.SetThreadExecutionState(flags))

    def release(self) -> None:
        if self.active:
            self._kernel32.SetThreadExecutionState(self.ES_CONTINUOUS)
            self.active = False


class MacInhibitor:
    """`caffeinate -d -i -w PID`: the display and the system stay awake while this process
    lives; the tool is stopped on release (and ends by itself if the app dies)."""

    def __init__(self, tool: str = "/usr/bin/caffeinate") -> None:
        self._tool = tool
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def active(self) -> bool:
        return self._process is not None

    def inhibit(self, reason: str) -> None:
        if self._process is not None:
            return
        import subprocess

        try:
            self._process = subprocess.Popen([self._tool, "-d", "-i", "-w", str(os.getpid())])
        except OSError as exc:
            log.info("cannot keep the screen awake: %s", exc)

    def release(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=5)
            self._process = None


def make_inhibitor(application: str) -> Inhibitor:
    if sys.platform == "win32":
        return WindowsInhibitor()
    if sys.platform == "darwin":
        return MacInhibitor()
    return DesktopInhibitor(application)
