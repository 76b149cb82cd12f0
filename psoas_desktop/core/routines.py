"""Routines and exercises as the app knows them, built from the routines file.

The shapes mirror `routines.schema.json`; `routine_file.py` reads and checks a file and
turns it into these objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from psoas_desktop.core.durations import duration_text

if TYPE_CHECKING:
    from psoas_desktop.core.poses import Figure


class WorkKind(StrEnum):
    """How an exercise's time is spent; each expands differently into steps."""

    TIMED = "timed"  # one block of time per side and set (the ball release, the warm-up)
    HOLD = "hold"  # holds repeated for reps and sets, a rest between reps
    CYCLE = "cycle"  # reps are cycles of named holds, one after the other (the side-lying ERE)
    REP_HOLD = "rep_hold"  # each rep: lift, a short hold at the top, lower (front support)
    TEMPO = "tempo"  # paced reps with no hold, counted by a metronome (lunge, bridge, clamshell)


@dataclass(frozen=True)
class Range:
    """A range the sources give, with the target the app starts at."""

    min: int
    max: int
    default: int

    def clamp(self, value: int) -> int:
        return max(self.min, min(self.max, value))

    def __str__(self) -> str:
        return str(self.min) if self.min == self.max else f"{self.min}-{self.max}"


ONE = Range(1, 1, 1)


@dataclass(frozen=True)
class Phase:
    """One named hold of a multi-phase cycle."""

    name: str
    cue: str = ""


@dataclass(frozen=True)
class Tempo:
    """Seconds a paced rep takes; for rep_hold it is split between lifting and lowering."""

    seconds_per_rep: int = 4


class LoadUnit(StrEnum):
    """How an exercise's load is counted."""

    KG = "kg"  # a dumbbell resting on the knee
    BANDS = "bands"  # how many bands pull against the leg
    ON_OFF = "on_off"  # a weight on the ball, or not: 1 or 0


@dataclass(frozen=True)
class LoadMeasure:
    """The load part of an exercise's target: where it starts and how it grows."""

    unit: LoadUnit
    start: float = 0
    step: float = 1
    max: float = 1
    suggest: bool = True  # False: the app never suggests more (the ball: pressure by comfort)

    def clamp(self, value: float) -> float:
        return max(0.0, min(self.max, value))

    def describe(self, value: float) -> str:
        """'4 kg', 'no dumbbell', '2 bands', 'weight on the ball', 'no weight'."""
        if self.unit is LoadUnit.ON_OFF:
            return "with the weight" if value else "no weight"
        if self.unit is LoadUnit.BANDS:
            count = f"{value:g}"
            return f"{count} band" if value == 1 else f"{count} bands"
        return f"{value:g} kg" if value else "no dumbbell"


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    kind: WorkKind
    per_side: bool
    sets: Range = ONE
    reps: Range = ONE
    hold: Range | None = None  # seconds: the hold, the timed block, or each phase of a cycle
    phases: tuple[Phase, ...] = ()
    tempo: Tempo | None = None
    equipment: tuple[str, ...] = ()
    load: str = ""  # how to add load, in words
    load_measure: LoadMeasure | None = None  # how load is counted in a target
    steps: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    safety: tuple[str, ...] = ()
    source_note: str = ""
    # What "left" and "right" mean for this exercise, in the body's terms (per-side only).
    side_words: tuple[str, str] = ("", "")
    # A built-in figure's id, a figure of its own, or None for the figure with its id.
    figure: str | Figure | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Frequency:
    """The weekly target a routine's adherence is measured against."""

    min_per_week: int
    max_per_week: int
    label: str


@dataclass(frozen=True)
class Rests:
    """Rest lengths in seconds. The sources give none; these are the app's own, user-adjustable."""

    get_ready: int = 10
    between_reps: int = 5
    between_sets: int = 30
    switch_sides: int = 8
    between_exercises: int = 20


@dataclass(frozen=True)
class Routine:
    id: str
    name: str
    summary: str
    frequency: Frequency
    exercises: tuple[Exercise, ...]
    notes: tuple[str, ...] = ()
    source_file: str = ""
    rests: Rests | None = None  # the routine's own; None: the app's rests
    minutes: Range | None = None  # how long a session is meant to take (min-max)
    strength: bool = False  # a heavier day: never two days running
    weeks: Range | None = None  # how many weeks the programme is meant to run


@dataclass(frozen=True)
class Target:
    """What the user chose for one exercise, inside its ranges."""

    sets: int
    reps: int
    hold: int | None = None
    load: float | None = None  # in the exercise's LoadMeasure unit; None when it takes none

    @classmethod
    def default_for(cls, exercise: Exercise) -> Target:
        hold = exercise.hold.default if exercise.hold else None
        load = exercise.load_measure.start if exercise.load_measure else None
        return cls(exercise.sets.default, exercise.reps.default, hold, load)

    def clamped(self, exercise: Exercise) -> Target:
        hold = exercise.hold.clamp(self.hold or exercise.hold.default) if exercise.hold else None
        measure = exercise.load_measure
        load = None
        if measure is not None:
            load = measure.clamp(measure.start if self.load is None else self.load)
        return Target(exercise.sets.clamp(self.sets), exercise.reps.clamp(self.reps), hold, load)


@dataclass
class RoutineBook:
    """Every routine loaded for this run, and the problems found on the way."""

    routines: list[Routine] = field(default_factory=list)
    rests: Rests = field(default_factory=Rests)
    problems: list[str] = field(default_factory=list)

    def get(self, routine_id: str) -> Routine | None:
        return next((r for r in self.routines if r.id == routine_id), None)

    def ids(self) -> list[str]:
        return [r.id for r in self.routines]


def describe_target(exercise: Exercise, target: Target) -> str:
    """A one-line target such as '2 x 4 reps, 5 s hold, each side'."""
    parts: list[str] = []
    if exercise.kind is WorkKind.TIMED:
        seconds = target.hold or 0
        length = f"{seconds // 60}:{seconds % 60:02d}" if seconds >= 60 else f"{seconds} s"
        parts.append(length if target.sets == 1 else f"{target.sets} x {length}")
    elif exercise.kind is WorkKind.HOLD and target.reps == 1:
        parts.append(f"{target.sets} x {target.hold} s hold")  # one hold a set: no "1 reps"
    else:
        unit = "cycle" if exercise.kind is WorkKind.CYCLE else "rep"
        plural = "" if target.reps == 1 else "s"
        parts.append(f"{target.sets} x {target.reps} {unit}{plural}")
        if exercise.kind is WorkKind.CYCLE and target.hold:
            parts.append(f"{len(exercise.phases)} holds of {target.hold} s")
        elif exercise.kind in (WorkKind.HOLD, WorkKind.REP_HOLD) and target.hold:
            parts.append(f"{target.hold} s hold")
        elif exercise.kind is WorkKind.TEMPO and exercise.tempo:
            parts.append(f"{exercise.tempo.seconds_per_rep} s a rep")
    if exercise.load_measure is not None and target.load is not None:
        parts.append(exercise.load_measure.describe(target.load))
    if exercise.per_side:
        parts.append("each side")
    return ", ".join(parts)


def length_note(routine: Routine, total_seconds: int) -> str:
    """A word when the chosen targets make a session longer than the routine is meant to be."""
    if routine.minutes is None or total_seconds <= routine.minutes.max * 60:
        return ""
    return (f"These targets make the session {duration_text(total_seconds)}, past the "
            f"{routine.minutes.min}-{routine.minutes.max} minutes it is meant to take: "
            f"fewer sets or shorter holds bring it back.")
