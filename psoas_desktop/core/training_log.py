"""The training log one article asks for: pain (where, what kind, when), stiffness, a functional
task that should get easier, and a range-of-motion measure per side. Pure Python.

Every answer is optional. Codes are stored; the words shown for them live here, once.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

PAIN_SITES = {
    "front_of_hip": "front of the hip",
    "groin": "groin",
    "low_back": "low back",
    "thigh": "thigh",
    "buttock": "buttock",
}
PAIN_SIDES = {"left": "left", "right": "right", "both": "both sides"}
PAIN_KINDS = {
    "ache": "ache",
    "tight": "tight",
    "sharp": "sharp",
    "pinching": "pinching",
    "numb_tingling": "numb or tingling",
}
PAIN_TIMES = {"during": "during", "after": "after", "next_morning": "the next morning"}
# Answers that call for the safety advice at once.
WARNING_KINDS = frozenset({"sharp", "pinching", "numb_tingling"})
SAFETY_ADVICE = (
    "Sharp or pinching pain, numbness or tingling is a reason to stop: do not push through it. "
    "Next time, ease off the exercise that brought it on, and if it comes back or lasts, see a "
    "clinician or physiotherapist before going on.")


class TaskUnit(StrEnum):
    RATING = "rating"  # 0 (impossible) to 10 (easy)
    MINUTES = "minutes"  # e.g. walking without pain
    SECONDS = "seconds"  # e.g. standing up from a chair five times


class RomUnit(StrEnum):
    SCALE = "scale"  # 0-10, where 10 is the thigh on the chest
    CM = "cm"  # the gap between knee and chest: smaller is better


@dataclass(frozen=True)
class FunctionalTask:
    """A daily task the user picked once, measured after sessions to see it get easier."""

    name: str
    unit: TaskUnit

    def describe(self, value: float) -> str:
        if self.unit is TaskUnit.RATING:
            return f"{value:g}/10"
        return f"{value:g} {'min' if self.unit is TaskUnit.MINUTES else 's'}"


TASK_EXAMPLES = (
    FunctionalTask("Walking without pain", TaskUnit.MINUTES),
    FunctionalTask("Tying shoes", TaskUnit.RATING),
    FunctionalTask("Standing up from a chair", TaskUnit.RATING),
    FunctionalTask("Five sit-to-stands from a chair", TaskUnit.SECONDS),
)

ROM_HOW = (
    "Lie on your back. Keep one hand flat under the low back. Bring one thigh towards the chest "
    "with your hands and stop the moment the low back presses into the hand. Rate how close the "
    "thigh came (0 = not at all, 10 = on the chest), or measure the gap from knee to chest in "
    "centimetres. Then the other side.")


def _check_codes(name: str, codes: tuple[str, ...], known: dict[str, str]) -> None:
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise ValueError(f"{name}: unknown answer {unknown[0]!r} (known: {', '.join(known)})")


@dataclass(frozen=True)
class LogDetails:
    """The parts of a session's log beyond pain, stiffness and notes."""

    pain_where: tuple[str, ...] = ()
    pain_side: str | None = None
    pain_kind: tuple[str, ...] = ()
    pain_when: tuple[str, ...] = ()
    task: str = ""
    task_unit: TaskUnit | None = None
    task_value: float | None = None
    rom_left: float | None = None
    rom_right: float | None = None
    rom_unit: RomUnit | None = None

    def __post_init__(self) -> None:
        """Raise ValueError, naming the part, for answers the log cannot hold."""
        _check_codes("where", self.pain_where, PAIN_SITES)
        _check_codes("what kind", self.pain_kind, PAIN_KINDS)
        _check_codes("when", self.pain_when, PAIN_TIMES)
        if self.pain_side is not None and self.pain_side not in PAIN_SIDES:
            raise ValueError(f"side: unknown answer {self.pain_side!r}")
        for name, value in (("task", self.task_value), ("range of motion, left", self.rom_left),
                            ("range of motion, right", self.rom_right)):
            if value is not None and value < 0:
                raise ValueError(f"{name} cannot be negative ({value})")
        if self.task_value is not None and self.task_unit is None:
            raise ValueError("task: a value needs its unit")
        if (self.rom_left is not None or self.rom_right is not None) and self.rom_unit is None:
            raise ValueError("range of motion: a measure needs its unit")

    @property
    def needs_safety_advice(self) -> bool:
        return needs_safety_advice(self.pain_kind)

    @property
    def rom_gap(self) -> float | None:
        """How far apart the sides are; None unless both were measured."""
        if self.rom_left is None or self.rom_right is None:
            return None
        return abs(self.rom_left - self.rom_right)

    def pain_text(self) -> str:
        """'sharp, pinching · front of the hip, groin (left) · during' or ''."""
        where = ", ".join(PAIN_SITES[c] for c in self.pain_where)
        if where and self.pain_side:
            where += f" ({PAIN_SIDES[self.pain_side]})"
        parts = (", ".join(PAIN_KINDS[c] for c in self.pain_kind), where,
                 ", ".join(PAIN_TIMES[c] for c in self.pain_when))
        return " · ".join(p for p in parts if p)

    def rom_text(self) -> str:
        if self.rom_unit is None:
            return ""
        unit = " cm" if self.rom_unit is RomUnit.CM else "/10"

        def side(value: float | None) -> str:
            return "-" if value is None else f"{value:g}{unit}"

        return f"L {side(self.rom_left)} · R {side(self.rom_right)}"

    def task_text(self) -> str:
        if not self.task or self.task_value is None or self.task_unit is None:
            return ""
        return f"{self.task}: {FunctionalTask(self.task, self.task_unit).describe(self.task_value)}"


def needs_safety_advice(kinds: tuple[str, ...] | list[str] | set[str]) -> bool:
    return any(kind in WARNING_KINDS for kind in kinds)


def join_codes(codes: tuple[str, ...]) -> str:
    return ",".join(codes)


def split_codes(text: str | None) -> tuple[str, ...]:
    return tuple(c for c in (text or "").split(",") if c)
