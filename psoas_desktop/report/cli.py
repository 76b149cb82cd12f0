"""`psoas-desktop report [--weeks N] FILE.pdf`: the report from the history, drawn offscreen."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from psoas_desktop import APP_NAME
from psoas_desktop.core.routines import RoutineBook
from psoas_desktop.storage.history import History, HistoryError
from psoas_desktop.storage.paths import AppPaths

MAX_WEEKS = 104


def _fail(message: str) -> int:
    print(f"{APP_NAME}: error: {message}", file=sys.stderr)
    return 1


def write_report(history: History, book: RoutineBook, weeks: int, target: Path,
                 today: date | None = None) -> int:
    """Gather and write the report; the number of sessions in it. Raises HistoryError or
    OSError. A QApplication must exist."""
    from psoas_desktop.report.data import gather
    from psoas_desktop.report.pdf import write_pdf

    data = gather(history.sessions(), history.session_targets(), book, weeks,
                  today or date.today())
    write_pdf(data, target)
    return len(data.rows)


def run_report(weeks: int, target: Path, paths: AppPaths, book: RoutineBook) -> int:
    if not 1 <= weeks <= MAX_WEEKS:
        print(f"{APP_NAME}: error: --weeks must be 1 to {MAX_WEEKS}", file=sys.stderr)
        return 2
    if target.suffix.lower() != ".pdf":
        print(f"{APP_NAME}: error: {target}: the report is a PDF; name it FILE.pdf",
              file=sys.stderr)
        return 2
    path = paths.history_db
    if not path.exists():
        return _fail(f"no history yet at {path}; nothing to report")
    history = History(path, recover=False, move_corrupt=False)
    try:
        if history.problem:
            return _fail(history.cause or history.problem)
        # Drawn offscreen: the command needs no display.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication([APP_NAME])
        count = write_report(history, book, weeks, target)
        del app
    except HistoryError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"cannot write {target}: {exc.strerror or exc}")
    finally:
        history.close()
    print(f"Wrote the report of {weeks} weeks ({count} sessions) to {target}.", file=sys.stderr)
    return 0
