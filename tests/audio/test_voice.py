"""The voice: words spoken through a speaker process, never waited for, dropped when stuck."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator

import pytest
from PySide6.QtMultimedia import QAudioDevice
from PySide6.QtTextToSpeech import QTextToSpeech

from psoas_desktop.audio.player import QtCueSink
from psoas_desktop.audio.speaker import Speaker
from psoas_desktop.audio.voice import MAX_UNANSWERED, Voice

# With no sound server, QtMultimedia warns once per process, whichever test touches it first.
pytestmark = pytest.mark.qt_log_ignore("PulseAudioService: pa_context_connect")

START_TIMEOUT = 15_000  # ms: a fresh Python importing Qt, on a slow CI machine

# Announces itself like the speaker, then never reads a line: a wedged speech engine.
STUCK_SPEAKER = "import time; print('ready\\tstuck', flush=True); time.sleep(120)"


@pytest.fixture
def voice(qtbot) -> Iterator[Voice]:
    voice = Voice()
    yield voice
    voice.close()


def test_the_mock_engine_speaks(qtbot, voice: Voice) -> None:
    qtbot.waitUntil(voice.available, timeout=START_TIMEOUT)
    assert voice.engine == "mock"
    with qtbot.waitSignal(voice.spoken, timeout=5000) as spoken:
        voice.say("Left side.\tHold")
    assert spoken.args == ["Left side. Hold"]


def test_no_words_with_the_voice_turned_off(qtbot) -> None:
    sink = QtCueSink(default_output=QAudioDevice)
    try:
        voice = sink.speech
        assert isinstance(voice, Voice)
        qtbot.waitUntil(voice.available, timeout=START_TIMEOUT)
        sink.set_voice_enabled(False)
        with qtbot.assertNotEmitted(voice.spoken, wait=500):
            sink.say("Rest, 30 seconds")
        sink.set_voice_enabled(True)
        with qtbot.waitSignal(voice.spoken, timeout=5000):
            sink.say("Rest, 30 seconds")
    finally:
        sink.close()


def test_words_before_the_speaker_is_ready_are_dropped_not_queued(voice: Voice, caplog) -> None:
    assert not voice.available()
    with caplog.at_level("INFO", logger="psoas_desktop.audio.voice"):
        voice.say("Get ready")
    assert voice.dropped == 1
    assert [r.getMessage() for r in caplog.records] == [
        "words not spoken (speaker not ready; 1 so far): Get ready"]


def test_an_unknown_engine_leaves_beeps_alone(qtbot, monkeypatch) -> None:
    monkeypatch.setenv("PSOAS_SPEECH_ENGINE", "no-such-engine")
    voice = Voice()
    try:
        qtbot.waitUntil(lambda: voice.problem != "", timeout=START_TIMEOUT)
        assert not voice.available()
        started = time.perf_counter()
        voice.say("Hold")
        assert time.perf_counter() - started < 0.01
    finally:
        voice.close()


def test_voice_can_be_switched_off_from_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("PSOAS_SPEECH_ENGINE", "none")
    voice = Voice()
    assert not voice.available() and voice.problem == "voice turned off"
    voice.say("Hold")
    voice.close()


def test_a_speaker_that_fails_to_start_is_reported(qtbot) -> None:
    voice = Voice(command=["/nonexistent/python"])
    try:
        qtbot.waitUntil(lambda: voice.problem != "", timeout=5000)
        assert not voice.available()
    finally:
        voice.close()


def test_a_stuck_speaker_never_blocks_and_is_killed_at_close(qtbot) -> None:
    voice = Voice(command=[sys.executable, "-c", STUCK_SPEAKER])
    qtbot.waitUntil(voice.available, timeout=START_TIMEOUT)
    started = time.perf_counter()
    for _ in range(50):
        voice.say("Rest, 30 seconds. " * 20)
    assert time.perf_counter() - started < 0.05
    assert voice.dropped == 50 - MAX_UNANSWERED  # the rest were never written to its pipe
    started = time.perf_counter()
    voice.close()
    assert time.perf_counter() - started < 1.5
    assert not voice.available()


def test_new_words_replace_words_still_being_spoken(qtbot) -> None:
    tts = QTextToSpeech("mock")
    speaker = Speaker(tts)
    speaker.say(" ".join(["word"] * 40))  # the mock engine takes 0.1 s a word: 4 s
    assert tts.state() is QTextToSpeech.State.Speaking
    started = time.monotonic()
    speaker.say("Rest")
    qtbot.waitUntil(lambda: tts.state() is QTextToSpeech.State.Ready, timeout=2000)
    assert time.monotonic() - started < 1.0
