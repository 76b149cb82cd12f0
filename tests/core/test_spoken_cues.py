"""The cue each step opens with, and the few words a voice says with it."""

from __future__ import annotations

import pytest

from psoas_desktop.core.cues import Cue, cue_moments, side_word, spoken_text, start_cue
from psoas_desktop.core.timeline import Side, Step, StepKind

K = StepKind


def step(kind: StepKind, seconds: int = 6, side: Side | None = None, phase: str | None = None,
         beats: int = 0, rep: int | None = None) -> Step:
    return Step(kind, seconds, exercise_index=0, exercise_id="a", side=side, phase=phase,
                beats=beats, rep=rep)


@pytest.mark.parametrize(("this", "previous", "words"), [
    (step(K.PREPARE), None, "Get ready: Bridge"),
    (step(K.PREPARE, side=Side.LEFT), None, "Get ready: Bridge, left side"),
    (step(K.SWITCH), step(K.HOLD), "Switch sides"),
    (step(K.REST, seconds=30), step(K.HOLD), "Rest, 30 seconds"),
    (step(K.WORK, beats=2), step(K.PREPARE), ""),  # paced reps: the beat says it
    (step(K.HOLD, phase="Hold"), step(K.PREPARE), "Hold"),
    (step(K.HOLD), step(K.PREPARE), "Hold"),
    (step(K.HOLD, phase="Drive back"), step(K.PREPARE), "Drive back"),
    (step(K.WORK, phase="Work"), step(K.PREPARE), "Go"),
    (step(K.WORK, side=Side.RIGHT), step(K.SWITCH, side=Side.RIGHT), "Go"),
    (step(K.HOLD, side=Side.RIGHT), step(K.SWITCH, side=Side.LEFT), "Right side. Hold"),
    (step(K.WORK, side=Side.LEFT), None, "Go"),  # the first step says no side
    (step(K.WORK), step(K.REST, side=Side.LEFT), "Go"),  # no side now: nothing to say
])
def test_the_words_for_each_kind_of_step(this, previous, words) -> None:
    assert spoken_text(this, previous, "Bridge") == words


def test_a_side_is_said_with_a_capital() -> None:
    assert side_word(step(K.HOLD, side=Side.LEFT)) == "Left"
    assert side_word(step(K.HOLD)) == ""


@pytest.mark.parametrize(("this", "previous", "cue"), [
    (step(K.PREPARE), None, Cue.GET_READY),
    (step(K.REST), None, Cue.REST),
    (step(K.SWITCH), None, Cue.SWITCH),
    (step(K.HOLD), None, Cue.START),
    (step(K.WORK), None, Cue.START),
    (step(K.WORK, beats=1, rep=2), step(K.HOLD, rep=2), Cue.HOLD_END),  # lower after the hold
    (step(K.WORK, beats=1, rep=2), step(K.HOLD, rep=1), Cue.BEAT),  # another rep's hold
    (step(K.WORK, beats=1, rep=1), step(K.REST, rep=1), Cue.BEAT),
    (step(K.WORK, beats=1, rep=1), None, Cue.BEAT),
])
def test_the_cue_a_step_opens_with(this, previous, cue) -> None:
    assert start_cue(this, previous) is cue


def test_a_long_still_step_ticks_down_its_last_three_seconds() -> None:
    moments = cue_moments(step(K.HOLD, seconds=8), None)
    assert [(m.offset, m.cue, m.count) for m in moments] == [
        (0.0, Cue.START, None), (5.0, Cue.TICK, 3), (6.0, Cue.TICK, 2), (7.0, Cue.TICK, 1)]


def test_a_five_second_step_ticks_and_a_four_second_one_does_not() -> None:
    assert len(cue_moments(step(K.HOLD, seconds=5), None)) == 4
    assert [m.cue for m in cue_moments(step(K.HOLD, seconds=4), None)] == [Cue.START]


def test_a_paced_rep_beats_evenly_and_never_ticks() -> None:
    moments = cue_moments(step(K.WORK, seconds=9, beats=3), None)
    assert [(m.offset, m.cue) for m in moments] == [
        (0.0, Cue.BEAT), (3.0, Cue.BEAT), (6.0, Cue.BEAT)]
