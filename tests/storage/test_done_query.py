"""The planned seconds done per session, as the sessions list works them out in SQL."""

from __future__ import annotations

from psoas_desktop.storage.history import History


def test_done_counts_each_planned_step_once(tmp_path, timeline, wall) -> None:
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
    (row,) = history.sessions()
    assert row.done_seconds == first.seconds + third.seconds
    assert history.session(row.id).done_seconds == row.done_seconds
    history.close()
