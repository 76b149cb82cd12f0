"""A real desktop for tests of the real window: an X server (Xvfb) with a window manager
(openbox) and a PulseAudio server with a null sink, as a user's machine has.

CI (.ci/run) starts all three once and passes them in PSOAS_TEST_DISPLAY and
PSOAS_TEST_PULSE_SERVER (only these tests' children get them);
anywhere else the `desktop` fixture starts its own and stops them afterwards. Only a missing
Xvfb or openbox skips: without a window manager the window under test is not the one users get.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

DISPLAY_VARIABLE = "PSOAS_TEST_DISPLAY"
PULSE_VARIABLE = "PSOAS_TEST_PULSE_SERVER"
SCREEN = "1366x768x24"
START_SECONDS = 20.0


@dataclass
class Desktop:
    display: str
    pulse_server: str
    runtime_dir: Path

    def env(self) -> dict[str, str]:
        """What a child needs to open its window here and play through the null sink."""
        return {"DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb",
                "PULSE_SERVER": self.pulse_server, "XDG_RUNTIME_DIR": str(self.runtime_dir)}

    def run(self, *argv: str, timeout: float = 30.0) -> subprocess.CompletedProcess[str]:
        return subprocess.run(list(argv), capture_output=True, text=True, timeout=timeout,
                              check=False, env={**os.environ, **self.env()})


def _until(ready: object, what: str, seconds: float = START_SECONDS) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ready():  # type: ignore[operator]
            return
        time.sleep(0.1)
    pytest.fail(f"{what} did not start within {seconds:.0f} s")


def _start_x(started: list[subprocess.Popen[bytes]]) -> str:
    reader, writer = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(writer), "-screen", "0", SCREEN, "-nolisten", "tcp"],
        pass_fds=(writer,), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    started.append(server)
    os.close(writer)
    with os.fdopen(reader) as pipe:
        number = pipe.readline().strip()  # Xvfb picks a free display and says which
    if not number:
        pytest.fail("Xvfb did not start")
    display = f":{number}"
    wm = subprocess.Popen(["openbox"], env={**os.environ, "DISPLAY": display},
                          stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)
    started.append(wm)
    time.sleep(0.5)  # openbox takes the screen over before any window maps
    return display


def _start_pulse(runtime: Path, started: list[subprocess.Popen[bytes]]) -> str:
    if shutil.which("pulseaudio") is None or shutil.which("pactl") is None:
        pytest.fail("pulseaudio and pactl are needed (Debian: pulseaudio pulseaudio-utils)")
    socket = runtime / "pulse-native"
    server = f"unix:{socket}"
    # A private server, so no test touches the user's sound or another test's.
    env = {**os.environ, "HOME": str(runtime), "XDG_RUNTIME_DIR": str(runtime),
           "XDG_CONFIG_HOME": str(runtime / "config")}
    started.append(subprocess.Popen(
        ["pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "--system=false", "-n",
         "--use-pid-file=no", "--log-target=stderr", "-L", "module-null-sink sink_name=test",
         "-L", f"module-native-protocol-unix auth-anonymous=1 socket={socket}"],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL))

    def answers() -> bool:
        return subprocess.run(["pactl", "--server", server, "info"], capture_output=True,
                              check=False, timeout=10).returncode == 0

    _until(answers, "PulseAudio")
    return server


@pytest.fixture(scope="module")
def desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desktop]:
    runtime = tmp_path_factory.mktemp("runtime")
    runtime.chmod(0o700)
    given = os.environ.get(DISPLAY_VARIABLE)
    if given and os.environ.get(PULSE_VARIABLE):
        yield Desktop(given, os.environ[PULSE_VARIABLE], runtime)
        return
    if shutil.which("Xvfb") is None or shutil.which("openbox") is None:
        pytest.skip("needs Xvfb and openbox (Debian: xvfb openbox)")
    started: list[subprocess.Popen[bytes]] = []
    try:
        display = given or _start_x(started)
        yield Desktop(display, _start_pulse(runtime, started), runtime)
    finally:
        for process in reversed(started):
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
