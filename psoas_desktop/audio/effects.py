"""Every cue preloaded as a QSoundEffect on one audio device, so play() lands at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtMultimedia import QAudioDevice, QSoundEffect

from psoas_desktop.core.cues import Cue
from psoas_desktop.resources import asset


def cue_sound(cue: Cue) -> Path:
    """The WAV for a cue (made by tools/make_sounds.py, named after the cue's value)."""
    return asset(f"{cue.value}.wav")


class EffectBank(QObject):
    """One QSoundEffect per cue, built for one device. A new device means a new bank.

    Loading is asynchronous; with no audio server the effects go to Error and play() does
    nothing, which is what we want: never block, never raise.
    """

    status_changed = Signal()  # some effect finished loading or failed

    def __init__(self, device: QAudioDevice, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.device = device
        self._effects: dict[Cue, QSoundEffect] = {}
        for cue in Cue:
            effect = QSoundEffect(device, self)
            effect.statusChanged.connect(self.status_changed)
            effect.setSource(QUrl.fromLocalFile(str(cue_sound(cue))))
            self._effects[cue] = effect

    def play(self, cue: Cue) -> None:
        effect = self._effects[cue]
        if effect.status() is not QSoundEffect.Status.Error:
            effect.play()

    def effect(self, cue: Cue) -> QSoundEffect:
        return self._effects[cue]

    def set_volume(self, linear: float) -> None:
        for effect in self._effects.values():
            effect.setVolume(linear)

    def set_muted(self, muted: bool) -> None:
        for effect in self._effects.values():
            effect.setMuted(muted)

    def failed(self) -> bool:
        return any(e.status() is QSoundEffect.Status.Error for e in self._effects.values())

    def loaded(self) -> bool:
        return all(e.status() is QSoundEffect.Status.Ready for e in self._effects.values())

    def statuses(self) -> dict[Cue, QSoundEffect.Status]:
        return {cue: effect.status() for cue, effect in self._effects.items()}

    def discard(self) -> None:
        """Stop and let Qt delete the effects once control returns to the event loop."""
        for effect in self._effects.values():
            effect.statusChanged.disconnect(self.status_changed)
            effect.stop()
        self.deleteLater()
