"""CSV export of sessions and steps, and a reader for it (for the round-trip test and for
anyone who wants the rows back). docs/history-schema.md lists the columns.

One row per recorded step, with its session's columns repeated, so a spreadsheet can filter and
pivot it as it is; a session with no steps gets one row with the step columns empty.

Text that a spreadsheet would take for a formula (a cell beginning with = + - @, a tab or a
carriage return) gets a leading apostrophe, as OWASP advises against CSV injection; so does text
beginning with an apostrophe, so the reader can take exactly one off and get the text back.

Where the export goes (export_target.py): a regular file is replaced atomically, only with
`force` if one is there; anything else (a pipe, a device, standard output as `-`) is written
straight into.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from psoas_desktop.core.completion import StepTry, seconds_done
from psoas_desktop.core.routines import Target
from psoas_desktop.core.training_log import LogDetails
from psoas_desktop.storage.export_target import open_target
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
    from psoas_desktop.storage.row_reader import BadRow

SESSION_COLUMNS = (
    "session_id", "routine_id", "routine_name", "started_at", "ended_at", "planned_seconds",
    "active_seconds", "status", "done_share", "outcome", "pain_before", "pain_after",
    "stiffness", "notes", "pain_where", "pain_side", "pain_kind", "pain_when", "task",
    "task_unit", "task_value", "rom_left", "rom_right", "rom_unit",
)
STEP_COLUMNS = (
    "step_index", "kind", "exercise_id", "side", "set", "sets", "rep", "reps", "phase",
    "target_seconds", "actual_seconds", "skipped", "step_ended_at", "load", "load_unit",
)
Loads = Mapping[tuple[int, str], tuple[Target, str | None]]
COLUMNS = SESSION_COLUMNS + STEP_COLUMNS


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_QUOTE = "'"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return _QUOTE + value if value.startswith((*FORMULA_STARTS, _QUOTE)) else value
    return str(value)


def _text(cell: str) -> str:
    return cell[1:] if cell.startswith(_QUOTE) else cell


def _session_cells(s: SessionRow) -> list[str]:
    log = s.log
    return [_cell(v) for v in (
        s.id, s.routine_id, s.routine_name, to_text(s.started_at),
        to_text(s.ended_at) if s.ended_at else None, s.planned_seconds, s.active_seconds,
        s.status, f"{s.done_fraction:.3f}", s.outcome, log.pain_before, log.pain_after,
        log.stiffness, log.notes, *detail_values(log.details))]


def _step_cells(st: StepRow, loads: Loads) -> list[str]:
    target, unit = loads.get((st.session_id, st.exercise_id or ""), (None, None))
    load = target.load if target is not None and unit else None
    return [_cell(v) for v in (
        st.step_index, st.kind, st.exercise_id, st.side, st.set_number, st.sets, st.rep,
        st.reps, st.phase, st.target_seconds, st.actual_seconds, int(st.skipped),
        to_text(st.ended_at), load, unit)]


def write_csv(path: Path | str, sessions: Iterable[SessionRow], steps: Iterable[StepRow],
              loads: Loads | None = None, force: bool = False) -> int:
    """Write the CSV to `path` (`-`: standard output); returns rows written.

    `sessions` oldest first; `steps` grouped by session. Raises OSError if it cannot be
    written, FileExistsError for a regular file already there without `force`.
    """
    by_session: dict[int, list[StepRow]] = {}
    for step in steps:
        by_session.setdefault(step.session_id, []).append(step)
    rows = 0
    with open_target(path, force) as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        empty = [""] * len(STEP_COLUMNS)
        for session in sessions:
            head = _session_cells(session)
            steps_of: list[StepRow | None] = list(by_session.get(session.id, [])) or [None]
            for entry in steps_of:
                writer.writerow(head + (_step_cells(entry, loads or {}) if entry else empty))
                rows += 1
    return rows


def _int(text: str) -> int | None:
    return int(text) if text else None


def _float(text: str) -> float | None:
    return float(text) if text else None


def _details(row: Mapping[str, str]) -> LogDetails:
    row = {key: _text(value) for key, value in row.items()}
    return details(row["pain_where"], row["pain_side"] or None, row["pain_kind"],
                   row["pain_when"], row["task"], row["task_unit"] or None,
                   _float(row["task_value"]), _float(row["rom_left"]), _float(row["rom_right"]),
                   row["rom_unit"] or None)


def read_csv(path: Path) -> tuple[list[SessionRow], list[StepRow]]:
    """Read an export back: its sessions (in file order) and its steps."""
    sessions: dict[int, SessionRow] = {}
    steps: list[StepRow] = []
    tries: dict[int, list[StepTry]] = {}
    with open(path, newline="", encoding="utf-8") as file:
        reader = csv.DictReader(file)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise ValueError(f"{path}: not a Psoas Desktop history export")
        for row in reader:
            session_id = int(row["session_id"])
            if session_id not in sessions:
                sessions[session_id] = SessionRow(
                    session_id, _text(row["routine_id"]), _text(row["routine_name"]),
                    from_text(row["started_at"]),
                    from_text(row["ended_at"]) if row["ended_at"] else None,
                    int(row["planned_seconds"]), float(row["active_seconds"]),
                    _text(row["status"]), 0,
                    LogEntry(_int(row["pain_before"]), _int(row["pain_after"]),
                             _int(row["stiffness"]), _text(row["notes"]), _details(row)))
                tries[session_id] = []
            if not row["step_index"]:
                continue
            step = StepRow(
                session_id, int(row["step_index"]), _text(row["kind"]),
                _text(row["exercise_id"]) or None, _text(row["side"]) or None,
                _int(row["set"]), _int(row["sets"]), _int(row["rep"]),
                _int(row["reps"]), _text(row["phase"]) or None, int(row["target_seconds"]),
                float(row["actual_seconds"]), row["skipped"] == "1",
                from_text(row["step_ended_at"]))
            steps.append(step)
            tries[session_id].append(
                StepTry(step.step_index, step.target_seconds, step.actual_seconds))
    # done_share and outcome are derived, so they are worked out again rather than trusted.
    rows = [replace(s, done_seconds=sum(seconds_done(tries[s.id]).values()))
            for s in sessions.values()]
    return rows, steps


def export_history(history: History, path: Path | str, force: bool = False
                   ) -> tuple[int, list[BadRow]]:
    """Write every session and step of `history` to `path`; returns the rows written and the
    damaged rows skipped. Raises HistoryError or OSError."""
    sessions = history.sessions(newest_first=False)
    skipped = list(history.bad_rows)
    steps = history.all_steps()
    skipped += history.bad_rows
    return write_csv(path, sessions, steps, history.session_targets(), force), skipped
