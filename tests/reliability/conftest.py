"""Helpers for tests that run the app or a session in a child process and watch its stdout."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import pytest

CHILDREN = Path(__file__).parent / "children"
START_TIMEOUT = 60.0  # seconds: a fresh Python importing Qt on a slow, busy CI machine


class Child:
    """A child process whose stdout lines are collected by a thread, so it never blocks on a
    full pipe and the test can wait for a line with a deadline."""

    def __init__(self, argv: Sequence[str], env: Mapping[str, str] | None = None) -> None:
        # stderr to a file: a chatty child must not block on a pipe nobody reads.
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 - closed in kill()
        self.process = subprocess.Popen(
            list(argv), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=self._stderr,
            text=True, env={**os.environ, **(env or {})})
        self.lines: list[str] = []
        self.cut_short = ""
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self._changed:
                if line.endswith("\n"):
                    self.lines.append(line[:-1])
                else:  # cut short by a kill: not a report
                    self.cut_short = line
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    def wait_for(self, text: str, timeout: float = START_TIMEOUT) -> None:
        """Until a line equal to `text` was printed; fails if the child ends or time runs out."""
        with self._changed:
            done = self._changed.wait_for(
                lambda: text in self.lines or not self._reader.is_alive(), timeout)
        assert done and text in self.lines, (
            f"no {text!r} from the child; it printed {self.lines[-5:]}, "
            f"stderr: {self.stderr_text()[-2000:]}")

    def finish(self, timeout: float = 30.0) -> int:
        """Wait for the exit (bounded) and for every line it printed."""
        code = self.process.wait(timeout=timeout)
        self._reader.join(timeout=10)
        return code

    def stderr_text(self) -> str:
        self._stderr.seek(0)
        return self._stderr.read().decode(errors="replace")

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self._reader.join(timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()
        self._stderr.close()


@pytest.fixture
def child() -> Iterator[type[Child]]:
    """Make children with `child(argv)`; each is killed at teardown if still running."""
    made: list[Child] = []

    def make(argv: Sequence[str], env: Mapping[str, str] | None = None) -> Child:
        made.append(Child(argv, env))
        return made[-1]

    yield make  # type: ignore[misc]
    for one in made:
        one.kill()


@pytest.fixture
def app_dirs(tmp_path) -> tuple[Path, Path]:
    """A config and a data folder of the test's own, so a second copy finds only its first."""
    return tmp_path / "config", tmp_path / "data"


def app_argv(config: Path, data: Path, *extra: str) -> list[str]:
    """The real app, through its command line, with the test hooks of app_child.py."""
    return [sys.executable, str(CHILDREN / "app_child.py"), "--config-dir", str(config),
            "--data-dir", str(data), *extra]


@pytest.fixture
def app_command():
    return app_argv


# --- a main window on the fake clock (as tests/ui has), for tests through the app's objects ---


@pytest.fixture(scope="session")
def book():
    from psoas_desktop.core.routine_file import load_book
    from psoas_desktop.resources import builtin_routines

    return load_book(builtin_routines(), [])


@pytest.fixture
def sink():
    from psoas_desktop.audio.sink import RecordingCueSink

    return RecordingCueSink()


@pytest.fixture
def window(qtbot, book, sink, clock):
    """The main window on the fake clock, never asking before it closes."""
    from psoas_desktop.platform.screensaver import NoInhibitor
    from psoas_desktop.platform.settings import Settings
    from psoas_desktop.ui.main_window import MainWindow

    window = MainWindow(book, Settings.in_memory(book.rests), sink=sink, clock=clock,
                        screensaver=NoInhibitor())
    qtbot.addWidget(window)
    window.confirm_discard = lambda: True
    window.choose_routine("psoas-stretch")
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def no_log_dialog(monkeypatch):
    """The after-session log is skipped (its dialog is modal); the answers are counted."""
    from psoas_desktop.ui.log_dialog import LogDialog

    asked: list[int | None] = []

    def ask(cls, parent=None, pain_before=None, *more):
        asked.append(pain_before)

    monkeypatch.setattr(LogDialog, "ask", classmethod(ask))
    return asked


def run_steps(window, clock, steps: int | None = None) -> None:
    """Let the window's session run on the fake clock, a second at a time, as its timer would:
    `steps` more steps, or to the end."""
    from psoas_desktop.core.engine import State

    session = window.session
    stop = None if steps is None else session.index + steps
    while session.state is State.RUNNING and (stop is None or session.index < stop):
        clock.advance(1.0)
        window.controller.wake()


@pytest.fixture
def run():
    return run_steps
