"""What a routine needs beside the body, in a few words: "You need: a mat, a ball, a wall".

Read from the props of the exercises' figures, which know what is drawn; an exercise without a
figure adds nothing here (its own equipment list still shows in the guide).
"""

from __future__ import annotations

from psoas_desktop.core.poses import FigureBook
from psoas_desktop.core.routines import Routine

PROP_WORDS = {
    "mat": "a mat", "ball": "a massage ball", "weight": "a small weight", "wall": "a wall",
    "bench": "a bed or sturdy bench", "band": "a resistance band", "dumbbell": "a dumbbell",
    "block": "a yoga block", "cushion": "a cushion for the knee",
}


def equipment_needed(routine: Routine, book: FigureBook) -> tuple[list[str], list[str]]:
    """(what is needed, what is optional), each once, in the order the routine meets them."""
    needed: list[str] = []
    optional: list[str] = []
    for exercise in routine.exercises:
        figure = book.for_exercise(exercise)
        for prop in figure.props if figure else ():
            words = PROP_WORDS.get(prop.kind)
            if words is None or words in needed:
                continue
            if prop.optional:
                if words not in optional:
                    optional.append(words)
            else:
                needed.append(words)
                if words in optional:
                    optional.remove(words)
    return needed, optional


def equipment_text(routine: Routine, book: FigureBook) -> str:
    needed, optional = equipment_needed(routine, book)
    parts = []
    if needed:
        parts.append("You need: " + ", ".join(needed) + ".")
    if optional:
        parts.append("If you like: " + ", ".join(optional) + ".")
    return " ".join(parts)
