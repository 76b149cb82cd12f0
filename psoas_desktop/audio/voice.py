"""Spoken cues, through a speaker process (see speaker.py): say() only ever writes a line.

Words that cannot be spoken on time are dropped, never queued: while the speaker is starting,
stuck, or gone, say() does nothing and the beeps carry the session alone.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Protocol

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

log = logging.getLogger(__name__)

ENGINE_VARIABLE = "PSOAS_SPEECH_ENGINE"  # an engine name, or none/off for no voice
# Sent but not yet acknowledged utterances beyond which the speaker counts as stuck.
MAX_UNANSWERED = 2
NO_VOICE = ("none", "off")  # PSOAS_SPEECH_ENGINE=none: beeps only, no speaker process
# A speaker that is not ready by then is stuck (a wedged speech-dispatcher never answers):
# it is ended and the window says so; retry() tries again when the user asks.
START_DEADLINE_MS = 5000
NOT_ANSWERING = "the speech engine is not answering"


class Speech(Protocol):
    """What the cue sink needs of a voice (tests pass a fake)."""

    def say(self, text: str) -> None: ...
    def set_volume(self, volume: float) -> None: ...
    def stop(self) -> None: ...
    def close(self) -> None: ...
    def available(self) -> bool: ...


def speaker_command() -> list[str]:
    return [sys.executable, "-m", "psoas_desktop.audio.speaker"]


class Voice(QObject):
    spoken = Signal(str)  # the speaker has handed these words to its engine
    availability_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None,
                 command: list[str] | None = None,
                 start_deadline_ms: int = START_DEADLINE_MS) -> None:
        super().__init__(parent)
        self._command = command or speaker_command()
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(start_deadline_ms)
        self._deadline.timeout.connect(self._not_answering)
        self._ready = False
        self._volume = 1.0
        self._sent = 0
        self._answered = 0
        self._texts: dict[int, str] = {}
        self._buffer = b""
        self.dropped = 0  # words not spoken because the speaker was not ready or not keeping up
        self.engine = ""
        self.problem = ""
        self._process = QProcess(self)
        if os.environ.get(ENGINE_VARIABLE, "").lower() in NO_VOICE:
            self.problem = "voice turned off"
            return
        self._process.setStandardErrorFile(QProcess.nullDevice())
        self._process.readyReadStandardOutput.connect(self._read)
        self._process.errorOccurred.connect(self._on_process_error)
        self._process.finished.connect(self._on_finished)
        self._start()

    def _start(self) -> None:
        program, *arguments = self._command
        self._deadline.start()
        self._process.start(program, arguments)

    def retry(self) -> None:
        """Start the speaker again after it stopped answering (the user asked for words)."""
        if self.problem != NOT_ANSWERING:
            return
        self.problem = ""
        self._buffer = b""
        self._sent = self._answered = 0
        self._texts.clear()
        self._start()

    def _not_answering(self) -> None:
        if self._ready:
            return
        self.problem = NOT_ANSWERING
        self._end_process()
        self.availability_changed.emit(False)  # not a change of _ready: said all the same

    def available(self) -> bool:
        return self._ready

    def say(self, text: str) -> None:
        """Hand the words to the speaker if it keeps up; never waits."""
        text = " ".join(text.split())  # one line, no tabs
        if not text:
            return
        if not self._ready or self._sent - self._answered >= MAX_UNANSWERED:
            self.dropped += 1
            log.info("words not spoken (%s; %d so far): %s",
                     "speaker not ready" if not self._ready else "speaker behind",
                     self.dropped, text)
            return
        self._sent += 1
        self._texts[self._sent] = text
        self._write("say", str(self._sent), text)

    def set_volume(self, volume: float) -> None:
        self._volume = volume
        if self._ready:
            self._write("volume", f"{volume:.3f}")

    def stop(self) -> None:
        if self._ready:
            self._write("stop")

    def close(self) -> None:
        """End the speaker now; a stuck engine is killed, not waited for."""
        self._ready = False
        self._deadline.stop()
        self._end_process()

    def _end_process(self) -> None:
        if self._process.state() is not QProcess.ProcessState.NotRunning:
            self._process.finished.disconnect(self._on_finished)
            self._process.kill()
            self._process.waitForFinished(1000)
            self._process.finished.connect(self._on_finished)

    def _write(self, *fields: str) -> None:
        self._process.write(("\t".join(fields) + "\n").encode())

    def _read(self) -> None:
        self._buffer += bytes(self._process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            self._handle(line.decode(errors="replace"))

    def _handle(self, line: str) -> None:
        kind, _, rest = line.partition("\t")
        if kind in ("ready", "unavailable"):
            self._deadline.stop()  # it answered, one way or the other
        if kind == "ready":
            self.engine = rest
            self._set_ready(True)
            self.set_volume(self._volume)
        elif kind == "said" and rest.isdigit():
            self._answered = max(self._answered, int(rest))
            text = self._texts.pop(int(rest), "")
            self.spoken.emit(text)
        elif kind == "unavailable":
            self.problem = rest
            self._set_ready(False)

    def _set_ready(self, ready: bool) -> None:
        if ready != self._ready:
            self._ready = ready
            self.availability_changed.emit(ready)

    def _on_process_error(self, error: QProcess.ProcessError) -> None:
        if error is QProcess.ProcessError.FailedToStart:
            self.problem = "speaker process failed to start"
            self._set_ready(False)

    def _on_finished(self) -> None:
        self.problem = self.problem or "speaker process ended"
        self._set_ready(False)
