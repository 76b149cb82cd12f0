"""How one rep is laid out in steps, on small hand-made exercises."""

from __future__ import annotations

import pytest

from psoas_desktop.core.routines import (
    Exercise,
    Frequency,
    Range,
    Rests,
    Routine,
    Tempo,
    WorkKind,
)
from psoas_desktop.core.timeline import StepKind, build_timeline

NO_RESTS = Rests(0, 0, 0, 0, 0)


def one_exercise(exercise: Exercise) -> Routine:
    return Routine("t", "Test", "", Frequency(2, 3, ""), (exercise,))


def knee_drive(tempo: int) -> Exercise:
    return Exercise("drive", "Knee drive", WorkKind.REP_HOLD, per_side=False,
                    reps=Range(1, 1, 1), hold=Range(2, 2, 2), tempo=Tempo(tempo))


@pytest.mark.parametrize(("tempo", "lift", "lower"), [(2, 1, 1), (3, 1, 2), (5, 2, 3), (7, 3, 4)])
def test_a_rep_hold_splits_its_tempo_between_lift_and_lower(tempo, lift, lower) -> None:
    # An odd second goes to lowering: whole seconds each way, and the rep still takes its tempo.
    steps = build_timeline(one_exercise(knee_drive(tempo)), rests=NO_RESTS).steps
    assert [(s.phase, s.kind, s.seconds) for s in steps] == [
        ("Lift", StepKind.WORK, lift), ("Hold", StepKind.HOLD, 2), ("Lower", StepKind.WORK, lower)]
    assert all(type(s.seconds) is int for s in steps)
    assert [s.beats for s in steps] == [1, 0, 1]  # a beat to lift, none while still, one to lower


def test_the_users_tempo_replaces_the_exercises_own() -> None:
    steps = build_timeline(one_exercise(knee_drive(4)), rests=NO_RESTS, tempo=3).steps
    assert [s.seconds for s in steps] == [1, 2, 2]


def test_a_paced_rep_is_one_step_of_two_beats() -> None:
    bridge = Exercise("bridge", "Bridge", WorkKind.TEMPO, per_side=False, reps=Range(3, 3, 3),
                      tempo=Tempo(5))
    steps = build_timeline(one_exercise(bridge), rests=Rests(0, 4, 0, 0, 0)).steps
    assert [(s.rep, s.seconds, s.beats) for s in steps] == [(1, 5, 2), (2, 5, 2), (3, 5, 2)]


def test_an_exercise_without_a_tempo_paces_at_four_seconds() -> None:
    bridge = Exercise("bridge", "Bridge", WorkKind.TEMPO, per_side=False, reps=Range(1, 1, 1))
    (step,) = build_timeline(one_exercise(bridge), rests=NO_RESTS).steps
    assert step.seconds == 4
