"""Cue timing: when each cue is heard, against the moment the second it marks was displayed.

PulseAudio runs a null sink (started here if it is not running, and stopped again after);
parec records its monitor from about two seconds before the session. The real window runs a
session offscreen with the app's real cue sink (its clips, voice off) for --seconds; each
cue the engine emits is stamped when the window's `changed` signal next fires (its repaint has
just shown the new second). Each cue's onset is found in the recording and placed on the
monotonic clock; a cue with no onset near its moment is missing, one with more onsets than its
own sound has is doubled.

    uv run python bench/cue_timing.py [--seconds 90] [--json FILE]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import wave
from array import array
from pathlib import Path

os.environ.setdefault("PSOAS_SPEECH_ENGINE", "none")  # beeps only: speech would blur onsets

from audio_capture import RATE, NullSink, PulseError, Recorder, onsets
from benchlib import make_window, percentile, table, write_json

TARGET_P99_MS = 20
# Holds, paced reps and sides: a cue every second or two (start, ticks, beats, switch, rest)
# from its second exercise on, where the session jumps to at once.
CUE_ROUTINE = "psoas-strength"
EARLY_MS, LATE_MS = 50, 250  # how far from its moment a cue's onset is looked for


def own_onsets(cue: object) -> int:
    """How many onsets the cue's own WAV has (a two-note cue has two)."""
    from psoas_desktop.audio.effects import cue_sound

    with wave.open(str(cue_sound(cue))) as wav:
        frames = array("h", wav.readframes(wav.getnframes()))
        rate, channels = wav.getframerate(), wav.getnchannels()
    return max(1, len(onsets(frames[::channels], rate)))


def wait_until(app: object, ready: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        if ready():
            return True
        time.sleep(0.01)
    return False


def run_session(seconds: float) -> list[tuple[object, float]]:
    """(cue, monotonic moment its second was displayed) for every cue of the session."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from psoas_desktop.audio.player import make_cue_sink
    from psoas_desktop.core.engine import CueDue

    app = QApplication.instance() or QApplication([])
    sink = make_cue_sink()
    if not wait_until(app, lambda: sink.bank is not None and sink.bank.loaded(), 10):
        raise PulseError("the cue sounds did not load on the null sink")
    window = make_window(sink=sink, routine=CUE_ROUTINE)
    app.processEvents()
    pending: list[tuple[object, float]] = []
    shown: list[tuple[object, float]] = []
    window.controller.events.add(
        lambda event: pending.append((event.cue, event.at)) if isinstance(event, CueDue) else None)

    def displayed() -> None:  # after the window's own repaint slot
        # A cue handed over early (the sink's latency) counts from the display change of the
        # second it marks, not from the wake-up that handed it over.
        now = time.monotonic()
        due = [(cue, at) for cue, at in pending if at <= now]
        shown.extend((cue, now) for cue, _ in due)
        pending[:] = [item for item in pending if item not in due]

    window.controller.changed.add(lambda _: displayed())
    window.start_session()
    window.controller.jump_to_exercise(1)  # past the 60 s warm-up block, to the dense part
    shown.clear()  # get ready and the jump's start cue sound together: one onset for two
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    window.controller.close()
    sink.close()
    return shown


def match(shown: list[tuple[object, float]], heard: list[float]) -> dict[str, object]:
    latencies: list[float] = []
    missing = doubled = 0
    per_cue = {cue: own_onsets(cue) for cue in {c for c, _ in shown}}
    used: set[int] = set()
    first_play: set[object] = set()
    later: list[float] = []  # each cue after its own sound's first play
    for cue, moment in shown:
        near = [i for i, t in enumerate(heard)
                if moment - EARLY_MS / 1000 <= t <= moment + LATE_MS / 1000 and i not in used]
        if not near:
            missing += 1
            continue
        latencies.append((heard[near[0]] - moment) * 1000)
        if cue in first_play:
            later.append(latencies[-1])
        first_play.add(cue)
        used.add(near[0])
        # Onsets inside this cue's own sound belong to it; more than it has is a second play.
        within = [i for i in near if heard[i] - heard[near[0]] < 0.8]
        used.update(within[: per_cue[cue]])
        doubled += max(0, len(within) - per_cue[cue])
    extra = len(heard) - len(used)
    absolute = [abs(v) for v in latencies]
    return {"cues": len(shown), "heard": len(latencies), "missing": missing,
            "doubled": doubled, "unexplained_onsets": extra,
            "median_ms": statistics.median(latencies) if latencies else None,
            "p99_abs_ms": percentile(absolute, 0.99) if latencies else None,
            "max_abs_ms": max(absolute) if latencies else None,
            "min_ms": min(latencies) if latencies else None,
            "later_plays_median_ms": statistics.median(later) if later else None,
            "later_plays_p99_abs_ms": percentile([abs(v) for v in later], 0.99)
            if later else None,
            "latencies_ms": latencies}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=90)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    try:
        with NullSink() as pulse:
            recorder = Recorder()
            # parec takes from hundreds of ms (daemon warm) to 2 s (just started) to deliver.
            deadline = time.monotonic() + 10
            while not recorder.samples and time.monotonic() < deadline:
                time.sleep(0.05)
            if not recorder.samples:
                raise PulseError("parec recorded nothing from the null sink's monitor")
            time.sleep(1)
            shown = run_session(args.seconds)
            time.sleep(1.5)  # the last cue's sound reaches the monitor
            recorder.stop()
            started_daemon = pulse.started_daemon
    except PulseError as exc:
        print(f"cue timing: PulseAudio unavailable: {exc}", file=sys.stderr)
        return 2
    heard = [recorder.moment(i) for i in onsets(recorder.samples)]
    result = match(shown, heard)
    result.update(seconds=args.seconds, recorded_s=len(recorder.samples) / RATE,
                  started_pulseaudio=started_daemon, target_p99_ms=TARGET_P99_MS)
    print(f"cue timing: {args.seconds:.0f} s session, {result['cues']} cues, onset at the null "
          f"sink's monitor minus the moment the second was displayed, ms")
    print(table(("", "value"), [
        ("cues heard", result["heard"]), ("missing", result["missing"]),
        ("doubled", result["doubled"]), ("unexplained onsets", result["unexplained_onsets"]),
        ("median", result["median_ms"]), ("p99 |onset - shown|", result["p99_abs_ms"]),
        ("max |onset - shown|", result["max_abs_ms"]), ("earliest", result["min_ms"]),
        ("median, not first play", result["later_plays_median_ms"]),
        ("p99, not first play", result["later_plays_p99_abs_ms"]),
        ("target p99", float(TARGET_P99_MS))]))
    write_json(args.json, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
