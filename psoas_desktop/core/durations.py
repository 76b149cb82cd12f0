"""Lengths of time as people read them, the same on the command line and in the window."""

from __future__ import annotations


def duration_text(seconds: float) -> str:
    """'3:07' or '1:02:03'; a negative length reads as '0:00'."""
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def countdown_text(seconds: int) -> str:
    """Whole seconds as a countdown shows them: '45' under a minute, else as `duration_text`."""
    seconds = max(0, int(seconds))
    return duration_text(seconds) if seconds >= 60 else str(seconds)
