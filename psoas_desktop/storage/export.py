"""CSV export of sessions and steps, and a reader for it (for the round-trip test and for
anyone who wants the rows back). docs/history-schema.md lists the columns.

One row per recorded step, with its session's columns repeated, so a spreadsheet can filter and
pivot it as it is; a session with no steps gets one row with the step columns empty.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from psoas_desktop.core.routines import Target
from psoas_desktop.core.training_log import LogDetails
from psoas_desktop.storage.queries import details
from psoas_desktop.storage.records import (
    LogEntry,
    SessionRow,
    StepRow,
    from_text,
    to_text,
)
from psoas_desktop.storage.writes import detail_values

if TYPE_CHECKING:
    from psoas_desktop.storage.history import History

SESSION_COLUMNS = (
    "session_id", "routine_id", "routine_name", "started_at", "ended_at", "planned_seconds",
    "active_seconds", "status", "pain_before", "pain_after", "stiffness", "notes",
    "pain_where", "pain_side", "pain_kind", "pain_when", "task", "task_unit", "task_value",
    "rom_left", "rom_right", "rom_unit",
)
STEP_COLUMNS = (
    "step_index", "kind", "exercise_id", "side", "set", "sets", "rep", "reps", "phase",
    "target_seconds", "actual_seconds", "skipped", "step_ended_at", "load", "load_unit",
)
Loads = Mapping[tuple[int, str], tuple[Target, str | None]]
COLUMNS = SESSION_COLUMNS + STEP_COLUMNS


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def _session_cells(s: SessionRow) -> list[str]:
    log = s.log
    return [_cell(v) for v in (
        s.id, s.routine_id, s.routine_name, to_text(s.started_at),
        to_text(s.ended_at) if s.ended_at else None, s.planned_seconds, s.active_seconds,
        s.status, log.pain_before, log.pain_after, log.stiffness, log.notes,
        *detail_values(log.details))]


def _step_cells(st: StepRow, loads: Loads) -> list[str]:
    target, unit = loads.get((st.session_id, st.exercise_id or ""), (None, None))
    load = target.load if target is not None and unit else None
    return [_cell(v) for v in (
        st.step_index, st.kind, st.exercise_id, st.side, st.set_number, st.sets, st.rep,
        st.reps, st.phase, st.target_seconds, st.actual_seconds, int(st.skipped),
        to_text(st.ended_at), load, unit)]


def write_csv(path: Path, sessions: Iterable[SessionRow], steps: Iterable[StepRow],
              loads: Loads | None = None) -> int:
    """Write the CSV atomically (a temporary file renamed over `path`); returns rows written.

    `sessions` oldest first; `steps` grouped by session. Raises OSError if it cannot be written.
    """
    by_session: dict[int, list[StepRow]] = {}
    for step in steps:
        by_session.setdefault(step.session_id, []).append(step)
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    rows = 0
    try:
        with os.fdopen(fd, "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(COLUMNS)
            empty = [""] * len(STEP_COLUMNS)
            for session in sessions:
                head = _session_cells(session)
                for step in by_session.get(session.id, []) or [None]:
                    writer.writerow(head + (_step_cells(step, loads or {}) if step else empty))
                    rows += 1
        os.chmod(tmp, 0o600)  # the log is health data; keep the export as private as the file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return rows


def _int(text: str) -> int | None:
    return int(text) if text else None


def _float(text: str) -> float | None:
    return float(text) if text else None


def _details(row: Mapping[str, str]) -> LogDetails:
    return details(row["pain_where"], row["pain_side"] or None, row["pain_kind"],
                   row["pain_when"], row["task"], row["task_unit"] or None,
                   _float(row["task_value"]), _float(row["rom_left"]), _float(row["rom_right"]),
                   row["rom_unit"] or None)


def read_csv(path: Path) -> tuple[list[SessionRow], list[StepRow]]:
    """Read an export back: its sessions (in file order) and its steps."""
    sessions: dict[int, SessionRow] = {}
    steps: list[StepRow] = []
    done: dict[int, dict[int, int]] = {}
    with open(path, newline="", encoding="utf-8") as file:
        reader = csv.DictReader(file)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise ValueError(f"{path}: not a Psoas Desktop history export")
        for row in reader:
            session_id = int(row["session_id"])
            if session_id not in sessions:
                sessions[session_id] = SessionRow(
                    session_id, row["routine_id"], row["routine_name"],
                    from_text(row["started_at"]),
                    from_text(row["ended_at"]) if row["ended_at"] else None,
                    int(row["planned_seconds"]), float(row["active_seconds"]), row["status"], 0,
                    LogEntry(_int(row["pain_before"]), _int(row["pain_after"]),
                             _int(row["stiffness"]), row["notes"], _details(row)))
                done[session_id] = {}
            if not row["step_index"]:
                continue
            step = StepRow(
                session_id, int(row["step_index"]), row["kind"], row["exercise_id"] or None,
                row["side"] or None, _int(row["set"]), _int(row["sets"]), _int(row["rep"]),
                _int(row["reps"]), row["phase"] or None, int(row["target_seconds"]),
                float(row["actual_seconds"]), row["skipped"] == "1",
                from_text(row["step_ended_at"]))
            steps.append(step)
            if not step.skipped:
                done[session_id][step.step_index] = step.target_seconds
            else:
                done[session_id].setdefault(step.step_index, 0)
    rows = [replace(s, done_seconds=sum(done[s.id].values())) for s in sessions.values()]
    return rows, steps


def export_history(history: History, path: Path) -> int:
    """Write every session and step of `history` to `path`; raises HistoryError or OSError."""
    return write_csv(path, history.sessions(newest_first=False), history.all_steps(),
                     history.session_targets())
