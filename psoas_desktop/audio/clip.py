"""One cue's sound: a WAV held in memory and written to its own QAudioSink from the GUI thread.

Why not QSoundEffect: on Qt 6.11 with PulseAudio, QSoundEffect mixes on PulseAudio's thread and
that thread can drop the last reference to a finished "voice". The voice owns an eventfd and a
QSocketNotifier made on the GUI thread; destroyed on the audio thread, it closes the eventfd
under the GUI thread's poll and Qt prints "Invalid socket" in a tight loop: the window froze
and ignored SIGTERM after a few quick presses of Next (the stress test in
tests/reliability/test_rapid_skip.py). Here every Qt object is made, used and deleted on the
GUI thread; PulseAudio only ever sees bytes, and mixes the cues' streams itself.
"""

from __future__ import annotations

import enum
import wave
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtMultimedia import QAudioDevice, QAudioFormat, QAudioSink, QtAudio

# WAVs the project makes (tools/make_sounds.py): 16-bit PCM, mono or stereo.
SAMPLE_WIDTHS = {2: QAudioFormat.SampleFormat.Int16}


FATAL = (QtAudio.Error.OpenError, QtAudio.Error.IOError, QtAudio.Error.FatalError)


class ClipStatus(enum.Enum):
    READY = "ready"
    ERROR = "error"  # unreadable file, a format the device refuses, or the stream failed


def read_wav(path: Path) -> tuple[QAudioFormat, bytes]:
    """The file's format and its samples; ValueError names what is wrong with it."""
    try:
        with wave.open(str(path), "rb") as wav:
            width, channels, rate = wav.getsampwidth(), wav.getnchannels(), wav.getframerate()
            frames = wav.readframes(wav.getnframes())
    except (OSError, EOFError, wave.Error) as exc:
        raise ValueError(f"{path}: cannot be read as a WAV file ({exc})") from exc
    if width not in SAMPLE_WIDTHS or channels not in (1, 2) or not frames:
        raise ValueError(f"{path}: not 16-bit mono or stereo PCM")
    audio_format = QAudioFormat()
    audio_format.setSampleRate(rate)
    audio_format.setChannelCount(channels)
    audio_format.setSampleFormat(SAMPLE_WIDTHS[width])
    return audio_format, frames


class CueClip(QObject):
    """The slice of QSoundEffect the cue bank uses: play, volume, mute, status."""

    statusChanged = Signal()

    def __init__(self, path: Path, device: QAudioDevice, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path
        self._volume = 1.0
        self._muted = False
        self._sink: QAudioSink | None = None
        self._frames = b""
        self._status = ClipStatus.ERROR
        try:
            audio_format, self._frames = read_wav(path)
        except ValueError:
            return
        if not device.isFormatSupported(audio_format):  # also: no device behind it
            return
        self._sink = QAudioSink(device, audio_format, self)
        # One write takes the whole clip, and the stream starts as soon as it has it.
        self._sink.setBufferSize(len(self._frames))
        self._status = ClipStatus.READY

    def source(self) -> QUrl:
        return QUrl.fromLocalFile(str(self._path))

    def status(self) -> ClipStatus:
        return self._status

    def play(self) -> None:
        """Start the clip from its beginning (cutting itself if still sounding); never waits
        on the sound server."""
        if self._sink is None or self._status is ClipStatus.ERROR or self._muted:
            return
        self._sink.stop()
        device = self._sink.start()
        # Errors are read here, not from stateChanged: PySide 6.11 cannot convert that
        # signal's QAudio::State when it arrives queued, and prints a TypeError instead.
        if device is None or self._sink.error() in FATAL:
            self._fail()
            return
        device.write(self._frames)

    def stop(self) -> None:
        if self._sink is not None:
            self._sink.stop()

    def volume(self) -> float:
        return self._volume

    def setVolume(self, linear: float) -> None:  # QSoundEffect's name
        self._volume = min(1.0, max(0.0, linear))
        if self._sink is not None:
            self._sink.setVolume(self._volume)

    def isMuted(self) -> bool:  # QSoundEffect's name
        return self._muted

    def setMuted(self, muted: bool) -> None:  # QSoundEffect's name
        self._muted = muted
        if muted:
            self.stop()  # cut what is sounding, as a muted QSoundEffect would

    def _fail(self) -> None:
        if self._status is not ClipStatus.ERROR:
            self._status = ClipStatus.ERROR
            self.statusChanged.emit()
