"""The app makes no network connection at all: the window, a short session with sound, speech and
the history, and the command line, each run under strace, never connect() to an AF_INET or
AF_INET6 address. Local sockets (AF_UNIX: D-Bus, the single-instance socket, PulseAudio) are fine.
CI needs the Debian package `strace` for this; without it the tests skip and say so."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import CHILDREN

STRACE = shutil.which("strace")
NETWORK = re.compile(r"connect\(\d+, \{sa_family=AF_INET6?\b")
# A control: this does connect to the network (a closed local port), so it must be caught.
DIALS_OUT = ("import socket\ns = socket.socket()\ntry:\n    s.connect(('127.0.0.1', 9))\n"
             "except OSError:\n    pass\n")

pytestmark = pytest.mark.skipif(STRACE is None, reason=(
    "strace is not installed: add the Debian package 'strace' to .ci/run's packages to check "
    "that the app never touches the network"))


def traced(argv: list[str], log: Path, env: dict[str, str] | None = None,
           timeout: float = 120) -> tuple[subprocess.CompletedProcess, list[str]]:
    """Run `argv` under strace (following children: the speaker, QtMultimedia's threads)."""
    assert STRACE is not None
    environment = {**os.environ, **(env or {})}
    environment.pop("PSOAS_SPEECH_ENGINE", None)  # the real speech engine, as users have it
    result = subprocess.run([STRACE, "-f", "-qq", "-e", "trace=connect", "-o", str(log), *argv],
                            capture_output=True, text=True, timeout=timeout, check=False,
                            env=environment)
    calls = [line for line in log.read_text().splitlines() if "connect(" in line]
    return result, calls


def network(calls: list[str]) -> list[str]:
    return [call for call in calls if NETWORK.search(call)]


@pytest.fixture(scope="module")
def strace_works(tmp_path_factory) -> None:
    log = tmp_path_factory.mktemp("strace") / "control.log"
    result, calls = traced([sys.executable, "-c", DIALS_OUT], log)
    if result.returncode != 0 or not network(calls):
        pytest.skip(f"strace cannot trace here (ptrace not allowed?): {result.stderr[-300:]}")


def test_the_window_starting_up_dials_nowhere(strace_works, tmp_path) -> None:
    result, calls = traced(
        [sys.executable, "-m", "psoas_desktop", "--config-dir", str(tmp_path / "c"),
         "--data-dir", str(tmp_path / "d")], tmp_path / "start.log",
        {"PSOAS_EXIT_AFTER_FIRST_PAINT": "1"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert "first-paint" in result.stdout
    assert network(calls) == []


def test_a_session_with_sound_speech_and_history_dials_nowhere(strace_works, tmp_path) -> None:
    result, calls = traced(
        [sys.executable, str(CHILDREN / "app_child.py"), "--config-dir", str(tmp_path / "c"),
         "--data-dir", str(tmp_path / "d")], tmp_path / "session.log",
        {"PSOAS_TEST_STEPS": "8", "PSOAS_TEST_QUIT": "1"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.splitlines()[0] == "ready"
    assert (tmp_path / "d" / "history.sqlite3").exists()
    assert network(calls) == []


@pytest.mark.parametrize("command", [["history", "list"], ["plan", "psoas-stretch"],
                                     ["routines"], ["history", "export", "{T}/out.csv"]])
def test_the_command_line_dials_nowhere(strace_works, tmp_path, command) -> None:
    from psoas_desktop.storage.history import History

    History(tmp_path / "d" / "history.sqlite3").close()
    result, calls = traced(
        [sys.executable, "-m", "psoas_desktop", "--config-dir", str(tmp_path / "c"),
         "--data-dir", str(tmp_path / "d"),
         *(arg.replace("{T}", str(tmp_path)) for arg in command)], tmp_path / "cli.log")
    assert result.returncode == 0, result.stderr
    assert network(calls) == []
