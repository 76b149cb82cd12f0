"""What the window needs of sound: play a cue, say words, set volume. Qt-free, so fakes are easy."""

from __future__ import annotations

from typing import Protocol

from psoas_desktop.audio.availability import SoundStatus
from psoas_desktop.core.cues import Cue


class CueSink(Protocol):
    latency: float  # seconds from play() to sound, covered by playing that much early
    sound: SoundStatus  # whether cues can be heard, and news when that changes

    def play(self, cue: Cue) -> None: ...

    def say(self, text: str) -> None:
        """Speak, if a voice is on and an engine exists; never blocks, never delays a cue."""

    def set_volume(self, volume: float) -> None:
        """0.0 to 1.0, as the slider shows it."""

    def set_muted(self, muted: bool) -> None: ...

    def set_voice_enabled(self, enabled: bool) -> None: ...

    def sound_available(self) -> bool: ...


class RecordingCueSink:
    """A sink that records what it was asked to do: for tests, and the silent stand-in when
    QtMultimedia cannot load."""

    latency = 0.0

    def __init__(self, available: bool = True) -> None:
        self.played: list[Cue] = []
        self.spoken: list[str] = []
        self.volume = 1.0
        self.muted = False
        self.voice_enabled = True
        self.sound = SoundStatus(available)

    def play(self, cue: Cue) -> None:
        self.played.append(cue)

    def say(self, text: str) -> None:
        if self.voice_enabled:
            self.spoken.append(text)

    def set_volume(self, volume: float) -> None:
        self.volume = volume

    def set_muted(self, muted: bool) -> None:
        self.muted = muted

    def set_voice_enabled(self, enabled: bool) -> None:
        self.voice_enabled = enabled

    def sound_available(self) -> bool:
        return self.sound.available

    def set_available(self, available: bool, message: str = "") -> None:
        """Tests use this to unplug or plug back an imaginary device."""
        self.sound.set(available, message)
