"""The Qt cue sink with no audio device: nothing blocks or raises, and the window is told.

Every sink here is given a null default output, so the tests behave the same on a machine with
sound and on one without (QSoundEffect on no device goes to Error; play() does nothing).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from fakes.audio import FakeDevice, FakeVoice, Outputs
from PySide6.QtMultimedia import QAudioDevice, QMediaDevices

from psoas_desktop.audio.availability import NO_DEVICE, SOUND_BACK, follow
from psoas_desktop.audio.effects import EffectBank, cue_sound
from psoas_desktop.audio.player import (
    RETRY_SECONDS,
    SPEECH_LEVEL,
    QtCueSink,
    is_audible,
    make_cue_sink,
    slider_to_gain,
)
from psoas_desktop.core.cues import Cue

# With no sound server, QtMultimedia warns once per process, whichever test touches it first.
pytestmark = pytest.mark.qt_log_ignore("PulseAudioService: pa_context_connect")

# Effects built for a FakeDevice warn that Qt cannot play on it; that is expected here.
on_fake_device = pytest.mark.qt_log_ignore("QSoundEffect")


@pytest.fixture
def voice() -> FakeVoice:
    return FakeVoice()


@pytest.fixture
def output() -> Outputs:
    return Outputs()


@pytest.fixture
def sink(qtbot, clock, voice: FakeVoice, output: Outputs) -> Iterator[QtCueSink]:
    sink = QtCueSink(voice=voice, default_output=output, clock=clock)
    yield sink
    sink.close()


def test_every_cue_returns_at_once_without_a_device(sink: QtCueSink, output: Outputs) -> None:
    # What would make play() slow with no device: asking for the device, or building clips,
    # on every call. Neither happens (bench/cue_timing.py measures the time itself).
    calls = output.calls
    for _ in range(25):
        for cue in Cue:
            sink.play(cue)
    assert output.calls == calls and sink.bank is None
    assert sink.sound_available() is False


def test_the_window_is_told_once_that_cues_are_silent(qtbot, sink: QtCueSink) -> None:
    heard: list[tuple[bool, str]] = []
    follow(sink.sound, lambda news: heard.append((news.available, news.message)))
    qtbot.waitUntil(lambda: heard != [])
    for cue in Cue:
        sink.play(cue)
    qtbot.wait(100)
    assert heard == [(False, NO_DEVICE)]


def plug_in(qtbot, sink: QtCueSink, output: Outputs, device: QAudioDevice) -> None:
    """Make `device` the default output and let the sink notice, as Qt would tell it."""
    old = sink.bank
    output.device = device
    sink._devices.audioOutputsChanged.emit()
    qtbot.waitUntil(lambda: sink.bank is not old)


@on_fake_device
def test_each_cue_has_its_own_effect_on_its_own_file(qtbot, sink: QtCueSink,
                                                     output: Outputs) -> None:
    assert sink.bank is None  # no device, no effects: nothing to warn about on every retry
    plug_in(qtbot, sink, output, FakeDevice("headset"))
    assert sink.bank is not None and sink.device_name() == "headset"
    for cue in Cue:
        assert sink.bank.effect(cue).source().toLocalFile() == str(cue_sound(cue))
    assert len({id(sink.bank.effect(cue)) for cue in Cue}) == len(Cue)


def test_slider_to_gain_is_logarithmic_and_clamped() -> None:
    gains = [slider_to_gain(step / 10) for step in range(11)]
    assert gains[0] == 0.0 and gains[-1] == pytest.approx(1.0)
    assert all(a < b for a, b in itertools.pairwise(gains))
    assert 0.1 < slider_to_gain(0.5) < 0.2  # half the slider sounds half as loud, not -6 dB
    assert slider_to_gain(1.7) == pytest.approx(1.0) and slider_to_gain(-1.0) == 0.0


@on_fake_device
def test_volume_and_mute_reach_the_effects_built_when_a_device_arrives(
        qtbot, sink: QtCueSink, output: Outputs, voice: FakeVoice) -> None:
    sink.set_volume(0.5)
    sink.set_muted(True)
    plug_in(qtbot, sink, output, FakeDevice("headset"))
    assert sink.bank is not None
    for cue in Cue:
        assert sink.bank.effect(cue).volume() == pytest.approx(slider_to_gain(0.5), abs=1e-3)
        assert sink.bank.effect(cue).isMuted()
    sink.set_muted(False)
    sink.set_volume(1.0)
    assert not any(sink.bank.effect(cue).isMuted() for cue in Cue)
    assert sink.bank.effect(Cue.TICK).volume() == pytest.approx(1.0)


def test_voice_volume_follows_the_slider_curve(sink: QtCueSink, voice: FakeVoice) -> None:
    assert voice.volumes == [SPEECH_LEVEL]
    sink.set_volume(0.5)
    assert voice.volumes[-1] == pytest.approx(SPEECH_LEVEL * slider_to_gain(0.5))


def test_mute_cuts_and_silences_the_voice(sink: QtCueSink, voice: FakeVoice) -> None:
    sink.set_muted(True)
    assert voice.stops == 1  # words already being spoken are cut
    sink.say("Hold")
    sink.set_muted(False)
    sink.say("Rest, 30 seconds")
    assert voice.said == ["Rest, 30 seconds"]


def test_voice_setting_turns_words_off_and_on(sink: QtCueSink, voice: FakeVoice) -> None:
    sink.set_voice_enabled(False)
    sink.say("Left side. Hold")
    sink.set_voice_enabled(True)
    sink.say("Switch sides")
    sink.say("")  # steps a beep says enough for
    assert voice.said == ["Switch sides"]


@on_fake_device
def test_a_device_that_comes_back_is_announced(qtbot, monkeypatch, sink: QtCueSink,
                                               output: Outputs) -> None:
    heard: list[tuple[bool, str]] = []
    follow(sink.sound, lambda news: heard.append((news.available, news.message)))
    qtbot.waitUntil(lambda: heard == [(False, NO_DEVICE)])
    # Qt here has no real device to load on: pretend the effects loaded, as they would.
    monkeypatch.setattr(EffectBank, "failed", lambda self: False)
    monkeypatch.setattr(EffectBank, "loaded", lambda self: True)
    calls = output.calls
    output.device = FakeDevice("headset")
    sink._devices.audioOutputsChanged.emit()  # Qt often says it twice: rebuild once
    sink._devices.audioOutputsChanged.emit()
    qtbot.waitUntil(lambda: len(heard) == 2)
    qtbot.wait(100)
    assert output.calls == calls + 1
    assert heard[-1] == (True, SOUND_BACK) and sink.sound_available()
    output.device = QAudioDevice()  # unplugged, nothing else there
    sink._devices.audioOutputsChanged.emit()
    qtbot.waitUntil(lambda: len(heard) == 3)
    assert heard[-1] == (False, NO_DEVICE) and sink.bank is None


def test_a_failed_bank_is_retried_on_play_but_not_more_than_every_few_seconds(
        monkeypatch, sink: QtCueSink, output: Outputs, clock) -> None:
    calls = output.calls  # no device: every play() would like a retry
    for _ in range(10):
        sink.play(Cue.TICK)
    assert output.calls == calls
    clock.advance(RETRY_SECONDS)
    for _ in range(10):
        sink.play(Cue.TICK)
    assert output.calls == calls + 1


def test_close_ends_the_voice_and_later_calls_do_nothing(sink: QtCueSink, voice: FakeVoice,
                                                         output: Outputs, clock) -> None:
    sink.close()
    sink.close()
    assert voice.closed and sink.bank is None
    clock.advance(60)
    calls = output.calls
    sink.play(Cue.DONE)
    assert output.calls == calls  # no rebuild after close


# PulseAudio with no sink offers its null output ("auto_null"): a device to Qt, but nothing
# plays there, so it counts as no device, as the sink itself judges.
@pytest.mark.skipif(not is_audible(QMediaDevices.defaultAudioOutput()),
                    reason="no audible audio device here")
def test_with_a_real_device_sound_is_available(qtbot, monkeypatch) -> None:
    monkeypatch.setenv("PSOAS_SPEECH_ENGINE", "none")
    sink = make_cue_sink()
    try:
        qtbot.waitUntil(lambda: sink.bank is not None and sink.bank.loaded(), timeout=5000)
        assert sink.sound_available() is True
    finally:
        sink.close()
