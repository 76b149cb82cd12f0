"""The sessions table formats a row's texts once, and again whenever its rows are replaced."""

from __future__ import annotations

from datetime import UTC, datetime

from psoas_desktop.storage.records import LogEntry, SessionRow
from psoas_desktop.ui.history_view import COLUMNS, SessionTable


def row(notes: str, active: float = 754) -> SessionRow:
    return SessionRow(7, "r", "Routine", datetime(2026, 3, 2, 7, 30, tzinfo=UTC), None, 800,
                      active, "completed", 400, LogEntry(3, 2, None, notes))


def test_texts_follow_the_rows_they_were_made_from() -> None:
    table = SessionTable(history=None, on_error=print)  # type: ignore[arg-type]
    table.set_rows([row("stiff\nhips")])
    assert table.index(0, COLUMNS.index("Notes")).data() == "stiff hips"
    assert table.index(0, COLUMNS.index("Length")).data() == "12:34"
    assert table.index(0, COLUMNS.index("Plan done")).data() == "50%"
    assert table.index(0, COLUMNS.index("Stiffness")).data() == ""
    table.set_rows([row("looser", active=60)])  # a refresh after an edit
    assert table.index(0, COLUMNS.index("Notes")).data() == "looser"
    assert table.index(0, COLUMNS.index("Length")).data() == "1:00"
