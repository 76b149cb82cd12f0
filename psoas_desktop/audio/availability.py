"""Whether cues can be heard, and telling the window when that changes. Qt-free."""

from __future__ import annotations

from psoas_desktop.audio.sink import StatusListener

NO_DEVICE = "No audio device: cues are silent"
SOUND_BACK = "Sound is back"


class _Subscriber:
    def __init__(self, listener: StatusListener) -> None:
        self.listener = listener
        self.believes = True  # a new listener assumes sound works until told otherwise


class SoundStatus:
    """The current availability, and listeners told of each change (never twice the same).

    `set()` tells at once; `tell()` brings late listeners up to date, so a sink can post it to
    the event loop after a listener subscribes and the listener hears a silence that began
    before it arrived.
    """

    def __init__(self, available: bool = True) -> None:
        self.available = available
        self._subscribers: list[_Subscriber] = []

    def add_listener(self, listener: StatusListener) -> None:
        self._subscribers.append(_Subscriber(listener))

    def set(self, available: bool) -> None:
        self.available = available
        self.tell()

    def tell(self) -> None:
        message = SOUND_BACK if self.available else NO_DEVICE
        for subscriber in list(self._subscribers):
            if subscriber.believes != self.available:
                subscriber.believes = self.available
                subscriber.listener(self.available, message)
