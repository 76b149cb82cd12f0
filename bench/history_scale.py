"""History at scale: ten years of daily sessions, the history view opened on them, and a step
recorded through the real write path.

The database is built in a temporary dir with the app's own schema (History creates it) and
bulk inserts of what the recorder would write: one session a day (a few days skipped), rotating
through the shipped routines, every step of each with its targets and log. Then, in this fresh
process:
  open       HistoryView created and shown offscreen (1280 x 800) until the sessions table has
             painted, and until every plot of the visible tab has too (they are built just
             after the table paints); each first open in a fresh process, once with the plots
             module (pyqtgraph, numpy) not yet imported and once imported ahead, as the app
             does in idle time after its window first paints; then a second open
  step       one step recorded with History + Recorder on a running Session: its own
             transaction, WAL, synchronous=FULL (median and p99 of --steps)

    uv run python bench/history_scale.py [--days 3650] [--steps 300] [--profile FILE]
                                         [--json FILE]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchlib import percentile, table, write_json
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import getCppPointer

from psoas_desktop.core.engine import Session, State
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.core.routines import RoutineBook
from psoas_desktop.core.timeline import build_timeline
from psoas_desktop.resources import builtin_routines
from psoas_desktop.storage.history import History
from psoas_desktop.storage.recorder import Recorder, planned_targets
from psoas_desktop.storage.records import to_text

VIEW_TARGET_MS = 300
STEP_TARGET_MS = 5


def build_history(path: Path, book: RoutineBook, days: int, seed: int = 3) -> int:
    """`days` days back from today, about six days in seven trained; returns the sessions."""
    History(path).close()  # the schema, exactly as the app makes it
    rng = random.Random(seed)
    timelines = [(r, build_timeline(r, rests=book.rests)) for r in book.routines]
    today = datetime.now(UTC).replace(hour=7, minute=0, second=0, microsecond=0)
    sessions, targets, logs, steps = [], [], [], []
    for n in range(days):
        if rng.random() < 1 / 7:
            continue
        routine, timeline = timelines[n % len(timelines)]
        start = today - timedelta(days=days - n, minutes=rng.randrange(600))
        session_id = len(sessions) + 1
        early = rng.random() < 0.08
        done_steps = timeline.steps[: rng.randrange(len(timeline.steps) // 2, len(
            timeline.steps))] if early else timeline.steps
        moment = start
        for index, step in enumerate(done_steps):
            moment += timedelta(seconds=step.seconds)
            steps.append((session_id, index, step.kind.value, step.exercise_id,
                          step.side.value if step.side else None, step.set, step.sets,
                          step.rep, step.reps, step.phase, step.seconds, float(step.seconds), 0,
                          to_text(moment)))
        active = sum(s.seconds for s in done_steps)
        sessions.append((session_id, routine.id, routine.name, to_text(start), to_text(moment),
                         timeline.total_seconds, active,
                         "finished_early" if early else "completed"))
        targets += [(session_id, t.exercise_id, t.target.sets, t.target.reps, t.target.hold,
                     t.effort_steps) for t in planned_targets(timeline, timeline.targets)]
        pain = max(0, 7 - n * 7 // days + rng.randrange(-1, 2))
        logs.append((session_id, pain, max(0, pain - rng.randrange(3)), rng.randrange(8),
                     "felt looser" if rng.random() < 0.1 else ""))
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany("INSERT INTO sessions (id, routine_id, routine_name, started_at,"
                     " ended_at, planned_seconds, active_seconds, status)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", sessions)
        conn.executemany("INSERT INTO session_targets (session_id, exercise_id, sets, reps,"
                         " hold, effort_steps) VALUES (?, ?, ?, ?, ?, ?)", targets)
        conn.executemany("INSERT INTO log_entries (session_id, pain_before, pain_after,"
                         " stiffness, notes) VALUES (?, ?, ?, ?, ?)", logs)
        conn.executemany(
            "INSERT INTO steps (session_id, step_index, kind, exercise_id, side, set_number,"
            " sets, rep, reps, phase, target_seconds, actual_seconds, skipped, ended_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", steps)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return len(sessions)


def address(obj: QObject) -> int:
    """The C++ object's address: Python wrappers of one widget need not be the same object."""
    return getCppPointer(obj)[0]


