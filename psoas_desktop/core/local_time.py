"""Local time that never fails: a TZ the system cannot express (TZ=XYZ-25, an offset past a
day) or a moment the local zone cannot reach falls back to UTC rather than crashing a view."""

from __future__ import annotations

from datetime import UTC, date, datetime


def local(moment: datetime) -> datetime:
    try:
        return moment.astimezone()
    except (ValueError, OverflowError, OSError):
        return moment.astimezone(UTC)


def local_day(moment: datetime) -> date:
    return local(moment).date()
