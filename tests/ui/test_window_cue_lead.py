"""A sink with latency gets its cues that much early, so they sound on the second they mark;
the voice still speaks with each step's start cue."""

from __future__ import annotations

from psoas_desktop.audio.sink import RecordingCueSink
from psoas_desktop.core.cues import Cue


class SlowSink(RecordingCueSink):
    latency = 0.05


def test_cues_go_out_early_by_the_sinks_latency(make_window, clock) -> None:
    sink = SlowSink()
    window = make_window(sink)
    window.choose_routine("psoas-strength")
    window.start_session()
    session = window.session
    assert sink.spoken == ["Get ready: Hip flexor ball release, left side. "
                           "Ball on the front of the left hip, left foot slides."]
    end = clock.now + session.step.seconds
    while clock.now + 0.5 < end - 0.06:
        clock.advance(0.5)
        window.controller.wake()
    clock.now = end - 0.06
    window.controller.wake()
    assert session.index == 0 and sink.played[-1] is Cue.TICK
    clock.advance(0.02)  # now within 50 ms of the step's end
    window.controller.wake()
    assert session.index == 0
    assert sink.played[-1] is Cue.START and sink.spoken[-1] == "Go"
    clock.advance(0.05)
    window.controller.wake()
    assert session.index == 1
    assert sink.played.count(Cue.START) == 1
