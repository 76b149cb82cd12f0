"""The seconds done per session, as the sessions list works them out in SQL: the rule of
core/completion.py (each step's best try, up to its planned length)."""

from __future__ import annotations

from psoas_desktop.storage.history import History


def test_done_counts_each_planned_step_once(tmp_path, timeline, wall) -> None:
    from psoas_desktop.core.completion import StepTry, seconds_done

    history = History(tmp_path / "history.sqlite3", wall_clock=wall)
    ref = history.start_session("r", "Routine", wall(), timeline.total_seconds)
    (row,) = history.sessions()
    assert row.done_seconds == 0  # started, nothing ended yet
    first, second, third = timeline.steps[:3]
    history.add_step(ref, 0, first, first.seconds, skipped=False, ended_at=wall())
    history.add_step(ref, 0, first, first.seconds, skipped=False, ended_at=wall())  # redone
    history.add_step(ref, 1, second, 1.0, skipped=True, ended_at=wall())
    history.add_step(ref, 2, third, 0.5, skipped=True, ended_at=wall())
    history.add_step(ref, 2, third, third.seconds, skipped=False, ended_at=wall())  # went back
    history.add_step(ref, 3, timeline.steps[3], timeline.steps[3].seconds + 5.0, skipped=False,
                     ended_at=wall())  # a late wake-up: never more than planned
    (row,) = history.sessions()
    assert row.done_seconds == first.seconds + 1.0 + third.seconds + timeline.steps[3].seconds
    tries = [StepTry(s.step_index, s.target_seconds, s.actual_seconds)
             for s in history.steps(row.id)]
    assert sum(seconds_done(tries).values()) == row.done_seconds  # SQL and core agree
    assert history.session(row.id).done_seconds == row.done_seconds
    history.close()
