"""Load is part of every recorded target, and the whole training log is kept and exported."""

from __future__ import annotations

import csv
from dataclasses import replace

from psoas_desktop.core.engine import Session
from psoas_desktop.core.routines import Target
from psoas_desktop.core.timeline import build_timeline
from psoas_desktop.core.training_log import LogDetails, RomUnit, TaskUnit
from psoas_desktop.storage.export import export_history, read_csv
from psoas_desktop.storage.recorder import Recorder

DETAILS = LogDetails(pain_where=("front_of_hip", "low_back"), pain_side="both",
                     pain_kind=("tight",), pain_when=("after",), task="Walking without pain",
                     task_unit=TaskUnit.MINUTES, task_value=25, rom_left=6, rom_right=8,
                     rom_unit=RomUnit.SCALE)


def record(history, book, clock, wall, run_to_end):
    routine = book.get("psoas-strength")
    targets = {ex.id: Target.default_for(ex) for ex in routine.exercises}
    targets["standing-slumpy-psoas"] = replace(targets["standing-slumpy-psoas"], load=4)
    targets["front-support-band-knee-drive"] = replace(
        targets["front-support-band-knee-drive"], load=2)
    session = Session(build_timeline(routine, targets, rests=book.rests), clock)
    recording = Recorder(history, wall).attach(session, routine, pain_before=3)
    run_to_end(session)
    recording.save_log(pain_after=2, stiffness=4, notes="ok", details=DETAILS)
    return history


def test_each_target_keeps_its_load_and_unit(history, book, clock, wall, run_to_end) -> None:
    record(history, book, clock, wall, run_to_end)
    last = history.last_targets("psoas-strength")
    assert last["standing-slumpy-psoas"].load == 4
    assert last["front-support-band-knee-drive"].load == 2
    assert last["hip-flexor-ball-release"].load == 0  # on/off: no weight on the ball
    assert last["standing-glute-squeeze"].load is None  # takes no load
    units = {ex: unit for (_, ex), (_, unit) in history.session_targets().items()}
    assert units["standing-slumpy-psoas"] == "kg" and units["standing-glute-squeeze"] is None
    result = history.exercise_results("standing-slumpy-psoas")[0]
    assert result.target.load == 4 and result.completed


def test_the_log_details_come_back_and_reach_the_csv(history, book, clock, wall, run_to_end,
                                                      tmp_path) -> None:
    record(history, book, clock, wall, run_to_end)
    (session,) = history.sessions()
    assert session.log.details == DETAILS and session.log.pain_before == 3
    out = tmp_path / "h.csv"
    export_history(history, out)
    sessions, _ = read_csv(out)
    assert sessions[0].log.details == DETAILS
    with open(out, newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    slumpy = {(r["load"], r["load_unit"]) for r in rows
              if r["exercise_id"] == "standing-slumpy-psoas"}
    assert slumpy == {("4.0", "kg")}
    assert {r["pain_where"] for r in rows} == {"front_of_hip,low_back"}
    first = rows[0]
    assert (first["rom_left"], first["rom_right"], first["rom_unit"]) == ("6.0", "8.0", "scale")
