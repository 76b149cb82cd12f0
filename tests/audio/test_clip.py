"""A cue's clip: the WAV is checked once, and a clip that cannot play says so and stays quiet."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest
from PySide6.QtMultimedia import QAudioDevice, QAudioFormat

from psoas_desktop.audio.clip import ClipStatus, CueClip, read_wav
from psoas_desktop.audio.effects import cue_sound
from psoas_desktop.core.cues import Cue


def write_wav(path: Path, width: int, channels: int = 1, frames: int = 100) -> Path:
    with wave.open(str(path), "wb") as wav:
        wav.setsampwidth(width)
        wav.setnchannels(channels)
        wav.setframerate(22050)
        wav.writeframes(b"\x00" * width * channels * frames)
    return path


def test_every_shipped_cue_reads_as_16_bit_pcm() -> None:
    for cue in Cue:
        audio_format, frames = read_wav(cue_sound(cue))
        assert audio_format.sampleFormat() is QAudioFormat.SampleFormat.Int16
        assert audio_format.channelCount() in (1, 2) and audio_format.sampleRate() == 22050
        assert len(frames) > 0 and len(frames) % (2 * audio_format.channelCount()) == 0


@pytest.mark.parametrize("make", [
    lambda p: (p.write_bytes(b"RIFF not really"), p)[1],
    lambda p: write_wav(p, width=1),  # 8-bit
    lambda p: write_wav(p, width=2, frames=0),  # empty
])
def test_a_bad_file_is_named(tmp_path: Path, make) -> None:
    path = make(tmp_path / "bad.wav")
    with pytest.raises(ValueError, match=r"bad\.wav"):
        read_wav(path)


def test_no_device_means_error_and_play_does_nothing(qtbot) -> None:
    clip = CueClip(cue_sound(Cue.TICK), QAudioDevice())
    assert clip.status() is ClipStatus.ERROR
    clip.play()  # neither raises nor waits
    clip.setVolume(2.0)
    assert clip.volume() == 1.0
    clip.setMuted(True)
    assert clip.isMuted()
    assert clip.source().toLocalFile() == str(cue_sound(Cue.TICK))


def test_an_unreadable_file_is_an_error_even_on_a_device(qtbot, tmp_path: Path) -> None:
    clip = CueClip(tmp_path / "missing.wav", QAudioDevice())
    assert clip.status() is ClipStatus.ERROR
