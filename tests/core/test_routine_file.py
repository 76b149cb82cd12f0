"""Loading routines files, and every kind of refusal naming the file and the place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from psoas_desktop.core.routine_file import (
    RoutineFileError,
    load_book,
    read_document,
    schema_problems,
)
from psoas_desktop.core.routines import WorkKind
from psoas_desktop.resources import builtin_routines


def write(tmp_path: Path, data: object, name: str = "mine.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, indent=2))
    return path


def own_routine(**changes) -> dict:
    exercise = {"id": "wall-sit", "name": "Wall sit", "kind": "hold", "per_side": False,
                "sets": {"min": 1, "max": 3}, "reps": {"min": 2, "max": 4},
                "hold": {"min": 20, "max": 40}}
    exercise.update(changes)
    return {"routines": [{"id": "mine", "name": "Mine",
                          "exercises": ["glute-bridge", exercise]}]}


def test_builtin_routines_load_in_the_sources_order() -> None:
    book = load_book(builtin_routines())
    assert book.problems == []
    assert book.ids() == ["psoas-strength", "psoas-stretch", "strength-then-stretch"]
    strength = book.get("psoas-strength")
    assert [e.id for e in strength.exercises] == [
        "hip-flexor-ball-release", "standing-glute-squeeze", "standing-slumpy-psoas",
        "side-lying-hip-ere", "front-support-band-knee-drive"]
    assert len(book.get("psoas-stretch").exercises) == 6
    assert (strength.frequency.min_per_week, strength.frequency.max_per_week) == (2, 3)
    ere = strength.exercises[3]
    assert ere.kind is WorkKind.CYCLE and len(ere.phases) == 3
    assert (ere.reps.min, ere.reps.max, ere.hold.min, ere.hold.max) == (2, 4, 10, 15)


def test_every_builtin_exercise_has_instructions_and_a_default_at_the_low_end() -> None:
    for routine in load_book(builtin_routines()).routines:
        for exercise in routine.exercises:
            assert exercise.steps and exercise.cues and exercise.safety, exercise.id
            for rng in (exercise.sets, exercise.reps, exercise.hold):
                if rng is not None and exercise.id != "breath-led-warm-up":
                    assert rng.default == rng.min, exercise.id


def test_the_warm_up_starts_at_the_articles_ten_minutes_and_may_be_shortened() -> None:
    warm_up = next(e for r in load_book(builtin_routines()).routines for e in r.exercises
                   if e.id == "breath-led-warm-up")
    assert (warm_up.hold.min, warm_up.hold.default, warm_up.hold.max) == (180, 600, 600)
    assert "10 minutes" in warm_up.source_note and "up to" not in warm_up.source_note


def test_builtin_file_says_rests_are_ours_and_meets_its_schema() -> None:
    document = json.loads(builtin_routines().read_text())
    assert schema_problems(document) == []
    assert document["$schema"] == "./routines.schema.json"
    assert "own" in document["rests"]["about"]


def test_a_user_file_adds_routines_and_may_use_builtin_exercises(tmp_path) -> None:
    book = load_book(builtin_routines(), [write(tmp_path, own_routine())])
    assert book.problems == []
    mine = book.get("mine")
    assert [e.id for e in mine.exercises] == ["glute-bridge", "wall-sit"]
    assert mine.exercises[1].sets.default == 1  # left out: the low end


def test_a_missing_user_file_is_no_problem(tmp_path) -> None:
    book = load_book(builtin_routines(), [tmp_path / "absent.json"])
    assert book.problems == [] and len(book.routines) == 3


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "the file is empty"),
        ('{"routines": [\n  {"id": "x",}\n]}', "line 2 column"),
        (own_routine(hold={"min": 40, "max": 20}), "routines[0].exercises[1].hold.min: 40 is more"),
        (own_routine(hold={"min": 20, "max": "lots"}), "routines[0].exercises[1].hold.max"),
        (own_routine(kind="juggle"), "routines[0].exercises[1].kind"),
        (own_routine(sets={"min": 1, "max": 3, "default": 9}), "sets.default: 9 is outside 1-3"),
        (own_routine(name="Bad\x1b[31mname"), "routines[0].exercises[1].name"),
        ({"routines": [{"id": "r", "name": "R", "exercises": ["no-such"]}]},
         "routines[0].exercises[0]: no exercise has the id 'no-such'"),
        ({"routines": [{"id": "r", "name": "R"}]}, "routines[0]: 'exercises' is a required"),
        ([1, 2], "(top level): [1, 2] is not of type 'object'"),
    ],
)
def test_a_broken_file_is_refused_with_file_and_place(tmp_path, content, expected) -> None:
    path = write(tmp_path, content)
    book = load_book(builtin_routines(), [path])
    assert len(book.routines) == 3, "the built-in routines still load"
    assert book.problems, "the file was refused"
    assert all(p.startswith(str(path)) for p in book.problems)
    assert any(expected in p for p in book.problems), book.problems


def test_bytes_that_are_not_utf8_name_the_line(tmp_path) -> None:
    path = tmp_path / "latin.json"
    path.write_bytes(b'{\n "routines": [\n {"name": "caf\xe9"}]}')
    with pytest.raises(RoutineFileError) as caught:
        read_document(path)
    assert caught.value.problems == [f"{path}: line 3: not UTF-8 text (byte 31)"]


def test_deep_nesting_is_refused_not_crashed(tmp_path) -> None:
    path = write(tmp_path, "[" * 100_000 + "]" * 100_000)
    with pytest.raises(RoutineFileError) as caught:
        read_document(path)
    assert "too deeply" in caught.value.problems[0]


def test_a_routine_with_a_builtin_id_replaces_it(tmp_path) -> None:
    data = {"routines": [{"id": "psoas-stretch", "name": "My stretch",
                          "exercises": ["glute-bridge"]}]}
    book = load_book(builtin_routines(), [write(tmp_path, data)])
    assert book.get("psoas-stretch").name == "My stretch"
    assert len(book.routines) == 3


def test_user_rests_replace_the_defaults(tmp_path) -> None:
    data = {"rests": {"between_sets": 45}, "routines": []}
    book = load_book(builtin_routines(), [write(tmp_path, data)])
    assert book.rests.between_sets == 45 and book.rests.get_ready == 10
