"""A broken routines.json in the config folder is shown in the window, with where and what,
and a button that opens the folder; the file is left exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from psoas_desktop.core.routine_file import load_book
from psoas_desktop.platform.screensaver import NoInhibitor
from psoas_desktop.platform.settings import Settings
from psoas_desktop.resources import builtin_routines
from psoas_desktop.ui.main_window import MainWindow
from psoas_desktop.ui.routine_problem import HEADING, show_routine_problems

BROKEN = {
    "not JSON": ('{"routines": [\n  {"id": "x",\n', "line 3"),
    "schema": ('{"routines": [{"id": "x", "name": "X", "exercises": [7]}]}',
               "routines[0].exercises[0]"),
}


@pytest.mark.parametrize("kind", BROKEN)
def test_a_broken_file_is_shown_with_where_and_a_way_to_its_folder(
        qtbot, tmp_path: Path, kind: str) -> None:
    text, where = BROKEN[kind]
    path = tmp_path / "routines.json"
    path.write_text(text)
    book = load_book(builtin_routines(), [path])
    window = MainWindow(book, Settings.in_memory(book.rests), screensaver=NoInhibitor())
    qtbot.addWidget(window)
    opened: list[QUrl] = []
    banner = show_routine_problems(window, book.problems, tmp_path, opened.append)
    window.show()
    qtbot.waitExposed(window)

    assert banner is not None and banner.isVisible()
    message = banner.message.text()
    assert message.startswith(HEADING) and str(path) in message and where in message
    banner.open_folder.click()
    assert [url.toLocalFile() for url in opened] == [str(tmp_path)]
    banner.dismiss.click()
    assert not banner.isVisible()
    assert path.read_text() == text  # never rewritten
    assert book.get("psoas-strength") is not None  # the built-in routines still load


def test_no_problems_no_banner(qtbot) -> None:
    book = load_book(builtin_routines(), [])
    window = MainWindow(book, Settings.in_memory(book.rests), screensaver=NoInhibitor())
    qtbot.addWidget(window)
    assert show_routine_problems(window, book.problems, Path("/nowhere")) is None
