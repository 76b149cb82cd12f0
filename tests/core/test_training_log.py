"""The training log's answers: what it refuses, how it reads back in words, and when it calls
for the safety advice."""

from __future__ import annotations

import pytest

from psoas_desktop.core.training_log import (
    FunctionalTask,
    LogDetails,
    RomUnit,
    TaskUnit,
    join_codes,
    needs_safety_advice,
    split_codes,
)


def test_a_full_answer_reads_back_in_words() -> None:
    log = LogDetails(pain_where=("front_of_hip", "groin"), pain_side="left",
                     pain_kind=("sharp", "pinching"), pain_when=("during", "next_morning"),
                     task="Tying shoes", task_unit=TaskUnit.RATING, task_value=7,
                     rom_left=6, rom_right=8.5, rom_unit=RomUnit.SCALE)
    assert log.pain_text() == ("sharp, pinching · front of the hip, groin (left) · "
                               "during, the next morning")
    assert log.rom_text() == "L 6/10 · R 8.5/10"
    assert log.task_text() == "Tying shoes: 7/10"
    assert log.rom_gap == 2.5


def test_parts_left_out_leave_no_trace_in_the_words() -> None:
    assert LogDetails().pain_text() == ""
    assert LogDetails(pain_side="both").pain_text() == ""  # a side alone says nowhere
    assert LogDetails(pain_where=("thigh",)).pain_text() == "thigh"
    assert LogDetails(pain_where=("thigh",), pain_side="both").pain_text() == "thigh (both sides)"
    assert LogDetails(pain_kind=("ache",), pain_when=("after",)).pain_text() == "ache · after"
    assert LogDetails().rom_text() == "" and LogDetails().task_text() == ""


def test_one_side_measured_in_centimetres() -> None:
    log = LogDetails(rom_right=12, rom_unit=RomUnit.CM)
    assert log.rom_text() == "L - · R 12 cm"
    assert log.rom_gap is None
    assert LogDetails(rom_left=3, rom_unit=RomUnit.CM).rom_gap is None
    assert LogDetails(rom_left=3, rom_right=3, rom_unit=RomUnit.CM).rom_gap == 0


@pytest.mark.parametrize(("unit", "value", "said"), [
    (TaskUnit.RATING, 7.0, "7/10"), (TaskUnit.MINUTES, 12.5, "12.5 min"),
    (TaskUnit.SECONDS, 9.0, "9 s")])
def test_a_task_is_said_in_its_unit(unit, value, said) -> None:
    assert FunctionalTask("Walking", unit).describe(value) == said
    assert LogDetails(task="Walking", task_unit=unit, task_value=value).task_text() == (
        f"Walking: {said}")


def test_a_task_without_its_name_or_value_says_nothing() -> None:
    assert LogDetails(task="", task_unit=TaskUnit.RATING, task_value=3).task_text() == ""
    assert LogDetails(task="Walking", task_unit=TaskUnit.MINUTES).task_text() == ""


@pytest.mark.parametrize(("details", "part"), [
    ({"pain_where": ("knee",)}, "where: unknown answer 'knee'"),
    ({"pain_kind": ("ache", "burning")}, "what kind: unknown answer 'burning'"),
    ({"pain_when": ("later",)}, "when: unknown answer 'later'"),
    ({"pain_side": "middle"}, "side: unknown answer 'middle'"),
    ({"task_value": -1, "task_unit": TaskUnit.RATING}, "task cannot be negative (-1)"),
    ({"rom_left": -2, "rom_unit": RomUnit.CM}, "range of motion, left cannot be negative (-2)"),
    ({"rom_right": -0.5, "rom_unit": RomUnit.CM},
     "range of motion, right cannot be negative (-0.5)"),
    ({"task_value": 4}, "task: a value needs its unit"),
    ({"rom_left": 4}, "range of motion: a measure needs its unit"),
    ({"rom_right": 4}, "range of motion: a measure needs its unit"),
])
def test_answers_the_log_cannot_hold_are_refused_by_name(details, part) -> None:
    with pytest.raises(ValueError) as refused:
        LogDetails(**details)
    assert str(refused.value).startswith(part)


def test_the_refusal_lists_the_known_answers() -> None:
    with pytest.raises(ValueError, match=r"known: ache, tight, sharp, pinching, numb_tingling"):
        LogDetails(pain_kind=("burning",))


def test_zero_is_a_measure_not_a_refusal() -> None:
    log = LogDetails(task_value=0, task_unit=TaskUnit.SECONDS, rom_left=0, rom_right=0,
                     rom_unit=RomUnit.SCALE)
    assert log.rom_text() == "L 0/10 · R 0/10"


@pytest.mark.parametrize(("kinds", "advice"), [
    ((), False), (("ache", "tight"), False), (("sharp",), True), (("ache", "pinching"), True),
    (("numb_tingling",), True)])
def test_sharp_pinching_or_numb_pain_calls_for_the_safety_advice(kinds, advice) -> None:
    assert needs_safety_advice(kinds) is advice
    assert LogDetails(pain_kind=kinds).needs_safety_advice is advice


def test_codes_are_stored_joined_and_read_back_split() -> None:
    assert join_codes(("groin", "thigh")) == "groin,thigh"
    assert split_codes("groin,thigh") == ("groin", "thigh")
    assert split_codes("") == () and split_codes(None) == ()
    assert split_codes("groin,,thigh,") == ("groin", "thigh")
