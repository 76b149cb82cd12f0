"""Every cue ready as a CueClip on one audio device, so play() lands at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtMultimedia import QAudioDevice

from psoas_desktop.audio.clip import ClipStatus, CueClip
from psoas_desktop.core.cues import Cue
from psoas_desktop.resources import asset


def cue_sound(cue: Cue) -> Path:
    """The WAV for a cue (made by tools/make_sounds.py, named after the cue's value)."""
    return asset(f"{cue.value}.wav")


class EffectBank(QObject):
    """One clip per cue, built for one device. A new device means a new bank.

    With no audio server, or a device that refuses the format, the clips are in Error and
    play() does nothing, which is what we want: never block, never raise.
    """

    status_changed = Signal()  # some clip failed

    def __init__(self, device: QAudioDevice, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.device = device
        self._effects: dict[Cue, CueClip] = {}
        for cue in Cue:
            effect = CueClip(cue_sound(cue), device, self)
            effect.statusChanged.connect(self.status_changed)
            self._effects[cue] = effect

    def play(self, cue: Cue) -> None:
        self._effects[cue].play()

    def effect(self, cue: Cue) -> CueClip:
        return self._effects[cue]

    def set_volume(self, linear: float) -> None:
        for effect in self._effects.values():
            effect.setVolume(linear)

    def set_muted(self, muted: bool) -> None:
        for effect in self._effects.values():
            effect.setMuted(muted)

    def failed(self) -> bool:
        return any(e.status() is ClipStatus.ERROR for e in self._effects.values())

    def loaded(self) -> bool:
        return all(e.status() is ClipStatus.READY for e in self._effects.values())

    def discard(self) -> None:
        """Stop and let Qt delete the clips once control returns to the event loop."""
        for effect in self._effects.values():
            effect.statusChanged.disconnect(self.status_changed)
            effect.stop()
        self.deleteLater()
