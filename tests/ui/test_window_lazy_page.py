"""The start page paints without the session page: the countdown, guide and figures are built
when a session first needs them (or in the idle turn after the first paint), and then behave
as if they had been there from the start."""

from __future__ import annotations

import sys
from pathlib import Path

from psoas_desktop.ui.main_window import SESSION_PAGE, START_PAGE
from psoas_desktop.ui.session_page import SessionPage


def test_the_session_page_is_built_when_a_session_starts(window) -> None:
    assert window.findChild(SessionPage) is None
    assert window.stack.count() == 1
    window.start_session()
    page = window.findChild(SessionPage)
    assert page is not None and window.stack.currentIndex() == SESSION_PAGE
    assert window.stack.currentWidget() is page and window.countdown is page.countdown
    assert window.countdown.exercise.text()  # the first exercise, painted at once


def test_a_page_built_early_shows_the_idle_state_and_the_saved_guide_setting(
        make_window, sink, settings) -> None:
    settings.guide_expanded = False
    window = make_window(sink)
    page = window.binding.session_page()  # as the idle turn after the first paint does
    assert window.binding.session_page() is page  # once
    assert window.stack.currentIndex() == START_PAGE
    assert window.guide.expanded() is False
    window.guide.set_expanded(True)
    assert settings.guide_expanded is True  # the page's guide still writes the setting


def test_the_window_module_leaves_the_session_page_modules_unloaded(tmp_path: Path) -> None:
    import subprocess

    script = ("import sys\n"
              "import psoas_desktop.ui.main_window\n"
              "print(sorted(m for m in ('psoas_desktop.ui.session_page',"
              " 'psoas_desktop.ui.countdown', 'psoas_desktop.ui.figure_view',"
              " 'psoas_desktop.ui.guide_panel') if m in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=60, check=True, cwd=tmp_path)
    assert result.stdout.strip() == "[]"
