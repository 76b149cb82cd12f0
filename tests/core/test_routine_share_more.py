"""Sharing, further: what an export leaves alone, the words for clashes, and renamed exercises
followed wherever a routine names them."""

from __future__ import annotations

import copy

import pytest

from psoas_desktop.core.routine_doc import RoutineDoc
from psoas_desktop.core.routine_file import read_document
from psoas_desktop.core.routine_share import (
    EXPORT_ABOUT,
    Clash,
    ImportPlan,
    apply_import,
    export_document,
    plan_import,
)
from psoas_desktop.resources import builtin_routines

WALL_SIT = {"id": "wall-sit", "name": "Wall sit", "kind": "hold", "per_side": False,
            "hold": {"min": 20, "max": 60}}
INLINE = {"id": "inline-march", "name": "March", "kind": "tempo", "per_side": False}


@pytest.fixture(scope="module")
def builtin() -> dict:
    return read_document(builtin_routines())


def mine(builtin) -> RoutineDoc:
    doc = RoutineDoc.empty(builtin)
    doc.define_exercise(copy.deepcopy(WALL_SIT))
    rid = doc.new_routine("Mornings")
    doc.add_exercise(rid, "wall-sit")
    doc.insert_item(rid, 1, copy.deepcopy(INLINE))
    doc.insert_item(rid, 2, {"exercise": "glute-bridge", "sets": 3})
    return doc


def test_an_export_is_a_copy_and_says_what_it_is(builtin) -> None:
    doc = mine(builtin)
    shared = export_document(doc, "mornings")
    assert shared["about"] == EXPORT_ABOUT
    assert [e["id"] for e in shared["exercises"]] == ["wall-sit"]  # not the inline one's id
    shared["routines"][0]["exercises"].append("x")
    shared["exercises"][0]["name"] = "changed"
    assert doc.items("mornings")[-1] == {"exercise": "glute-bridge", "sets": 3}
    assert doc.exercises()[0]["name"] == "Wall sit"


def test_the_clashes_in_words() -> None:
    assert ImportPlan().describe() == "" and not ImportPlan().clashes
    assert ImportPlan(routine_clashes=["a", "b"]).describe() == "routines a, b"
    assert ImportPlan(exercise_clashes=["x", "y"]).describe() == "exercises x, y"
    both = ImportPlan(routine_clashes=["a"], exercise_clashes=["x"])
    assert both.describe() == "routines a; exercises x" and both.clashes


def test_the_plan_lists_what_comes_in(builtin) -> None:
    shared = export_document(mine(builtin), "mornings")
    plan = plan_import(RoutineDoc.empty(builtin), shared)
    assert plan.routine_ids == ["mornings"] and not plan.clashes
    assert plan_import(RoutineDoc.empty(builtin), {}).routine_ids == []


def test_an_import_leaves_the_file_it_came_from_as_it_was(builtin) -> None:
    shared = export_document(mine(builtin), "mornings")
    before = copy.deepcopy(shared)
    doc = mine(builtin)
    changed = copy.deepcopy(shared)
    changed["exercises"][0]["name"] = "Wall sit, deeper"
    kept = copy.deepcopy(changed)
    apply_import(doc, changed, Clash.KEEP_BOTH)
    assert changed == kept and shared == before


def test_keeping_both_renames_the_exercise_wherever_the_routine_names_it(builtin) -> None:
    doc = mine(builtin)
    shared = export_document(doc, "mornings")
    shared["exercises"][0]["name"] = "Wall sit, deeper"
    shared["routines"][0]["exercises"].append({"exercise": "wall-sit", "sets": 1})
    assert apply_import(doc, shared, Clash.KEEP_BOTH) == ["mornings-2"]
    items = doc.items("mornings-2")
    assert items[0] == "wall-sit-2"
    assert items[1] == INLINE  # an inline exercise is its own: left as it is
    assert items[2] == {"exercise": "glute-bridge", "sets": 3}  # a built-in one: not renamed
    assert items[3] == {"exercise": "wall-sit-2", "sets": 1}
    assert doc.routine("mornings-2")["name"] == "Mornings (imported)"
    assert doc.exercise_defs()["wall-sit"]["name"] == "Wall sit"
    assert doc.exercise_defs()["wall-sit-2"]["name"] == "Wall sit, deeper"


def test_replacing_redefines_only_the_clashing_exercise(builtin) -> None:
    doc = mine(builtin)
    doc.define_exercise({"id": "other", "name": "Other", "kind": "tempo", "per_side": False})
    shared = export_document(doc, "mornings")
    shared["exercises"][0]["name"] = "Wall sit, deeper"
    assert apply_import(doc, shared, Clash.REPLACE) == ["mornings"]
    assert [e["name"] for e in doc.exercises()] == ["Wall sit, deeper", "Other"]
    assert [r["id"] for r in doc.routines()] == ["mornings"]


def test_keeping_both_with_only_the_routine_clashing_keeps_the_exercise(builtin) -> None:
    doc = mine(builtin)
    shared = export_document(doc, "mornings")  # word for word: the exercise is no clash
    apply_import(doc, shared, Clash.KEEP_BOTH)
    assert [e["id"] for e in doc.exercises()] == ["wall-sit"]
    assert doc.items("mornings-2")[0] == "wall-sit"


def test_a_long_name_stays_within_bounds_when_imported_twice(builtin) -> None:
    doc = RoutineDoc.empty(builtin)
    rid = doc.new_routine("n" * 120)
    doc.add_exercise(rid, "glute-bridge")
    shared = export_document(doc, rid)
    apply_import(doc, shared, Clash.KEEP_BOTH)
    assert [len(r["name"]) for r in doc.routines()] == [120, 120]
