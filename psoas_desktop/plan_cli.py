"""The commands that read routines and print them: `routines`, `plan` and `validate`."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from psoas_desktop.cli import UsageError, special_file
from psoas_desktop.core.durations import duration_text
from psoas_desktop.core.routines import Routine, RoutineBook


def cmd_routines(book: RoutineBook) -> int:
    from psoas_desktop.core.timeline import build_timeline

    rows = [(r.id, r.name, str(len(r.exercises)),
             duration_text(build_timeline(r, rests=book.rests).total_seconds))
            for r in book.routines]
    header = ("ID", "NAME", "EXERCISES", "LENGTH")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
    for row in [header, *rows]:
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        print("  ".join(cells).rstrip())
    return 0


def cmd_plan(book: RoutineBook, routine_id: str, as_json: bool) -> int:
    from psoas_desktop.core.routines import describe_target
    from psoas_desktop.core.timeline import StepKind, build_timeline

    routine = book.get(routine_id)
    if routine is None:
        raise UsageError(f"no routine '{routine_id}'; try one of: {', '.join(book.ids())}")
    timeline = build_timeline(routine, rests=book.rests)
    if as_json:
        json.dump(timeline.as_dict(), sys.stdout, indent=2)
        print()
        return 0
    print(f"{routine.name} ({routine.id}): {len(timeline.steps)} steps, "
          f"{duration_text(timeline.total_seconds)}")
    names = {ex.id: ex.name for ex in routine.exercises}
    said = {ex.id: f"{ex.name}: {describe_target(ex, timeline.targets[ex.id])}"
            for ex in routine.exercises}
    at = 0
    for step in timeline.steps:
        where = " ".join(filter(None, [
            step.side.value if step.side else "",
            f"set {step.set}/{step.sets}" if step.set else "",
            f"rep {step.rep}/{step.reps}" if step.rep else "",
        ]))
        # Each exercise's get-ready line names its whole target, load included.
        exercise = (said if step.kind is StepKind.PREPARE else names).get(
            step.exercise_id or "", "")
        print(f"{duration_text(at):>7}  {step.kind.value:<7} {step.seconds:>4} s  "
              f"{step.phase or '':<17} {where:<22} {exercise}".rstrip())
        at += step.seconds
    return 0


def cmd_validate(file: Path) -> int:
    from psoas_desktop.core.routine_file import RoutineFileError, build_routines, read_document
    from psoas_desktop.resources import builtin_routines

    if special_file(file):
        print(f"{file}: cannot be read (not a regular file)", file=sys.stderr)
        return 1
    builtin = read_document(builtin_routines())
    _, library, _ = build_routines(builtin, builtin_routines(), {})
    try:
        document = read_document(file)
        routines, _, _ = build_routines(document, file, library)
    except RoutineFileError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    print(f"{file}: valid: {validate_summary(routines, document)}")
    return 0


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def validate_summary(routines: Sequence[Routine], document: dict[str, Any]) -> str:
    """'1 routine, 3 exercises (3 built-in)': the exercises the file defines or its routines
    name, each once. The document has passed the schema by now."""
    own = {item["id"] for item in document.get("exercises", [])}
    # An inline exercise has an id; a use of one by name ({"exercise": ...}) does not.
    own |= {item["id"] for data in document.get("routines", [])
            for item in data["exercises"] if isinstance(item, dict) and "id" in item}
    named = {exercise.id for routine in routines for exercise in routine.exercises}
    borrowed = len(named - own)
    text = f"{plural(len(routines), 'routine')}, {plural(len(named | own), 'exercise')}"
    return f"{text} ({borrowed} built-in)" if borrowed else text
