"""The editable routines document: edits keep unknown keys, targets stay inside ranges, and what
it builds is what the routines file loader builds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from psoas_desktop.core.routine_doc import EditError, RoutineDoc, Targets, slug, unique_id
from psoas_desktop.core.routine_file import build_routines, load_book, read_document
from psoas_desktop.core.routines import Rests
from psoas_desktop.core.timeline import build_timeline
from psoas_desktop.resources import builtin_routines


@pytest.fixture
def builtin() -> dict:
    return read_document(builtin_routines())


@pytest.fixture
def doc(builtin) -> RoutineDoc:
    return RoutineDoc.empty(builtin)


def test_slug_and_unique_ids():
    assert slug("My morning routine!") == "my-morning-routine"
    assert slug("***") == "routine"
    assert unique_id("a", {"a", "a-2"}) == "a-3"


def test_new_routine_with_targets_builds_as_the_loader_builds(doc, tmp_path):
    rid = doc.new_routine("My morning routine")
    doc.add_exercise(rid, "glute-bridge")
    doc.add_exercise(rid, "standing-slumpy-psoas")
    set_to = doc.set_target(rid, 1, Targets(sets=3, reps=99, hold=7))
    assert set_to == Targets(3, 6, 7)  # reps brought inside 4-6
    doc.set_frequency(rid, 5, 3)
    doc.set_rests(rid, Rests(get_ready=3, between_reps=2, between_sets=20, switch_sides=4,
                             between_exercises=9))
    assert doc.problems() == []
    path = tmp_path / "routines.json"
    path.write_text(json.dumps(doc.data))
    routine = load_book(builtin_routines(), [path]).get(rid)
    assert routine is not None
    assert [e.id for e in routine.exercises] == ["glute-bridge", "standing-slumpy-psoas"]
    slumpy = routine.exercises[1]
    assert (slumpy.sets.default, slumpy.reps.default, slumpy.hold.default) == (3, 6, 7)
    assert routine.frequency.min_per_week == 3 and routine.frequency.max_per_week == 5
    timeline = build_timeline(routine, rests=Rests())
    assert timeline.steps[0].seconds == 3  # the routine's own get-ready, not the app's 10


def test_move_remove_and_no_twice(doc):
    rid = doc.new_routine("R")
    for exercise_id in ("glute-bridge", "side-lying-clamshell", "breath-led-warm-up"):
        doc.add_exercise(rid, exercise_id)
    doc.move_exercise(rid, 2, 0)
    assert doc.items(rid) == ["breath-led-warm-up", "glute-bridge", "side-lying-clamshell"]
    assert doc.remove_exercise(rid, 1) == "glute-bridge"
    with pytest.raises(EditError, match="already"):
        doc.add_exercise(rid, "breath-led-warm-up")
    with pytest.raises(EditError, match="no exercise"):
        doc.add_exercise(rid, "nothing-like-it")


def test_unknown_keys_survive_edits(builtin):
    data = {"future": {"x": [1, 2]}, "exercises": [
        {"id": "mine", "name": "Mine", "kind": "tempo", "per_side": False, "figure": "arc"}],
        "routines": [{"id": "r", "name": "R", "exercises": ["mine"], "colour": "teal"}]}
    doc = RoutineDoc(data, builtin)
    doc.rename("r", "Renamed")
    doc.add_exercise("r", "glute-bridge", 0)
    doc.move_exercise("r", 0, 1)
    assert doc.data["future"] == {"x": [1, 2]}
    assert doc.routine("r")["colour"] == "teal"
    assert doc.exercises()[0]["figure"] == "arc"
    assert list(doc.data) == ["future", "exercises", "routines"]


def test_duplicate_a_builtin_and_replace_it(doc):
    copy_id = doc.duplicate("psoas-strength")
    assert copy_id == "psoas-strength-copy"
    assert doc.routine(copy_id)["name"].endswith("(copy)")
    assert doc.replaces_builtin("psoas-strength") is True
    doc.duplicate("psoas-strength", keep_id=True)
    assert doc.routine("psoas-strength")["exercises"] == doc.builtin_routine(
        "psoas-strength")["exercises"]
    with pytest.raises(EditError):
        doc.duplicate("psoas-strength", keep_id=True)


def test_delete_and_restore_put_it_back_in_place(doc):
    a, b = doc.new_routine("A"), doc.new_routine("B")
    index, removed = doc.delete_routine(a)
    assert [r["id"] for r in doc.routines()] == [b]
    doc.restore_routine(index, removed)
    assert [r["id"] for r in doc.routines()] == [a, b]


def test_define_exercise_is_held_to_the_schema(doc):
    with pytest.raises(EditError, match="hold"):
        doc.define_exercise({"id": "wall-sit", "name": "Wall sit", "kind": "hold",
                             "per_side": False})
    doc.define_exercise({"id": "wall-sit", "name": "Wall sit", "kind": "hold", "per_side": False,
                         "hold": {"min": 20, "max": 60}, "steps": ["Slide down the wall."]})
    rid = doc.new_routine("Sits")
    doc.add_exercise(rid, "wall-sit")
    assert doc.target(doc.items(rid)[0]) == Targets(1, 1, 20)
    assert doc.problems() == []


def test_problems_name_the_place(doc):
    rid = doc.new_routine("Empty")
    assert any(p.startswith("routines[0].exercises") for p in doc.problems())
    doc.add_exercise(rid, "glute-bridge")
    doc.items(rid)[0] = {"exercise": "glute-bridge", "sets": 9}
    assert doc.problems() == ["routines[0].exercises[0].sets: 9 is outside 2-3"]


def test_builtin_file_still_builds(builtin):
    routines, _, _ = build_routines(builtin, Path("b"), {})
    assert len(routines) == 3


def test_define_exercise_checks_sense_as_well(doc):
    with pytest.raises(EditError, match=r"hold\.min: 30 is more than max 20"):
        doc.define_exercise({"id": "x", "name": "X", "kind": "hold", "per_side": True,
                             "hold": {"min": 30, "max": 20}})
    assert doc.exercises() == []
