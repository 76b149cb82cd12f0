"""More edges: a document beside an empty built-in file, ids cut from odd names, long lengths,
a range climbed from its bottom, one rep after a load step, two loaded exercises named."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from psoas_desktop.core.durations import duration_text
from psoas_desktop.core.engine import CueDue, Session
from psoas_desktop.core.progression import ExerciseResult, steps_in_range, suggest
from psoas_desktop.core.routine_doc import RoutineDoc, Targets, slug
from psoas_desktop.core.routines import (
    Exercise,
    Frequency,
    LoadMeasure,
    LoadUnit,
    Range,
    Rests,
    Routine,
    Target,
    WorkKind,
)
from psoas_desktop.core.timeline import build_timeline
from psoas_desktop.core.weekly_target import weekly_target

WALL_SIT = {"id": "wall-sit", "name": "Wall sit", "kind": "hold", "per_side": False,
            "hold": {"min": 20, "max": 60}}


def test_a_document_with_no_built_in_file_beside_it() -> None:
    doc = RoutineDoc.empty({}, Path("mine/routines.json"))
    assert doc.path == Path("mine/routines.json") and doc.copy().path == doc.path
    assert doc.builtin_routine("psoas-strength") is None
    assert doc.all_ids() == set() and doc.exercise_defs() == {}
    doc.define_exercise(dict(WALL_SIT))
    assert list(doc.exercise_library()) == ["wall-sit"]
    rid = doc.new_routine("Sits")
    doc.add_exercise(rid, "wall-sit")
    assert doc.target("wall-sit") == Targets(1, 1, 20)  # no sets or reps given: one of each
    assert doc.set_target(rid, 0, Targets(3, 3, 30)) == Targets(1, 1, 30)


def test_an_id_is_cut_from_the_letters_of_a_name() -> None:
    assert slug("!" + "a" * 70) == "a" * 60
    assert slug("a" * 59 + "!!!b") == "a" * 59


def test_lengths_over_an_hour() -> None:
    assert duration_text(7140) == "1:59:00"
    assert duration_text(0.4) == "0:00" and duration_text(-5) == "0:00"


def test_a_range_is_climbed_from_its_bottom_whatever_it_starts_at() -> None:
    hold = Exercise("h", "H", WorkKind.HOLD, False, hold=Range(5, 10, 8))
    assert steps_in_range(hold) == 2  # 5 -> 8 -> 10


def test_after_a_load_step_to_one_rep_the_reason_says_one_rep() -> None:
    lift = Exercise("l", "Lift", WorkKind.TEMPO, False, reps=Range(1, 2, 1),
                    load_measure=LoadMeasure(LoadUnit.KG, 0, 2, 10))
    top = Target(1, 2, None, 0)
    monday = datetime(2026, 1, 5, 8, tzinfo=UTC)
    recent = [ExerciseResult(monday + timedelta(days=31), top, True, 1, 1),
              ExerciseResult(monday + timedelta(days=28), top, True, 1, 1)]
    s = suggest(lift, top, recent, monday + timedelta(days=60), monday)
    assert s.reason.endswith("add load (2 kg) and go back to 1 rep, so that they are hard "
                             "again.")


def test_every_loaded_exercise_is_named() -> None:
    kg = LoadMeasure(LoadUnit.KG, 0, 2, 10)
    a = Exercise("a", "Squat", WorkKind.HOLD, False, hold=Range(5, 5, 5), load_measure=kg)
    b = Exercise("b", "Lunge", WorkKind.HOLD, False, hold=Range(5, 5, 5), load_measure=kg)
    routine = Routine("r", "R", "", Frequency(2, 3, ""), (a, b))
    targets = {"a": Target(1, 1, 5, 2), "b": Target(1, 1, 5, 4)}
    assert weekly_target(routine, targets).reason.startswith(
        "With added load (Squat, Lunge), aim for 2 sessions a week rather than 3")


def test_cues_after_a_pause_mark_their_moment_on_the_clock(clock) -> None:
    hold = Exercise("h", "H", WorkKind.HOLD, False, hold=Range(6, 6, 6))
    timeline = build_timeline(Routine("r", "R", "", Frequency(2, 3, ""), (hold,)),
                              rests=replace(Rests(), get_ready=6))
    session = Session(timeline, clock)
    heard: list[object] = []
    session.subscribe(heard.append)
    session.start()
    clock.advance(1.5)
    session.pause()
    clock.advance(10)
    session.resume()
    resumed = clock.now
    for _ in range(4):
        clock.advance(0.5)
        session.update()
    tick = next(e for e in heard if isinstance(e, CueDue) and e.count == 3)
    assert tick.at == resumed + 1.5  # the tick at 3 s, 1.5 s after the session went on
