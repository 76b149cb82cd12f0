"""The speech engine in a process of its own: `python -m psoas_desktop.audio.speaker`.

Why a process: with speech-dispatcher wedged (it happens after speaking with no audio server),
constructing QTextToSpeech("speechd") never returns, and PySide holds the GIL through the call,
so even a QThread would freeze the whole app. Here a stuck engine freezes only this process.

Protocol, one line each, tab-separated. In: `say <id> <text>`, `volume <0..1>`, `stop`.
Out: `ready <engine>`, `unavailable <reason>`, `said <id>`, `state <name>`.
The process ends when its input closes or its parent dies.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtTextToSpeech import QTextToSpeech

from psoas_desktop.audio.voice import ENGINE_VARIABLE


def _die_with_parent() -> None:
    """Linux: have the kernel end us when the app ends, even if we are stuck inside the engine."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        pr_set_pdeathsig = 1
        ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def _send(*fields: str) -> None:
    print("\t".join(fields), flush=True)


class _Input(QObject):
    """Lines from stdin, read on a thread and handed to the event loop as signals."""

    line = Signal(str)
    closed = Signal()

    def start(self) -> None:
        threading.Thread(target=self._read, name="speaker-input", daemon=True).start()

    def _read(self) -> None:
        for line in sys.stdin:
            self.line.emit(line.rstrip("\n"))
        self.closed.emit()


class Speaker(QObject):
    def __init__(self, tts: QTextToSpeech) -> None:
        super().__init__()
        self.tts = tts
        tts.stateChanged.connect(self._on_state)

    def handle(self, line: str) -> None:
        command, _, rest = line.partition("\t")
        if command == "say":
            utterance_id, _, text = rest.partition("\t")
            self.say(text)
            _send("said", utterance_id)
        elif command == "volume":
            with contextlib.suppress(ValueError):
                self.tts.setVolume(min(1.0, max(0.0, float(rest))))
        elif command == "stop":
            self.tts.stop(QTextToSpeech.BoundaryHint.Immediate)

    def say(self, text: str) -> None:
        # A new cue replaces the words still being spoken: late words are wrong words.
        if self.tts.state() in (QTextToSpeech.State.Speaking, QTextToSpeech.State.Synthesizing):
            self.tts.stop(QTextToSpeech.BoundaryHint.Immediate)
        self.tts.say(text)

    def _on_state(self, state: QTextToSpeech.State) -> None:
        _send("state", state.name)
        if state is QTextToSpeech.State.Error:
            _send("unavailable", self.tts.errorString() or "speech engine error")


def make_engine(app: QCoreApplication) -> QTextToSpeech:
    name = os.environ.get(ENGINE_VARIABLE, "")
    return QTextToSpeech(name, app) if name else QTextToSpeech(app)


def main() -> int:
    _die_with_parent()
    app = QCoreApplication(sys.argv[:1])
    if not QTextToSpeech.availableEngines():
        _send("unavailable", "no speech engine")
        return 1
    tts = make_engine(app)
    if tts.state() is QTextToSpeech.State.Error:
        _send("unavailable", tts.errorString() or f"speech engine '{tts.engine()}' failed")
        return 1
    speaker = Speaker(tts)
    lines = _Input()
    lines.line.connect(speaker.handle)
    lines.closed.connect(app.quit)
    _send("ready", tts.engine())
    lines.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
