"""About, shortcuts help, and the screensaver where there is no session bus."""

from __future__ import annotations

from PySide6.QtCore import Qt

from psoas_desktop.platform.screensaver import ScreenSaverInhibitor
from psoas_desktop.ui.about import about_box, about_text, shortcuts_text


def test_about_says_plainly_it_is_not_medical_advice(qtbot) -> None:
    text = about_text()
    assert "not medical advice" in text
    for warning in ("sharp", "numbness", "tingling", "Stop"):
        assert warning in text
    box = about_box(None)
    qtbot.addWidget(box)
    assert box.textFormat() is Qt.TextFormat.PlainText


def test_shortcuts_help_lists_the_keys_the_window_answers(window) -> None:
    text = shortcuts_text(window.actions())
    lines = text.splitlines()
    for keys, what in (("Space or B or .", "Start / Pause"), ("Right or N or PgDown", "Next step"),
                       ("Left or P or PgUp", "Previous step"), ("F or F11", "Fullscreen"),
                       ("Esc", "Leave fullscreen"), ("M", "Mute"), ("Ctrl+Q", "Quit"),
                       ("+ or =", "Ten seconds more"), ("W", "Wait for me at each get-ready")):
        assert any(line.startswith(keys) and line.endswith(what) for line in lines), (keys, text)
    assert "Jump to the exercise" in text


def test_a_key_given_to_an_action_shows_in_the_help(window) -> None:
    from PySide6.QtGui import QAction, QKeySequence

    extra = QAction("&Stretch more", window)
    extra.setShortcut(QKeySequence("Ctrl+J"))
    window.addAction(extra)
    assert any(line.startswith("Ctrl+J") and line.endswith("Stretch more")
               for line in shortcuts_text(window.actions()).splitlines())


def test_the_window_has_a_title_and_a_settings_dialog(window, qtbot, monkeypatch) -> None:
    from psoas_desktop.ui import settings_dialog

    assert window.windowTitle() == "Psoas Desktop"
    opened = []
    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec",
                        lambda self: opened.append(self) or 0)
    window.window_actions.settings.trigger()
    assert len(opened) == 1
    qtbot.addWidget(opened[0])
    window.start_session()
    assert window.windowTitle() == "Psoas strength (activation first) — Psoas Desktop"


def test_no_session_bus_is_silent(monkeypatch, qapp) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    inhibitor = ScreenSaverInhibitor("Psoas Desktop")
    inhibitor.inhibit("test")
    assert not inhibitor.active
    inhibitor.release()
