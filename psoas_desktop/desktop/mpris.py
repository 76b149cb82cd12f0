"""MPRIS on the session bus: media keys, a headset's button and the desktop's media controls
pause and skip a session, and show the exercise, the step and the time left.

The service talks to a small `MediaControls` interface, not to the window. QtDBus exports the
two interfaces as adaptors of one object; their property types are declared so that Position
goes out as int64 and Metadata as a{sv}, as MPRIS clients expect. PropertiesChanged is sent
by hand (Qt does not), with its empty invalidated list built as a string array ('as').
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import ClassInfo, Property, QMetaType, QObject, Slot
from PySide6.QtDBus import (
    QDBusAbstractAdaptor,
    QDBusArgument,
    QDBusConnection,
    QDBusMessage,
    QDBusObjectPath,
)

from psoas_desktop import APP_ID, APP_TITLE
from psoas_desktop.core.durations import duration_text

log = logging.getLogger(__name__)
PATH = "/org/mpris/MediaPlayer2"
ROOT_INTERFACE = "org.mpris.MediaPlayer2"
PLAYER_INTERFACE = "org.mpris.MediaPlayer2.Player"
BUS_NAME = "org.mpris.MediaPlayer2.psoas_desktop"
TRACK_PATH = "/io/github/psoas_desktop/PsoasDesktop/step"


@dataclass(frozen=True)
class NowPlaying:
    status: str  # "Playing", "Paused" or "Stopped", as MPRIS spells them
    exercise: str = ""
    step: str = ""  # "Hold · Left · Set 1 of 2"
    seconds_left: int = 0
    step_index: int = -1
    elapsed: float = 0.0  # seconds into the current step
    can_next: bool = False
    can_previous: bool = False


class MediaControls(Protocol):
    def play_pause(self) -> None: ...

    def play(self) -> None: ...

    def pause(self) -> None: ...

    def next(self) -> None: ...

    def previous(self) -> None: ...

    def state(self) -> NowPlaying: ...


def _left_text(seconds: int) -> str:
    return f"{duration_text(seconds)} left" if seconds >= 60 else f"{max(0, seconds)} s left"


def metadata(now: NowPlaying) -> dict[str, Any]:
    """xesam:title is the exercise, the artist line the step, the album line the time left."""
    track = f"{TRACK_PATH}/{now.step_index}" if now.step_index >= 0 else f"{TRACK_PATH}/none"
    if now.status == "Stopped":
        return {"mpris:trackid": QDBusObjectPath(track), "xesam:title": APP_TITLE}
    return {
        "mpris:trackid": QDBusObjectPath(track),
        "xesam:title": now.exercise or now.step,
        "xesam:artist": [now.step],
        "xesam:album": _left_text(now.seconds_left),
    }


@ClassInfo({"D-Bus Interface": ROOT_INTERFACE})  # type: ignore[call-arg]
class _Root(QDBusAbstractAdaptor):  # type: ignore[operator]
    # Methods and properties carry the D-Bus names, capitals and all.
    def __init__(self, parent: QObject, raise_window: Callable[[], None]) -> None:
        super().__init__(parent)
        self._raise = raise_window

    @Slot()
    def Raise(self) -> None:
        self._raise()

    @Slot()
    def Quit(self) -> None:
        """CanQuit is false: a session is never ended from a remote."""

    Identity = Property(str, lambda self: APP_TITLE)
    DesktopEntry = Property(str, lambda self: APP_ID)
    CanQuit = Property(bool, lambda self: False)
    CanRaise = Property(bool, lambda self: True)
    HasTrackList = Property(bool, lambda self: False)
    SupportedUriSchemes = Property("QStringList", lambda self: [])  # type: ignore[arg-type]
    SupportedMimeTypes = Property("QStringList", lambda self: [])  # type: ignore[arg-type]


@ClassInfo({"D-Bus Interface": PLAYER_INTERFACE})  # type: ignore[call-arg]
class _Player(QDBusAbstractAdaptor):  # type: ignore[operator]
    def __init__(self, parent: QObject, controls: MediaControls) -> None:
        super().__init__(parent)
        self._controls = controls

    def _now(self) -> NowPlaying:
        return self._controls.state()

    @Slot()
    def PlayPause(self) -> None:
        self._controls.play_pause()

    @Slot()
    def Play(self) -> None:
        self._controls.play()

    @Slot()
    def Pause(self) -> None:
        self._controls.pause()

    @Slot()
    def Stop(self) -> None:
        self._controls.pause()  # a stray Stop never throws a session away

    @Slot()
    def Next(self) -> None:
        self._controls.next()

    @Slot()
    def Previous(self) -> None:
        self._controls.previous()

    @Slot("qlonglong")
    def Seek(self, offset: int) -> None:
        """CanSeek is false: time is the routine's."""

    @Slot(QDBusObjectPath, "qlonglong")
    def SetPosition(self, track: QDBusObjectPath, position: int) -> None:
        """CanSeek is false."""

    @Slot(str)
    def OpenUri(self, uri: str) -> None:
        """No URIs to open."""

    PlaybackStatus = Property(str, lambda self: self._now().status)
    Metadata = Property("QVariantMap", lambda self: metadata(self._now()))  # type: ignore[arg-type]
    Position = Property("qlonglong", lambda self: int(self._now().elapsed * 1_000_000))  # type: ignore[arg-type]
    CanGoNext = Property(bool, lambda self: self._now().can_next)
    CanGoPrevious = Property(bool, lambda self: self._now().can_previous)
    CanPlay = Property(bool, lambda self: True)
    CanPause = Property(bool, lambda self: True)
    CanSeek = Property(bool, lambda self: False)
    CanControl = Property(bool, lambda self: True)
    Rate = Property(float, lambda self: 1.0)
    MinimumRate = Property(float, lambda self: 1.0)
    MaximumRate = Property(float, lambda self: 1.0)
    Volume = Property(float, lambda self: 1.0)


