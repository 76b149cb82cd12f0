"""Property-based: whatever bytes a routines file holds, loading it never raises past the user,
names the file, and never hides the built-in routines."""

from __future__ import annotations

import json
import string
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psoas_desktop.cli import main
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.core.timeline import build_timeline
from psoas_desktop.resources import builtin_routines

BUILTIN_IDS = ["psoas-strength", "psoas-stretch", "strength-then-stretch"]
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])

names = st.text(alphabet=string.printable + "<>&\x00\x07\x1b\u202e", max_size=40)
numbers = st.one_of(st.integers(-10, 10**12), st.floats(allow_nan=False), st.text(max_size=3),
                    st.none(), st.booleans())
ranges = st.fixed_dictionaries({"min": numbers, "max": numbers},
                               optional={"default": numbers, "step": numbers})
exercises = st.fixed_dictionaries(
    {"id": st.one_of(st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True), names),
     "name": names,
     "kind": st.sampled_from(["timed", "hold", "cycle", "rep_hold", "tempo", "nap", 3])},
    optional={"per_side": st.one_of(st.booleans(), numbers), "sets": ranges, "reps": ranges,
              "hold": ranges, "phases": st.lists(st.fixed_dictionaries({"name": names}),
                                                 max_size=4),
              "steps": st.lists(names, max_size=3)},
)
routines = st.fixed_dictionaries(
    {"id": st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True), "name": names,
     "exercises": st.lists(st.one_of(exercises, st.sampled_from(["glute-bridge", "nope"])),
                           max_size=4)},
    optional={"frequency": st.fixed_dictionaries({"min_per_week": numbers,
                                                  "max_per_week": numbers})},
)
documents = st.one_of(
    st.fixed_dictionaries({"routines": st.lists(routines, max_size=3)},
                          optional={"exercises": st.lists(exercises, max_size=3)}),
    st.recursive(st.one_of(st.none(), numbers, names),
                 lambda inner: st.lists(inner, max_size=3) | st.dictionaries(names, inner,
                                                                             max_size=3)),
)


def check_book(path: Path) -> None:
    book = load_book(builtin_routines(), [path])
    assert set(BUILTIN_IDS) <= set(book.ids())
    for problem in book.problems:
        assert problem.startswith(f"{path}: ")


@SETTINGS
@given(document=documents)
def test_any_json_document_loads_or_is_refused_by_name(tmp_path: Path, document) -> None:
    path = tmp_path / "routines.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    check_book(path)
    for routine in load_book(builtin_routines(), [path]).routines:
        assert routine.exercises  # whatever loaded can be turned into a plan
        assert build_timeline(routine).total_seconds > 0


@SETTINGS
@given(raw=st.binary(max_size=300))
def test_any_bytes_are_refused_cleanly(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "routines.json"
    path.write_bytes(raw)
    check_book(path)


@SETTINGS
@given(document=documents)
def test_validate_never_raises(tmp_path: Path, capsys, document) -> None:
    path = tmp_path / "routines.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    code = main(["validate", str(path)])
    captured = capsys.readouterr()
    assert code in (0, 1)
    assert "Traceback" not in captured.err
    if code == 1:
        assert all(line.startswith(str(path)) for line in captured.err.splitlines())


def test_a_file_of_several_megabytes_is_read(tmp_path: Path) -> None:
    exercise = {"id": "x", "name": "X" * 100, "kind": "hold", "per_side": True,
                "hold": {"min": 5, "max": 10}, "steps": ["a" * 1900] * 40}
    document = {"exercises": [dict(exercise, id=f"x{i}") for i in range(60)],
                "routines": [{"id": "big", "name": "Big", "exercises": ["x1", "x2"]}]}
    path = tmp_path / "big.json"
    path.write_text(json.dumps(document))
    assert path.stat().st_size > 4_000_000
    book = load_book(builtin_routines(), [path])
    assert book.problems == [] and book.get("big") is not None


def test_a_file_over_the_limit_is_refused_by_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    path.write_text(" " * (11 * 1024 * 1024) + "{}")
    book = load_book(builtin_routines(), [path])
    assert book.problems == [f"{path}: file is {path.stat().st_size:,} bytes; the limit is "
                             f"{10 * 1024 * 1024:,}"]
