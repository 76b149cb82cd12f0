"""More edits of the routines document: each one read back as a user would see it."""

from __future__ import annotations

import pytest

from psoas_desktop.core.routine_doc import (
    EditError,
    RoutineDoc,
    Targets,
    item_exercise_id,
    slug,
    unique_id,
)
from psoas_desktop.core.routine_file import read_document
from psoas_desktop.core.routines import Rests, WorkKind
from psoas_desktop.resources import builtin_routines

WALL_SIT = {"id": "wall-sit", "name": "Wall sit", "kind": "hold", "per_side": False,
            "hold": {"min": 20, "max": 60, "default": 30}, "steps": ["Slide down the wall."]}


@pytest.fixture(scope="module")
def builtin() -> dict:
    return read_document(builtin_routines())


@pytest.fixture
def doc(builtin) -> RoutineDoc:
    return RoutineDoc.empty(builtin)


def test_an_empty_document_holds_nothing_of_its_own(doc, builtin) -> None:
    assert doc.data == {"about": "Your own routines for Psoas Desktop.", "exercises": [],
                        "routines": []}
    assert doc.path.name == "routines.json"
    assert doc.all_ids() == {r["id"] for r in builtin["routines"]}
    assert RoutineDoc({}, builtin).routines() == [] and RoutineDoc({}, builtin).exercises() == []


def test_a_copy_is_edited_apart_from_the_original(doc) -> None:
    rid = doc.new_routine("Mine")
    twin = doc.copy()
    twin.rename(rid, "Changed")
    twin.add_exercise(rid, "glute-bridge")
    assert doc.routine(rid) == {"id": rid, "name": "Mine", "exercises": []}
    assert twin.path == doc.path and twin.builtin is doc.builtin


def test_slugs_are_cut_to_fit_an_id() -> None:
    assert slug("  Hip -- flexors, day 2 ") == "hip-flexors-day-2"
    assert slug("?", fallback="exercise") == "exercise"
    long = slug("a" * 100)
    assert long == "a" * 60
    assert not slug("b" * 59 + " c").endswith("-")
    assert unique_id("fresh", {"other"}) == "fresh"
    assert unique_id("a", {"a"}) == "a-2"


def test_an_item_names_its_exercise_however_it_is_written() -> None:
    assert item_exercise_id("glute-bridge") == "glute-bridge"
    assert item_exercise_id({"exercise": "glute-bridge", "sets": 2}) == "glute-bridge"
    assert item_exercise_id({"id": "inline", "name": "Inline"}) == "inline"


def test_new_routine_ids_never_clash(doc) -> None:
    first = doc.new_routine("Psoas strength")  # a built-in one has that id
    second = doc.new_routine("Psoas strength")
    assert (first, second) == ("psoas-strength-2", "psoas-strength-3")
    assert doc.routine(second)["name"] == "Psoas strength"


def test_duplicating_an_own_routine_copies_it_under_a_new_id(doc) -> None:
    rid = doc.new_routine("Evening")
    doc.add_exercise(rid, "glute-bridge")
    copy_id = doc.duplicate(rid)
    again = doc.duplicate(rid)
    assert (copy_id, again) == ("evening-copy", "evening-copy-2")
    assert doc.routine(copy_id)["name"] == "Evening (copy)"
    assert doc.items(copy_id) == ["glute-bridge"]
    doc.add_exercise(copy_id, "side-lying-clamshell")
    assert doc.items(rid) == ["glute-bridge"]  # a deep copy
    with pytest.raises(EditError, match="no routine has the id 'nope'"):
        doc.duplicate("nope")
    with pytest.raises(EditError, match="already one of yours"):
        doc.duplicate(rid, keep_id=True)


def test_a_very_long_name_is_cut_when_copied(doc) -> None:
    rid = doc.new_routine("x" * 120)
    copy_id = doc.duplicate(rid)
    assert len(doc.routine(copy_id)["name"]) == 120
    assert len(copy_id) <= 64 and copy_id.endswith("-copy")


def test_a_routine_that_is_not_there_is_named_in_the_refusal(doc) -> None:
    with pytest.raises(EditError, match="no routine of yours has the id 'ghost'"):
        doc.routine("ghost")
    assert doc.builtin_routine("ghost") is None and not doc.replaces_builtin("ghost")
    assert doc.builtin_routine("psoas-stretch")["id"] == "psoas-stretch"


def test_frequency_is_kept_low_to_high_and_drops_a_stale_label(doc) -> None:
    rid = doc.new_routine("R")
    doc.routine(rid)["frequency"] = {"min_per_week": 1, "max_per_week": 2, "label": "twice"}
    doc.set_frequency(rid, 4, 2)
    assert doc.routine(rid)["frequency"] == {"min_per_week": 2, "max_per_week": 4}
    doc.set_frequency(rid, 1, 3)
    assert doc.routine(rid)["frequency"] == {"min_per_week": 1, "max_per_week": 3}


