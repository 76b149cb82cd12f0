"""A schema-valid document built into routines: what each field becomes, its defaults, and the
sense checks the schema cannot make, each named by place."""

from __future__ import annotations

from pathlib import Path

import pytest

from psoas_desktop.core.routine_file import RoutineFileError, build_routines
from psoas_desktop.core.routines import (
    Frequency,
    LoadMeasure,
    LoadUnit,
    Phase,
    Range,
    Rests,
    Tempo,
    WorkKind,
)

PATH = Path("mine.json")
FULL = {
    "id": "drive", "name": "Knee drive", "kind": "rep_hold", "per_side": True,
    "sets": {"min": 1, "max": 3, "default": 2}, "reps": {"min": 4, "max": 8},
    "hold": {"min": 2, "max": 4, "default": 3}, "tempo": {"seconds_per_rep": 5},
    "equipment": ["band"], "load": "More bands.", "steps": ["Kneel.", "Drive."],
    "cues": ["Tall."], "safety": ["Stop if sharp."], "source_note": "Article 2.",
    "side_words": {"left": "Left knee drives", "right": "Right knee drives"},
    "load_measure": {"unit": "bands", "start": 1, "step": 1, "max": 5, "suggest": False},
}


def build(document: dict):
    return build_routines(document, PATH, {})


def refused(document: dict) -> list[str]:
    with pytest.raises(RoutineFileError) as error:
        build(document)
    return error.value.problems


def test_every_exercise_field_is_read() -> None:
    _, library, rests = build({"exercises": [FULL]})
    ex = library["drive"]
    assert (ex.name, ex.kind, ex.per_side) == ("Knee drive", WorkKind.REP_HOLD, True)
    assert (ex.sets, ex.reps, ex.hold) == (Range(1, 3, 2), Range(4, 8, 4), Range(2, 4, 3))
    assert ex.tempo == Tempo(5)
    assert (ex.equipment, ex.load, ex.steps, ex.cues, ex.safety, ex.source_note) == (
        ("band",), "More bands.", ("Kneel.", "Drive."), ("Tall.",), ("Stop if sharp.",),
        "Article 2.")
    assert ex.side_words == ("Left knee drives", "Right knee drives")
    assert ex.load_measure == LoadMeasure(LoadUnit.BANDS, 1, 1, 5, False)
    assert rests is None


def test_an_exercise_with_only_what_it_must_have() -> None:
    _, library, _ = build({"exercises": [
        {"id": "m", "name": "March", "kind": "tempo", "per_side": False},
        {"id": "c", "name": "Cycle", "kind": "cycle", "per_side": False,
         "phases": [{"name": "In", "cue": "Breathe in"}, {"name": "Out"}]},
        {"id": "w", "name": "Weight", "kind": "hold", "per_side": False,
         "hold": {"min": 5, "max": 9}, "load_measure": {"unit": "on_off"}},
        {"id": "k", "name": "Kg", "kind": "hold", "per_side": False,
         "hold": {"min": 5, "max": 9}, "load_measure": {"unit": "kg"}}]})
    march = library["m"]
    assert (march.sets, march.reps, march.hold, march.tempo) == (Range(1, 1, 1), Range(1, 1, 1),
                                                                 None, Tempo())
    assert (march.equipment, march.load, march.steps, march.side_words) == ((), "", (), ("", ""))
    assert march.load_measure is None and march.figure is None
    assert library["c"].phases == (Phase("In", "Breathe in"), Phase("Out", ""))
    assert library["c"].tempo is None
    assert library["w"].load_measure == LoadMeasure(LoadUnit.ON_OFF, 0, 1, 1.0, True)
    assert library["k"].load_measure.max == 20.0
    assert library["w"].hold == Range(5, 9, 5)  # the default is the low end


