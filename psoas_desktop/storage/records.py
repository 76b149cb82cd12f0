"""What the history hands out: plain, frozen rows with real datetimes (UTC) instead of text."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from psoas_desktop.core.training_log import LogDetails


def to_text(moment: datetime) -> str:
    """UTC ISO-8601 to the second, the form stored in every *_at column."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def from_text(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class LogEntry:
    """The training log of one session; any part may be left out."""

    pain_before: int | None = None
    pain_after: int | None = None
    stiffness: int | None = None
    notes: str = ""
    details: LogDetails = field(default_factory=LogDetails)


@dataclass(frozen=True)
class SessionRow:
    id: int
    routine_id: str
    routine_name: str
    started_at: datetime
    ended_at: datetime | None
    planned_seconds: int
    active_seconds: float
    status: str
    done_seconds: int  # planned seconds of the steps done (not skipped)
    log: LogEntry

    @property
    def done_fraction(self) -> float:
        """How much of the plan was done, 0 to 1."""
        if self.planned_seconds <= 0:
            return 0.0
        return min(1.0, self.done_seconds / self.planned_seconds)


@dataclass(frozen=True)
class StepRow:
    session_id: int
    step_index: int
    kind: str
    exercise_id: str | None
    side: str | None
    set_number: int | None
    sets: int | None
    rep: int | None
    reps: int | None
    phase: str | None
    target_seconds: int
    actual_seconds: float
    skipped: bool
    ended_at: datetime
