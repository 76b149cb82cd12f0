"""Timer accuracy: when each displayed whole second changes, against its ideal boundary.

Ours (the window's session driver: one single-shot PreciseTimer re-armed for each change, time
read from the monotonic clock) runs side by side, in the same process and event loop, with the
naive countdown most interval timers use (a default-type 1000 ms QTimer that decrements a
counter). Offscreen Qt, real event loop, real clock.

    uv run python bench/timer_accuracy.py [--seconds 120] [--load] [--pause-at 40 --pause-for 7]
                                          [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from psoas_desktop.audio.sink import RecordingCueSink
from psoas_desktop.core.engine import Session
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.core.timeline import build_timeline
from psoas_desktop.resources import builtin_routines
from psoas_desktop.ui.session_driver import SessionDriver


class Naive(QObject):
    """The common way: a repeating default (coarse) 1000 ms timer and a counter."""

    def __init__(self, on_change) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(on_change)
        self.wakeups = 0
        self.timer.timeout.connect(self._count)

    def _count(self) -> None:
        self.wakeups += 1


def summarise(errors_ms: list[float]) -> dict[str, float]:
    absolute = sorted(abs(e) for e in errors_ms)
    p99 = absolute[min(len(absolute) - 1, round(0.99 * (len(absolute) - 1)))]
    return {"changes": len(errors_ms), "median_abs_ms": statistics.median(absolute),
            "p99_abs_ms": p99, "max_abs_ms": absolute[-1], "end_ms": errors_ms[-1],
            "mean_ms": statistics.fmean(errors_ms)}


def measure(seconds: float, pause_at: float | None, pause_for: float) -> dict[str, object]:
    app = QApplication.instance() or QApplication([])
    book = load_book(builtin_routines())
    # A routine longer than the run, so every second of it is a countdown change.
    timeline = build_timeline(book.get("strength-then-stretch"), rests=book.rests)
    session = Session(timeline, time.monotonic)
    driver = SessionDriver(time.monotonic, RecordingCueSink())
    driver.set_session(session)

    ours: list[float] = []
    naive: list[float] = []
    state = {"shown": None, "paused_total": 0.0, "pause_started": None, "naive_pauses": 0.0}
    wakeups = {"ours": 0}
    started = time.monotonic()

    def on_ours_changed() -> None:
        wakeups["ours"] += 1
        shown = (session.index, session.display_seconds())
        if state["shown"] is not None and shown != state["shown"] and session.state.value == \
                "running":
            k = len(ours) + 1  # the k-th change of the displayed second is due k s after start
            ideal = started + k + state["paused_total"]
            ours.append((time.monotonic() - ideal) * 1000)
        state["shown"] = shown

    def on_naive_tick() -> None:
        k = len(naive) + 1
        ideal = started + k + state["naive_pauses"]
        naive.append((time.monotonic() - ideal) * 1000)

    driver.changed.connect(on_ours_changed)
    counter = Naive(on_naive_tick)

    def pause() -> None:
        state["pause_started"] = time.monotonic()
        driver.pause()
        counter.timer.stop()

    def resume() -> None:
        paused = time.monotonic() - state["pause_started"]
        state["paused_total"] += paused
        # The naive timer restarts its second from scratch: the part already run is lost.
        state["naive_pauses"] += paused
        driver.toggle()
        counter.timer.start()

    driver.start()
    counter.timer.start()
    state["shown"] = (session.index, session.display_seconds())
    if pause_at is not None:
        QTimer.singleShot(int(pause_at * 1000), pause)
        QTimer.singleShot(int((pause_at + pause_for) * 1000), resume)
    total = seconds + (pause_for if pause_at is not None else 0)
    QTimer.singleShot(int(total * 1000) + 300, app.quit)
    cpu0 = time.process_time()
    app.exec()
    cpu = time.process_time() - cpu0
    return {"ours": summarise(ours), "naive": summarise(naive),
            "wakeups_per_s": {"ours": wakeups["ours"] / total, "naive": counter.wakeups / total},
            "cpu_s_per_min_both": cpu / total * 60}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--load", action="store_true", help="keep the other core busy")
    parser.add_argument("--pause-at", type=float)
    parser.add_argument("--pause-for", type=float, default=7.3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    burner = None
    if args.load:
        burner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        result = measure(args.seconds, args.pause_at, args.pause_for)
    finally:
        if burner:
            burner.kill()
            burner.wait()
    result.update(seconds=args.seconds, load=args.load, pause_at=args.pause_at)
    label = f"{args.seconds:.0f} s" + (", other core busy" if args.load else ", idle") + (
        f", paused at {args.pause_at:.0f} s for {args.pause_for} s" if args.pause_at else "")
    print(f"timer accuracy ({label}): displayed-second changes against ideal boundaries")
    print(f"{'':7}{'changes':>8}{'median ms':>11}{'p99 ms':>9}{'max ms':>9}{'end ms':>9}"
          f"{'wakeups/s':>11}")
    for name in ("ours", "naive"):
        row = result[name]
        print(f"{name:7}{row['changes']:>8}{row['median_abs_ms']:>11.1f}{row['p99_abs_ms']:>9.1f}"
              f"{row['max_abs_ms']:>9.1f}{row['end_ms']:>9.1f}"
              f"{result['wakeups_per_s'][name]:>11.2f}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
