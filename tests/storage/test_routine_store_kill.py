"""SIGKILL of a process that saves the routines file in a loop leaves a whole file: the old one
or the new one, never half of one, and the backup whole too."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import textwrap
import time

from psoas_desktop.core.routine_file import load_book
from psoas_desktop.resources import builtin_routines

CHILD = textwrap.dedent("""
    import os
    import sys
    import time
    from pathlib import Path

    from psoas_desktop.resources import builtin_routines
    from psoas_desktop.storage.routine_store import RoutineStore

    real_write = os.write

    def slow_write(fd, data):
        # A slow disk: 4 KiB a millisecond, so that most kills land in the middle of a write.
        time.sleep(0.001)
        return real_write(fd, bytes(data[:4096]))

    os.write = slow_write
    store = RoutineStore(Path(sys.argv[1]), builtin_routines())
    opened = store.open()
    doc, fingerprint = opened.doc, opened.fingerprint
    if doc.routines():
        rid = doc.routines()[0]["id"]
    else:
        rid = doc.new_routine("Saved 0")
        doc.add_exercise(rid, "glute-bridge")
    # Long notes make each file big enough that a write takes more than one system call.
    doc.routine(rid)["notes"] = ["x" * 1900] * 40
    for count in range(1, 10**9):
        doc.rename(rid, f"Saved {count}")
        fingerprint = store.save(doc, fingerprint)
        print(count, flush=True)
""")


def test_kill_while_saving_leaves_old_or_new(tmp_path):
    path = tmp_path / "routines.json"
    for round_ in range(12):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)],
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        last = 0
        for _ in range(1 + round_ % 3):  # a different count of saves each round
            last = int(child.stdout.readline())
        time.sleep(random.uniform(0, 0.05))  # and a different moment inside the next one
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        saved = json.loads(path.read_text())  # a half file would not parse
        name = saved["routines"][0]["name"]
        number = int(name.removeprefix("Saved "))
        assert number >= last  # the child may have saved more before the kill landed
        assert load_book(builtin_routines(), [path]).problems == []
        backup = path.with_name("routines.json.bak")
        if backup.exists():  # none until a second save has begun
            json.loads(backup.read_text())
        leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        # A kill between writing the temp file and renaming it may leave one temp file; it
        # is never the routines file itself, and the next save does not depend on it.
        assert len(leftovers) <= 1
        for leftover in leftovers:
            (tmp_path / leftover).unlink()
