"""Small rules at their edges: joint ranges, side words joined to a sentence, skips from the last
step of a block, exports of exercises named with targets, and target lines for odd cases."""

from __future__ import annotations

import copy
from dataclasses import replace

import pytest

from psoas_desktop.core.engine import Session, State
from psoas_desktop.core.routine_doc import RoutineDoc
from psoas_desktop.core.routine_file import read_document
from psoas_desktop.core.routine_share import apply_import, export_document
from psoas_desktop.core.routines import (
    Exercise,
    Frequency,
    LoadMeasure,
    LoadUnit,
    Range,
    Rests,
    Routine,
    Target,
    Tempo,
    WorkKind,
    describe_target,
)
from psoas_desktop.core.session_moves import skip_exercise, skip_side
from psoas_desktop.core.side_words import spoken_side_words, with_side_words
from psoas_desktop.core.skeleton import Limbs, Pose, out_of_range
from psoas_desktop.core.timeline import Step, StepKind, build_timeline
from psoas_desktop.resources import builtin_routines


def test_the_ends_of_a_joint_range_are_reachable() -> None:
    assert out_of_range(Pose((0, 0.5), 0, low_back=60, neck=-50,
                             near=Limbs(knee=150, hip=-30), far=Limbs(elbow=0))) == []
    assert out_of_range(Pose((0, 0.5), 0, low_back=60.5)) == ["low_back 60.5 (-30 to 60)"]
    assert out_of_range(Pose((0, 0.5), 0, far=Limbs(hip=-31))) == ["far.hip -31 (-30 to 135)"]


def test_side_words_make_one_sentence() -> None:
    assert with_side_words("Switch sides", "Right leg hangs") == "Switch sides. Right leg hangs."
    assert with_side_words("Rest, 20 seconds.", "Left leg") == "Rest, 20 seconds. Left leg."
    assert with_side_words("...Hold", "Left leg") == "...Hold. Left leg."
    assert with_side_words("", "Left leg") == "Left leg."
    assert with_side_words("Go", "") == "Go"
    both = Step(StepKind.PREPARE, 5, exercise_index=0, exercise_id="a")
    assert spoken_side_words(both, None, None) == ""


SIDED = Exercise("s", "Sided", WorkKind.HOLD, per_side=True, reps=Range(2, 2, 2),
                 hold=Range(5, 5, 5))
PLAIN = Exercise("p", "Plain", WorkKind.TIMED, per_side=False, hold=Range(10, 10, 10))
TIMELINE = build_timeline(Routine("r", "R", "", Frequency(2, 3, ""), (SIDED, PLAIN)),
                          rests=Rests(4, 3, 0, 2, 4))
# 0 ready, 1 hold L, 2 rest L, 3 hold L, 4 switch, 5 hold R, 6 rest R, 7 hold R | 8 ready, 9 work


def started(clock) -> Session:
    session = Session(TIMELINE, clock)
    session.start()
    return session


def test_skipping_a_side_from_its_last_step_goes_to_the_very_next_one(clock) -> None:
    session = started(clock)
    session.go_to(3)
    skip_side(session)
    assert session.index == 4 and session.step.kind is StepKind.SWITCH


def test_skipping_the_exercise_from_its_last_step_goes_to_the_next_get_ready(clock) -> None:
    session = started(clock)
    session.go_to(7)
    skip_exercise(session)
    assert session.index == 8


def test_skipping_the_last_side_of_the_last_exercise_ends_the_routine(clock) -> None:
    session = started(clock)
    session.go_to(9)
    skip_side(session)
    assert session.state is State.FINISHED


WALL_SIT = {"id": "wall-sit", "name": "Wall sit", "kind": "hold", "per_side": False,
            "hold": {"min": 20, "max": 60}}


@pytest.fixture(scope="module")
def builtin() -> dict:
    return read_document(builtin_routines())


def test_an_exercise_named_with_targets_is_exported_too(builtin) -> None:
    doc = RoutineDoc.empty(builtin)
    doc.define_exercise(copy.deepcopy(WALL_SIT))
    rid = doc.new_routine("R")
    doc.insert_item(rid, 0, {"exercise": "wall-sit", "sets": 1})
    shared = export_document(doc, rid)
    assert [e["id"] for e in shared["exercises"]] == ["wall-sit"]
    shared["exercises"][0]["hold"]["min"] = 30  # a deep copy: the document keeps its own
    assert doc.exercises()[0]["hold"] == {"min": 20, "max": 60}


def test_a_file_of_routines_only_or_exercises_only_imports(builtin) -> None:
    doc = RoutineDoc.empty(builtin)
    assert apply_import(doc, {"exercises": [copy.deepcopy(WALL_SIT)]}, None) == []
    assert doc.user_exercise_ids() == {"wall-sit"}
    routine = {"id": "r", "name": "R", "exercises": ["wall-sit"]}
    assert apply_import(doc, {"routines": [routine]}, None) == ["r"]


def test_a_target_line_says_only_what_the_exercise_uses() -> None:
    bridge = Exercise("b", "Bridge", WorkKind.TEMPO, per_side=False, reps=Range(3, 3, 3),
                      tempo=Tempo(4))
    assert describe_target(bridge, Target(1, 3, hold=5)) == "1 x 3 reps, 4 s a rep"
    drive = Exercise("d", "Drive", WorkKind.REP_HOLD, per_side=False, tempo=Tempo(4))
    assert describe_target(drive, Target(2, 6)) == "2 x 6 reps"
    no_load = Exercise("n", "N", WorkKind.HOLD, per_side=False, reps=Range(2, 2, 2),
                       hold=Range(5, 5, 5))
    assert describe_target(no_load, Target(1, 2, 5, load=3)) == "1 x 2 reps, 5 s hold"
    kg = replace(no_load, load_measure=LoadMeasure(LoadUnit.KG))
    assert describe_target(kg, Target(1, 2, 5)) == "1 x 2 reps, 5 s hold"
