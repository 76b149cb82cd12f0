"""Each built-in routine followed to the end in the window, by sound and a glance: every step
shown for its full length, every switch of side and rest announced, and done at the end."""

from __future__ import annotations

from collections import Counter

import pytest

from psoas_desktop.core.cues import Cue
from psoas_desktop.core.engine import State
from psoas_desktop.core.timeline import StepKind


@pytest.mark.parametrize("routine_id", ["psoas-strength", "psoas-stretch",
                                        "strength-then-stretch"])
def test_a_routine_runs_to_the_end(window, clock, sink, routine_id) -> None:
    window.choose_routine(routine_id)
    window.start_session()
    session = window.session
    steps = session.timeline.steps
    shown_steps = set()
    while session.state is State.RUNNING:
        shown_steps.add(session.index)
        clock.advance(0.5)
        window.controller.wake()
    assert session.state is State.FINISHED
    assert shown_steps == set(range(len(steps)))
    assert session.active_seconds() == pytest.approx(session.timeline.total_seconds)
    kinds = Counter(step.kind for step in steps)
    played = Counter(sink.played)
    assert played[Cue.SWITCH] == kinds[StepKind.SWITCH]
    assert played[Cue.REST] == kinds[StepKind.REST]
    assert played[Cue.GET_READY] == kinds[StepKind.PREPARE]
    assert sink.played[-1] is Cue.DONE and played[Cue.DONE] == 1
    assert window.controls.start.text() == "New session"
