"""Records sessions as fast as it can until killed: the real engine, History and Recorder on a
fake clock. Reports on stdout only what is committed: `session ID`, `step ID INDEX`, `end ID`.

    python kill_child.py HISTORY_PATH ROUTINE_ID
"""

from __future__ import annotations

import sys
from pathlib import Path

from psoas_desktop.core.engine import Event, Finished, Session, State, StepEnded
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.core.timeline import build_timeline
from psoas_desktop.resources import builtin_routines
from psoas_desktop.storage.history import History
from psoas_desktop.storage.recorder import Recorder, Recording

path, routine_id = Path(sys.argv[1]), sys.argv[2]
book = load_book(builtin_routines(), [])
routine = book.get(routine_id)
assert routine is not None
timeline = build_timeline(routine, rests=book.rests)
print("opening", flush=True)  # the parent's random delay counts from here: opening may be hit
recorder = Recorder(History(path))
now = [0.0]


def report(recording: Recording, event: Event) -> None:
    # Subscribed after the recorder, which puts itself first: what is printed is committed.
    assert recording.ref is not None and recording.ref.id is not None
    if isinstance(event, StepEnded):
        print(f"step {recording.ref.id} {event.index}", flush=True)
    elif isinstance(event, Finished):
        print(f"end {recording.ref.id}", flush=True)


while True:
    session = Session(timeline, lambda: now[0])
    recording = recorder.attach(session, routine, pain_before=3)
    session.subscribe(lambda event, recording=recording: report(recording, event))
    session.start()
    print("session", recording.ref.id if recording.ref else None, flush=True)
    while session.state is State.RUNNING:
        now[0] += 1.0
        session.update()
