"""The status line's word on the voice: said when spoken cues were asked for but cannot be
given (no speech engine, or it failed), so silence is never a mystery."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from psoas_desktop.audio.voice import NOT_ANSWERING, Voice
from psoas_desktop.ui.main_window import MainWindow

NO_VOICE = "No spoken cues ({problem}): the beeps carry on."
STUCK = "No spoken cues: " + NOT_ANSWERING
VOICE_TURNED_OFF = "voice turned off"  # PSOAS_SPEECH_ENGINE=none: on purpose, nothing to say


def watch_voice(window: MainWindow, voice: Voice) -> QLabel:
    """Say in the status bar when words were asked for but cannot be spoken (no speech engine,
    or it failed): checked as each session starts and whenever the voice comes or goes."""
    label = QLabel(window)
    label.setTextFormat(Qt.TextFormat.PlainText)  # the speech engine's own words
    label.setAccessibleName("Voice status")
    label.hide()
    window.statusBar().addPermanentWidget(label)

    def status_text() -> str:
        problem = "" if voice.available() or not window.settings.voice else voice.problem
        if problem in ("", VOICE_TURNED_OFF):
            return ""
        return STUCK if problem == NOT_ANSWERING else NO_VOICE.format(problem=problem)

    def show(*_: object) -> None:
        text = status_text()
        label.setText(text)
        label.setVisible(bool(text))

    def setting_changed(key: str) -> None:
        if key == "sound/voice" and window.settings.voice:
            voice.retry()  # ticked again: the user asks for words, try the engine once more
        show()

    window.voice_problem = status_text  # Settings says it too, with a way to try again
    window.retry_voice = voice.retry
    voice.availability_changed.connect(show)
    window.sessionCreated.connect(show)
    window.settings.changed.connect(setting_changed)
    return label