def _changed_properties(before: NowPlaying | None, now: NowPlaying) -> dict[str, Any]:
    changed: dict[str, Any] = {}
    if before is None or before.status != now.status:
        changed["PlaybackStatus"] = now.status
    if before is None or metadata(before) != metadata(now):
        changed["Metadata"] = metadata(now)
    if before is None or before.can_next != now.can_next:
        changed["CanGoNext"] = now.can_next
    if before is None or before.can_previous != now.can_previous:
        changed["CanGoPrevious"] = now.can_previous
    return changed


class MprisService(QObject):
    """Publish `controls` as an MPRIS player; call `refresh()` whenever the session moves."""

    def __init__(self, controls: MediaControls, raise_window: Callable[[], None],
                 bus_address: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controls = controls
        self._root = _Root(self, raise_window)
        self._player = _Player(self, controls)
        self._address = bus_address
        self._connection_name = f"psoas-desktop-mpris-{id(self):x}"
        self._bus: QDBusConnection | None = None
        self._last: NowPlaying | None = None
        self.bus_name = ""

    def publish(self) -> bool:
        """Take the player's name on the bus; False (and one log line) where that fails."""
        if self._address is not None:
            bus = QDBusConnection.connectToBus(self._address, self._connection_name)
        else:
            bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            log.info("no session bus: media keys will not reach the app")
            return False
        options = QDBusConnection.RegisterOption.ExportAdaptors
        if not bus.registerObject(PATH, self, options):
            log.info("cannot export the MPRIS object: %s", bus.lastError().message())
            return False
        for name in (BUS_NAME, f"{BUS_NAME}.instance{os.getpid()}"):
            if bus.registerService(name):
                self._bus, self.bus_name = bus, name
                self._last = self._controls.state()
                return True
        log.info("cannot take an MPRIS name: %s", bus.lastError().message())
        bus.unregisterObject(PATH)
        return False

    def refresh(self) -> None:
        """Tell listening clients what changed since the last call (nothing: no signal)."""
        if self._bus is None:
            return
        now = self._controls.state()
        changed = _changed_properties(self._last, now)
        self._last = now
        if not changed:
            return
        invalidated = QDBusArgument()
        invalidated.beginArray(QMetaType(QMetaType.Type.QString))
        invalidated.endArray()
        signal = QDBusMessage.createSignal(PATH, "org.freedesktop.DBus.Properties",
                                           "PropertiesChanged")
        signal.setArguments([PLAYER_INTERFACE, changed, invalidated])
        self._bus.send(signal)

    def close(self) -> None:
        if self._bus is None:
            return
        self._bus.unregisterService(self.bus_name)
        self._bus.unregisterObject(PATH)
        if self._address is not None:
            QDBusConnection.disconnectFromBus(self._connection_name)
        self._bus = None
