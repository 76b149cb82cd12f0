"""Write an example history: eight weeks of the programme as a user might follow it, with the
whole training log, for screenshots and for trying the report.

    uv run python tools/demo_history.py DATA_DIR [--weeks 8]
"""

from __future__ import annotations

import argparse
import random
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from psoas_desktop.core.progression import suggest_for_routine
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.core.routines import Target
from psoas_desktop.core.timeline import build_timeline
from psoas_desktop.core.training_log import LogDetails, RomUnit, TaskUnit
from psoas_desktop.resources import builtin_routines
from psoas_desktop.storage.history import History
from psoas_desktop.storage.recorder import planned_targets

NOTES = ("", "", "", "felt looser afterwards", "left hip tight in the morning",
         "walked to work without stopping", "", "easier than last week")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--weeks", type=int, default=8)
    args = parser.parse_args()
    rng = random.Random(7)
    book = load_book(builtin_routines())
    history = History(args.data_dir / "history.sqlite3")
    today = datetime.now(UTC).date()
    monday = today - timedelta(days=today.weekday()) - timedelta(weeks=args.weeks - 1)
    targets: dict[str, dict[str, Target]] = {}
    plan = {0: "psoas-strength", 2: "psoas-stretch", 3: "psoas-strength", 5: "psoas-stretch"}
    n = 0
    for week in range(args.weeks):
        for weekday, routine_id in plan.items():
            day = monday + timedelta(weeks=week, days=weekday)
            if day > today or rng.random() < 0.12:
                continue
            routine = book.get(routine_id)
            assert routine is not None
            mine = targets.setdefault(routine_id, {
                e.id: Target.default_for(e) for e in routine.exercises})
            start = datetime.combine(day, time(7, 30), UTC)
            for s in suggest_for_routine(routine, mine, {
                    e.id: history.exercise_results(e.id, 30) for e in routine.exercises},
                    start):
                mine[s.exercise_id] = s.target
            timeline = build_timeline(routine, mine, book.rests)
            pain_before = max(0, 5 - week // 2 + rng.choice((0, 0, 1)))
            ref = history.start_session(routine.id, routine.name, start,
                                        timeline.total_seconds,
                                        planned_targets(timeline, mine), pain_before)
            at = start
            for index, step in enumerate(timeline.steps):
                at += timedelta(seconds=step.seconds)
                history.add_step(ref, index, step, step.seconds, False, at)
            history.end_session(ref, "completed", at, timeline.total_seconds)
            progress = week / max(1, args.weeks - 1)
            rom = n % 4 == 0
            details = LogDetails(
                pain_where=("front_of_hip",) if pain_before > 2 else (),
                pain_side="left" if pain_before > 2 else None,
                pain_kind=("tight",) if pain_before > 2 else (),
                pain_when=("after",) if pain_before > 2 else (),
                task="Walking without pain", task_unit=TaskUnit.MINUTES,
                task_value=round(10 + 25 * progress + rng.uniform(-3, 3)),
                rom_left=round(4 + 3 * progress) if rom else None,
                rom_right=round(6 + 1.5 * progress) if rom else None,
                rom_unit=RomUnit.SCALE if rom else None)
            history.save_log(ref, max(0, pain_before - rng.choice((1, 1, 2))),
                             max(0, 6 - week // 2 + rng.choice((-1, 0, 1))),
                             rng.choice(NOTES), details)
            n += 1
    history.close()
    print(f"{n} sessions written to {args.data_dir / 'history.sqlite3'}")


if __name__ == "__main__":
    main()
