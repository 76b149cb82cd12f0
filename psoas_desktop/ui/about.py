"""The About box and the keyboard shortcuts help."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QMessageBox, QWidget

from psoas_desktop import APP_TITLE, __version__

SHORTCUTS = (
    ("Space, B or .", "Start, pause or resume"),
    ("Right, N or Page Down", "Next step"),
    ("Left, P or Page Up", "Previous step"),
    ("+", "Ten seconds more for this step"),
    ("S / E", "Skip the rest of this side / exercise"),
    ("R", "Repeat the last set"),
    ("W", "Wait for me at each get-ready, on or off"),
    ("Enter (in the list)", "Jump to the exercise"),
    ("F or F11", "Fullscreen on or off"),
    ("Esc", "Leave fullscreen"),
    ("M", "Mute or unmute"),
    ("Ctrl+H", "History"),
    ("Ctrl+,", "Settings"),
    ("Ctrl+Q", "Quit"),
)

MEDICAL_WARNING = (
    "This app is not medical advice and does not replace a clinician. Stop at once on sharp "
    "or pinching pain, numbness or tingling. With a known back or hip condition, ask a "
    "professional before starting."
)


def about_text() -> str:
    return (f"{APP_TITLE} {__version__}\n\n"
            "A timer that guides psoas and hip-flexor routines on a mat, by sight and sound.\n\n"
            f"{MEDICAL_WARNING}\n\nFree software under the GNU GPL, version 3 or later.")


def shortcuts_text() -> str:
    width = max(len(keys) for keys, _ in SHORTCUTS)
    return "\n".join(f"{keys.ljust(width)}   {what}" for keys, what in SHORTCUTS)


def _plain_box(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setIcon(QMessageBox.Icon.Information)
    return box


def about_box(parent: QWidget | None) -> QMessageBox:
    return _plain_box(parent, f"About {APP_TITLE}", about_text())


def shortcuts_box(parent: QWidget | None) -> QMessageBox:
    box = _plain_box(parent, "Keyboard shortcuts", shortcuts_text())
    # The system's fixed-pitch font: "monospace" is an alias only fontconfig knows.
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(box.font().pointSizeF())
    box.setFont(font)
    return box