def test_rests_are_set_over_unknown_keys_and_can_be_taken_away(doc) -> None:
    rid = doc.new_routine("R")
    doc.routine(rid)["rests"] = {"get_ready": 1, "note": "mine"}
    doc.set_rests(rid, Rests(2, 3, 4, 5, 6))
    assert doc.routine(rid)["rests"] == {"get_ready": 2, "note": "mine", "between_reps": 3,
                                         "between_sets": 4, "switch_sides": 5,
                                         "between_exercises": 6}
    doc.set_rests(rid, None)
    assert "rests" not in doc.routine(rid)
    doc.set_rests(rid, None)  # twice is harmless
    doc.set_rests(rid, Rests())
    assert doc.routine(rid)["rests"] == vars(Rests())


def test_an_exercise_goes_where_it_is_put(doc) -> None:
    rid = doc.new_routine("R")
    assert doc.add_exercise(rid, "glute-bridge") == 0
    assert doc.add_exercise(rid, "side-lying-clamshell") == 1
    assert doc.add_exercise(rid, "breath-led-warm-up", 0) == 0
    doc.insert_item(rid, 1, {"exercise": "standing-slumpy-psoas", "sets": 2})
    assert [item_exercise_id(i) for i in doc.items(rid)] == [
        "breath-led-warm-up", "standing-slumpy-psoas", "glute-bridge", "side-lying-clamshell"]
    with pytest.raises(EditError, match="already"):
        doc.add_exercise(rid, "standing-slumpy-psoas")  # written with targets, still there


def test_targets_default_then_follow_what_is_chosen(doc) -> None:
    rid = doc.new_routine("R")
    doc.add_exercise(rid, "standing-slumpy-psoas")
    doc.add_exercise(rid, "glute-bridge")
    assert doc.target("standing-slumpy-psoas") == Targets(2, 4, 5)
    assert doc.target("glute-bridge").hold is None  # paced reps hold nothing
    chosen = doc.set_target(rid, 0, Targets(sets=3, reps=5, hold=None))
    assert chosen == Targets(3, 5, 5)  # no hold given: the default stays
    assert doc.items(rid)[0] == {"exercise": "standing-slumpy-psoas", "sets": 3, "reps": 5}
    assert doc.set_target(rid, 0, Targets(sets=0, reps=1, hold=99)) == Targets(2, 4, 10)
    with pytest.raises(EditError, match="no exercise has the id 'gone'"):
        doc.target("gone")


def test_an_inline_exercise_takes_its_targets_as_its_own_defaults(doc) -> None:
    rid = doc.new_routine("R")
    inline = dict(WALL_SIT, id="inline-sit", hold=dict(WALL_SIT["hold"]))
    doc.insert_item(rid, 0, inline)
    assert doc.target(inline) == Targets(1, 1, 30)
    assert doc.set_target(rid, 0, Targets(sets=3, reps=2, hold=45)) == Targets(1, 1, 45)
    assert doc.items(rid)[0]["hold"] == {"min": 20, "max": 60, "default": 45}
    assert "sets" not in doc.items(rid)[0]  # it has no range of sets to set


def test_defining_an_exercise_adds_it_then_replaces_it(doc) -> None:
    assert doc.define_exercise(dict(WALL_SIT)) == "wall-sit"
    assert doc.define_exercise(dict(WALL_SIT, name="Wall sit, lower")) == "wall-sit"
    assert doc.exercises() == [dict(WALL_SIT, name="Wall sit, lower")]
    assert doc.user_exercise_ids() == {"wall-sit"}
    assert doc.exercise_defs()["wall-sit"]["name"] == "Wall sit, lower"
    assert "glute-bridge" in doc.exercise_defs()


def test_a_refused_definition_names_the_field_without_the_document_path(doc) -> None:
    with pytest.raises(EditError) as refused:
        doc.define_exercise({"id": "x", "name": "X", "kind": "spin", "per_side": False})
    assert str(refused.value).startswith("kind:")
    assert "exercises[0]" not in str(refused.value)


def test_the_exercise_library_holds_the_built_in_exercises_and_the_users(doc) -> None:
    doc.define_exercise(dict(WALL_SIT))
    library = doc.exercise_library()
    assert library["wall-sit"].kind is WorkKind.HOLD
    assert library["wall-sit"].hold.default == 30
    assert library["glute-bridge"].name == doc.exercise_defs()["glute-bridge"]["name"]
    assert set(library) == set(doc.exercise_defs())
    assert set(doc.library()) == set(library)
