"""Export one routine with the user's exercises it uses; import with replace, keep both, or no
change at all when ids clash and nobody chose."""

from __future__ import annotations

import copy

import pytest

from psoas_desktop.core.routine_doc import RoutineDoc, Targets
from psoas_desktop.core.routine_file import read_document
from psoas_desktop.core.routine_share import Clash, apply_import, export_document, plan_import
from psoas_desktop.resources import builtin_routines

WALL_SIT = {"id": "wall-sit", "name": "Wall sit", "kind": "hold", "per_side": False,
            "hold": {"min": 20, "max": 60}}


@pytest.fixture
def builtin() -> dict:
    return read_document(builtin_routines())


@pytest.fixture
def shared(builtin) -> dict:
    doc = RoutineDoc.empty(builtin)
    doc.define_exercise(copy.deepcopy(WALL_SIT))
    doc.define_exercise({"id": "unused", "name": "Unused", "kind": "tempo", "per_side": True})
    rid = doc.new_routine("My morning routine")
    doc.add_exercise(rid, "wall-sit")
    doc.add_exercise(rid, "glute-bridge")
    doc.set_target(rid, 1, Targets(3, 15, None))
    return export_document(doc, rid)


def test_export_holds_the_routine_and_only_the_exercises_it_uses(shared, builtin):
    assert [e["id"] for e in shared["exercises"]] == ["wall-sit"]
    assert shared["routines"][0]["exercises"] == [
        "wall-sit", {"exercise": "glute-bridge", "sets": 3, "reps": 15}]


def test_export_keeps_keys_it_does_not_know(builtin):
    doc = RoutineDoc({"exercises": [{**WALL_SIT, "figure": {"pose": "sit"}}], "routines": [
        {"id": "r", "name": "R", "exercises": ["wall-sit"], "colour": "teal"}]}, builtin)
    shared = export_document(doc, "r")
    assert shared["exercises"][0]["figure"] == {"pose": "sit"}
    assert shared["routines"][0]["colour"] == "teal"


def test_import_into_a_fresh_document(builtin, shared):
    doc = RoutineDoc.empty(builtin)
    assert not plan_import(doc, shared).clashes
    assert apply_import(doc, shared, None) == ["my-morning-routine"]
    assert doc.problems() == []
    assert doc.exercises()[0]["id"] == "wall-sit"


def test_clash_without_a_choice_changes_nothing(builtin, shared):
    doc = RoutineDoc.empty(builtin)
    apply_import(doc, shared, None)
    before = copy.deepcopy(doc.data)
    with pytest.raises(ValueError, match="my-morning-routine"):
        apply_import(doc, shared, None)
    assert doc.data == before


def test_keep_both_renames_routine_and_a_different_exercise(builtin, shared):
    doc = RoutineDoc.empty(builtin)
    apply_import(doc, shared, None)
    changed = copy.deepcopy(shared)
    changed["exercises"][0]["name"] = "Wall sit, deeper"
    plan = plan_import(doc, changed)
    assert plan.routine_clashes == ["my-morning-routine"]
    assert plan.exercise_clashes == ["wall-sit"]
    assert apply_import(doc, changed, Clash.KEEP_BOTH) == ["my-morning-routine-2"]
    assert [e["id"] for e in doc.exercises()] == ["wall-sit", "wall-sit-2"]
    assert doc.routine("my-morning-routine-2")["exercises"][0] == "wall-sit-2"
    assert doc.routine("my-morning-routine")["exercises"][0] == "wall-sit"
    assert doc.problems() == []


def test_replace_takes_the_place(builtin, shared):
    doc = RoutineDoc.empty(builtin)
    apply_import(doc, shared, None)
    changed = copy.deepcopy(shared)
    changed["routines"][0]["name"] = "Mornings v2"
    apply_import(doc, changed, Clash.REPLACE)
    assert [r["name"] for r in doc.routines()] == ["Mornings v2"]


def test_a_routine_with_a_builtin_id_is_a_clash(builtin):
    doc = RoutineDoc.empty(builtin)
    incoming = {"routines": [copy.deepcopy(doc.builtin_routine("psoas-strength"))]}
    assert plan_import(doc, incoming).routine_clashes == ["psoas-strength"]
