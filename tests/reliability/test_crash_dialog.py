"""A Python exception inside a Qt slot, mid-session: logged with its traceback to the rotated
file, the session paused with every step so far in the history, and one dialog, however many
exceptions follow."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from psoas_desktop import logs
from psoas_desktop.core.engine import State
from psoas_desktop.storage.history import History
from psoas_desktop.ui import crash_dialog
from psoas_desktop.ui.history_link import HistoryLink


def broken_slot() -> None:
    raise RuntimeError("a bug in a slot")


@pytest.mark.qt_no_exception_capture  # the app's own hook is under test, not pytest-qt's
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_an_exception_in_a_slot_is_logged_told_once_and_the_records_kept(
        qtbot, window, clock, run, book, no_log_dialog, tmp_path: Path, capfd) -> None:
    log_file = logs.setup(tmp_path / "data")
    assert log_file is not None
    database = tmp_path / "history.sqlite3"
    history = History(database)
    link = HistoryLink(window, history, book)
    hook = crash_dialog.install(window, log_file, history.flush)
    try:
        window.start_session()
        run(window, clock, 3)
        QTimer.singleShot(0, broken_slot)
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: hook.caught == 2)

        boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
        assert len(boxes) == 1
        assert boxes[0].text() == (f"Something went wrong; the session was saved; details in "
                                   f"{log_file}.")
        assert window.session is not None and window.session.state is State.PAUSED
        for handler in logging.getLogger("psoas_desktop").handlers:
            handler.flush()
        text = log_file.read_text(encoding="utf-8")
        assert text.count("Traceback") == 2 and "RuntimeError: a bug in a slot" in text
        assert "Traceback" not in capfd.readouterr().err  # one line each on stderr
        with sqlite3.connect(database) as db:
            assert db.execute("SELECT count(*) FROM steps").fetchone() == (3,)
            assert db.execute("SELECT status FROM sessions").fetchall() == [("running",)]

        boxes[0].accept()  # closed: the next exception gets a dialog again
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: hook.caught == 3)
        assert len([box for box in window.findChildren(QMessageBox) if box.isVisible()]) == 1
    finally:
        hook.restore()
        link.close()
        logs.setup(None)
