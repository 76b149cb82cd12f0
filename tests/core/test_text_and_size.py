"""Text a routines file may hold, how large a routine may grow, and status words."""

from __future__ import annotations

import pytest

from psoas_desktop.core.plan_size import MAX_PLAN_SECONDS, MAX_PLAN_STEPS, plan_size_problem
from psoas_desktop.core.routines import Exercise, Phase, Range, Tempo, WorkKind
from psoas_desktop.core.status_words import status_word
from psoas_desktop.core.text_check import document_text_problems, text_problem


@pytest.mark.parametrize(("text", "one_line", "problem"), [
    ("Hip \ud800 drop", True, "a lone surrogate (U+D800) at character 5: not valid Unicode"),
    ("ab\udfff", False, "a lone surrogate (U+DFFF) at character 3: not valid Unicode"),
    ("\u202eevil", True, "a bidirectional control (U+202E) at character 1"),
    ("x\u2066", False, "a bidirectional control (U+2066) at character 2"),
    ("one\ntwo", True, "a line break (U+000A) at character 4 in one-line text"),
    ("one\u2028two", False, "a line break (U+2028) at character 4 in one-line text"),
    ("tab\there", True, "a line break (U+0009) at character 4 in one-line text"),
    ("bell\x07", False, "a control character (U+0007) at character 5"),
    ("del\x7f", True, "a control character (U+007F) at character 4"),
])
def test_what_text_cannot_hold_is_named_with_its_place(text, one_line, problem) -> None:
    assert text_problem(text, one_line) == problem


@pytest.mark.parametrize("text", ["Kneeling stretch", "Two lines\nand a\ttab", "Ünïcödé ✓",
                                  "\ud7ff\ue000", ""])
def test_ordinary_text_passes(text) -> None:
    assert text_problem(text, one_line="\n" not in text and "\t" not in text) is None
    assert text_problem(text, one_line=False) is None


def test_a_document_is_checked_everywhere_and_one_line_keys_strictly() -> None:
    document = {"name": "A\nB", "notes": ["fine\nhere", "bad\x01"],
                "routines": [{"id": "ok", "label": "x\ty", "steps": ["a\tb"]}]}
    assert document_text_problems(document) == [
        (("name",), "a line break (U+000A) at character 2 in one-line text"),
        (("notes", 1), "a control character (U+0001) at character 4"),
        (("routines", 0, "label"), "a line break (U+0009) at character 2 in one-line text"),
    ]
    assert document_text_problems({"kind": "hold", "n": 3, "x": None}) == []


def big(sets: int = 1, reps: int = 1, hold: int = 0, per_side: bool = False,
        phases: int = 0, tempo: int = 0) -> Exercise:
    return Exercise("e", "E", WorkKind.CYCLE if phases else WorkKind.HOLD, per_side,
                    sets=Range(1, sets, 1), reps=Range(1, reps, 1),
                    hold=Range(1, hold, 1) if hold else None,
                    phases=tuple(Phase(f"p{i}") for i in range(phases)),
                    tempo=Tempo(tempo) if tempo else None)


def test_a_routine_of_ordinary_size_passes() -> None:
    assert plan_size_problem([big(3, 12, 10, per_side=True)] * 6) is None


def test_too_many_steps_is_refused_by_its_count() -> None:
    # 10 sets of 2 sides x (100 reps x 4 steps + 1) + ... = 8,031 steps
    problem = plan_size_problem([big(10, 100, 1, per_side=True)])
    assert problem == ("at its largest targets it would have about 8,031 steps; the limit is "
                       f"{MAX_PLAN_STEPS:,}")


def test_phases_beyond_three_add_steps() -> None:
    assert plan_size_problem([big(1, 999, 1, phases=4)]) is None  # 4,998 steps
    assert plan_size_problem([big(1, 1000, 1, phases=4)]) == (
        "at its largest targets it would have about 5,003 steps; the limit is 5,000")


def test_too_long_is_refused_in_hours() -> None:
    problem = plan_size_problem([big(4, 20, 120, per_side=True, phases=2)])
    assert problem == "at its largest targets it would last over 10 hours; the limit is 4"
    assert plan_size_problem([big(1, 1, MAX_PLAN_SECONDS)]) is None
    assert plan_size_problem([big(1, 1, MAX_PLAN_SECONDS + 1)]) is not None
    assert plan_size_problem([big(2, 10, 0, tempo=800)]) is not None  # 16,000 s of beats


def test_status_words() -> None:
    assert status_word("finished_early") == "finished early"
    assert status_word("completed") == "completed"
    assert status_word("paused_by_a_newer_version") == "paused_by_a_newer_version"
