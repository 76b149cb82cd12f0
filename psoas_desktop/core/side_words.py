"""What "left" and "right" mean for an exercise, in the body's terms, for the screen and voice.

"Left" is ambiguous on a mat: lying on the left side the bottom leg works; in the clamshell
the top one does. Each per-side exercise carries its own words (`side_words` in the routines
file); these functions pick them for a step and shape them for a voice.
"""

from __future__ import annotations

from psoas_desktop.core.routines import Exercise
from psoas_desktop.core.timeline import Side, Step, StepKind


def side_words(exercise: Exercise | None, side: Side | None) -> str:
    """'Left leg hangs' for the left side of the leg drop; empty when there are none."""
    if exercise is None or side is None:
        return ""
    left, right = exercise.side_words
    return left if side is Side.LEFT else right


def spoken_side_words(step: Step, previous: Step | None, exercise: Exercise | None) -> str:
    """The side words a voice adds when a side begins: get ready, switch sides, the rest
    before a new set goes back to the first side, or an effort that changes side with no
    switch step before it. Empty otherwise: said once a side, not every rep."""
    if step.side is None:
        return ""
    begins = step.kind in (StepKind.PREPARE, StepKind.SWITCH) or (
        previous is not None and previous.side != step.side
        and previous.kind is not StepKind.SWITCH)
    return side_words(exercise, step.side) if begins else ""


def with_side_words(text: str, words: str) -> str:
    """'Switch sides' + 'Right leg hangs' -> 'Switch sides. Right leg hangs.'"""
    if not words:
        return text
    if not text:
        return f"{words}."
    return f"{text.rstrip('.')}. {words}."
