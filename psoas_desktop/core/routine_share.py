"""Sharing one routine as a file (for a physiotherapist, another computer) and taking one in.

An exported file holds the routine and the user's own exercises it uses; built-in exercises stay
ids, since every copy of the app has them. Importing never changes what is there unless told:
ids already in use are a clash, and the caller picks replace or keep both (new ids).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from psoas_desktop.core.routine_doc import Item, RoutineDoc, item_exercise_id, unique_id

EXPORT_ABOUT = "A routine shared from Psoas Desktop: import it with File > Import or "\
               "'psoas-desktop import FILE'."


class Clash(StrEnum):
    REPLACE = "replace"  # the imported routine or exercise takes the place of the one there
    KEEP_BOTH = "keep-both"  # the imported one gets a new id


def export_document(doc: RoutineDoc, routine_id: str) -> dict[str, Any]:
    """A document with one routine and the user's exercises it names."""
    routine = copy.deepcopy(doc.routine(routine_id))
    mine = {e["id"]: e for e in doc.exercises()}
    used = [item_exercise_id(i) for i in routine["exercises"] if not _inline(i)]
    exercises = [copy.deepcopy(mine[i]) for i in dict.fromkeys(used) if i in mine]
    return {"about": EXPORT_ABOUT, "exercises": exercises, "routines": [routine]}


def _inline(item: Item) -> bool:
    return isinstance(item, dict) and "exercise" not in item


@dataclass
class ImportPlan:
    """What an import would bring and which of its ids are taken already."""

    routine_ids: list[str] = field(default_factory=list)
    routine_clashes: list[str] = field(default_factory=list)
    exercise_clashes: list[str] = field(default_factory=list)

    @property
    def clashes(self) -> bool:
        return bool(self.routine_clashes or self.exercise_clashes)

    def describe(self) -> str:
        parts = []
        if self.routine_clashes:
            parts.append("routines " + ", ".join(self.routine_clashes))
        if self.exercise_clashes:
            parts.append("exercises " + ", ".join(self.exercise_clashes))
        return "; ".join(parts)


def plan_import(doc: RoutineDoc, incoming: dict[str, Any]) -> ImportPlan:
    defs = doc.exercise_defs()
    taken = doc.all_ids()
    plan = ImportPlan()
    for routine in incoming.get("routines", []):
        plan.routine_ids.append(routine["id"])
        if routine["id"] in taken:
            plan.routine_clashes.append(routine["id"])
    for exercise in incoming.get("exercises", []):
        # The same exercise, word for word, is no clash: it was exported from here.
        if exercise["id"] in defs and defs[exercise["id"]] != exercise:
            plan.exercise_clashes.append(exercise["id"])
    return plan


def apply_import(doc: RoutineDoc, incoming: dict[str, Any], clash: Clash | None) -> list[str]:
    """Merge `incoming` into `doc`; returns the ids the routines have in `doc` now.

    With clashes and no choice (None) nothing changes and ValueError says which ids clash.
    """
    incoming = copy.deepcopy(incoming)
    plan = plan_import(doc, incoming)
    if plan.clashes and clash is None:
        raise ValueError(f"already there: {plan.describe()}")
    defs = doc.exercise_defs()
    renamed: dict[str, str] = {}
    for exercise in incoming.get("exercises", []):
        if exercise["id"] in plan.exercise_clashes and clash is Clash.KEEP_BOTH:
            new_id = unique_id(exercise["id"], set(defs) | set(renamed.values()))
            renamed[exercise["id"]] = new_id
            exercise["id"] = new_id
        if exercise["id"] not in defs or exercise["id"] in plan.exercise_clashes:
            doc.define_exercise(exercise)
    ids = []
    for routine in incoming.get("routines", []):
        routine["exercises"] = [_renamed(i, renamed) for i in routine["exercises"]]
        mine = [r["id"] for r in doc.routines()]
        if routine["id"] in plan.routine_clashes and clash is Clash.KEEP_BOTH:
            routine["id"] = unique_id(routine["id"], doc.all_ids())
            routine["name"] = f"{routine['name']} (imported)"[:120]
        if routine["id"] in mine:  # replace, in the same place in the list
            doc.routines()[mine.index(routine["id"])] = routine
        else:
            doc.routines().append(routine)
        ids.append(str(routine["id"]))
    return ids


def _renamed(item: Item, renamed: dict[str, str]) -> Item:
    if isinstance(item, str):
        return renamed.get(item, item)
    if "exercise" in item and item["exercise"] in renamed:
        return {**item, "exercise": renamed[item["exercise"]]}
    return item
