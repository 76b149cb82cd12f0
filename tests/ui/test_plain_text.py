"""Text from a file or the history is shown as it is, never as rich text: a routine named with
an <img> or a link shows those characters, loads nothing and offers nothing to click."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from psoas_desktop.core.routine_file import load_book
from psoas_desktop.platform.settings import Settings
from psoas_desktop.resources import builtin_routines
from psoas_desktop.storage.history import History
from psoas_desktop.ui.history_view import HistoryView
from psoas_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

MARKUP = [
    "<img src='/usr/share/icons/hicolor/48x48/apps/x.png'>Stretch",
    "<a href='https://example.org'>Click</a>",
    "<b>Bold</b> &amp; <i>it</i>",
]


def shown_as_markup(label: QLabel, name: str) -> bool:
    """True when the label holds `name` and may render it as rich text (the app's own
    headings may be rich text; file text never)."""
    return name in label.text() and label.textFormat() != Qt.TextFormat.PlainText


@pytest.fixture
def boxes(monkeypatch):
    seen: list[QMessageBox] = []

    def record(box: QMessageBox) -> int:
        seen.append(box)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "exec", record)
    return seen


@pytest.mark.parametrize("name", MARKUP)
def test_the_history_view_and_its_dialogs_show_names_as_text(qtbot, tmp_path, book, boxes,
                                                             name) -> None:
    history = History(tmp_path / "history.sqlite3")
    ref = history.start_session("mine", name, datetime(2026, 3, 2, tzinfo=UTC), 60)
    history.save_log(ref, notes=name)
    view = HistoryView(history, book, refresh_delay_ms=0)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.table.selectRow(0)
    view.delete_selected()  # answered No
    view.show_error(f"Could not export to {name}")
    assert len(boxes) == 2
    for box in boxes:
        assert box.textFormat() == Qt.TextFormat.PlainText and name in box.text()
    assert boxes[0].defaultButton().text() == "Keep it"
    assert history.sessions()  # No kept it
    assert not [label.text() for label in view.findChildren(QLabel) if shown_as_markup(label, name)]
    history.close()


@pytest.mark.parametrize("name", MARKUP)
def test_the_main_window_shows_a_routine_name_as_text(qtbot, tmp_path, name) -> None:
    doc = {"routines": [{"id": "own-routine", "name": name, "summary": name,
                         "exercises": [{"id": "own", "name": name, "kind": "hold",
                                        "per_side": False, "hold": {"min": 5, "max": 9},
                                        "steps": [name], "cues": [name]}]}]}
    path = tmp_path / "routines.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    book = load_book(builtin_routines(), [path])
    window = MainWindow(book, Settings.in_memory(book.rests))
    qtbot.addWidget(window)
    window.confirm_discard = lambda: True
    window.choose_routine("own-routine")
    window.show()
    qtbot.waitExposed(window)
    window.start_session()
    labels = window.findChildren(QLabel)
    assert any(name in label.text() for label in labels)
    assert not [label.text() for label in labels if shown_as_markup(label, name)]


@pytest.mark.parametrize("folder", ["<b>bold", "<img src=x>"])
def test_a_path_with_markup_in_an_unreadable_history_is_escaped(qtbot, tmp_path, book,
                                                               folder) -> None:
    place = tmp_path / folder
    place.mkdir()
    path = place / "history.sqlite3"
    path.write_bytes(b"not a database at all, just words")
    history = History(path, move_corrupt=False)
    view = HistoryView(history, book, refresh_delay_ms=0)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    assert folder not in view.empty.text()  # escaped: shown, not rendered
    assert view.summary.textFormat() == Qt.TextFormat.PlainText
    history.close()