class Painted(QObject):
    """Every widget that has painted since it was installed (on the application)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[int] = set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen.add(address(watched))
        return False


def open_view(app: QApplication, history: History, book: RoutineBook
              ) -> tuple[float, float, object]:
    """Seconds from creating the view to the sessions table painted, and to every plot of the
    visible tab painted as well (the plots are built just after the table paints)."""
    from psoas_desktop.ui.history_view import HistoryView

    painted = Painted()
    app.installEventFilter(painted)
    started = time.perf_counter()
    view = HistoryView(history, book)
    view.resize(1280, 800)
    view.show()
    deadline = started + 60
    table_at = None
    while time.perf_counter() < deadline:
        app.processEvents()
        if table_at is None and address(view.table.viewport()) in painted.seen:
            table_at = time.perf_counter()
        if table_at is not None and view.plots is not None:
            plots = [w.viewport() for w in view.plots.findChildren(QWidget)
                     if w.metaObject().className() == "PlotWidget"]
            if plots and all(address(w) in painted.seen for w in plots):
                break
    else:
        raise SystemExit("the view never painted")
    app.removeEventFilter(painted)
    assert table_at is not None
    return table_at - started, time.perf_counter() - started, view


def time_steps(history: History, book: RoutineBook, count: int) -> list[float]:
    """Milliseconds to record each of `count` steps: the engine ends the step and the recorder
    writes it, in its own transaction, before update() returns."""
    routine = book.get("psoas-strength")
    now = [0.0]
    timings: list[float] = []
    while len(timings) < count:
        # No gap limit: the fake clock jumps a whole step at a time, which is not a sleep.
        session = Session(build_timeline(routine, rests=book.rests), lambda: now[0],
                          gap_limit=float("inf"))
        Recorder(history).attach(session, routine, pain_before=3)
        session.start()
        while session.state is State.RUNNING and len(timings) < count:
            now[0] += session.remaining()
            started = time.perf_counter()
            session.update()
            timings.append((time.perf_counter() - started) * 1000)
        session.finish()
    return timings


def child(path: Path, book: RoutineBook, preload: bool, profile: Path | None) -> int:
    """One first open in this fresh process: with the plotting modules imported ahead (as the
    app does in idle time after its first paint), or not."""
    app = QApplication.instance() or QApplication([])
    history = History(path)
    started = time.perf_counter()
    if preload:
        import psoas_desktop.ui.history_plots  # noqa: F401 (pyqtgraph and numpy load here)
    import_s = time.perf_counter() - started
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    table_s, plots_s, view = open_view(app, history, book)
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    view.close()  # type: ignore[attr-defined]
    again_table_s, again_plots_s, view = open_view(app, history, book)
    view.close()  # type: ignore[attr-defined]
    history.close()
    print(json.dumps({"import_ms": import_s * 1000, "table_ms": table_s * 1000,
                      "plots_ms": plots_s * 1000, "again_table_ms": again_table_s * 1000,
                      "again_plots_ms": again_plots_s * 1000}))
    return 0


def first_open(path: Path, preload: bool, profile: Path | None) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", str(path)]
    command += ["--preload"] if preload else []
    command += ["--profile", str(profile)] if profile else []
    out = subprocess.run(command, capture_output=True, text=True, check=True, timeout=300)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=3650)
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--profile", type=Path, help="write cProfile stats of the first open")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--preload", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    book = load_book(builtin_routines())
    if args.child:
        return child(args.child, book, args.preload, args.profile)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "history.sqlite3"
        built = time.perf_counter()
        sessions = build_history(path, book, args.days)
        built = time.perf_counter() - built
        history = History(path)
        step_rows = history._read(  # a count for the table
            lambda c: c.execute("SELECT COUNT(*) FROM steps").fetchone()[0])
        size_mb = path.stat().st_size / 1e6

        cold = first_open(path, preload=False, profile=args.profile)
        ahead = first_open(path, preload=True, profile=None)
        steps = time_steps(history, book, args.steps)
        history.close()

    result = {
        "days": args.days, "sessions": sessions, "steps": step_rows, "db_mb": size_mb,
        "build_db_s": built, "cold": cold, "imported_ahead": ahead,
        "step_write_median_ms": statistics.median(steps),
        "step_write_p99_ms": percentile(steps, 0.99), "step_write_max_ms": max(steps),
        "targets": {"view_ms": VIEW_TARGET_MS, "step_p99_ms": STEP_TARGET_MS},
    }
    print(f"history at scale: {sessions} sessions, {step_rows} steps over {args.days} days, "
          f"database {size_mb:.1f} MB; first open in a fresh process each, ms")
    print(table(("", "import not done", "imported ahead", "target"), [
        ("import plots module", None, ahead["import_ms"], None),
        ("first open: table painted", cold["table_ms"], ahead["table_ms"], VIEW_TARGET_MS),
        ("first open: plots painted", cold["plots_ms"], ahead["plots_ms"], VIEW_TARGET_MS),
        ("again: table painted", cold["again_table_ms"], ahead["again_table_ms"], None),
        ("again: plots painted", cold["again_plots_ms"], ahead["again_plots_ms"], None),
    ], first_width=28))
    print(table(("", "ms", "target ms"), [
        ("step write median", result["step_write_median_ms"], None),
        ("step write p99", result["step_write_p99_ms"], STEP_TARGET_MS),
        ("step write max", result["step_write_max_ms"], None),
    ]))
    write_json(args.json, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
