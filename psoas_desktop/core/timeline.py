"""A routine and its chosen targets, expanded into the ordered list of timed steps to follow.

Pure and deterministic: the same routine, targets and rests always give the same steps.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from psoas_desktop.core.routines import Exercise, Rests, Routine, Target, Tempo, WorkKind


class StepKind(StrEnum):
    PREPARE = "prepare"  # get ready for the exercise ahead
    WORK = "work"  # moving: a timed block, a paced rep, the lift or lower of a rep
    HOLD = "hold"  # holding still
    REST = "rest"
    SWITCH = "switch"  # change to the other side


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True)
class Step:
    kind: StepKind
    seconds: int
    exercise_index: int | None = None
    exercise_id: str | None = None
    side: Side | None = None
    set: int | None = None
    sets: int | None = None
    rep: int | None = None
    reps: int | None = None
    phase: str | None = None
    beats: int = 0  # metronome beats spread evenly over the step (paced reps)

    @property
    def is_effort(self) -> bool:
        return self.kind in (StepKind.WORK, StepKind.HOLD)

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "exercise": self.exercise_id,
            "side": self.side.value if self.side else None,
            "set": self.set,
            "sets": self.sets,
            "rep": self.rep,
            "reps": self.reps,
            "phase": self.phase,
            "seconds": self.seconds,
        }


@dataclass(frozen=True)
class Timeline:
    routine: Routine
    steps: tuple[Step, ...]
    targets: Mapping[str, Target]

    @property
    def total_seconds(self) -> int:
        return sum(step.seconds for step in self.steps)

    def seconds_before(self, index: int) -> int:
        """Planned seconds of the steps ahead of step `index`."""
        return sum(step.seconds for step in self.steps[:index])

    def first_step_of(self, exercise_index: int) -> int:
        for i, step in enumerate(self.steps):
            if step.exercise_index == exercise_index:
                return i
        raise IndexError(f"routine has no exercise {exercise_index}")

    def as_dict(self) -> dict[str, object]:
        return {
            "routine": self.routine.id,
            "name": self.routine.name,
            "total_seconds": self.total_seconds,
            "targets": {ex.id: _target_dict(ex, self.targets[ex.id])
                        for ex in self.routine.exercises if ex.id in self.targets},
            "steps": [step.as_dict() for step in self.steps],
        }


def _target_dict(exercise: Exercise, target: Target) -> dict[str, object]:
    unit = exercise.load_measure.unit.value if exercise.load_measure else None
    return {"sets": target.sets, "reps": target.reps, "hold": target.hold,
            "load": target.load if unit else None, "load_unit": unit}


def _sides(exercise: Exercise) -> tuple[Side | None, ...]:
    return (Side.LEFT, Side.RIGHT) if exercise.per_side else (None,)


def _one_side(
    exercise: Exercise, target: Target, rests: Rests, base: Step, tempo: int
) -> Iterator[Step]:
    """The effort of one set on one side (or both at once)."""
    hold = target.hold or 0
    kind = exercise.kind
    if kind is WorkKind.TIMED:
        yield replace(base, kind=StepKind.WORK, seconds=hold, phase="Work")
        return
    for rep in range(1, target.reps + 1):
        at = replace(base, rep=rep, reps=target.reps)
        if kind is WorkKind.HOLD:
            yield replace(at, kind=StepKind.HOLD, seconds=hold, phase="Hold")
        elif kind is WorkKind.CYCLE:
            for phase in exercise.phases:
                yield replace(at, kind=StepKind.HOLD, seconds=hold, phase=phase.name)
        elif kind is WorkKind.REP_HOLD:
            lift = tempo // 2
            yield replace(at, kind=StepKind.WORK, seconds=lift, phase="Lift", beats=1)
            yield replace(at, kind=StepKind.HOLD, seconds=hold, phase="Hold")
            yield replace(at, kind=StepKind.WORK, seconds=tempo - lift, phase="Lower", beats=1)
        else:  # TEMPO
            yield replace(at, kind=StepKind.WORK, seconds=tempo, phase="Rep", beats=2)
        # Holds and cycles get a breather between reps; paced reps flow on the beat.
        if rep < target.reps and kind in (WorkKind.HOLD, WorkKind.CYCLE) and rests.between_reps:
            yield replace(at, kind=StepKind.REST, seconds=rests.between_reps, phase="Rest")


def exercise_steps(
    exercise: Exercise, index: int, target: Target, rests: Rests, first: bool,
    tempo: int | None = None,
) -> Iterator[Step]:
    target = target.clamped(exercise)
    tempo = tempo or (exercise.tempo.seconds_per_rep if exercise.tempo else Tempo().seconds_per_rep)
    # Every step of the exercise names it; `replace` keeps that while changing the rest.
    named = Step(StepKind.WORK, 0, exercise_index=index, exercise_id=exercise.id)
    sides = _sides(exercise)
    get_ready = rests.get_ready if first else rests.between_exercises
    yield replace(named, kind=StepKind.PREPARE, seconds=get_ready, side=sides[0],
                  phase="Get ready")
    for set_number in range(1, target.sets + 1):
        for n, side in enumerate(sides):
            base = replace(named, side=side, set=set_number, sets=target.sets)
            if n > 0:
                yield replace(base, kind=StepKind.SWITCH, seconds=rests.switch_sides,
                            phase="Switch sides")
            yield from _one_side(exercise, target, rests, base, tempo)
        if set_number < target.sets:
            yield replace(named, kind=StepKind.REST, seconds=rests.between_sets, side=sides[0],
                          set=set_number, sets=target.sets, phase="Rest")


def build_timeline(
    routine: Routine,
    targets: Mapping[str, Target] | None = None,
    rests: Rests | None = None,
    tempo: int | None = None,
) -> Timeline:
    """Expand a routine into steps; exercises without a chosen target use their defaults.

    `tempo`, when given, is the user's seconds per paced rep, in place of each exercise's own.
    """
    rests = routine.rests or rests or Rests()  # a routine's own rests beat the app's
    chosen = {
        ex.id: (targets or {}).get(ex.id, Target.default_for(ex)).clamped(ex)
        for ex in routine.exercises
    }
    steps: list[Step] = []
    for index, exercise in enumerate(routine.exercises):
        steps.extend(
            exercise_steps(exercise, index, chosen[exercise.id], rests, index == 0, tempo)
        )
    # A zero-length rest (the user turned it off) is no step at all.
    return Timeline(routine, tuple(s for s in steps if s.seconds > 0), chosen)
