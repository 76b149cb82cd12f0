"""The schema on disk: a fresh file, every migration, and files it must not or cannot use."""

from __future__ import annotations

import sqlite3
import stat

import pytest

from psoas_desktop.core.routines import Target
from psoas_desktop.core.training_log import LogDetails, RomUnit, TaskUnit
from psoas_desktop.storage import migrations
from psoas_desktop.storage.history import History
from psoas_desktop.storage.migrations import create_v1, create_v2, create_v3
from psoas_desktop.storage.schema import SCHEMA_VERSION
from psoas_desktop.storage.writes import SessionRef

# A creator for every earlier version: adding version N+1 without one fails the test below.
CREATORS = {1: create_v1, 2: create_v2, 3: create_v3}


def shape(path) -> dict[str, object]:
    """What a schema is, leaving out how its SQL text happens to be spelt."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {
            "version": conn.execute("PRAGMA user_version").fetchone()[0],
            **{t: (conn.execute(f"PRAGMA table_info({t})").fetchall(),
                   conn.execute(f"PRAGMA foreign_key_list({t})").fetchall(),
                   sorted(r[1:3] for r in conn.execute(f"PRAGMA index_list({t})")))
               for t in tables},
            "indexes": sorted(r[0] for r in conn.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")),
            "checks": sorted(
                "CHECK" in r[0] for r in conn.execute(
                    "SELECT sql FROM sqlite_master WHERE type = 'table'")),
        }
    finally:
        conn.close()


def test_fresh_file_has_current_schema_wal_and_owner_only_mode(history, db_path) -> None:
    assert history.problem is None
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"sessions", "steps", "log_entries", "session_targets"}
    conn.close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    for companion in ("-wal", "-shm"):
        path = db_path.with_name(db_path.name + companion)
        if path.exists():
            assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


def test_an_existing_file_is_made_owner_only(db_path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.touch(mode=0o644)
    db_path.chmod(0o644)
    History(db_path).close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_every_earlier_version_has_a_migration_and_a_test() -> None:
    assert set(CREATORS) == set(range(1, SCHEMA_VERSION))
    assert set(migrations.MIGRATIONS) == set(range(1, SCHEMA_VERSION))


@pytest.mark.parametrize("version", sorted(CREATORS))
def test_migrating_from_each_version_gives_the_fresh_schema(tmp_path, version) -> None:
    old = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(old)
    CREATORS[version](conn)
    conn.commit()
    conn.close()
    History(old).close()
    fresh = tmp_path / "fresh.sqlite3"
    History(fresh).close()
    assert shape(old) == shape(fresh)


def make_v1_with_data(path) -> None:
    conn = sqlite3.connect(path)
    create_v1(conn)
    conn.executescript("""
        INSERT INTO sessions VALUES (1, 'psoas-strength', 'Strength', '2025-01-06T08:00:00Z',
            '2025-01-06T08:13:00Z', 767, 760.5, 'completed', 3, 2, 5, 'hips, felt "loose"');
        INSERT INTO sessions VALUES (2, 'psoas-stretch', 'Stretch', '2025-01-07T08:00:00Z',
            NULL, 900, 30, 'running', NULL, NULL, NULL, '');
        INSERT INTO steps VALUES (1, 1, 0, 'prepare', 'a', NULL, NULL, NULL, NULL, NULL,
            'Get ready', 10, 10, 0);
        INSERT INTO steps VALUES (2, 1, 1, 'hold', 'a', 'left', 1, 2, 1, 4, 'Hold', 5, 5, 0);
        INSERT INTO steps VALUES (3, 2, 0, 'prepare', 'b', NULL, NULL, NULL, NULL, NULL,
            'Get ready', 10, 3.5, 1);
    """)
    conn.commit()
    conn.close()


def test_v1_to_v2_keeps_every_row_and_moves_the_log(tmp_path) -> None:
    path = tmp_path / "v1.sqlite3"
    make_v1_with_data(path)
    history = History(path, recover=False)
    first, second = history.sessions(newest_first=False)
    assert (first.log.pain_before, first.log.pain_after, first.log.stiffness) == (3, 2, 5)
    assert first.log.notes == 'hips, felt "loose"'
    assert first.active_seconds == 760.5 and first.status == "completed"
    assert second.log.pain_before is None and second.status == "running"
    steps = history.steps(1)
    assert [s.kind for s in steps] == ["prepare", "hold"]
    # v1 had no step end times: the session's end stands in, or its start if it never ended.
    assert {s.ended_at.isoformat() for s in steps} == {"2025-01-06T08:13:00+00:00"}
    assert history.steps(2)[0].ended_at.isoformat() == "2025-01-07T08:00:00+00:00"
    assert history.steps(2)[0].skipped
    history.close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM log_entries").fetchone()[0] == 1
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def make_v2_with_data(path) -> None:
    conn = sqlite3.connect(path)
    create_v2(conn)
    conn.executescript("""
        INSERT INTO sessions VALUES (1, 'psoas-strength', 'Strength', '2025-01-06T08:00:00Z',
            '2025-01-06T08:13:00Z', 767, 760.5, 'completed');
        INSERT INTO steps VALUES (1, 1, 0, 'hold', 'standing-slumpy-psoas', 'left', 1, 2, 1,
            4, 'Hold', 5, 5, 0, '2025-01-06T08:01:00Z');
        INSERT INTO log_entries VALUES (1, 3, 2, 4, 'steady');
        INSERT INTO session_targets VALUES (1, 'standing-slumpy-psoas', 2, 4, 5, 1);
    """)
    conn.commit()
    conn.close()


def test_v2_to_v3_keeps_every_row_and_leaves_the_new_parts_empty(tmp_path) -> None:
    path = tmp_path / "v2.sqlite3"
    make_v2_with_data(path)
    history = History(path, recover=False)
    (session,) = history.sessions()
    assert (session.log.pain_before, session.log.pain_after, session.log.stiffness,
            session.log.notes) == (3, 2, 4, "steady")
    assert session.log.details == LogDetails()  # nothing was recorded then: nothing made up
    assert history.last_targets("psoas-strength") == {
        "standing-slumpy-psoas": Target(2, 4, 5, None)}
    assert [s.kind for s in history.steps(1)] == ["hold"]
    # The new columns take what this version records.
    details = LogDetails(pain_where=("groin",), pain_side="left", pain_kind=("ache",),
                         task="Tying shoes", task_unit=TaskUnit.RATING, task_value=6,
                         rom_left=7, rom_right=5, rom_unit=RomUnit.SCALE)
    history.save_log(SessionRef(1), 2, 4, "steady", details)
    assert history.session(1).log.details == details
    history.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_failed_migration_leaves_the_file_as_it_was(tmp_path, monkeypatch) -> None:
    path = tmp_path / "v1.sqlite3"
    make_v1_with_data(path)

    def broken(conn: sqlite3.Connection) -> None:
        migrations._v1_to_v2(conn)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setitem(migrations.MIGRATIONS, 1, broken)
    history = History(path)
    assert history.problem is not None and "disk I/O error" in history.problem
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT pain_before FROM sessions WHERE id = 1").fetchone()[0] == 3
    conn.close()
    monkeypatch.undo()
    assert history.available and history.sessions()[1].log.pain_before == 3
    history.close()


def test_a_newer_schema_is_left_alone(db_path) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE sessions (id INTEGER PRIMARY KEY, future TEXT)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    history = History(db_path)
    assert history.problem is not None and "newer Psoas Desktop" in history.problem
    assert history.moved_to is None
    history.close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    conn.close()
