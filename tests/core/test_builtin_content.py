"""The built-in routines carry what the articles give (../shared/EXERCISES.md), in our words."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from psoas_desktop.core.routine_file import load_book
from psoas_desktop.core.routines import LoadUnit, Range, WorkKind
from psoas_desktop.core.timeline import StepKind, build_timeline
from psoas_desktop.resources import builtin_routines

TOP = Path(__file__).resolve().parents[2]
SEEDS = TOP.parent.parent / "shared" / "seeds"


def _own_words():
    spec = importlib.util.spec_from_file_location("own_words", TOP / "tools" / "own_words.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def book():
    return load_book(builtin_routines())


def _exercise(book, exercise_id):
    return next(e for r in book.routines for e in r.exercises if e.id == exercise_id)


def _span(rng: Range) -> tuple[int, int]:
    return rng.min, rng.max


@pytest.mark.parametrize(("exercise_id", "sets", "reps", "hold", "per_side"), [
    ("hip-flexor-ball-release", (1, 1), (1, 1), (60, 120), True),
    ("standing-glute-squeeze", (1, 4), (4, 6), (5, 10), False),
    ("standing-slumpy-psoas", (2, 3), (4, 6), (5, 10), True),
    ("side-lying-hip-ere", (1, 1), (2, 4), (10, 15), True),
    ("front-support-band-knee-drive", (2, 3), (6, 10), (2, 2), True),
    ("supine-psoas-leg-drop", (2, 2), (1, 1), (30, 60), True),
    ("kneeling-hip-flexor-stretch", (2, 3), (1, 1), (30, 60), True),
    ("kneeling-side-bend-rotation", (2, 3), (1, 1), (20, 30), True),
])
def test_ranges_and_sides_are_the_articles(book, exercise_id, sets, reps, hold, per_side) -> None:
    exercise = _exercise(book, exercise_id)
    assert (_span(exercise.sets), _span(exercise.reps), _span(exercise.hold)) == (sets, reps, hold)
    assert exercise.per_side is per_side


def test_paced_exercises_of_the_stretch_routine(book) -> None:
    lunge, bridge, clam = (_exercise(book, i) for i in
                           ("dynamic-lunge-reach", "glute-bridge", "side-lying-clamshell"))
    assert (_span(lunge.reps), lunge.per_side) == ((8, 12), True)
    assert (_span(bridge.sets), _span(bridge.reps), bridge.per_side) == ((2, 3), (10, 15), False)
    assert (_span(clam.sets), _span(clam.reps), clam.per_side) == ((2, 3), (10, 15), True)
    assert {lunge.kind, bridge.kind, clam.kind} == {WorkKind.TEMPO}


def test_stretch_routine_at_its_defaults_takes_ten_to_fifteen_minutes(book) -> None:
    routine = book.get("psoas-stretch")
    total = build_timeline(routine, rests=book.rests).total_seconds
    assert routine.minutes is not None and _span(routine.minutes) == (10, 15)
    assert 10 * 60 <= total <= 15 * 60


def test_the_ere_press_is_a_still_hip_flexor_effort_into_the_top_foot(book) -> None:
    ere = _exercise(book, "side-lying-hip-ere")
    press = ere.phases[1].cue.lower()
    assert "top foot" in press and "nothing move" in press and "up into" not in press
    assert "hip flexor" in press


def test_load_is_counted_where_an_exercise_takes_it(book) -> None:
    units = {e.id: e.load_measure.unit for r in book.routines for e in r.exercises
             if e.load_measure}
    assert units == {"hip-flexor-ball-release": LoadUnit.ON_OFF,
                     "standing-slumpy-psoas": LoadUnit.KG,
                     "front-support-band-knee-drive": LoadUnit.BANDS}
    assert _exercise(book, "hip-flexor-ball-release").load_measure.suggest is False


def test_routine_rules_the_articles_give(book) -> None:
    strength = " ".join(book.get("psoas-strength").notes).lower()
    stretch = " ".join(book.get("psoas-stretch").notes).lower()
    assert "both sides" in strength and "only one" in strength
    assert "order of its own" in strength  # the step-up order is not presented as the sources'
    assert "warm up" in stretch and "pinch deep in the hip joint" in stretch
    kneeling = " ".join(_exercise(book, "kneeling-hip-flexor-stretch").cues).lower()
    assert "arching" in kneeling and "past the toes" in kneeling and "breath" in kneeling
    assert "hip height" in " ".join(_exercise(book, "standing-slumpy-psoas").steps)
    assert "into the pelvis" in " ".join(_exercise(book, "front-support-band-knee-drive").cues)


def test_the_warm_up_comes_first_and_stretches_after_activation(book) -> None:
    routine = book.get("strength-then-stretch")
    kinds = [e.id for e in routine.exercises]
    assert kinds[0] == "breath-led-warm-up" and kinds[-2:] == [
        "supine-psoas-leg-drop", "kneeling-hip-flexor-stretch"]
    first = build_timeline(routine, rests=book.rests).steps[1]
    assert first.kind is StepKind.WORK and first.seconds == 600


def test_no_source_references_reach_the_user() -> None:
    assert _own_words().jargon() == []


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the articles are not beside this checkout")
def test_no_run_of_eight_words_is_shared_with_an_article() -> None:
    assert _own_words().shared_runs(SEEDS) == []
