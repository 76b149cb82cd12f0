"""Progression suggestions read from the history: the next targets worth trying."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from psoas_desktop.core.progression import SESSIONS_NEEDED, Suggestion, suggest_for_routine
from psoas_desktop.core.routines import Routine, Target
from psoas_desktop.storage.faults import HistoryError

if TYPE_CHECKING:
    from psoas_desktop.storage.history import History


def suggestions(history: History, routine: Routine,
                targets: Mapping[str, Target] | None = None,
                needed: int = SESSIONS_NEEDED) -> list[Suggestion]:
    """Next targets for `routine`'s exercises that are ready for a step up.

    `targets` are the user's current ones; by default those of the routine's last session.
    Empty while the history cannot be read (a read-only or locked file): they are a hint, and
    the window asks for them as it opens and after every session.
    """
    try:
        current = dict(targets) if targets is not None else history.last_targets(routine.id)
        results = {ex.id: history.exercise_results(ex.id, needed) for ex in routine.exercises}
    except HistoryError:
        return []
    return suggest_for_routine(routine, current, results, needed)
