"""The history view with rows from disk that no app wrote: dated ahead of the clock, garbage in
numeric columns, impossible years. Every good row is drawn, the bad ones are named, and nothing
escapes showEvent (where PySide turns an exception into a crash)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from psoas_desktop.core.adherence import calendar_start
from psoas_desktop.storage.history import History
from psoas_desktop.ui.history_view import HistoryView
from tests.storage.damaged_rows import BAD_SESSIONS, make

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.mark.parametrize(("future", "bad"), [
    ((8,), []), ((30, 400), []), ((365 * 74,), []),  # a week ahead, a year, 2100
    ((), BAD_SESSIONS), ((9,), BAD_SESSIONS[:3]),
])
def test_the_view_draws_every_good_row_and_names_the_rest(qtbot, tmp_path, book, future,
                                                          bad) -> None:
    path = tmp_path / "history.sqlite3"
    make(path, bad, good=3, future_days=future)
    history = History(path)
    view = HistoryView(history, book, refresh_delay_ms=0)
    qtbot.addWidget(view)
    view.resize(1100, 750)
    view.show()
    qtbot.waitExposed(view)
    assert view.pages.currentIndex() == 1
    assert view.model.rowCount() == 3 + len(future)
    summary = view.summary.text()
    if bad:
        assert f"{len(bad)} damaged row" in summary
    else:
        assert "damaged" not in summary
    qtbot.waitUntil(lambda: view.plots is not None)  # built just after the table has painted
    image = view.plots.days.image
    assert image is not None and image.sum() > 0
    history.close()


@pytest.mark.parametrize(("days", "today", "weeks"), [
    ([], date(2026, 3, 4), 1),
    ([date(2026, 3, 2)], date(2026, 3, 4), 1),
    ([date(2026, 3, 20)], date(2026, 3, 4), 3),  # dated ahead of today
    ([date(2025, 12, 29), date(2100, 1, 1)], date(2026, 3, 4), 3862),
])
def test_the_calendar_spans_every_day_given(days, today, weeks) -> None:
    start, n_weeks = calendar_start(days, today)
    assert start.weekday() == 0 and n_weeks == weeks
    for day in [*days, today]:
        assert 0 <= (day - start).days < n_weeks * 7
    assert start <= min([*days, today]) < start + timedelta(days=7)
