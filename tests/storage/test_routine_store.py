"""Saving the user's routines: checked first, atomic, a backup kept, owner-only, never over a
broken file, and a changed file is a conflict to ask about."""

from __future__ import annotations

import json
import os
import stat

import pytest

from psoas_desktop.core.routine_doc import Targets
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.resources import builtin_routines
from psoas_desktop.storage.routine_store import (
    BrokenOnDisk,
    InvalidDocument,
    RoutineConflict,
    RoutineStore,
)


@pytest.fixture
def store(tmp_path) -> RoutineStore:
    return RoutineStore(tmp_path / "cfg" / "routines.json", builtin_routines())


def _morning(store: RoutineStore):
    opened = store.open()
    doc = opened.doc
    rid = doc.new_routine("My morning routine")
    doc.add_exercise(rid, "glute-bridge")
    doc.set_target(rid, 0, Targets(3, 12, None))
    return opened, doc, rid


def test_first_save_makes_a_loadable_owner_only_file(store):
    old = os.umask(0)  # the most open umask: the file must still be 0600
    try:
        opened, doc, rid = _morning(store)
        store.save(doc, opened.fingerprint)
    finally:
        os.umask(old)
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert not store.backup.exists()
    routine = load_book(builtin_routines(), [store.path]).get(rid)
    assert routine.exercises[0].sets.default == 3 and routine.exercises[0].reps.default == 12
    assert [p.name for p in store.path.parent.iterdir()] == ["routines.json"]  # no temp left


def test_second_save_keeps_the_previous_version(store):
    opened, doc, rid = _morning(store)
    first = store.save(doc, opened.fingerprint)
    previous = store.path.read_bytes()
    doc.rename(rid, "Mornings")
    store.save(doc, first)
    assert store.backup.read_bytes() == previous
    assert stat.S_IMODE(store.backup.stat().st_mode) == 0o600
    assert json.loads(store.path.read_text())["routines"][0]["name"] == "Mornings"


def test_invalid_document_is_not_written(store):
    opened, doc, rid = _morning(store)
    doc.routine(rid)["exercises"] = []
    with pytest.raises(InvalidDocument) as caught:
        store.save(doc, opened.fingerprint)
    assert "routines[0].exercises" in caught.value.problems[0]
    assert not store.path.exists()


def test_unknown_keys_are_kept_on_disk(store):
    store.path.parent.mkdir()
    store.path.write_text(json.dumps({"routines": [
        {"id": "r", "name": "R", "exercises": ["glute-bridge"]}]}))
    opened = store.open()
    opened.doc.data["exercises"] = []
    opened.doc.routine("r")["figure_note"] = "kept"  # not in the schema: refused, not dropped
    with pytest.raises(InvalidDocument, match="figure_note"):
        store.save(opened.doc, opened.fingerprint)
    del opened.doc.routine("r")["figure_note"]
    opened.doc.data["about"] = "hand-written note"
    store.save(opened.doc, opened.fingerprint)
    assert json.loads(store.path.read_text())["about"] == "hand-written note"


def test_broken_file_opens_read_only_and_is_never_overwritten(store):
    store.path.parent.mkdir()
    store.path.write_text('{"routines": [\n  {"id": "r",,}\n]}')
    opened = store.open()
    assert opened.read_only
    assert "line 2" in opened.error.problems[0] and str(store.path) in opened.error.problems[0]
    # A document from elsewhere (say, opened before the file broke) is refused too.
    other = RoutineStore(store.path.with_name("other.json"), builtin_routines()).open().doc
    other.new_routine("X")
    other.add_exercise(other.routines()[0]["id"], "glute-bridge")
    with pytest.raises(BrokenOnDisk):
        store.save(other, opened.fingerprint, overwrite_changed=True)
    assert store.path.read_text() == '{"routines": [\n  {"id": "r",,}\n]}'


def test_an_unknown_exercise_id_is_a_broken_file_with_its_path(store):
    store.path.parent.mkdir()
    store.path.write_text(json.dumps({"routines": [
        {"id": "r", "name": "R", "exercises": ["no-such-thing"]}]}))
    opened = store.open()
    assert opened.read_only
    assert "routines[0].exercises[0]" in opened.error.problems[0]


def test_a_file_changed_since_read_is_a_conflict(store):
    opened, doc, rid = _morning(store)
    fingerprint = store.save(doc, opened.fingerprint)
    store.path.write_text(json.dumps({"routines": []}))  # another program (or window) wrote
    doc.rename(rid, "Mine")
    with pytest.raises(RoutineConflict):
        store.save(doc, fingerprint)
    assert json.loads(store.path.read_text()) == {"routines": []}
    store.save(doc, fingerprint, overwrite_changed=True)  # the user said yes
    assert json.loads(store.path.read_text())["routines"][0]["name"] == "Mine"
    assert json.loads(store.backup.read_text()) == {"routines": []}
