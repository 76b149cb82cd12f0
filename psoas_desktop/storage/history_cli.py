"""`psoas-desktop history list` and `history export FILE.csv`: every fault is one line on stderr.

The command line may run while the app records a session, so it neither marks running sessions
interrupted nor moves a damaged file aside: that is the app's job at its next start.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import datetime

from psoas_desktop import APP_NAME
from psoas_desktop.core.durations import duration_text
from psoas_desktop.core.local_time import local
from psoas_desktop.core.status_words import status_word
from psoas_desktop.storage.history import History, HistoryError
from psoas_desktop.storage.paths import AppPaths
from psoas_desktop.storage.records import SessionRow
from psoas_desktop.storage.row_reader import BadRow


def format_pain(row: SessionRow) -> str:
    """'pain 5->3'; a rating not given is named, not drawn: 'pain after 2', 'pain before 5'."""
    before, after = row.log.pain_before, row.log.pain_after
    if before is None and after is None:
        return ""
    if before is None:
        return f"pain after {after}"
    if after is None:
        return f"pain before {before}"
    return f"pain {before}->{after}"


def local_time(moment: datetime) -> str:
    return local(moment).strftime("%Y-%m-%d %H:%M")


def format_line(row: SessionRow) -> str:
    """One session on one line, in local time."""
    cells = [
        f"#{row.id:<5}", local_time(row.started_at), f"{row.routine_id:<22}",
        f"{duration_text(row.active_seconds):>7}", f"{round(row.done_fraction * 100):>3}% done",
        f"{status_word(row.outcome):<14}", format_pain(row),
    ]
    return "  ".join(cells).rstrip()


def _fail(message: str) -> int:
    print(f"{APP_NAME}: error: {message}", file=sys.stderr)
    return 1


def run_history(args: argparse.Namespace, paths: AppPaths) -> int:
    path = paths.history_db
    if args.history_command == "list" and args.limit < 1:
        print(f"{APP_NAME}: error: --limit must be 1 or more", file=sys.stderr)
        return 2
    if not path.exists() and not path.is_symlink():  # a dangling link is refused below
        if args.history_command == "list":
            print(f"No sessions recorded yet ({path}).", file=sys.stderr)
            return 0
        return _fail(f"no history yet at {path}; nothing to export")
    history = History(path, recover=False, move_corrupt=False)
    try:
        if not history.readable:
            return _fail(history.cause or history.problem or f"cannot read {path}")
        if args.history_command == "list":
            return _list(history, args.limit)
        return _export(history, args.file, args.force)
    except HistoryError as exc:
        return _fail(str(exc))
    finally:
        history.close()


def _tell_skipped(history: History, bad: Sequence[BadRow]) -> None:
    """Name the rows a read had to skip (damaged dates, text in numbers...); the file is left
    as it is."""
    if bad:
        print(f"{APP_NAME}: {len(bad)} damaged row{'s' if len(bad) != 1 else ''} of "
              f"{history.path} skipped:", file=sys.stderr)
        for row in bad[:20]:
            print(f"  {row}", file=sys.stderr)


def _list(history: History, limit: int) -> int:
    rows = history.sessions(limit=limit)
    if not rows and not history.bad_rows:
        print("No sessions recorded yet.", file=sys.stderr)
    for row in rows:
        print(format_line(row))
    _tell_skipped(history, history.bad_rows)
    return 0


def _export(history: History, target: str, force: bool) -> int:
    from psoas_desktop.storage.export import export_history

    try:
        rows, skipped = export_history(history, target, force)
    except OSError as exc:
        return _fail(f"cannot write {target}: {exc.strerror or exc}")
    shown = "standard output" if target == "-" else target
    print(f"Wrote {rows} rows to {shown}.", file=sys.stderr)
    _tell_skipped(history, skipped)
    return 0
