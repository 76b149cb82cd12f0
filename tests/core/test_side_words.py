"""Side words: what left and right mean for each exercise, on screen and for the voice."""

from __future__ import annotations

import pytest

from psoas_desktop.core.routine_file import load_book
from psoas_desktop.core.side_words import side_words, spoken_side_words, with_side_words
from psoas_desktop.core.timeline import Side, StepKind, build_timeline
from psoas_desktop.resources import builtin_routines


@pytest.fixture(scope="module")
def book():
    return load_book(builtin_routines())


def _exercise(book, exercise_id):
    return next(e for r in book.routines for e in r.exercises if e.id == exercise_id)


def test_every_per_side_exercise_says_what_each_side_means(book) -> None:
    exercises = {e.id: e for r in book.routines for e in r.exercises}
    for exercise in exercises.values():
        left, right = exercise.side_words
        assert bool(left) == bool(right) == exercise.per_side, exercise.id
        if exercise.per_side:
            assert left.replace("left", "#").replace("right", "left").replace("#", "right") \
                .replace("Left", "#").replace("Right", "Left").replace("#", "Right") == right


def test_the_words_follow_the_body(book) -> None:
    ere = _exercise(book, "side-lying-hip-ere")
    assert side_words(ere, Side.LEFT) == "Lie on your left side: the bottom leg works"
    clam = _exercise(book, "side-lying-clamshell")
    assert side_words(clam, Side.LEFT) == "Lie on your right side: the left knee opens"
    assert side_words(_exercise(book, "supine-psoas-leg-drop"), Side.RIGHT).startswith(
        "Right leg hangs")
    assert side_words(ere, None) == "" and side_words(None, Side.LEFT) == ""


def test_the_voice_says_them_once_a_side(book) -> None:
    routine = book.get("psoas-stretch")
    timeline = build_timeline(routine, rests=book.rests)
    leg_drop = routine.exercises[0]
    said = []
    previous = None
    for step in timeline.steps:
        if step.exercise_id != leg_drop.id:
            break
        words = spoken_side_words(step, previous, leg_drop)
        if words:
            said.append((step.kind, words))
        previous = step
    # Get ready (left), switch (right), the rest before set 2 (back to the left), switch.
    left, right = "Left leg hangs, right knee hugged", "Right leg hangs, left knee hugged"
    assert said == [(StepKind.PREPARE, left), (StepKind.SWITCH, right), (StepKind.REST, left),
                    (StepKind.SWITCH, right)]


def test_with_side_words_joins_sentences() -> None:
    assert with_side_words("Switch sides", "Right leg hangs") == "Switch sides. Right leg hangs."
    assert with_side_words("Hold", "") == "Hold"
    assert with_side_words("", "Left leg back") == "Left leg back."
