"""The Qt cue sink: preloaded sound effects, a voice, and an audio device that may come and go.

Nothing here waits. With no device there are no effects and play() returns at once; when the
default output changes (a headset plugged in or out, a laptop woken) the effects are rebuilt on
the new device, as Flowkeeper rebuilds its player, and the window is told.

Measured with PulseAudio and Qt 6.12: the streams follow each change of default sink. Qt does not
reconnect to a sound server that starts, or restarts, after the app: cues stay silent until the
app is restarted (no freeze, no crash).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtMultimedia import QAudioDevice, QMediaDevices, QtAudio

from psoas_desktop.audio.availability import SoundStatus
from psoas_desktop.audio.effects import EffectBank
from psoas_desktop.audio.voice import Speech, Voice
from psoas_desktop.core.cues import Cue

# A failed bank is rebuilt on the next play() at most this often: after a wake from sleep the
# device list may not have changed, yet the old stream is dead (Flowkeeper's observation).
RETRY_SECONDS = 5.0
# The default output is often announced twice in a row; rebuild once for both.
SETTLE_MS = 50
# PulseAudio's stand-in when no real output exists: streams flow, nobody hears them.
DUMMY_OUTPUTS = frozenset({"auto_null"})
# Speech volume for a full slider. Speech-dispatcher + espeak-ng peaked at 0 dBFS (clipping) at
# QTextToSpeech volume 1.0 and about -2 dBFS at 0.5; 0.45 brings it near the cues' -3 dBFS.
SPEECH_LEVEL = 0.45


def is_audible(device: QAudioDevice) -> bool:
    return not device.isNull() and bytes(device.id().data()).decode() not in DUMMY_OUTPUTS


def slider_to_gain(volume: float) -> float:
    """A 0..1 slider position, heard as even steps, to the linear gain a clip takes."""
    volume = min(1.0, max(0.0, volume))
    return QtAudio.convertVolume(volume, QtAudio.VolumeScale.LogarithmicVolumeScale,
                                 QtAudio.VolumeScale.LinearVolumeScale)


class QtCueSink(QObject):
    """CueSink on CueClips (a QAudioSink each) and a Voice. Create after the QApplication;
    close() at the end."""

    # From play() to sound at a PulseAudio sink took 32-40 ms for every play, first or not
    # (bench/cue_timing.py): the session hands cues over this much early to cover it.
    latency = 0.030

    def __init__(self, parent: QObject | None = None, voice: Speech | None = None,
                 default_output: Callable[[], QAudioDevice] = QMediaDevices.defaultAudioOutput,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._default_output = default_output
        self._clock = clock
        self._volume = 1.0
        self._muted = False
        self._voice_enabled = True
        self.sound = SoundStatus()
        self._bank: EffectBank | None = None
        self._built_at = 0.0
        self._closed = False
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._on_outputs_changed)
        self._devices = QMediaDevices(self)
        self._devices.audioOutputsChanged.connect(self._settle.start)
        self._rebuild(default_output())
        self.speech: Speech = voice if voice is not None else Voice(self)
        self.speech.set_volume(SPEECH_LEVEL)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)

    # --- the CueSink protocol -------------------------------------------------------------

    def play(self, cue: Cue) -> None:
        if self._closed:
            return
        if self._bank is None or self._bank.failed():
            self._retry()
        if self._bank is not None:
            self._bank.play(cue)

    def say(self, text: str) -> None:
        if self._voice_enabled and not self._muted and text:
            self.speech.say(text)

    def set_volume(self, volume: float) -> None:
        self._volume = min(1.0, max(0.0, volume))
        if self._bank is not None:
            self._bank.set_volume(slider_to_gain(self._volume))
        self.speech.set_volume(SPEECH_LEVEL * slider_to_gain(self._volume))

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        if self._bank is not None:
            self._bank.set_muted(muted)
        if muted:
            self.speech.stop()

    def set_voice_enabled(self, enabled: bool) -> None:
        self._voice_enabled = enabled
        if not enabled:
            self.speech.stop()

    def sound_available(self) -> bool:
        return self.sound.available

    # --- beyond the protocol ----------------------------------------------------------------

    def device_name(self) -> str:
        return self._bank.device.description() if self._bank is not None else ""

    @property
    def bank(self) -> EffectBank | None:
        """The effects in use (None with no device, or once closed)."""
        return self._bank

    def close(self) -> None:
        """Stop the speaker process and release the effects (also fine to call twice)."""
        self._closed = True
        self._settle.stop()
        self.speech.close()
        if self._bank is not None:
            self._bank.discard()
            self._bank = None

    # --- devices ----------------------------------------------------------------------------

    def _on_outputs_changed(self) -> None:
        # Rebuild even when the default keeps its id: it costs a few milliseconds, and a stream
        # left on a sink that went away and came back under the same name may be dead.
        if not self._closed:
            self._rebuild(self._default_output())

    def _retry(self) -> None:
        if self._clock() - self._built_at >= RETRY_SECONDS:
            self._rebuild(self._default_output())

    def _rebuild(self, device: QAudioDevice) -> None:
        self._built_at = self._clock()
        if self._bank is not None:
            self._bank.discard()
            self._bank = None
        if device.isNull():
            # No effects at all: on no device each would log a warning at every retry.
            self.sound.set(False)
            return
        if not is_audible(device):
            self.sound.set(False)
        bank = EffectBank(device, self)
        bank.set_volume(slider_to_gain(self._volume))
        bank.set_muted(self._muted)
        bank.status_changed.connect(self._on_bank_status)
        self._bank = bank
        self._on_bank_status()

    def _on_bank_status(self) -> None:
        if self._bank is None:
            return
        if self._bank.failed():
            self.sound.set(False)
        elif self._bank.loaded():
            self.sound.set(is_audible(self._bank.device))


def make_cue_sink(parent: QObject | None = None) -> QtCueSink:
    """The app's CueSink; call once a QApplication exists. It closes itself when the app quits."""
    return QtCueSink(parent)
