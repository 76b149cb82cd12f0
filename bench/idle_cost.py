"""Idle cost: CPU seconds per minute of a running session, and wake-ups per second.

Each variant runs alone in a fresh child process, the real window shown offscreen (1280 x 800):
  ours-smooth   a session started with start_session(), smooth progress on (the default: the
                step bar is redrawn 20 times a second while a step runs)
  ours-plain    the same with smooth progress off: wakes only when a shown second changes
  figure-moving the same in a 1920 x 1080 window, where the figure stands beside the countdown
                and moves all through the warm-up (timed work: a slow loop, redrawn at 30 fps)
  figure-off    the same 1920 x 1080 window with the figure's motion turned off (a still pose)
  figure-reps   the figure moving through the lunge's paced reps (4 s each, the arm sweeping
                overhead: the largest, fastest movement of any exercise), 1920 x 1080
  reps-off      the same lunge with the figure's motion off
  reps-full     the lunge's reps fullscreen, the figure beside the countdown at its largest
  reps-full-off the same fullscreen lunge with the figure's motion off
  naive         the same window's countdown digits driven by a coarse 1000 ms QTimer counter
  window-idle   the window on its start page, no session: the floor
CPU is the process's user + system time over the measured span (all threads); wake-ups are the
GUI thread's voluntary context switches (each return from sleeping in the event loop), and
timer fires are the timeouts of the timers that drive the display.

    uv run python bench/idle_cost.py [--seconds 60] [--warmup 3] [--only VARIANT ...]
                                     [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

from benchlib import FIGURE_SIZE, LONG_ROUTINE, make_window, table, write_json

VARIANTS = ("ours-smooth", "ours-plain", "figure-moving", "figure-off", "figure-reps",
            "reps-off", "reps-full", "reps-full-off", "naive", "window-idle")


def gui_thread_wakeups() -> int:
    """Voluntary context switches of the calling thread so far."""
    tid = threading.get_native_id()
    for line in Path(f"/proc/self/task/{tid}/status").read_text().splitlines():
        if line.startswith("voluntary_ctxt_switches"):
            return int(line.split()[1])
    raise RuntimeError("no voluntary_ctxt_switches in /proc")


def child(variant: str, seconds: float, warmup: float) -> dict[str, float]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    reps = variant in ("figure-reps", "reps-off", "reps-full", "reps-full-off")
    figure = variant.startswith("figure") or reps
    window = make_window(smooth=variant != "ours-plain", size=FIGURE_SIZE if figure else
                         (1280, 800), figure_motion=not variant.endswith("-off"),
                         routine="psoas-stretch" if reps else LONG_ROUTINE)
    fires = {"n": 0}

    def count() -> None:
        fires["n"] += 1

    if variant.startswith(("ours", "figure")) or reps:
        window.controller.changed.add(lambda _: count())  # each wake-up that drives it
        window.countdown._animation.timeout.connect(count)
        for view in (window.session_page.figure, window.session_page.guide_figure):
            view._timer.timeout.connect(count)  # beside the countdown or in the guide
        window.start_session()
        if reps:
            window.controller.jump_to_exercise(3)  # the dynamic lunge
        if figure:
            window.controller.next()  # past get ready (the guide's time) into the work itself
        if variant.startswith("reps-full"):
            window.set_fullscreen(True)
    elif variant == "naive":
        window.stack.setCurrentIndex(1)  # the countdown page, as a session shows it
        left = {"n": 3600}
        ticker = QTimer(window)
        ticker.setInterval(1000)

        def tick() -> None:
            left["n"] -= 1
            window.countdown.digits.setText(str(left["n"]))
            count()

        ticker.timeout.connect(tick)
        ticker.start()
    marks: dict[str, float] = {}
    shown = {"figure": 0.0}

    def begin() -> None:
        page = window.session_page  # the figure that shows: beside the countdown or the guide's
        shown["figure"] = float(max((v.width() for v in (page.figure, page.guide_figure)
                                     if v.isVisible()), default=0))
        marks.update(cpu=time.process_time(), wall=time.monotonic(),
                     wakeups=gui_thread_wakeups(), fires=fires["n"])

    def end() -> None:
        wall = time.monotonic() - marks["wall"]
        marks.update(cpu_s_per_min=(time.process_time() - marks["cpu"]) / wall * 60,
                     wakeups_per_s=(gui_thread_wakeups() - marks["wakeups"]) / wall,
                     timer_fires_per_s=(fires["n"] - marks["fires"]) / wall, seconds=wall,
                     figure_px=shown["figure"])
        app.quit()

    QTimer.singleShot(int(warmup * 1000), begin)
    QTimer.singleShot(int((warmup + seconds) * 1000), end)
    app.exec()
    return {k: marks[k] for k in ("cpu_s_per_min", "wakeups_per_s", "timer_fires_per_s",
                                  "seconds", "figure_px")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--warmup", type=float, default=3)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--child", choices=VARIANTS, help=argparse.SUPPRESS)
    parser.add_argument("--only", nargs="+", choices=VARIANTS, help="run these variants only")
    args = parser.parse_args()
    if args.child:
        print("RESULT " + json.dumps(child(args.child, args.seconds, args.warmup)), flush=True)
        return 0
    results = {}
    for variant in args.only or VARIANTS:
        run = subprocess.run(
            [sys.executable, __file__, "--child", variant, "--seconds", str(args.seconds),
             "--warmup", str(args.warmup)],
            capture_output=True, text=True, timeout=args.seconds + args.warmup + 60, check=False)
        line = next((ln for ln in run.stdout.splitlines() if ln.startswith("RESULT ")), None)
        if line is None:
            raise SystemExit(f"{variant} gave no result:\n{run.stderr[-2000:]}")
        results[variant] = json.loads(line.removeprefix("RESULT "))
    print(f"idle cost: each variant alone in a fresh process, {args.seconds:.0f} s measured")
    print(table(("", "CPU s/min", "wake-ups/s", "timer fires/s", "figure px"), [
        # CPU to the hundredth: the targets (0.3 s a minute) sit in the first decimal.
        (name, f"{r['cpu_s_per_min']:.2f}", r["wakeups_per_s"], r["timer_fires_per_s"],
         r["figure_px"])
        for name, r in results.items()], first_width=13))
    write_json(args.json, {"seconds": args.seconds, "results": results})
    return 0


if __name__ == "__main__":
    sys.exit(main())
