"""A session process killed with SIGKILL keeps every step it had finished, and the next open
marks its session interrupted, with the file passing SQLite's integrity check."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from psoas_desktop.storage.history import History

CHILD = textwrap.dedent("""
    import sys
    from dataclasses import replace
    from pathlib import Path

    from psoas_desktop.core.engine import Session, State, StepEnded
    from psoas_desktop.core.routine_file import load_book
    from psoas_desktop.core.timeline import build_timeline
    from psoas_desktop.resources import builtin_routines
    from psoas_desktop.storage.history import History
    from psoas_desktop.storage.recorder import Recorder

    path, routine_id, stop = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    book = load_book(builtin_routines(), [])
    routine = book.get(routine_id)
    timeline = build_timeline(routine, rests=book.rests)
    if stop < 0:
        # Writing freely: a plan of some 30,000 steps (still under a week), so the child is
        # writing when the kill comes; a parent slower than all that finds it holding on the
        # last step, its session still running, never ended before the kill.
        timeline = replace(timeline, steps=timeline.steps * 400)
        stop = len(timeline.steps) - 1
    now = [0.0]
    session = Session(timeline, lambda: now[0])
    Recorder(History(path)).attach(session, routine, pain_before=4)
    # Subscribed after the recorder, so a printed index has already been committed.
    session.subscribe(lambda e: isinstance(e, StepEnded) and print(e.index, flush=True))
    session.start()
    while session.state is State.RUNNING and session.index < stop:
        now[0] += 1.0  # a fake clock: the child runs as fast as it can write
        session.update()
    print("holding", flush=True)
    sys.stdin.read()  # in the middle of a step: the parent kills it here
""")


def kill_after(db_path, routine_id: str, stop: int, kill_at_line: int) -> list[int]:
    """Run the child, SIGKILL it after `kill_at_line` printed lines; the indexes it printed."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db_path), routine_id, str(stop)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    printed: list[int] = []
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if line.strip() == "holding" or len(printed) == kill_at_line:
                break
            printed.append(int(line))
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for stream in (child.stdin, child.stdout):
            if stream is not None:
                stream.close()
    return printed


def check_after_kill(db_path, printed: list[int]) -> None:
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    recorded = [r[0] for r in conn.execute("SELECT step_index FROM steps ORDER BY id")]
    assert conn.execute("SELECT status FROM sessions").fetchall() == [("running",)]
    conn.close()
    # Everything reported done is there; at most the step in progress is lost.
    assert recorded[:len(printed)] == printed
    assert recorded == list(range(len(recorded)))

    history = History(db_path)
    assert history.interrupted_found == 1
    (row,) = history.sessions()
    assert row.status == "interrupted" and row.log.pain_before == 4
    assert len(history.steps(row.id)) == len(recorded)
    assert row.active_seconds == sum(s.actual_seconds for s in history.steps(row.id))
    history.close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_killed_while_holding_mid_step(db_path) -> None:
    printed = kill_after(db_path, "psoas-strength", stop=25, kill_at_line=-1)
    assert printed == list(range(25))
    check_after_kill(db_path, printed)


@pytest.mark.parametrize("kill_at_line", [1, 40])
def test_killed_while_writing_freely(db_path, kill_at_line) -> None:
    # The child keeps writing while the kill arrives, so it may land inside a transaction.
    printed = kill_after(db_path, "strength-then-stretch", stop=-1, kill_at_line=kill_at_line)
    assert len(printed) == kill_at_line
    check_after_kill(db_path, printed)
