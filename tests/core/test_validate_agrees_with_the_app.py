"""Whatever `validate` accepts, the app runs: every number bounded, no float where a count is
asked for, no text SQLite or the screen cannot take, no routine too big to plan."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psoas_desktop.cli import main
from psoas_desktop.core.plan_size import MAX_PLAN_STEPS
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.core.routines import Rests, Target
from psoas_desktop.core.timeline import build_timeline
from psoas_desktop.resources import builtin_routines

SETTINGS = settings(max_examples=120, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
INT32 = 2**31 - 1

counts = st.one_of(st.integers(1, 120), st.integers(-5, 10**20), st.sampled_from(
    [2.0, 2.5, 1e308, True, 10**4000]))
texts = st.text(alphabet=st.characters(codec=None), min_size=1, max_size=12) | st.sampled_from(
    ["Wall sit", "\ud800", "a\u202eb", "x\u2028y", "q\x85r", "bell\x07"])


def bounds(top: int):
    return st.fixed_dictionaries({"min": counts, "max": st.one_of(counts, st.just(top))})


exercise = st.fixed_dictionaries(
    {"id": st.just("own"), "name": texts,
     "kind": st.sampled_from(["timed", "hold", "cycle", "rep_hold", "tempo"]),
     "per_side": st.booleans(), "sets": bounds(20), "reps": bounds(100), "hold": bounds(3600)},
    optional={"phases": st.lists(st.fixed_dictionaries({"name": texts}), min_size=2,
                                 max_size=10),
              "tempo": st.fixed_dictionaries({"seconds_per_rep": counts}),
              "steps": st.lists(texts, min_size=1, max_size=2),
              "cues": st.lists(texts, min_size=1, max_size=2)})
document = st.builds(
    lambda ex, copies, name: {"routines": [{"id": "own-routine", "name": name,
                                            "exercises": [ex] + ["own"] * copies}],
                              "exercises": [ex]},
    exercise, st.integers(0, 99), texts)


@SETTINGS
@given(doc=document)
def test_whatever_validate_accepts_the_app_can_plan_store_and_show(tmp_path: Path, capsys,
                                                                   doc) -> None:
    path = tmp_path / "routines.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    accepted = main(["validate", str(path)]) == 0
    book = load_book(builtin_routines(), [path])
    routine = book.get("own-routine")
    assert (routine is not None) == accepted, book.problems
    if routine is None:
        return
    longest = Rests(600, 600, 600, 600, 600)
    for ex in routine.exercises:
        for value in (ex.sets.max, ex.reps.max, ex.hold.max if ex.hold else 1):
            assert type(value) is int and 1 <= value <= 3600
    largest = {ex.id: Target(ex.sets.max, ex.reps.max, ex.hold.max if ex.hold else None)
               for ex in routine.exercises}
    timeline = build_timeline(routine, largest, rests=longest)
    assert len(timeline.steps) <= MAX_PLAN_STEPS
    assert 0 < timeline.total_seconds <= INT32  # QProgressBar.setRange takes an int
    conn = sqlite3.connect(":memory:")
    texts_shown = [routine.name, *(ex.name for ex in routine.exercises),
                   *(p.name for ex in routine.exercises for p in ex.phases),
                   *(s for ex in routine.exercises for s in (*ex.steps, *ex.cues))]
    for text in texts_shown:
        assert conn.execute("SELECT ?", (text,)).fetchone()[0] == text
        assert "\u2028" not in text and "\u202e" not in text


@pytest.mark.parametrize(("field", "text"), [
    ("routine name", "\ud800"), ("exercise name", "Wall\udfff sit"),
    ("phase", "Lift\u202e"), ("phase", "Hold\u2028"), ("step", "Breathe\x85out"),
    ("cue", "Squeeze\x1b[31m"), ("exercise name", "Sit\u2066"),
])
def test_text_that_cannot_be_stored_or_shown_is_refused_at_load(tmp_path, field, text) -> None:
    ex = {"id": "own", "name": "Own", "kind": "cycle", "per_side": False,
          "sets": {"min": 1, "max": 2}, "reps": {"min": 1, "max": 2},
          "hold": {"min": 5, "max": 10}, "phases": [{"name": "A"}, {"name": "B"}],
          "steps": ["One"], "cues": ["Two"]}
    doc = {"routines": [{"id": "own-routine", "name": "Own", "exercises": [ex]}]}
    if field == "routine name":
        doc["routines"][0]["name"] = text
    elif field == "exercise name":
        ex["name"] = text
    elif field == "phase":
        ex["phases"][1]["name"] = text
    elif field == "step":
        ex["steps"] = [text]
    else:
        ex["cues"] = [text]
    path = tmp_path / "routines.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    book = load_book(builtin_routines(), [path])
    assert book.get("own-routine") is None
    assert len(book.problems) == 1 and str(path) in book.problems[0]


@pytest.mark.parametrize("raw", [
    '{"min": 2.0, "max": 3}', '{"min": 1, "max": 2.5}', '{"min": 1, "max": ' + "9" * 5000 + "}",
    '{"min": 1, "max": Infinity}', '{"min": NaN, "max": 3}', '{"min": true, "max": 3}',
])
def test_numbers_the_app_cannot_count_with_are_refused(tmp_path, capsys, raw) -> None:
    text = ('{"routines": [{"id": "own-routine", "name": "Own", "exercises": [{"id": "own",'
            ' "name": "Own", "kind": "hold", "per_side": false, "hold": {"min": 5, "max": 9},'
            f' "sets": {raw}}}]}}]}}')
    path = tmp_path / "routines.json"
    path.write_text(text, encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert load_book(builtin_routines(), [path]).get("own-routine") is None


def test_a_routine_too_big_to_plan_is_refused(tmp_path, capsys) -> None:
    ex = {"id": "own", "name": "Own", "kind": "cycle", "per_side": True,
          "sets": {"min": 1, "max": 20}, "reps": {"min": 1, "max": 100},
          "hold": {"min": 5, "max": 3600}, "phases": [{"name": str(i)} for i in range(10)]}
    doc = {"exercises": [ex],
           "routines": [{"id": "own-routine", "name": "Own", "exercises": ["own"] * 100}]}
    path = tmp_path / "routines.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    assert "the limit is" in capsys.readouterr().err
