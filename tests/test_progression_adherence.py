"""Adherence: weekly totals with gaps, weeks that met the target, weeks in a row on target."""

from __future__ import annotations

from datetime import date, timedelta

from psoas_desktop.core.adherence import (
    Done,
    week_of,
    weekly,
    weeks_met,
    weeks_on_target,
)

MON = date(2026, 3, 2)


def test_weeks_start_on_monday_and_gaps_are_kept() -> None:
    done = [Done(MON, 10), Done(MON + timedelta(days=6), 15), Done(MON + timedelta(days=15), 5)]
    weeks = weekly(done, until=MON + timedelta(days=22))
    assert [(w.week, w.sessions, w.minutes) for w in weeks] == [
        (MON, 2, 25), (MON + timedelta(days=7), 0, 0), (MON + timedelta(days=14), 1, 5),
        (MON + timedelta(days=21), 0, 0)]
    assert week_of(MON + timedelta(days=6)) == MON
    assert weekly([]) == []


def test_weeks_met_counts_finished_weeks_and_this_one_once_met() -> None:
    done = [Done(MON + timedelta(days=d), 10) for d in (0, 2, 7, 14, 16, 21)]
    weeks = weekly(done)
    assert weeks_met(weeks, 2, MON + timedelta(days=21)) == (2, 3)  # this week not yet a miss
    assert weeks_met(weeks, 2, MON + timedelta(days=23)) == (2, 3)
    assert weeks_met(weekly([*done, Done(MON + timedelta(days=23), 5)]), 2,
                     MON + timedelta(days=23)) == (3, 4)
    assert weeks_met(weeks, 1, MON + timedelta(days=21)) == (4, 4)


def test_weeks_on_target() -> None:
    done = [Done(MON + timedelta(days=d), 10) for d in (0, 2, 7, 9, 11, 14, 21, 23)]
    weeks = weekly(done)
    assert weeks_on_target(weeks, 2, MON + timedelta(days=21)) == 1  # the third week broke it
    assert weeks_on_target(weeks, 2, MON + timedelta(days=24)) == 1
    assert weeks_on_target(weeks, 1, MON + timedelta(days=23)) == 4
    # A week under way and not yet on target does not break the run behind it.
    assert weeks_on_target(weekly(done[:5]), 2, MON + timedelta(days=15)) == 2
