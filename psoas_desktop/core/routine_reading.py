"""Reading a routines file into a checked document: bytes to JSON, then the schema and the
text rules, each problem named by line or JSON path. core/routine_file.py builds routines from it.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

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


def shorten(message: str) -> str:
    """A message cut to a length a window or terminal line can show."""
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
        raise RoutineFileError(path, [f"{name}: a number cannot be read ({shorten(str(exc))})"]
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
        problems.extend(f"{json_path(e.absolute_path)}: {shorten(e.message)}" for e in shown)
    return problems[:MAX_PROBLEMS_PER_FILE]


def text_problems(document: Any) -> list[str]:
    """Every string the app could not store, show or speak as it is (core/text_check.py)."""
    from psoas_desktop.core.text_check import document_text_problems

    found = [f"{json_path(path)}: {problem}" for path, problem in document_text_problems(document)]
    return found[:MAX_PROBLEMS_PER_FILE]
