"""Routines files into Routine objects: read and checked (core/routine_reading.py), then built.

A file with any problem is refused whole, with messages that name the file and the place
(a line for broken JSON, a JSON path such as `routines[0].exercises[2].hold.max` otherwise);
the other files still load. Text from a file stays data: it is never run or rendered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from psoas_desktop.core.plan_size import plan_size_problem
from psoas_desktop.core.poses import (
    Figure,
    builtin_figures,
    figure_from_data,
    figure_problems,
    missing_poses,
)
from psoas_desktop.core.routine_reading import (
    MAX_FILE_BYTES,
    MAX_PROBLEMS_PER_FILE,
    RoutineFileError,
    exists_or_link,
    json_path,
    read_document,
    schema_problems,
    text_problems,
)
from psoas_desktop.core.routines import (
    ONE,
    Exercise,
    Frequency,
    LoadMeasure,
    LoadUnit,
    Phase,
    Range,
    Rests,
    Routine,
    RoutineBook,
    Tempo,
    WorkKind,
)

# Reading the file is core/routine_reading.py's job; its names are still found here.
__all__ = [
    "MAX_FILE_BYTES", "MAX_PROBLEMS_PER_FILE", "RoutineFileError", "build_routines",
    "exists_or_link", "json_path", "load_book", "read_document", "schema_problems",
    "text_problems",
]

def _range(data: dict[str, Any] | None, path: str, problems: list[str]) -> Range | None:
    if data is None:
        return None
    low, high = data["min"], data["max"]
    default = data.get("default", low)
    if low > high:
        problems.append(f"{path}.min: {low} is more than max {high}")
    elif not low <= default <= high:
        problems.append(f"{path}.default: {default} is outside {low}-{high}")
    return Range(low, high, default)


def _load_measure(data: dict[str, Any] | None) -> LoadMeasure | None:
    if data is None:
        return None
    unit = LoadUnit(data["unit"])
    top = 1.0 if unit is LoadUnit.ON_OFF else 20.0
    return LoadMeasure(unit, data.get("start", 0), data.get("step", 1), data.get("max", top),
                       data.get("suggest", True))


def _exercise(data: dict[str, Any], path: str, problems: list[str]) -> Exercise:
    kind = WorkKind(data["kind"])
    phases = tuple(Phase(p["name"], p.get("cue", "")) for p in data.get("phases", ()))
    tempo_data = data.get("tempo")
    tempo = Tempo(tempo_data["seconds_per_rep"]) if tempo_data else None
    if tempo is None and kind in (WorkKind.TEMPO, WorkKind.REP_HOLD):
        tempo = Tempo()
    return Exercise(
        id=data["id"],
        name=data["name"],
        kind=kind,
        per_side=data["per_side"],
        sets=_range(data.get("sets"), f"{path}.sets", problems) or ONE,
        reps=_range(data.get("reps"), f"{path}.reps", problems) or ONE,
        hold=_range(data.get("hold"), f"{path}.hold", problems),
        phases=phases,
        tempo=tempo,
        equipment=tuple(data.get("equipment", ())),
        load=data.get("load", ""),
        load_measure=_load_measure(data.get("load_measure")),
        steps=tuple(data.get("steps", ())),
        cues=tuple(data.get("cues", ())),
        safety=tuple(data.get("safety", ())),
        source_note=data.get("source_note", ""),
        side_words=_side_words(data.get("side_words")),
        figure=_figure(data, path, problems, kind, phases),
    )


def _side_words(data: dict[str, str] | None) -> tuple[str, str]:
    return (data["left"], data["right"]) if data else ("", "")


def _figure(data: dict[str, Any], path: str, problems: list[str], kind: WorkKind,
            phases: tuple[Phase, ...]) -> str | Figure | None:
    """The exercise's `figure`: a built-in figure's id (checked when the figures load), or a
    figure of its own, checked here against the poses schema and the exercise's kind."""
    value = data.get("figure")
    if value is None:
        return None
    if isinstance(value, str):
        if value not in builtin_figures().figures:
            problems.append(f"{path}.figure: no built-in figure has the id '{value}'")
        return value
    found = figure_problems(value, f"{path}.figure")
    if found:
        problems.extend(found[:MAX_PROBLEMS_PER_FILE])
        return None
    figure = figure_from_data(data["id"], value)
    probe = Exercise(id=data["id"], name="", kind=kind, per_side=False, phases=phases)
    problems.extend(f"{path}.figure.poses: no pose '{name}' (a {kind.value} exercise needs it)"
                    for name in missing_poses(figure, probe))
    return figure


