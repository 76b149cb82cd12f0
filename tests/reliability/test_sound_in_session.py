"""Sound through the real cue sink (QtCueSink) in the real window, during a session: with no
audio device, with the device unplugged mid-session and plugged back, and with no speech engine,
the session runs to its end on time, the window says what is missing, and cues come back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from fakes.audio import FakeDevice, FakeVoice, Outputs
from PySide6.QtMultimedia import QAudioDevice

from psoas_desktop.audio.availability import NO_DEVICE
from psoas_desktop.audio.effects import EffectBank
from psoas_desktop.audio.player import QtCueSink
from psoas_desktop.audio.sink import RecordingCueSink
from psoas_desktop.audio.voice import Voice
from psoas_desktop.core.cues import Cue
from psoas_desktop.core.engine import State

# No sound server here; effects on a pretend device cannot load; the offscreen platform.
pytestmark = pytest.mark.qt_log_ignore("PulseAudioService: pa_context_connect", "QSoundEffect",
                                       "Invalid PulseAudio context",
                                       "This plugin does not support propagateSizeHints")


@pytest.fixture
def heard(monkeypatch) -> list[tuple[str, Cue]]:
    """(device, cue) for every cue a bank played; banks count as loaded, as on real hardware."""
    played: list[tuple[str, Cue]] = []
    monkeypatch.setattr(EffectBank, "failed", lambda self: False)
    monkeypatch.setattr(EffectBank, "loaded", lambda self: True)
    monkeypatch.setattr(EffectBank, "play",
                        lambda self, cue: played.append((self.device.description(), cue)))
    return played


@pytest.fixture
def make_sink(qtbot, clock, window) -> Iterator:
    made: list[QtCueSink] = []

    def make(outputs: Outputs, voice=None) -> QtCueSink:
        made.append(QtCueSink(voice=voice or FakeVoice(), default_output=outputs,
                              clock=clock))
        return made[-1]

    yield make
    window.set_cue_sink(RecordingCueSink())
    for sink in made:
        sink.close()
        # Now, not whenever the garbage collector gets to it: QtMultimedia may warn as its
        # device watcher goes, and that belongs to this test, not to a later one.
        shiboken6.delete(sink)


def unplug_or_plug(qtbot, sink: QtCueSink, outputs: Outputs, device: QAudioDevice) -> None:
    """Make `device` the default output and let the sink notice, as Qt would tell it."""
    old = sink.bank
    outputs.device = device
    sink._devices.audioOutputsChanged.emit()
    qtbot.waitUntil(lambda: sink.bank is not old)


def test_no_audio_device_the_session_runs_and_the_window_says_so(
        qtbot, window, clock, make_sink, run) -> None:
    sink = make_sink(Outputs(QAudioDevice()))
    window.set_cue_sink(sink)
    qtbot.waitUntil(lambda: window.status_line.sound_message() == NO_DEVICE)
    assert window.status_line.sound_status.isVisible()
    window.start_session()
    run(window, clock)
    assert window.session.state is State.FINISHED
    assert window.session.active_seconds() == window.session.timeline.total_seconds


def test_a_device_lost_mid_session_and_back_again(qtbot, window, clock, make_sink, heard,
                                                  run) -> None:
    outputs = Outputs(FakeDevice("speakers"))
    sink = make_sink(outputs)
    window.set_cue_sink(sink)
    window.start_session()
    run(window, clock, 5)
    assert {device for device, _ in heard} == {"speakers"}
    assert window.status_line.sound_message() == ""

    unplug_or_plug(qtbot, sink, outputs, QAudioDevice())  # the headset cable is pulled
    assert window.status_line.sound_message() == NO_DEVICE
    before = len(heard)
    run(window, clock, 5)
    assert len(heard) == before  # silent, not stuck: the countdown kept going
    assert window.session.state is State.RUNNING

    unplug_or_plug(qtbot, sink, outputs, FakeDevice("headset"))
    assert window.status_line.sound_message() == ""  # "Sound is back" leaves nothing to warn about
    run(window, clock)
    assert window.session.state is State.FINISHED
    assert ("headset", Cue.DONE) in heard[before:]


def test_no_speech_engine_leaves_the_beeps(qtbot, window, clock, make_sink, heard,
                                           run) -> None:
    voice = Voice(command=["/nonexistent/speaker"])  # the speaker cannot even start
    sink = make_sink(Outputs(FakeDevice("speakers")), voice)
    window.set_cue_sink(sink)
    qtbot.waitUntil(lambda: voice.problem != "", timeout=5000)
    window.start_session()
    run(window, clock)
    assert window.session.state is State.FINISHED
    assert voice.dropped > 0  # the words were dropped at once, never queued
    assert (("speakers", Cue.DONE)) in heard


def test_the_window_says_when_words_cannot_be_spoken(qtbot, window, clock, make_sink,
                                                     heard, run) -> None:
    from psoas_desktop.ui.voice_status import watch_voice

    voice = Voice(command=["/nonexistent/speaker"])
    window.set_cue_sink(make_sink(Outputs(FakeDevice("speakers")), voice))
    # as the app does once the sink is attached
    label = watch_voice(voice, window.status_line, window.settings, window.session_signals).label
    qtbot.waitUntil(lambda: voice.problem != "", timeout=5000)
    window.start_session()  # each session start looks again
    assert label.isVisible() and "speaker process failed to start" in label.text()
    assert "beeps carry on" in label.text()
    window.settings.voice_enabled = False  # the user turns words off: nothing missing any more
    assert not label.isVisible()
    run(window, clock)
    assert window.session.state is State.FINISHED


def test_a_voice_turned_off_on_purpose_is_not_a_problem(qtbot, window, make_sink,
                                                         monkeypatch) -> None:
    from psoas_desktop.ui.voice_status import watch_voice

    monkeypatch.setenv("PSOAS_SPEECH_ENGINE", "none")
    voice = Voice()
    window.set_cue_sink(make_sink(Outputs(QAudioDevice()), voice))
    label = watch_voice(voice, window.status_line, window.settings, window.session_signals).label
    window.start_session()
    assert not label.isVisible()
