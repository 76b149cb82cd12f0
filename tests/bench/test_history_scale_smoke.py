"""bench/history_scale.py on a month of history: the script's parts still fit the app's API.
Nothing about speed is asserted here."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def history_scale(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    import history_scale

    yield history_scale
    sys.modules.pop("history_scale", None)
    sys.modules.pop("benchlib", None)


def test_a_month_builds_opens_and_records(history_scale, qapp, tmp_path) -> None:
    from psoas_desktop.core.routine_file import load_book
    from psoas_desktop.resources import builtin_routines
    from psoas_desktop.storage.history import History

    book = load_book(builtin_routines(), [])

    path = tmp_path / "history.sqlite3"
    sessions = history_scale.build_history(path, book, days=30)
    history = History(path)
    assert len(history.sessions()) == sessions > 20
    table_s, plots_s, view = history_scale.open_view(qapp, history, book)
    assert 0 < table_s <= plots_s and view.model.rowCount() == sessions
    view.close()
    timings = history_scale.time_steps(history, book, count=5)
    assert len(timings) == 5
    assert len(history.sessions()) == sessions + 1
    history.close()
