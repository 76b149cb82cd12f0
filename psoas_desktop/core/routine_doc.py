"""The user's routines file as a document that can be edited and saved again.

The document is the parsed JSON itself, changed in place: keys the app does not know (added by
a newer version, or by hand) stay exactly where they were. The built-in file is read-only here;
it lends its exercises to the library and its routines to be duplicated or replaced.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from psoas_desktop.core.routine_file import RoutineFileError, build_routines, schema_problems
from psoas_desktop.core.routines import Exercise, Rests

Item = str | dict[str, Any]  # an id, an id with targets, or a whole exercise
_SLUG_CUT = re.compile(r"[^a-z0-9]+")
_ID_LENGTH = 64
TARGET_KEYS = ("sets", "reps", "hold")


class EditError(ValueError):
    """An edit the document refuses (no such routine, an id taken...), said in one line."""


def slug(name: str, fallback: str = "routine") -> str:
    """An id from a name: 'My morning routine' -> 'my-morning-routine'."""
    text = _SLUG_CUT.sub("-", name.lower()).strip("-")[:_ID_LENGTH - 4].strip("-")
    return text or fallback


def unique_id(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def item_exercise_id(item: Item) -> str:
    if isinstance(item, str):
        return item
    return str(item["exercise"] if "exercise" in item else item["id"])


@dataclass(frozen=True)
class Targets:
    sets: int
    reps: int
    hold: int | None


class RoutineDoc:
    """One user routines document, with the built-in document beside it for reference."""

    def __init__(self, data: dict[str, Any], builtin: dict[str, Any],
                 path: Path | None = None) -> None:
        self.data = data
        self.builtin = builtin
        self.path = path or Path("routines.json")

    @classmethod
    def empty(cls, builtin: dict[str, Any], path: Path | None = None) -> RoutineDoc:
        return cls({"about": "Your own routines for Psoas Desktop.", "exercises": [],
                    "routines": []}, builtin, path)

    def copy(self) -> RoutineDoc:
        return RoutineDoc(copy.deepcopy(self.data), self.builtin, self.path)

    # --- reading ------------------------------------------------------------------------------

    def routines(self) -> list[dict[str, Any]]:
        return self.data.setdefault("routines", [])  # type: ignore[no-any-return]

    def exercises(self) -> list[dict[str, Any]]:
        return self.data.setdefault("exercises", [])  # type: ignore[no-any-return]

    def routine(self, routine_id: str) -> dict[str, Any]:
        for routine in self.routines():
            if routine["id"] == routine_id:
                return routine
        raise EditError(f"no routine of yours has the id '{routine_id}'")

    def builtin_routine(self, routine_id: str) -> dict[str, Any] | None:
        return next((r for r in self.builtin.get("routines", []) if r["id"] == routine_id), None)

    def replaces_builtin(self, routine_id: str) -> bool:
        return self.builtin_routine(routine_id) is not None

    def exercise_defs(self) -> dict[str, dict[str, Any]]:
        """Every exercise definition by id: the built-in ones, then the user's over them."""
        defs = {e["id"]: e for e in self.builtin.get("exercises", [])}
        defs.update({e["id"]: e for e in self.exercises()})
        return defs

    def user_exercise_ids(self) -> set[str]:
        return {e["id"] for e in self.exercises()}

    def definition(self, item: Item) -> dict[str, Any]:
        if isinstance(item, dict) and "exercise" not in item:
            return item
        found = self.exercise_defs().get(item_exercise_id(item))
        if found is None:
            raise EditError(f"no exercise has the id '{item_exercise_id(item)}'")
        return found

    def target(self, item: Item) -> Targets:
        """The targets an item sets, or its exercise's defaults."""
        definition = self.definition(item)
        chosen = item if isinstance(item, dict) and "exercise" in item else {}

        def pick(key: str, bounds: dict[str, int]) -> int:
            return int(chosen.get(key, bounds.get("default", bounds["min"])))

        one = {"min": 1, "max": 1}
        hold = definition.get("hold")
        return Targets(pick("sets", definition.get("sets", one)),
                       pick("reps", definition.get("reps", one)),
                       None if hold is None else pick("hold", hold))

    def all_ids(self) -> set[str]:
        return ({r["id"] for r in self.routines()}
                | {r["id"] for r in self.builtin.get("routines", [])})

    # --- routines -----------------------------------------------------------------------------

    def new_routine(self, name: str) -> str:
        routine_id = unique_id(slug(name), self.all_ids())
        self.routines().append({"id": routine_id, "name": name, "exercises": []})
        return routine_id

    def duplicate(self, routine_id: str, keep_id: bool = False) -> str:
        """A copy of a built-in or own routine; with keep_id it replaces the built-in one."""
        mine = next((r for r in self.routines() if r["id"] == routine_id), None)
        source = mine or self.builtin_routine(routine_id)
        if source is None:
            raise EditError(f"no routine has the id '{routine_id}'")
        twin = copy.deepcopy(source)
        if keep_id:
            if mine is not None:
                raise EditError(f"'{routine_id}' is already one of yours")
        else:
            twin["id"] = unique_id(f"{slug(source['id'])[:_ID_LENGTH - 8]}-copy", self.all_ids())
            twin["name"] = f"{source['name']} (copy)"[:120]
        self.routines().append(twin)
        return str(twin["id"])

    def rename(self, routine_id: str, name: str) -> None:
        self.routine(routine_id)["name"] = name

    def delete_routine(self, routine_id: str) -> tuple[int, dict[str, Any]]:
        """Take a routine out; the index and the routine let an undo put it back."""
        routines = self.routines()
        index = routines.index(self.routine(routine_id))
        return index, routines.pop(index)

    def restore_routine(self, index: int, routine: dict[str, Any]) -> None:
        self.routines().insert(index, routine)

    def set_frequency(self, routine_id: str, low: int, high: int) -> None:
        frequency = self.routine(routine_id).setdefault("frequency", {})
        frequency["min_per_week"], frequency["max_per_week"] = min(low, high), max(low, high)
        frequency.pop("label", None)  # a written label would now say something else

    def set_rests(self, routine_id: str, rests: Rests | None) -> None:
        routine = self.routine(routine_id)
        if rests is None:
            routine.pop("rests", None)
            return
        kept = routine.get("rests", {})
        kept.update(vars(rests))
        routine["rests"] = kept

    # --- a routine's exercises ----------------------------------------------------------------

    def items(self, routine_id: str) -> list[Item]:
        return self.routine(routine_id)["exercises"]  # type: ignore[no-any-return]

    def add_exercise(self, routine_id: str, exercise_id: str, index: int | None = None) -> int:
        if exercise_id not in self.exercise_defs():
            raise EditError(f"no exercise has the id '{exercise_id}'")
        items = self.items(routine_id)
        if exercise_id in {item_exercise_id(i) for i in items}:
            raise EditError("this routine has that exercise already")
        index = len(items) if index is None else index
        items.insert(index, exercise_id)
        return index

    def insert_item(self, routine_id: str, index: int, item: Item) -> None:
        self.items(routine_id).insert(index, item)

    def remove_exercise(self, routine_id: str, index: int) -> Item:
        return self.items(routine_id).pop(index)

    def move_exercise(self, routine_id: str, source: int, destination: int) -> None:
        items = self.items(routine_id)
        items.insert(destination, items.pop(source))

    def set_target(self, routine_id: str, index: int, targets: Targets) -> Targets:
        """Set an exercise's targets, each brought inside its range; returns what was set."""
        items = self.items(routine_id)
        item = items[index]
        definition = self.definition(item)
        inline = isinstance(item, dict) and "exercise" not in item
        use: dict[str, Any] = item if isinstance(item, dict) else {"exercise": item}
        for key, value in zip(TARGET_KEYS, (targets.sets, targets.reps, targets.hold),
                              strict=True):
            bounds = definition.get(key)
            if bounds is None or value is None:
                continue
            value = max(bounds["min"], min(bounds["max"], value))
            if inline:
                bounds["default"] = value
            else:
                use[key] = value
        items[index] = use
        return self.target(use)

    # --- exercises ----------------------------------------------------------------------------

    def define_exercise(self, definition: dict[str, Any]) -> str:
        """Add or replace one of the user's exercises, after checking it against the schema."""
        problems = schema_problems({"exercises": [definition]})
        if not problems:
            try:
                build_routines({"exercises": [definition]}, Path("exercise"), {})
            except RoutineFileError as exc:
                problems = [p.removeprefix("exercise: ") for p in exc.problems]
        if problems:
            raise EditError("; ".join(p.replace("exercises[0].", "", 1) for p in problems))
        existing = self.exercises()
        for i, current in enumerate(existing):
            if current["id"] == definition["id"]:
                existing[i] = definition
                break
        else:
            existing.append(definition)
        return str(definition["id"])

    # --- checking -----------------------------------------------------------------------------

    def problems(self) -> list[str]:
        """What stops this document from being saved: the schema's word, then sense checks."""
        problems = schema_problems(self.data)
        if problems:
            return problems
        try:
            self.library()
        except RoutineFileError as exc:
            return [p.removeprefix(f"{self.path}: ") for p in exc.problems]
        return []

    def exercise_library(self) -> dict[str, Exercise]:
        """The exercises alone (no routines), built-in then the user's over them."""
        _, builtin, _ = build_routines({"exercises": self.builtin.get("exercises", [])},
                                       Path("built-in"), {})
        _, library, _ = build_routines({"exercises": self.exercises()}, self.path, builtin)
        return library

    def library(self) -> dict[str, Exercise]:
        """Every exercise as the app knows it; raises RoutineFileError on a document with faults."""
        _, builtin, _ = build_routines(self.builtin, Path("built-in"), {})
        _, library, _ = build_routines(self.data, self.path, builtin)
        return library
