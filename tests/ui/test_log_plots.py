"""The training log's plots and table columns show what was logged."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from psoas_desktop.core.training_log import LogDetails, RomUnit, TaskUnit
from psoas_desktop.storage.records import LogEntry, SessionRow
from psoas_desktop.ui.history_view import COLUMNS, SessionTable
from psoas_desktop.ui.log_plots import LogPlots, weekly_task

MONDAY = datetime(2026, 3, 2, 8, tzinfo=UTC)


def row(day: int, pain: int | None, stiff: int | None, details: LogDetails) -> SessionRow:
    return SessionRow(day, "psoas-strength", "Strength", MONDAY + timedelta(days=day), None,
                      600, 600, "completed", 600, LogEntry(3, pain, stiff, "", details))


def walked(minutes: float) -> LogDetails:
    return LogDetails(task="Walking without pain", task_unit=TaskUnit.MINUTES,
                      task_value=minutes)


ROWS = [row(0, 4, 6, walked(10)), row(3, 3, 5, walked(14)),
        row(7, 2, 4, LogDetails(rom_left=4, rom_right=7, rom_unit=RomUnit.SCALE)),
        row(10, None, 3, walked(20)),
        row(14, 1, 2, LogDetails(rom_left=6, rom_right=7, rom_unit=RomUnit.SCALE))]


def test_the_task_is_averaged_per_week() -> None:
    xs, ys, title = weekly_task(ROWS)
    assert list(ys) == [12.0, 20.0] and "Walking without pain (minutes)" in title
    assert xs[1] - xs[0] == pytest.approx(7 * 86400, abs=3600)


def test_the_plots_carry_pain_stiffness_both_sides_and_the_gap(qtbot) -> None:
    plots = LogPlots()
    qtbot.addWidget(plots)
    plots.refresh(ROWS)
    pain_curves = [c.getData()[1].tolist() for c in plots.items.pain.listDataItems()]
    assert pain_curves == [[4, 3, 2, 1], [6, 5, 4, 3, 2]]  # pain after, then stiffness
    rom = [c.getData()[1].tolist() for c in plots.items.rom.listDataItems()]
    assert [4, 6] in rom and [7, 7] in rom  # left and right
    assert "gap now 1" in plots.items.rom.titleLabel.text


def test_the_table_shows_the_log_details() -> None:
    details = LogDetails(pain_where=("groin",), pain_side="right", pain_kind=("sharp",),
                         pain_when=("during",), task="Tying shoes", task_unit=TaskUnit.RATING,
                         task_value=6, rom_left=5, rom_right=8, rom_unit=RomUnit.SCALE)
    texts = dict(zip(COLUMNS, SessionTable._row_texts(row(0, 2, 3, details)), strict=True))
    assert texts["Pain: kind, where, when"] == "sharp · groin (right) · during"
    assert texts["Task"] == "Tying shoes: 6/10"
    assert texts["Range of motion"] == "L 5/10 · R 8/10"
