"""The status line's word on the voice: said when spoken cues were asked for but cannot be
given (no speech engine, or it failed), so silence is never a mystery."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject

from psoas_desktop.audio.voice import NOT_ANSWERING, Voice
from psoas_desktop.platform.settings import Settings
from psoas_desktop.ui.session_signals import SessionSignals
from psoas_desktop.ui.status_line import StatusLine

NO_VOICE = "No spoken cues ({problem}): the beeps carry on."
STUCK = "No spoken cues: " + NOT_ANSWERING
VOICE_TURNED_OFF = "voice turned off"  # PSOAS_SPEECH_ENGINE=none: on purpose, nothing to say


class VoiceHelp(Protocol):
    """What Settings says of the voice, and its way to try the engine again."""

    def problem(self) -> str:
        """Why spoken cues cannot be given ("" when they can)."""
        ...

    def retry(self) -> None:
        """Ask the speech engine once more."""


class NoVoiceYet:
    """Before a voice is attached: nothing to say, nothing to retry."""

    def problem(self) -> str:
        return ""

    def retry(self) -> None:
        pass


class VoiceStatus(QObject):
    def __init__(self, voice: Voice, status: StatusLine, settings: Settings,
                 sessions: SessionSignals) -> None:
        super().__init__(status)  # lives as long as the window's status line
        self._voice = voice
        self._settings = settings
        self.label = status.add_note("Voice status")  # the speech engine's own words
        voice.availability_changed.connect(self.show)
        sessions.created.connect(self.show)
        settings.voiceEnabledChanged.connect(self._ticked)

    def problem(self) -> str:
        voice = self._voice
        problem = "" if voice.available() or not self._settings.voice_enabled else voice.problem
        if problem in ("", VOICE_TURNED_OFF):
            return ""
        return STUCK if problem == NOT_ANSWERING else NO_VOICE.format(problem=problem)

    def retry(self) -> None:
        self._voice.retry()

    def show(self, *_: object) -> None:
        text = self.problem()
        self.label.setText(text)
        self.label.setVisible(bool(text))

    def _ticked(self, on: bool) -> None:
        if on:
            self._voice.retry()  # ticked again: the user asks for words, try the engine again
        self.show()


def watch_voice(voice: Voice, status: StatusLine, settings: Settings,
                sessions: SessionSignals) -> VoiceStatus:
    """Say in the status line when words were asked for but cannot be spoken (no speech
    engine, or it failed): checked as each session starts and whenever the voice comes or
    goes."""
    return VoiceStatus(voice, status, settings, sessions)
