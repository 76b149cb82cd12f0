"""The commands for exercises and sharing routines: `exercises`, `import`, `export-routine`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from psoas_desktop.core.routine_doc import RoutineDoc
from psoas_desktop.core.routine_file import RoutineFileError, read_document
from psoas_desktop.core.routine_share import Clash, apply_import, export_document, plan_import
from psoas_desktop.core.routines import Exercise, Range
from psoas_desktop.resources import builtin_routines
from psoas_desktop.storage.paths import AppPaths
from psoas_desktop.storage.routine_store import (
    RoutineSaveError,
    RoutineStore,
    encode,
    write_atomically,
)


def _store(paths: AppPaths) -> RoutineStore:
    return RoutineStore(paths.user_routines, builtin_routines())


def _refused(error: RoutineFileError, what: str) -> int:
    print(f"{what}: your routines file has problems, so it is left as it is:", file=sys.stderr)
    for problem in error.problems:
        print(f"  {problem}", file=sys.stderr)
    return 1


def _range(bounds: Range | None) -> dict[str, int] | None:
    return None if bounds is None else {"min": bounds.min, "max": bounds.max,
                                        "default": bounds.default}


def exercise_facts(exercise: Exercise, mine: bool) -> dict[str, Any]:
    return {"id": exercise.id, "name": exercise.name, "kind": exercise.kind.value,
            "sides": "each side" if exercise.per_side else "both together",
            "equipment": list(exercise.equipment), "sets": _range(exercise.sets),
            "reps": _range(exercise.reps), "hold_seconds": _range(exercise.hold),
            "yours": mine}


def ranges_line(facts: dict[str, Any]) -> str:
    parts = []
    for key, unit in (("sets", " sets"), ("reps", " reps"), ("hold_seconds", " s")):
        bounds = facts[key]
        if bounds is None or (key != "hold_seconds" and bounds["max"] == 1):
            continue
        low, high = bounds["min"], bounds["max"]
        parts.append(f"{low}{unit}" if low == high else f"{low}-{high}{unit}")
    return ", ".join(parts)


def cmd_exercises(paths: AppPaths, as_json: bool) -> int:
    store = _store(paths)
    opened = store.open()
    doc = opened.doc or RoutineDoc.empty(store.builtin())
    if opened.error is not None:
        _refused(opened.error, "showing the built-in exercises only")
    library = doc.library()
    mine = doc.user_exercise_ids()
    rows = [exercise_facts(e, e.id in mine) for e in library.values()]
    if as_json:
        json.dump(rows, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    header = ("ID", "NAME", "KIND", "SIDES", "RANGES", "EQUIPMENT")
    table = [(r["id"], r["name"], r["kind"], r["sides"], ranges_line(r),
              "; ".join(r["equipment"]) or "-") for r in rows]
    widths = [max(len(row[i]) for row in [header, *table]) for i in range(5)]
    for row in [header, *table]:
        cells = [cell.ljust(width) for cell, width in zip(row[:5], widths, strict=True)]
        print("  ".join([*cells, row[5]]).rstrip())
    return 0


def cmd_import(paths: AppPaths, file: Path, clash: Clash | None) -> int:
    try:
        incoming = read_document(file)
    except RoutineFileError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    store = _store(paths)
    opened = store.open()
    if opened.doc is None:
        assert opened.error is not None
        return _refused(opened.error, "nothing imported")
    doc = opened.doc
    plan = plan_import(doc, incoming)
    if plan.clashes and clash is None:
        print(f"nothing imported: already there: {plan.describe()}. Run again with --replace "
              "to put the imported ones in their place, or --keep-both to add them under new "
              "ids.", file=sys.stderr)
        return 1
    ids = apply_import(doc, incoming, clash)
    try:
        store.save(doc, opened.fingerprint)
    except RoutineSaveError as exc:
        print(f"nothing imported: {exc}", file=sys.stderr)
        return 1
    print(f"imported into {store.path}: {', '.join(ids) or 'no routines'}")
    return 0


def cmd_export(paths: AppPaths, routine_id: str, file: Path, force: bool) -> int:
    store = _store(paths)
    opened = store.open()
    if opened.doc is None:
        assert opened.error is not None
        return _refused(opened.error, "nothing exported")
    doc = opened.doc
    if routine_id not in {r["id"] for r in doc.routines()}:
        if doc.builtin_routine(routine_id) is None:
            ids = sorted(doc.all_ids())
            print(f"no routine '{routine_id}'; try one of: {', '.join(ids)}", file=sys.stderr)
            return 1
        doc = doc.copy()
        doc.duplicate(routine_id, keep_id=True)
    if file.exists() and not force:
        print(f"{file} exists; choose another name, or pass --force to replace it",
              file=sys.stderr)
        return 1
    write_atomically(file, encode(export_document(doc, routine_id)))
    print(f"exported {routine_id} to {file}")
    return 0
