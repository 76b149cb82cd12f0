"""The words the countdown shows for a step. Pure functions: no Qt, easy to test."""

from __future__ import annotations

from psoas_desktop.core.durations import countdown_text
from psoas_desktop.core.routines import Exercise, Routine, WorkKind
from psoas_desktop.core.timeline import Step, StepKind

clock_text = countdown_text  # the countdown reads lengths as everything else does


def phase_text(step: Step, routine: Routine) -> str:
    """The big word of the step: 'Get ready', 'Hold', 'Rep 3 of 6', 'Drive back', 'Rest'."""
    if step.kind is StepKind.PREPARE:
        return "Get ready"
    if step.kind is StepKind.SWITCH:
        return "Switch sides"
    if step.kind is StepKind.REST:
        return "Rest"
    exercise = exercise_of(step, routine)
    if exercise is not None and exercise.kind is WorkKind.TEMPO and step.rep:
        return f"Rep {step.rep} of {step.reps}"
    return step.phase or ("Hold" if step.kind is StepKind.HOLD else "Go")


def phase_cue(step: Step, routine: Routine) -> str:
    """The one-line instruction of a named phase (the ERE's holds); empty for other steps."""
    exercise = exercise_of(step, routine)
    if exercise is None or not step.is_effort:
        return ""
    return next((p.cue for p in exercise.phases if p.name == step.phase), "")


def side_text(step: Step) -> str:
    return step.side.value.upper() if step.side else ""


def count_text(step: Step, routine: Routine) -> str:
    """'Set 1 of 2 · Rep 3 of 6'; what applies to this step, nothing that does not."""
    exercise = exercise_of(step, routine)
    parts = []
    if step.set and step.sets and step.sets > 1:
        parts.append(f"Set {step.set} of {step.sets}")
    # Paced reps already count in the phase ("Rep 3 of 10").
    paced = exercise is not None and exercise.kind is WorkKind.TEMPO
    if step.rep and step.reps and step.reps > 1 and step.kind is not StepKind.REST and not paced:
        parts.append(f"{_rep_unit(step, routine)} {step.rep} of {step.reps}")
    return " · ".join(parts)


def exercise_of(step: Step | None, routine: Routine) -> Exercise | None:
    if step is None or step.exercise_index is None:
        return None
    return routine.exercises[step.exercise_index]


def next_text(current: Step, upcoming: Step | None, routine: Routine) -> str:
    """What comes after this step, in a few words."""
    if upcoming is None:
        return "Next: the end of the routine"
    exercise = exercise_of(upcoming, routine)
    if upcoming.exercise_index != current.exercise_index and exercise is not None:
        side = f" ({side_text(upcoming)} side first)" if upcoming.side else ""
        return f"Next: {exercise.name}{side}"
    if upcoming.kind is StepKind.SWITCH:
        return f"Next: Switch to the {side_text(upcoming)} side"
    if upcoming.kind is StepKind.REST:
        return f"Next: Rest {upcoming.seconds} s"
    words = phase_text(upcoming, routine)
    if upcoming.kind is StepKind.HOLD or not upcoming.beats:
        words = f"{words} {clock_text(upcoming.seconds)}" + ("" if upcoming.seconds >= 60 else " s")
    side = f", {side_text(upcoming)}" if upcoming.side and upcoming.side != current.side else ""
    # Say only what changes: a new set, or else the rep within this set.
    if upcoming.set is not None and upcoming.set != current.set and (upcoming.sets or 0) > 1:
        count = f"Set {upcoming.set} of {upcoming.sets}"
    elif (upcoming.rep and upcoming.rep != current.rep and (upcoming.reps or 0) > 1
          and not upcoming.beats):
        count = f"{_rep_unit(upcoming, routine)} {upcoming.rep} of {upcoming.reps}"
    else:
        count = ""
    return f"Next: {words}{side}" + (f" · {count}" if count else "")


def _rep_unit(step: Step, routine: Routine) -> str:
    exercise = exercise_of(step, routine)
    return "Cycle" if exercise is not None and exercise.kind is WorkKind.CYCLE else "Rep"
