"""Timer accuracy: when each displayed whole second changes, against its ideal boundary.

Ours is the real window: a MainWindow offscreen (recording cue sink, default settings, smooth
progress on) started with start_session(); every time its driver says `changed`, the text the
countdown's digits show is read, and a new (step, text) is a displayed change. It runs side by
side, in the same process and event loop, with the naive countdown most interval timers use: a
default-type (coarse) 1000 ms QTimer that decrements a counter. Real clock, real event loop.

The k-th change is due k seconds after the start, plus the time spent paused. For the naive
countdown a pause stops its timer, and the part of a second already run is lost on resume, as
it is in such apps.

    uv run python bench/timer_accuracy.py [--seconds 120] [--load]
                                          [--pause-at 40 --pause-for 7.3] [--json FILE]
                                          [--figure on|off]

--figure on|off runs the window at 1920 x 1080, where the figure stands beside the countdown,
with its motion on (moving through the warm-up at 30 fps) or off: run both, side by side, to
see what the figure costs the countdown.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from benchlib import FIGURE_SIZE, make_window, summarise, table, write_json
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication


class Naive(QObject):
    """The common way: a repeating default (coarse) 1000 ms timer and a counter."""

    def __init__(self, seconds: int) -> None:
        super().__init__()
        self.left = seconds
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self.ticks: list[float] = []  # monotonic time of each displayed change

    def _tick(self) -> None:
        self.left -= 1
        self.ticks.append(time.monotonic())


class Pauses:
    """Pause intervals (monotonic start, end), to place each ideal boundary."""

    def __init__(self) -> None:
        self.spans: list[tuple[float, float]] = []
        self.since: float | None = None

    def paused_before(self, moment: float) -> float:
        return sum(end - start for start, end in self.spans if end <= moment)


def errors(changes: list[float], started: float, pauses: Pauses) -> list[tuple[float, float]]:
    """(ideal moment from start in s, signed error in ms) for each change: the k-th change is
    due k active seconds after `started`."""
    out = []
    for k, moment in enumerate(changes, start=1):
        ideal = started + k + pauses.paused_before(moment)
        out.append((k, (moment - ideal) * 1000))
    return out


def halves(pairs: list[tuple[float, float]], seconds: float) -> dict[str, dict[str, float]]:
    first = [e for k, e in pairs if k <= seconds / 2]
    second = [e for k, e in pairs if k > seconds / 2]
    return {"first_half": summarise(first), "second_half": summarise(second)}


def measure(seconds: float, pause_at: float | None, pause_for: float,
            figure: str | None = None) -> dict[str, object]:
    app = QApplication.instance() or QApplication([])
    window = make_window() if figure is None else make_window(
        size=FIGURE_SIZE, figure_motion=figure == "on")
    app.processEvents()  # shown and painted once before the clock starts
    total = seconds + (pause_for if pause_at is not None else 0)
    naive = Naive(int(total) + 5)
    ours: list[float] = []
    step_changes: set[int] = set()  # which of our changes also began a new step
    shown: dict[str, object] = {"key": None}
    pauses = Pauses()

    def on_changed() -> None:  # connected after the window's own repaint slot: reads its result
        session = window.session
        if session is None or session.state.value != "running":
            return
        key = (session.index, window.countdown.digits.text())
        if shown["key"] is not None and key != shown["key"]:
            ours.append(time.monotonic())
            if key[0] != shown["key"][0]:
                step_changes.add(len(ours))
        shown["key"] = key

    window.controller.changed.add(lambda _: on_changed())
    window.start_session()
    naive.timer.start()
    session = window.session
    started = time.monotonic() - session.routine_elapsed()  # the session's own start moment
    naive_started = time.monotonic()
    shown["key"] = (session.index, window.countdown.digits.text())
    if session.timeline.total_seconds < total + 2:
        raise SystemExit(f"the routine is shorter than {total:.0f} s")

    def pause() -> None:
        pauses.since = time.monotonic()
        window.toggle()
        naive.timer.stop()

    def resume() -> None:
        pauses.spans.append((pauses.since, time.monotonic()))
        window.toggle()
        naive.timer.start()

    if pause_at is not None:
        QTimer.singleShot(int(pause_at * 1000), pause)
        QTimer.singleShot(int((pause_at + pause_for) * 1000), resume)
    # Precise: a coarse timer may fire 5 % early, cutting the last seconds off the run.
    stop = QTimer(singleShot=True, timerType=Qt.TimerType.PreciseTimer)
    stop.timeout.connect(app.quit)
    stop.start(int(total * 1000) + 300)
    app.exec()

    result: dict[str, object] = {}
    for name, changes, origin in (("ours", ours, started), ("naive", naive.ticks, naive_started)):
        pairs = errors(changes, origin, pauses)
        result[name] = {**summarise([e for _, e in pairs]), **halves(pairs, seconds),
                        "errors_ms": [round(e, 2) for _, e in pairs]}
    pairs = errors(ours, started, pauses)
    result["ours"]["at_step_change"] = summarise([e for k, e in pairs if k in step_changes])
    result["ours"]["within_step"] = summarise([e for k, e in pairs if k not in step_changes])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--load", action="store_true", help="keep the other core busy")
    parser.add_argument("--pause-at", type=float)
    parser.add_argument("--pause-for", type=float, default=7.3)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--figure", choices=("on", "off"),
                        help="a 1920 x 1080 window with the figure moving (on) or still (off)")
    args = parser.parse_args()
    burner = None
    if args.load:
        burner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        result = measure(args.seconds, args.pause_at, args.pause_for, args.figure)
    finally:
        if burner:
            burner.kill()
            burner.wait()
    result.update(seconds=args.seconds, load=args.load, pause_at=args.pause_at, figure=args.figure,
                  pause_for=args.pause_for if args.pause_at is not None else None)
    label = f"{args.seconds:.0f} s" + (", other core busy" if args.load else ", idle") + (
        f", paused at {args.pause_at:.0f} s for {args.pause_for} s" if args.pause_at else "") + (
        f", figure {'moving' if args.figure == 'on' else 'off'}" if args.figure else "")
    print(f"timer accuracy ({label}): displayed-second changes against ideal boundaries, ms")
    rows = []
    for name in ("ours", "naive"):
        r = result[name]
        rows.append((name, r["count"], r["median_abs_ms"], r["p99_abs_ms"], r["max_abs_ms"],
                     r["end_ms"], r["first_half"].get("median_abs_ms"),
                     r["second_half"].get("median_abs_ms")))
    print(table(("", "changes", "median", "p99", "max", "end", "1st-half med", "2nd-half med"),
                rows, first_width=7))
    write_json(args.json, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
