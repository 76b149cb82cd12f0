"""PulseAudio for the cue benchmark: a null sink, its monitor recorded with parec, onsets found.

Each chunk parec hands over is stamped with the monotonic clock as it is read; a sample's
moment is then (read moment - samples after it / rate), and the smallest such offset near a
sample (the chunk that came through with the least delay) places it on the monotonic clock.
"""

from __future__ import annotations

import array
import subprocess
import threading
import time
from bisect import bisect_left, bisect_right

RATE = 48000
SINK = "bench"


class PulseError(Exception):
    """PulseAudio cannot run here; the message says why in one line."""


def _pactl(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["pactl", *args], capture_output=True, text=True, timeout=10,
                          check=False)


class NullSink:
    """Start PulseAudio if needed, add a null sink and make it the default; undo all of it."""

    def __init__(self) -> None:
        self.started_daemon = False
        self.module: str | None = None
        self.previous_default: str | None = None

    def __enter__(self) -> NullSink:
        try:
            if _pactl("info").returncode != 0:
                run = subprocess.run(
                    ["pulseaudio", "-D", "--exit-idle-time=-1", "--system=false",
                     "--disallow-exit"], capture_output=True, text=True, timeout=20,
                    check=False)
                self.started_daemon = True
                for _ in range(50):
                    if _pactl("info").returncode == 0:
                        break
                    time.sleep(0.1)
                else:
                    raise PulseError(f"PulseAudio did not start: {run.stderr.strip()[-200:]}")
            info = _pactl("get-default-sink")
            self.previous_default = info.stdout.strip() or None
            loaded = _pactl("load-module", "module-null-sink", f"sink_name={SINK}")
            if loaded.returncode != 0:
                raise PulseError(f"no null sink: {loaded.stderr.strip()}")
            self.module = loaded.stdout.strip()
            _pactl("set-default-sink", SINK)
        except (OSError, subprocess.TimeoutExpired) as exc:
            self.__exit__(None, None, None)
            raise PulseError(f"PulseAudio cannot run here ({exc})") from exc
        except PulseError:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        if self.module:
            _pactl("unload-module", self.module)
            self.module = None
        if self.previous_default and not self.started_daemon:
            _pactl("set-default-sink", self.previous_default)
        if self.started_daemon:
            subprocess.run(["pulseaudio", "--kill"], capture_output=True, timeout=10,
                           check=False)
            self.started_daemon = False


class Recorder:
    """parec on the sink's monitor, read in a thread; `samples` grows as it records."""

    def __init__(self, source: str = f"{SINK}.monitor") -> None:
        self.samples = array.array("h")
        self.stamps: list[tuple[float, int]] = []  # (monotonic when read, samples read so far)
        self._process = subprocess.Popen(
            ["parec", "-d", source, "--raw", "--format=s16le", f"--rate={RATE}",
             "--channels=1", "--latency-msec=5"], stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL)
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        stream = self._process.stdout
        assert stream is not None
        leftover = b""
        while chunk := stream.read1(4096):
            now = time.monotonic()
            data = leftover + chunk
            whole = len(data) - len(data) % 2
            self.samples.frombytes(data[:whole])
            leftover = data[whole:]
            self.stamps.append((now, len(self.samples)))

    def stop(self) -> None:
        self._process.terminate()
        self._process.wait(timeout=10)
        self._thread.join(timeout=10)

    def moment(self, sample: int, window_s: float = 5.0) -> float:
        """The monotonic moment of `sample`, from the least delayed chunks near it."""
        counts = [n for _, n in self.stamps]
        low = bisect_left(counts, sample - window_s * RATE)
        high = bisect_right(counts, sample + window_s * RATE)
        near = self.stamps[low:high] or self.stamps
        zero = min(read - n / RATE for read, n in near)
        return zero + sample / RATE


def onsets(samples: array.array, rate: int = RATE, threshold: float = 0.03,
           silence_ms: float = 25, frame_ms: float = 1) -> list[int]:
    """Sample indices where sound starts: the first sample over `threshold` (of full scale)
    after at least `silence_ms` with none."""
    level = int(threshold * 32767)
    frame = max(1, int(rate * frame_ms / 1000))
    quiet_frames = int(silence_ms / frame_ms)
    found: list[int] = []
    quiet = quiet_frames
    for start in range(0, len(samples), frame):
        block = samples[start:start + frame]
        loud = max(block, default=0) > level or -min(block, default=0) > level
        if loud:
            if quiet >= quiet_frames:
                first = next(i for i, v in enumerate(block) if abs(v) > level)
                found.append(start + first)
            quiet = 0
        else:
            quiet += 1
    return found