def build_routines(
    document: dict[str, Any], path: Path, known: dict[str, Exercise]
) -> tuple[list[Routine], dict[str, Exercise], Rests | None]:
    """Turn a schema-valid document into routines; exercises may refer to `known` ones by id."""
    problems: list[str] = []
    library = dict(known)
    seen: set[str] = set()
    for i, data in enumerate(document.get("exercises", [])):
        if data["id"] in seen:
            problems.append(f"exercises[{i}].id: '{data['id']}' is defined twice")
        seen.add(data["id"])
        library[data["id"]] = _exercise(data, f"exercises[{i}]", problems)

    routines: list[Routine] = []
    routine_ids: set[str] = set()
    for i, data in enumerate(document.get("routines", [])):
        where = f"routines[{i}]"
        if data["id"] in routine_ids:
            problems.append(f"{where}.id: '{data['id']}' is defined twice")
        routine_ids.add(data["id"])
        exercises: list[Exercise] = []
        for j, item in enumerate(data["exercises"]):
            place = f"{where}.exercises[{j}]"
            if isinstance(item, str) or "exercise" in item:
                used = _used(item, library, place, problems)
                if used is not None:
                    exercises.append(used)
            else:
                exercises.append(_exercise(item, place, problems))
        size_problem = plan_size_problem(exercises)
        if size_problem:
            problems.append(f"{where}: {size_problem}")
        freq = data.get("frequency", {"min_per_week": 2, "max_per_week": 3})
        if freq["min_per_week"] > freq["max_per_week"]:
            problems.append(f"{where}.frequency.min_per_week: more than max_per_week")
        label = freq.get("label") or f"{freq['min_per_week']}-{freq['max_per_week']} a week"
        routines.append(Routine(
            id=data["id"],
            name=data["name"],
            summary=data.get("summary", ""),
            frequency=Frequency(freq["min_per_week"], freq["max_per_week"], label),
            exercises=tuple(exercises),
            notes=tuple(data.get("notes", ())),
            source_file=str(path),
            rests=_rests(data.get("rests")),
            minutes=_range(data.get("minutes"), f"{where}.minutes", problems),
            strength=data.get("day_kind") == "strength",
            weeks=_range(data.get("weeks"), f"{where}.weeks", problems),
        ))
    if problems:
        raise RoutineFileError(path, [f"{path}: {p}" for p in problems[:MAX_PROBLEMS_PER_FILE]])
    return routines, library, _rests(document.get("rests"))


def _rests(data: dict[str, Any] | None) -> Rests | None:
    if data is None:
        return None
    return replace(Rests(), **{k: v for k, v in data.items() if k != "about"})


def _used(item: str | dict[str, Any], library: dict[str, Exercise], place: str,
          problems: list[str]) -> Exercise | None:
    """An exercise named by id, its range defaults moved to the routine's targets if given."""
    exercise_id = item if isinstance(item, str) else item["exercise"]
    exercise = library.get(exercise_id)
    if exercise is None:
        problems.append(f"{place}: no exercise has the id '{exercise_id}'")
        return None
    if isinstance(item, str):
        return exercise
    changes: dict[str, Range] = {}
    for key in ("sets", "reps", "hold"):
        bounds: Range | None = getattr(exercise, key)
        if key not in item:
            continue
        if bounds is None:
            problems.append(f"{place}.{key}: '{exercise_id}' has no {key} to set")
        elif not bounds.min <= item[key] <= bounds.max:
            problems.append(f"{place}.{key}: {item[key]} is outside {bounds}")
        else:
            changes[key] = replace(bounds, default=item[key])
    return replace(exercise, **changes)  # type: ignore[arg-type]


def load_book(builtin: Path, extra: Sequence[Path] = ()) -> RoutineBook:
    """Load the built-in file, then each extra file that exists; a refused file is reported.

    The built-in file ships with the app and the test suite holds it to the schema, so it is
    not checked again here: jsonschema costs a fifth of a second to import, which start-up
    then pays only when the user has a file of their own.
    """
    book = RoutineBook()
    library: dict[str, Exercise] = {}
    for index, path in enumerate([builtin, *extra]):
        if index > 0 and not exists_or_link(path):
            continue
        try:
            document = read_document(path, check_schema=index > 0)
            routines, library, rests = build_routines(document, path, library)
        except RoutineFileError as exc:
            book.problems.extend(exc.problems)
            continue
        for routine in routines:
            # A routine with the id of an earlier one replaces it: a user can adapt a built-in.
            book.routines = [r for r in book.routines if r.id != routine.id]
            book.routines.append(routine)
        if rests is not None:
            book.rests = rests
    return book
