"""The main window's questions and boxes: end the session?, settings, about, shortcuts.
Each is imported when first asked for, off the start-up path."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from psoas_desktop.ui.main_window import MainWindow


def ask_finish(window: MainWindow) -> bool:
    from psoas_desktop.ui.dialogs import ask

    return ask(window, "End the session?",
               "End this session now? What you did so far is kept.",
               yes="End session", no="Keep going")


def ask_discard(window: MainWindow) -> bool:
    """Ask before a running session is ended by closing the window."""
    answer = QMessageBox.question(
        window, "End the session?",
        "A session is under way. Close the window and end it here?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def open_settings(window: MainWindow) -> None:
    from psoas_desktop.ui.settings_dialog import SettingsDialog

    help_ = window.voice_help
    SettingsDialog(window.settings, window, help_.problem(), help_.retry).exec()


def show_about(window: MainWindow) -> None:
    from psoas_desktop.ui.about import about_box

    about_box(window).exec()


def show_shortcuts(window: MainWindow) -> None:
    from psoas_desktop.ui.about import shortcuts_box

    shortcuts_box(window).exec()
