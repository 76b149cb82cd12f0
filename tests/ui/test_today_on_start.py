"""The start page opens on today's plan from the history."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from psoas_desktop.core.timeline import Step, StepKind
from psoas_desktop.storage.history import History
from psoas_desktop.ui.history_link import HistoryLink

NOW = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)  # a Wednesday



def test_a_strength_day_yesterday_opens_on_the_stretch_routine(window, book, tmp_path) -> None:
    history = History(tmp_path / "h.sqlite3", wall_clock=lambda: NOW)
    yesterday = NOW - timedelta(days=1)
    ref = history.start_session("psoas-strength", "S", yesterday, 10)  # every step done
    history.add_step(ref, 0, Step(StepKind.HOLD, 10), 10, False, yesterday)
    history.end_session(ref, "completed", yesterday, 10)
    window.choose_routine("psoas-strength")
    link = HistoryLink(window, history, book, lambda: NOW)
    banner = window.start_panel.today
    assert window.start_panel.routine().id == "psoas-stretch"
    assert banner.headline.text() == "Today: Psoas stretch routine"
    assert "1 of 2-3 strength sessions this week" in banner.progress.text()
    assert "Week 1 of 4-8" in banner.progress.text()
    window.choose_routine("psoas-strength")  # anything else can still be picked
    assert window.start_panel.routine().id == "psoas-strength"
    banner.use.click()
    assert window.start_panel.routine().id == "psoas-stretch"
    link.close()


def test_a_new_user_opens_on_strength(window, book, tmp_path) -> None:
    window.choose_routine("psoas-stretch")
    link = HistoryLink(window, History(tmp_path / "h.sqlite3"), book, lambda: NOW)
    assert window.start_panel.routine().id == "psoas-strength"
    assert window.start_panel.today.progress.text() == "0 of 2-3 strength sessions this week"
    link.close()
