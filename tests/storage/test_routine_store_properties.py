"""Property-based: any routine the editor can make saves, loads back to the same routine, and
keeps the document keys the app does not read."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from psoas_desktop.core.routine_doc import RoutineDoc, Targets
from psoas_desktop.core.routine_file import load_book, read_document
from psoas_desktop.core.routines import Rests
from psoas_desktop.resources import builtin_routines
from psoas_desktop.storage.routine_store import RoutineStore

BUILTIN = read_document(builtin_routines())
EXERCISE_IDS = [e["id"] for e in BUILTIN["exercises"]]
names = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=120)
counts = st.integers(-5, 200)
uses = st.tuples(st.sampled_from(EXERCISE_IDS), counts, counts, counts)
rests = st.none() | st.builds(Rests, *[st.integers(0, 600)] * 5)


@st.composite
def routines(draw: st.DrawFn) -> list:
    chosen = draw(st.lists(uses, min_size=1, max_size=8, unique_by=lambda u: u[0]))
    return [draw(names), chosen, draw(st.integers(1, 14)), draw(st.integers(1, 14)),
            draw(rests)]


@settings(max_examples=60, deadline=None)
@given(st.lists(routines(), min_size=1, max_size=4))
def test_saved_routines_load_back_the_same(made):
    # "$schema" and "about" are keys the app never reads: they must come back as they were.
    doc = RoutineDoc({"about": "mine", "$schema": "./s.json"}, BUILTIN)
    expected = {}
    for name, chosen, low, high, own_rests in made:
        rid = doc.new_routine(name)
        targets = []
        for index, (exercise_id, sets, reps, hold) in enumerate(chosen):
            doc.add_exercise(rid, exercise_id)
            targets.append(doc.set_target(rid, index, Targets(sets, reps, hold)))
        doc.set_frequency(rid, low, high)
        doc.set_rests(rid, own_rests)
        expected[rid] = (name, [c[0] for c in chosen], targets, own_rests,
                         (min(low, high), max(low, high)))
    with tempfile.TemporaryDirectory() as folder:
        store = RoutineStore(Path(folder) / "routines.json", builtin_routines())
        assert doc.problems() == []
        store.save(doc, None)
        book = load_book(builtin_routines(), [store.path])
        assert book.problems == []
        again = store.open().doc
        assert again.data == doc.data  # every key, the unknown ones too, in the same order
    for rid, (name, ids, targets, own_rests, (low, high)) in expected.items():
        routine = book.get(rid)
        assert routine.name == name
        assert [e.id for e in routine.exercises] == ids
        loaded = [Targets(e.sets.default, e.reps.default, e.hold.default if e.hold else None)
                  for e in routine.exercises]
        assert loaded == targets
        assert routine.rests == own_rests
        assert (routine.frequency.min_per_week, routine.frequency.max_per_week) == (low, high)
