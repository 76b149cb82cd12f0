"""A session on the fake clock that keeps everything it tells, and a walk through its time."""

from __future__ import annotations

from psoas_desktop.core.engine import CueDue, Session
from psoas_desktop.core.timeline import Timeline


def recording(timeline: Timeline, clock, lead: float = 0.0) -> Session:
    """A session whose every event is kept in `session.events`."""
    session = Session(timeline, clock, cue_lead=lead)
    session.events = []  # type: ignore[attr-defined]
    session.subscribe(session.events.append)  # type: ignore[attr-defined]
    return session


def walk(session: Session, clock, seconds: float, tick: float) -> None:
    """Move the clock on by `seconds`, waking the session every `tick`."""
    end = clock.now + seconds
    while clock.now < end - 1e-9:
        clock.advance(min(tick, end - clock.now))
        session.update()


def cue_events(session: Session) -> list[CueDue]:
    return [e for e in session.events if isinstance(e, CueDue)]  # type: ignore[attr-defined]
