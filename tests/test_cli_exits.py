"""How the command line ends where its output or its screen is missing: a reader that leaves
early (`| head`) and no display at all."""

from __future__ import annotations

import io
import os
import shlex
import subprocess
import sys
from pathlib import Path

COMMAND = [sys.executable, "-m", "psoas_desktop"]


def _env(tmp_path: Path, **changes: str | None) -> dict[str, str]:
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "c"),
           "XDG_DATA_HOME": str(tmp_path / "d")}
    for name, value in changes.items():
        env.pop(name, None)
        if value is not None:
            env[name] = value
    return env


def _into_closed_pipe(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    reader, writer = os.pipe()
    os.close(reader)  # the reader is gone before the first byte
    try:
        return subprocess.run([*COMMAND, *args], stdout=writer, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, env=_env(tmp_path), timeout=60,
                              check=False)
    finally:
        os.close(writer)


def test_output_still_buffered_when_the_reader_left_is_dropped_quietly(
        monkeypatch, capsys) -> None:
    """`| head -3` about half the time: every print went into the buffer, the reader is
    gone by the last write, which Python makes at exit and reported as "Exception ignored
    ... BrokenPipeError". Here the buffer is big enough to hold the whole plan, and the
    flush the interpreter would make at exit is made by the test."""
    from psoas_desktop import cli

    reader, writer = os.pipe()
    os.close(reader)
    with capsys.disabled():
        stream = io.TextIOWrapper(io.BufferedWriter(io.FileIO(writer, "w"), 1 << 20))
        monkeypatch.setattr(sys, "stdout", stream)
        assert cli.main(["plan", "psoas-stretch"]) == 0
        stream.flush()  # the interpreter's last flush: no BrokenPipeError left for it
        stream.close()


def test_a_long_plan_into_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    done = _into_closed_pipe(tmp_path, "plan", "psoas-stretch")
    assert (done.returncode, done.stderr.decode()) == (0, "")


def test_plan_into_head_is_quiet(tmp_path: Path) -> None:
    command = " ".join([*(shlex.quote(part) for part in COMMAND), "plan", "psoas-stretch"])
    for _ in range(5):
        done = subprocess.run(f"{command} | head -3", shell=True, capture_output=True,
                              text=True, env=_env(tmp_path), timeout=60, check=False)
        assert len(done.stdout.splitlines()) == 3
        assert done.stderr == ""


def test_no_display_is_said_plainly(tmp_path: Path) -> None:
    env = _env(tmp_path, DISPLAY=None, WAYLAND_DISPLAY=None, QT_QPA_PLATFORM=None)
    done = subprocess.run([*COMMAND, "--data-dir", str(tmp_path / "data"), "--config-dir",
                           str(tmp_path / "cfg")], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, env=env, timeout=60, check=False)
    assert done.returncode == 1
    assert done.stderr.startswith("psoas-desktop: no display found")
    assert "libxcb" not in done.stderr and done.stderr.count("\n") == 1
