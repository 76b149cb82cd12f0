"""The timelines of the built-in routines, with totals worked out by hand."""

from __future__ import annotations

from collections import Counter

import pytest

from psoas_desktop.core.routine_file import load_book
from psoas_desktop.core.routines import Rests, Target, describe_target
from psoas_desktop.core.timeline import Side, StepKind, build_timeline
from psoas_desktop.resources import builtin_routines

# Default rests: get ready 10, between reps 5, between sets 30, switch sides 8,
# between exercises 20.


@pytest.fixture(scope="module")
def book():
    return load_book(builtin_routines())


def test_strength_routine_total_by_hand(book) -> None:
    timeline = build_timeline(book.get("psoas-strength"), rests=book.rests)
    ball = 10 + 60 + 8 + 60  # get ready, left, switch, right
    squeeze = 20 + (4 * 5 + 3 * 5)  # 1 set of 4 x 5 s holds, 5 s between
    slumpy = 20 + 2 * (2 * (4 * 5 + 3 * 5) + 8) + 20  # 2 sets, both sides, one rest between sets
    ere = 20 + (2 * (2 * 3 * 10 + 5) + 8)  # 2 cycles of three 10 s holds a side
    front = 20 + 2 * (2 * 6 * (2 + 2 + 2) + 8) + 20  # 6 reps of lift 2, hold 2, lower 2 a side
    assert timeline.total_seconds == ball + squeeze + slumpy + ere + front == 747


def test_stretch_routine_total_by_hand(book) -> None:
    timeline = build_timeline(book.get("psoas-stretch"), rests=book.rests)
    supine = 10 + 2 * (30 + 8 + 30) + 20
    kneeling = 20 + 2 * (30 + 8 + 30) + 20
    twist = 20 + 2 * (20 + 8 + 20) + 20
    lunge = 20 + (8 * 4 + 8 + 8 * 4)
    bridge = 20 + 2 * (10 * 4) + 20
    clam = 20 + 2 * (10 * 3 + 8 + 10 * 3) + 20
    assert timeline.total_seconds == supine + kneeling + twist + lunge + bridge + clam == 866
    assert 10 * 60 <= timeline.total_seconds <= 15 * 60  # the article's 10-15 minutes


def test_combined_routine_starts_with_warm_up_and_stretches_last(book) -> None:
    routine = book.get("strength-then-stretch")
    timeline = build_timeline(routine, rests=book.rests)
    assert routine.exercises[0].id == "breath-led-warm-up"
    assert timeline.steps[1].kind is StepKind.WORK and timeline.steps[1].seconds == 600  # 10 min
    assert timeline.total_seconds == (10 + 600) + 55 + 196 + 158 + (20 + 136 + 20) + 176 == 1371


def test_per_side_work_switches_within_each_set(book) -> None:
    timeline = build_timeline(book.get("psoas-strength"), rests=book.rests)
    slumpy = [s for s in timeline.steps if s.exercise_id == "standing-slumpy-psoas"]
    order = [(s.set, s.side, s.kind) for s in slumpy if s.kind in (StepKind.HOLD, StepKind.SWITCH)]
    first_set = [o for o in order if o[0] == 1]
    assert [o[1] for o in first_set] == [Side.LEFT] * 4 + [Side.RIGHT] * 5
    assert first_set[4][2] is StepKind.SWITCH


def test_ere_cycles_through_three_named_holds(book) -> None:
    timeline = build_timeline(book.get("psoas-strength"), rests=book.rests)
    left = [s for s in timeline.steps
            if s.exercise_id == "side-lying-hip-ere" and s.side is Side.LEFT
            and s.kind is StepKind.HOLD]
    assert [s.phase for s in left] == ["Drive back", "Press into knee", "Drive back again"] * 2
    assert {s.rep for s in left} == {1, 2} and all(s.seconds == 10 for s in left)


def test_front_support_rep_lifts_holds_two_seconds_and_lowers(book) -> None:
    timeline = build_timeline(book.get("psoas-strength"), rests=book.rests)
    rep = [s for s in timeline.steps if s.exercise_id == "front-support-band-knee-drive"
           and s.rep == 1 and s.set == 1 and s.side is Side.LEFT]
    assert [(s.phase, s.kind, s.seconds, s.beats) for s in rep] == [
        ("Lift", StepKind.WORK, 2, 1),
        ("Hold", StepKind.HOLD, 2, 0),
        ("Lower", StepKind.WORK, 2, 1),
    ]


def test_paced_reps_have_no_rest_between_them(book) -> None:
    timeline = build_timeline(book.get("psoas-stretch"), rests=book.rests)
    bridge = [s for s in timeline.steps if s.exercise_id == "glute-bridge"]
    kinds = Counter(s.kind for s in bridge)
    assert kinds == {StepKind.PREPARE: 1, StepKind.WORK: 20, StepKind.REST: 1}
    assert all(s.beats == 2 for s in bridge if s.kind is StepKind.WORK)


def test_targets_are_clamped_to_the_ranges(book) -> None:
    routine = book.get("psoas-strength")
    wild = {"standing-glute-squeeze": Target(sets=99, reps=0, hold=1000)}
    timeline = build_timeline(routine, wild, rests=book.rests)
    assert timeline.targets["standing-glute-squeeze"] == Target(4, 4, 10)


def test_chosen_targets_tempo_and_rests_change_the_plan(book) -> None:
    routine = book.get("psoas-stretch")
    plain = build_timeline(routine, rests=book.rests)
    slower = build_timeline(routine, rests=book.rests, tempo=6)
    lunge_reps = 8 * 2  # both sides of the one lunge set
    bridge_reps = 10 * 2
    clam_reps = 10 * 2 * 2
    assert slower.total_seconds - plain.total_seconds == (
        lunge_reps * 2 + bridge_reps * 2 + clam_reps * 3)
    no_rests = build_timeline(routine, rests=Rests(0, 0, 0, 0, 0))
    assert all(s.kind not in (StepKind.REST, StepKind.SWITCH, StepKind.PREPARE)
               for s in no_rests.steps)


def test_plan_json_shape(book) -> None:
    data = build_timeline(book.get("psoas-stretch"), rests=book.rests).as_dict()
    assert data["routine"] == "psoas-stretch"
    assert data["total_seconds"] == sum(s["seconds"] for s in data["steps"])
    first = data["steps"][0]
    assert set(first) >= {"kind", "exercise", "side", "set", "sets", "rep", "reps", "phase",
                          "seconds"}
    assert first["kind"] == "prepare" and first["exercise"] == "supine-psoas-leg-drop"


def test_targets_read_as_a_person_would_say_them(book) -> None:
    said = {ex.id: describe_target(ex, Target.default_for(ex))
            for routine in book.routines for ex in routine.exercises}
    assert said["hip-flexor-ball-release"] == "1:00, no weight, each side"
    assert said["standing-slumpy-psoas"] == "2 x 4 reps, 5 s hold, no dumbbell, each side"
    assert said["front-support-band-knee-drive"] == "2 x 6 reps, 2 s hold, 1 band, each side"
    assert said["supine-psoas-leg-drop"] == "2 x 30 s hold, each side"
    assert said["side-lying-hip-ere"] == "1 x 2 cycles, 3 holds of 10 s, each side"
    assert said["glute-bridge"] == "2 x 10 reps, 4 s a rep"
    assert said["breath-led-warm-up"] == "10:00"
