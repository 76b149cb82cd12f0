"""A plan as the `plan --json` output and the target lines say it, on hand-made exercises."""

from __future__ import annotations

import pytest

from psoas_desktop.core.routines import (
    Exercise,
    Frequency,
    LoadMeasure,
    LoadUnit,
    Phase,
    Range,
    Rests,
    Routine,
    Target,
    Tempo,
    WorkKind,
    describe_target,
    length_note,
)
from psoas_desktop.core.timeline import build_timeline

KG = LoadMeasure(LoadUnit.KG, start=0, step=2, max=20)
SQUEEZE = Exercise("squeeze", "Squeeze", WorkKind.HOLD, per_side=True, reps=Range(2, 2, 2),
                   hold=Range(5, 5, 5), load_measure=KG)
BRIDGE = Exercise("bridge", "Bridge", WorkKind.TEMPO, per_side=False, reps=Range(3, 3, 3),
                  tempo=Tempo(4))


def routine(*exercises: Exercise, minutes: Range | None = None) -> Routine:
    return Routine("mine", "My routine", "", Frequency(2, 3, ""), exercises, minutes=minutes)


def test_the_plan_as_data() -> None:
    targets = {"squeeze": Target(1, 2, 5, load=4.0)}
    data = build_timeline(routine(SQUEEZE, BRIDGE), targets, Rests(0, 0, 0, 0, 0)).as_dict()
    assert data["routine"] == "mine" and data["name"] == "My routine"
    assert data["targets"] == {
        "squeeze": {"sets": 1, "reps": 2, "hold": 5, "load": 4.0, "load_unit": "kg"},
        "bridge": {"sets": 1, "reps": 3, "hold": None, "load": None, "load_unit": None},
    }
    assert data["total_seconds"] == 2 * 2 * 5 + 3 * 4
    first = data["steps"][0]
    assert first == {"kind": "hold", "exercise": "squeeze", "side": "left", "set": 1, "sets": 1,
                     "rep": 1, "reps": 2, "phase": "Hold", "seconds": 5}
    assert data["steps"][-1]["side"] is None


def test_a_step_is_found_by_its_exercise() -> None:
    timeline = build_timeline(routine(SQUEEZE, BRIDGE), rests=Rests())
    assert timeline.first_step_of(0) == 0
    assert timeline.steps[timeline.first_step_of(1)].exercise_id == "bridge"
    with pytest.raises(IndexError, match="no exercise 2"):
        timeline.first_step_of(2)


@pytest.mark.parametrize(("exercise", "target", "said"), [
    (Exercise("walk", "Walk", WorkKind.TIMED, per_side=False, hold=Range(30, 600, 60)),
     Target(1, 1, 75), "1:15"),
    (Exercise("walk", "Walk", WorkKind.TIMED, per_side=False, hold=Range(30, 600, 60)),
     Target(2, 1, 45), "2 x 45 s"),
    (Exercise("plank", "Plank", WorkKind.HOLD, per_side=False, hold=Range(10, 60, 30)),
     Target(3, 1, 30), "3 x 30 s hold"),
    (SQUEEZE, Target(2, 2, 5, 0), "2 x 2 reps, 5 s hold, no dumbbell, each side"),
    (SQUEEZE, Target(2, 1, 5, 6), "2 x 5 s hold, 6 kg, each side"),
    (BRIDGE, Target(2, 1), "2 x 1 rep, 4 s a rep"),
    (BRIDGE, Target(1, 3), "1 x 3 reps, 4 s a rep"),
    (Exercise("ere", "ERE", WorkKind.CYCLE, per_side=False, hold=Range(10, 10, 10),
              phases=(Phase("a"), Phase("b"))), Target(1, 2, 10), "1 x 2 cycles, 2 holds of 10 s"),
    (Exercise("ere", "ERE", WorkKind.CYCLE, per_side=False, phases=(Phase("a"),)),
     Target(1, 1), "1 x 1 cycle"),
    (Exercise("drive", "Drive", WorkKind.REP_HOLD, per_side=False, hold=Range(2, 2, 2),
              load_measure=LoadMeasure(LoadUnit.BANDS, 1, 1, 5)), Target(2, 6, 2, 1),
     "2 x 6 reps, 2 s hold, 1 band"),
])
def test_a_target_in_one_line(exercise, target, said) -> None:
    assert describe_target(exercise, target) == said


@pytest.mark.parametrize(("measure", "value", "said"), [
    (LoadMeasure(LoadUnit.ON_OFF), 1, "with the weight"),
    (LoadMeasure(LoadUnit.ON_OFF), 0, "no weight"),
    (LoadMeasure(LoadUnit.BANDS), 1, "1 band"),
    (LoadMeasure(LoadUnit.BANDS), 3, "3 bands"),
    (LoadMeasure(LoadUnit.BANDS), 0, "0 bands"),
    (KG, 2.5, "2.5 kg"),
    (KG, 0, "no dumbbell"),
])
def test_load_in_words(measure, value, said) -> None:
    assert measure.describe(value) == said


def test_load_is_kept_between_none_and_its_top() -> None:
    assert KG.clamp(25) == 20 and KG.clamp(-1) == 0.0 and KG.clamp(6) == 6


def test_a_session_longer_than_meant_is_said_so() -> None:
    meant = routine(SQUEEZE, minutes=Range(10, 15, 12))
    assert length_note(meant, 15 * 60) == ""
    assert length_note(meant, 15 * 60 + 1).startswith("These targets make the session ")
    assert "past the 10-15 minutes it is meant to take" in length_note(meant, 20 * 60)
    assert length_note(routine(SQUEEZE), 99 * 60) == ""
