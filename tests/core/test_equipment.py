"""What a routine needs beside the body, from the props its figures draw."""

from __future__ import annotations

from psoas_desktop.core.equipment import equipment_needed, equipment_text
from psoas_desktop.core.poses import Figure, FigureBook, Prop
from psoas_desktop.core.routines import Exercise, Frequency, Range, Routine, WorkKind


def routine(*ids: str) -> Routine:
    exercises = tuple(Exercise(i, i.title(), WorkKind.HOLD, per_side=False, hold=Range(5, 5, 5))
                      for i in ids)
    return Routine("r", "R", "", Frequency(2, 3, ""), exercises)


BOOK = FigureBook({
    "release": Figure("release", {}, props=(Prop("mat"), Prop("ball"),
                                            Prop("weight", optional=True))),
    "lunge": Figure("lunge", {}, props=(Prop("mat"), Prop("cushion", optional=True),
                                        Prop("shadow"))),
    "squat": Figure("squat", {}, props=(Prop("wall"), Prop("weight"), Prop("weight"))),
})


def test_each_thing_once_in_the_order_the_routine_meets_it() -> None:
    needed, optional = equipment_needed(routine("release", "lunge"), BOOK)
    assert needed == ["a mat", "a massage ball"]
    assert optional == ["a small weight", "a cushion for the knee"]  # unknown props say nothing
    assert equipment_text(routine("release", "lunge"), BOOK) == (
        "You need: a mat, a massage ball. If you like: a small weight, a cushion for the knee.")


def test_what_one_exercise_needs_is_not_optional_for_another() -> None:
    needed, optional = equipment_needed(routine("release", "squat"), BOOK)
    assert needed == ["a mat", "a massage ball", "a wall", "a small weight"]
    assert optional == []
    needed, optional = equipment_needed(routine("squat", "release"), BOOK)
    assert needed == ["a wall", "a small weight", "a mat", "a massage ball"]
    assert optional == []


def test_an_optional_thing_named_twice_is_listed_once() -> None:
    assert equipment_needed(routine("release", "release"), BOOK) == (
        ["a mat", "a massage ball"], ["a small weight"])


def test_exercises_without_figures_need_nothing() -> None:
    assert equipment_needed(routine("plank"), BOOK) == ([], [])
    assert equipment_text(routine("plank"), BOOK) == ""
    block = Prop("block", optional=True)
    only_optional = FigureBook({"plank": Figure("plank", {}, props=(block,))})
    assert equipment_text(routine("plank"), only_optional) == "If you like: a yoga block."
