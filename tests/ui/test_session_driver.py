"""The driver wakes the session with one precise single-shot timer and plays its cues."""

from __future__ import annotations

from PySide6.QtCore import Qt

from psoas_desktop.audio.sink import RecordingCueSink
from psoas_desktop.core.cues import Cue
from psoas_desktop.core.engine import Session
from psoas_desktop.core.timeline import build_timeline
from psoas_desktop.ui.session_driver import SessionDriver


def _driver(book, clock, routine="psoas-stretch"):
    sink = RecordingCueSink()
    driver = SessionDriver(clock, sink)
    session = Session(build_timeline(book.get(routine), rests=book.rests), clock)
    driver.set_session(session)
    return driver, session, sink


def test_one_precise_single_shot_timer(book, clock) -> None:
    driver, _, _ = _driver(book, clock)
    timer = driver._timer
    assert timer.isSingleShot()
    assert timer.timerType() is Qt.TimerType.PreciseTimer
    driver.start()
    assert driver.timer_interval() == 1000
    clock.advance(0.9996)
    driver.poke()
    assert driver.timer_interval() == 1  # 0.4 ms left is rounded up, never down to early


def test_changed_is_emitted_on_every_wakeup(book, clock, qtbot) -> None:
    driver, _, _ = _driver(book, clock)
    with qtbot.waitSignal(driver.changed, timeout=100):
        driver.start()
    with qtbot.waitSignal(driver.changed, timeout=100):
        clock.advance(1)
        driver.poke()


def test_paced_reps_beat_without_words(book, clock) -> None:
    driver, session, sink = _driver(book, clock)
    driver.start()
    session.go_to(next(i for i, s in enumerate(session.timeline.steps) if s.beats))
    driver.poke()
    assert sink.played[-1] is Cue.BEAT
    spoken = len(sink.spoken)
    clock.advance(session.step.seconds / 2)
    driver.poke()
    assert sink.played[-1] is Cue.BEAT
    assert len(sink.spoken) == spoken


def test_the_end_is_announced(book, clock) -> None:
    driver, session, sink = _driver(book, clock)
    driver.start()
    session.go_to(len(session.timeline.steps) - 1)
    clock.advance(session.step.seconds)
    driver.poke()
    assert sink.played[-1] is Cue.DONE
    assert sink.spoken[-1] == "Routine done. Well done."
    assert driver.timer_interval() is None


def test_no_session_is_a_no_op(clock) -> None:
    driver = SessionDriver(clock, RecordingCueSink())
    driver.poke()
    driver.toggle()
    assert driver.timer_interval() is None
