"""Logging goes to a rotated, owner-only file in the data folder, and survives a read-only one."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from psoas_desktop import logs


def test_setup_writes_a_private_rotating_file(tmp_path: Path) -> None:
    path = logs.setup(tmp_path)
    assert path == tmp_path / "log" / logs.LOG_FILE
    logging.getLogger("psoas_desktop.test").info("hello %s", "there")
    for handler in logging.getLogger("psoas_desktop").handlers:
        handler.flush()
    assert "hello there" in path.read_text(encoding="utf-8")
    assert (path.parent.stat().st_mode & 0o777) == 0o700
    logs.setup(None)  # a second call replaces the handlers rather than adding to them
    assert len(logging.getLogger("psoas_desktop").handlers) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through read-only folders")
def test_setup_without_a_writable_folder_keeps_stderr(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        assert logs.setup(tmp_path / "data") is None
    finally:
        tmp_path.chmod(0o700)
    logs.setup(None)


def test_setup_on_a_file_where_the_folder_should_be(tmp_path: Path) -> None:
    (tmp_path / "log").write_text("not a folder")
    assert logs.setup(tmp_path) is None
    assert len(logging.getLogger("psoas_desktop").handlers) == 1
    logs.setup(None)


def test_a_full_log_moves_aside_and_the_oldest_backup_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "app.log"
    handler = logs.RotatingFile(path, max_bytes=100, backups=2)
    handler.setFormatter(logging.Formatter("%(message)s"))
    record = logging.getLogger("psoas_desktop.test")
    try:
        for n in range(7):  # 40 bytes a line: two lines to a file
            handler.emit(record.makeRecord("t", logging.INFO, "f", 1, f"{n:<39}", (), None))
    finally:
        handler.close()
    lines = {p.name: p.read_text(encoding="utf-8").split() for p in tmp_path.iterdir()}
    assert lines == {"app.log": ["6"], "app.log.1": ["4", "5"], "app.log.2": ["2", "3"]}