def test_a_routine_in_full_and_with_its_defaults() -> None:
    routines, _, rests = build({
        "rests": {"about": "mine", "get_ready": 3, "switch_sides": 2},
        "exercises": [FULL],
        "routines": [
            {"id": "r", "name": "R", "summary": "Short.", "exercises": ["drive"],
             "frequency": {"min_per_week": 1, "max_per_week": 2, "label": "once or twice"},
             "notes": ["Slowly."], "rests": {"between_sets": 15},
             "minutes": {"min": 5, "max": 10}, "day_kind": "strength",
             "weeks": {"min": 4, "max": 8, "default": 6}},
            {"id": "plain", "name": "Plain", "exercises": ["drive"]}]})
    r, plain = routines
    assert (r.summary, r.notes, r.source_file) == ("Short.", ("Slowly.",), "mine.json")
    assert r.frequency == Frequency(1, 2, "once or twice")
    assert r.rests == Rests(between_sets=15)
    assert (r.minutes, r.weeks, r.strength) == (Range(5, 10, 5), Range(4, 8, 6), True)
    assert plain.frequency == Frequency(2, 3, "2-3 a week")
    assert (plain.summary, plain.notes, plain.rests, plain.minutes, plain.weeks) == (
        "", (), None, None, None)
    assert not plain.strength
    assert rests == Rests(get_ready=3, switch_sides=2)


def test_a_routines_targets_become_the_exercises_defaults() -> None:
    routines, library, _ = build({"exercises": [FULL], "routines": [
        {"id": "r", "name": "R", "exercises": [{"exercise": "drive", "sets": 3, "hold": 4}]}]})
    drive = routines[0].exercises[0]
    assert (drive.sets, drive.reps, drive.hold) == (Range(1, 3, 3), Range(4, 8, 4),
                                                    Range(2, 4, 4))
    assert library["drive"].sets.default == 2  # the library keeps its own


def test_an_inline_exercise_is_built_in_its_place() -> None:
    inline = dict(FULL, id="own")
    routines, library, _ = build({"routines": [{"id": "r", "name": "R", "exercises": [inline]}]})
    assert routines[0].exercises[0].id == "own" and "own" not in library


@pytest.mark.parametrize(("document", "problem"), [
    ({"exercises": [dict(FULL, sets={"min": 3, "max": 1})]},
     "mine.json: exercises[0].sets.min: 3 is more than max 1"),
    ({"exercises": [dict(FULL, hold={"min": 2, "max": 4, "default": 9})]},
     "mine.json: exercises[0].hold.default: 9 is outside 2-4"),
    ({"exercises": [FULL, FULL]}, "mine.json: exercises[1].id: 'drive' is defined twice"),
    ({"routines": [{"id": "r", "name": "R", "exercises": ["nothing"]}]},
     "mine.json: routines[0].exercises[0]: no exercise has the id 'nothing'"),
    ({"exercises": [FULL], "routines": [{"id": "r", "name": "R", "exercises": ["drive"]},
                                        {"id": "r", "name": "R2", "exercises": ["drive"]}]},
     "mine.json: routines[1].id: 'r' is defined twice"),
    ({"exercises": [FULL], "routines": [{"id": "r", "name": "R", "exercises": ["drive"],
                                         "frequency": {"min_per_week": 4, "max_per_week": 2}}]},
     "mine.json: routines[0].frequency.min_per_week: more than max_per_week"),
    ({"exercises": [FULL], "routines": [{"id": "r", "name": "R", "exercises": [
        {"exercise": "drive", "reps": 9}]}]},
     "mine.json: routines[0].exercises[0].reps: 9 is outside 4-8"),
])
def test_sense_checks_name_the_place(document, problem) -> None:
    assert problem in refused(document)


def test_a_target_for_what_an_exercise_does_not_have() -> None:
    march = {"id": "m", "name": "March", "kind": "tempo", "per_side": False}
    problems = refused({"exercises": [march], "routines": [
        {"id": "r", "name": "R", "exercises": [{"exercise": "m", "hold": 5}]}]})
    assert problems == ["mine.json: routines[0].exercises[0].hold: 'm' has no hold to set"]


def test_a_routine_too_big_to_plan() -> None:
    huge = dict(FULL, id="huge", sets={"min": 1, "max": 20}, reps={"min": 1, "max": 100})
    problems = refused({"exercises": [huge], "routines": [
        {"id": "r", "name": "R", "exercises": ["huge"]}]})
    assert len(problems) == 1
    assert problems[0].startswith("mine.json: routines[0]: at its largest targets it would ")


def test_no_more_than_twenty_problems_are_told() -> None:
    many = [dict(FULL, id=f"e{i}", sets={"min": 3, "max": 1}) for i in range(30)]
    assert len(refused({"exercises": many})) == 20


def test_a_known_exercise_can_be_named_from_another_file() -> None:
    _, library, _ = build({"exercises": [FULL]})
    routines, _, _ = build_routines({"routines": [{"id": "r", "name": "R",
                                                   "exercises": ["drive"]}]}, PATH, library)
    assert routines[0].exercises[0] is library["drive"]
