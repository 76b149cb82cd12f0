"""Pretend audio devices and voices for the cue sink's tests."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtMultimedia import QAudioDevice


class FakeDevice(QAudioDevice):
    """A device that says it exists: Qt underneath still sees none, so effects end in Error."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def isNull(self) -> bool:
        return False

    def id(self) -> QByteArray:
        return QByteArray(self.name.encode())

    def description(self) -> str:
        return self.name


class Outputs:
    """The default output, as a test plugs and unplugs it, counting how often the sink asked."""

    def __init__(self, device: QAudioDevice | None = None) -> None:
        self.calls = 0
        self.device = device if device is not None else QAudioDevice()

    def __call__(self) -> QAudioDevice:
        self.calls += 1
        return self.device


class FakeVoice:
    """Records what it was asked to say, at what volume, and whether it was stopped."""

    def __init__(self) -> None:
        self.said: list[str] = []
        self.volumes: list[float] = []
        self.stops = 0
        self.closed = False

    def say(self, text: str) -> None:
        self.said.append(text)

    def set_volume(self, volume: float) -> None:
        self.volumes.append(volume)

    def stop(self) -> None:
        self.stops += 1

    def close(self) -> None:
        self.closed = True

    def available(self) -> bool:
        return True
