"""A speech engine that never answers (speech-dispatcher wedged): after the start-up deadline
the status line says so, and ticking "Speak the cues" again tries the engine once more."""

from __future__ import annotations

import sys
from pathlib import Path

from psoas_desktop.audio.voice import NOT_ANSWERING, Voice
from psoas_desktop.ui.voice_status import STUCK, watch_voice

# A stand-in speaker: stuck (reads its input, says nothing) on its first start; on the next it
# answers as the real one does once its engine is up.
FAKE_SPEAKER = """
import pathlib, sys
flag = pathlib.Path(sys.argv[1])
if flag.exists():
    print("ready\\tfake", flush=True)
else:
    flag.touch()
sys.stdin.read()
"""


def test_a_stuck_speaker_is_reported_and_retried(qtbot, window, tmp_path: Path) -> None:
    command = [sys.executable, "-c", FAKE_SPEAKER, str(tmp_path / "started-once")]
    voice = Voice(window, command=command, start_deadline_ms=300)
    label = watch_voice(voice, window.status_line, window.settings, window.session_signals).label
    window.settings.voice_enabled = True
    try:
        qtbot.waitUntil(lambda: voice.problem == NOT_ANSWERING, timeout=10_000)
        assert not voice.available()
        assert label.isVisible() and label.text() == STUCK
        voice.say("Hold")  # dropped at once, never queued for a speaker that is not there
        assert voice.dropped == 1

        window.settings.voice_enabled = False  # untick...
        assert not label.isVisible()
        window.settings.voice_enabled = True  # ...and tick again: the engine is asked once more
        qtbot.waitUntil(voice.available, timeout=10_000)
        assert voice.problem == "" and voice.engine == "fake"
        assert not label.isVisible()
    finally:
        voice.close()


def test_settings_says_the_engine_is_not_answering_and_tries_again(qtbot, window,
                                                                    tmp_path: Path) -> None:
    from psoas_desktop.ui.settings_dialog import SettingsDialog

    command = [sys.executable, "-c", FAKE_SPEAKER, str(tmp_path / "started-once")]
    voice = Voice(window, command=command, start_deadline_ms=300)
    window.voice_help = watch_voice(voice, window.status_line, window.settings,
                                    window.session_signals)
    window.settings.voice_enabled = True
    try:
        qtbot.waitUntil(lambda: voice.problem == NOT_ANSWERING, timeout=10_000)
        dialog = SettingsDialog(window.settings, window, window.voice_help.problem(),
                                window.voice_help.retry)
        qtbot.addWidget(dialog)
        assert dialog.voice_note.text() == STUCK
        assert not dialog.voice.isChecked()  # no ticked box promising words that won't come
        dialog.accept()  # left unticked by the app, not by the user: the wish stays
        assert window.settings.voice_enabled
        dialog = SettingsDialog(window.settings, window, window.voice_help.problem(),
                                window.voice_help.retry)
        qtbot.addWidget(dialog)
        dialog.retry.click()
        qtbot.waitUntil(voice.available, timeout=10_000)
        assert window.voice_help.problem() == ""
        dialog = SettingsDialog(window.settings, window, window.voice_help.problem())
        assert dialog.voice.isChecked()
    finally:
        voice.close()
