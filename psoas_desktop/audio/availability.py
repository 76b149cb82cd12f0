"""Whether cues can be heard, and telling the window when that changes. Qt-free."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from psoas_desktop.core.listeners import Listeners

NO_DEVICE = "No audio device: cues are silent"
SOUND_BACK = "Sound is back"


@dataclass(frozen=True)
class SoundNews:
    available: bool
    message: str = ""  # a short human message ("" leaves the wording to the window)


class SoundStatus:
    """The availability now, and `changed` told of each change (never twice the same)."""

    def __init__(self, available: bool = True, message: str = "") -> None:
        self.current = SoundNews(available, message)
        self.changed: Listeners[SoundNews] = Listeners()

    @property
    def available(self) -> bool:
        return self.current.available

    def set(self, available: bool, message: str = "") -> None:
        if available == self.current.available:
            return
        self.current = SoundNews(available, message or (SOUND_BACK if available else NO_DEVICE))
        self.changed.emit(self.current)


def follow(status: SoundStatus, listener: Callable[[SoundNews], object]) -> None:
    """Hear each change from now on, and at once of a silence that began before: the window
    subscribes after the sink has looked for a device."""
    if not status.available:
        listener(status.current)
    status.changed.add(listener)
