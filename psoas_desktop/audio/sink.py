"""What the window needs of sound: play a cue, say words, set volume. Qt-free, so fakes are easy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from psoas_desktop.core.cues import Cue

# Called with (sound_available, a short human message such as "No audio device: cues are off").
StatusListener = Callable[[bool, str], None]


class CueSink(Protocol):
    latency: float  # seconds from play() to sound, covered by playing that much early

    def play(self, cue: Cue) -> None: ...

    def say(self, text: str) -> None:
        """Speak, if a voice is on and an engine exists; never blocks, never delays a cue."""

    def set_volume(self, volume: float) -> None:
        """0.0 to 1.0, as the slider shows it."""

    def set_muted(self, muted: bool) -> None: ...

    def set_voice_enabled(self, enabled: bool) -> None: ...

    def sound_available(self) -> bool: ...

    def add_status_listener(self, listener: StatusListener) -> None: ...


class RecordingCueSink:
    """A sink that records what it was asked to do: for tests, and the silent stand-in when
    QtMultimedia cannot load."""

    latency = 0.0

    def __init__(self, available: bool = True) -> None:
        self.played: list[Cue] = []
        self.spoken: list[str] = []
        self.volume = 1.0
        self.muted = False
        self.voice = True
        self._available = available
        self._listeners: list[StatusListener] = []

    def play(self, cue: Cue) -> None:
        self.played.append(cue)

    def say(self, text: str) -> None:
        if self.voice:
            self.spoken.append(text)

    def set_volume(self, volume: float) -> None:
        self.volume = volume

    def set_muted(self, muted: bool) -> None:
        self.muted = muted

    def set_voice_enabled(self, enabled: bool) -> None:
        self.voice = enabled

    def sound_available(self) -> bool:
        return self._available

    def add_status_listener(self, listener: StatusListener) -> None:
        self._listeners.append(listener)

    def set_available(self, available: bool, message: str = "") -> None:
        """Tests use this to unplug or plug back an imaginary device."""
        self._available = available
        for listener in self._listeners:
            listener(available, message)
