"""A private D-Bus daemon per test, and the fake desktop services that run on it (fixtures:
import them into the test module or conftest that uses them)."""

from __future__ import annotations

import queue
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

FAKES = Path(__file__).resolve().parent / "dbus_services.py"


@pytest.fixture
def private_bus() -> Iterator[str]:
    """The address of a fresh session-type bus that only this test uses."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed")
    process = subprocess.Popen([daemon, "--session", "--nofork", "--print-address=1"],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    address = process.stdout.readline().strip()
    try:
        yield address
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()


class FakeServices:
    """The child's printed lines arrive on a queue, so a test waits with a deadline."""

    def __init__(self, address: str, *services: str) -> None:
        self.process = subprocess.Popen([sys.executable, str(FAKES), address, *services],
                                        stdout=subprocess.PIPE, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        assert self.readline() == "ready"

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.strip())

    def readline(self, timeout: float = 30) -> str:
        return self.lines.get(timeout=timeout)

    def quiet(self, seconds: float = 0.5) -> bool:
        """Nothing more was printed within `seconds`."""
        try:
            self.lines.get(timeout=seconds)
        except queue.Empty:
            return True
        return False

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        self._reader.join(timeout=10)
        assert self.process.stdout is not None
        self.process.stdout.close()


@pytest.fixture
def fake_services(private_bus: str) -> Iterator[Callable[..., FakeServices]]:
    started: list[FakeServices] = []

    def start(*services: str) -> FakeServices:
        fake = FakeServices(private_bus, *services)
        started.append(fake)
        return fake

    yield start
    for fake in started:
        fake.stop()
