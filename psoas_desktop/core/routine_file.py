"""Reading routines files: JSON, checked against the schema and for sense, into Routine objects.

A file with any problem is refused whole, with messages that name the file and the place
(a line for broken JSON, a JSON path such as `routines[0].exercises[2].hold.max` otherwise);
the other files still load. Text from a file stays data: it is never run or rendered.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache
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

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_PROBLEMS_PER_FILE = 20
_MESSAGE_CHARS = 240


class RoutineFileError(Exception):
    """A routines file was refused; `problems` holds one message per place."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.path = path
        self.problems = problems


def json_path(parts: Iterable[str | int]) -> str:
    """`['routines', 0, 'hold']` -> `routines[0].hold`; the document itself is `(top level)`."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            shown = part if part.isprintable() else ascii(part)  # a path prints on one line
            text += f".{shown}" if text else shown
    return text or "(top level)"


def _shorten(message: str) -> str:
    return message if len(message) <= _MESSAGE_CHARS else message[: _MESSAGE_CHARS - 1] + "…"


def _broken_link(path: Path) -> str | None:
    """Why `path` is a symlink that leads to no file, or None."""
    if not path.is_symlink():
        return None
    try:
        path.stat()
    except FileNotFoundError:
        return f"a link to {os.readlink(path)}, which does not exist"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a link that loops back on itself"
        return f"cannot be read ({exc.strerror or exc})"
    return None


def exists_or_link(path: Path) -> bool:
    """A file to load or to report: a link leading nowhere is reported, never skipped."""
    return path.exists() or path.is_symlink()


def read_document(path: Path, check_schema: bool = True) -> dict[str, Any]:
    """Read and parse a routines file, or raise RoutineFileError naming the line or place."""
    name = str(path)
    broken = _broken_link(path)
    if broken:
        raise RoutineFileError(path, [f"{name}: {broken}"])
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise RoutineFileError(path, [f"{name}: file is {size:,} bytes; the limit is "
                                          f"{MAX_FILE_BYTES:,}"])
        raw = path.read_bytes()
    except OSError as exc:
        raise RoutineFileError(path, [f"{name}: cannot be read ({exc.strerror or exc})"]) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise RoutineFileError(path, [f"{name}: line {line}: not UTF-8 text "
                                      f"(byte {exc.start})"]) from exc
    if not text.strip():
        raise RoutineFileError(path, [f"{name}: the file is empty"])
    try:
        document = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise RoutineFileError(path, [f"{name}: line {exc.lineno} column {exc.colno}: "
                                      f"not valid JSON ({exc.msg})"]) from exc
    except RecursionError as exc:
        raise RoutineFileError(path, [f"{name}: nested too deeply to read"]) from exc
    except ValueError as exc:  # an integer of thousands of digits; NaN or Infinity
        raise RoutineFileError(path, [f"{name}: a number cannot be read ({_shorten(str(exc))})"]
                               ) from exc
    problems = schema_problems(document) + text_problems(document) if check_schema else []
    if problems:
        raise RoutineFileError(path, [f"{name}: {p}" for p in problems])
    checked: dict[str, Any] = document  # the schema asks for an object at the top
    return checked


def _refuse_constant(word: str) -> Any:
    raise ValueError(f"{word} is not a number JSON allows")


@cache
def _validator() -> Any:
    # jsonschema is imported here, not at the top, so that commands that never read a file
    # do not pay for it.
    import jsonschema

    from psoas_desktop.resources import routines_schema

    schema = json.loads(routines_schema().read_text(encoding="utf-8"))
    # JSON Schema counts 2.0 as an integer; the app's counts are Python ints, so a float of
    # any kind is refused where a whole number is asked for (and a bool is no number).
    base = jsonschema.Draft202012Validator
    checker = base.TYPE_CHECKER.redefine(
        "integer", lambda _, value: isinstance(value, int) and not isinstance(value, bool))
    strict = jsonschema.validators.extend(base, type_checker=checker)
    return strict(schema)


def schema_problems(document: Any) -> list[str]:
    """Every place where the document breaks the schema, as `path: what is wrong`."""
    from jsonschema.exceptions import best_match

    problems: list[str] = []
    try:
        errors = sorted(_validator().iter_errors(document), key=lambda e: list(map(str, e.path)))
    except RecursionError:
        return ["(top level): nested too deeply to check"]
    for error in errors:
        shown = [error]
        if error.context:
            # A oneOf failure says little by itself: the errors found inside the value (an
            # exercise object rather than an id string) say what to fix.
            inside = [e for e in error.context if len(e.absolute_path) > len(error.absolute_path)]
            shown = inside or [best_match(error.context)]
        problems.extend(f"{json_path(e.absolute_path)}: {_shorten(e.message)}" for e in shown)
    return problems[:MAX_PROBLEMS_PER_FILE]


def text_problems(document: Any) -> list[str]:
    """Every string the app could not store, show or speak as it is (core/text_check.py)."""
    from psoas_desktop.core.text_check import document_text_problems

    found = [f"{json_path(path)}: {problem}" for path, problem in document_text_problems(document)]
    return found[:MAX_PROBLEMS_PER_FILE]


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
