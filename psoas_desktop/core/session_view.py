"""What the window shows of a session or, before one starts, of the plan: one frozen value the
controller hands the view, so widgets never work anything out themselves. Pure Python."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from psoas_desktop.core.completion import Mark
from psoas_desktop.core.engine import State
from psoas_desktop.core.routines import Routine, Target

ROUTINE_DONE_WORDS = "Routine done. Well done."


@dataclass(frozen=True)
class SessionView:
    state: State | None  # None: no session yet, the plan is shown
    routine: Routine | None  # picked (before a session) or being followed
    planned_seconds: int  # the timeline's total: the plan's, or the session's own
    targets: Mapping[str, Target] = field(default_factory=dict)
    elapsed: float = 0.0  # planned seconds behind the cursor
    spent: float = 0.0  # seconds really run, pauses left out
    exercise: int = -1  # the exercise of the current step; -1 before a session
    marks: tuple[Mark, ...] = ()  # per exercise: done, partly, skipped, current, to do
    slept: bool = False  # the last pause came from a sleeping computer, not the user
    completed: bool = False  # the session reached its end with enough of it done

    @property
    def exercise_count(self) -> int:
        return len(self.routine.exercises) if self.routine else 0

    @property
    def idle(self) -> bool:
        return self.state is None

    @property
    def running(self) -> bool:
        return self.state is State.RUNNING

    @property
    def finished(self) -> bool:
        return self.state is State.FINISHED

    @property
    def under_way(self) -> bool:
        """Running or paused: a session the user may still finish (or lose by closing)."""
        return self.state in (State.RUNNING, State.PAUSED)

    @property
    def done(self) -> frozenset[int]:
        """The exercises done (at least the share core/completion.py asks for)."""
        return frozenset(i for i, mark in enumerate(self.marks) if mark is Mark.DONE)

    @property
    def skipped(self) -> frozenset[int]:
        return frozenset(i for i, mark in enumerate(self.marks) if mark is Mark.SKIPPED)
