"""Progression suggestions read from the history: the next targets worth trying."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from psoas_desktop.core.progression import Suggestion, suggest_for_routine
from psoas_desktop.core.routines import Routine, Target
from psoas_desktop.storage import queries
from psoas_desktop.storage.faults import HistoryError

if TYPE_CHECKING:
    from psoas_desktop.storage.history import History

# Sessions read back per exercise for a suggestion: enough to find the last easier target and
# how long the current one has been in use.
RESULTS_READ = 30


def suggestions(history: History, routine: Routine,
                targets: Mapping[str, Target] | None = None,
                now: datetime | None = None) -> list[Suggestion]:
    """Next targets for `routine`'s exercises that are ready for a step up (or down).

    `targets` are the user's current ones; by default those of the routine's last session.
    Empty while the history cannot be read (a read-only or locked file): they are a hint, and
    the window asks for them as it opens and after every session.
    """
    try:
        current = dict(targets) if targets is not None else history.last_targets(routine.id)
        results = {ex.id: history.exercise_results(ex.id, RESULTS_READ)
                   for ex in routine.exercises}
        first = {ex.id: day for ex in routine.exercises
                 if (day := history.read(partial(queries.first_done, exercise_id=ex.id)))
                 is not None}
    except HistoryError:
        return []
    return suggest_for_routine(routine, current, results, now or history.wall_clock(), first)
