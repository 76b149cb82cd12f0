"""The About box and the keyboard shortcuts help."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFontDatabase, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from psoas_desktop import APP_TITLE, __version__

# Keys a widget handles itself, with no action to read them from.
WIDGET_KEYS = (("Enter (in the exercise list)", "Jump to the exercise"),)

MEDICAL_WARNING = (
    "This app is not medical advice and does not replace a clinician. Stop at once on sharp "
    "or pinching pain, numbness or tingling. With a known back or hip condition, ask a "
    "professional before starting."
)


def about_text() -> str:
    return (f"{APP_TITLE} {__version__}\n\n"
            "A timer that guides psoas and hip-flexor routines on a mat, by sight and sound.\n\n"
            f"{MEDICAL_WARNING}\n\nFree software under the GNU GPL, version 3 or later.")


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(keys, what they do) for every action with a key, read from the actions themselves, so
    the help cannot drift from the keys that work."""
    rows = []
    for action in actions:
        keys = [key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()]
        if keys:
            rows.append((" or ".join(keys), action.text().replace("&", "").rstrip("…")))
    return rows + list(WIDGET_KEYS)


def shortcuts_text(actions: Iterable[QAction]) -> str:
    rows = shortcut_rows(actions)
    width = max(len(keys) for keys, _ in rows)
    return "\n".join(f"{keys.ljust(width)}   {what}" for keys, what in rows)


def _plain_box(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setIcon(QMessageBox.Icon.Information)
    return box


def about_box(parent: QWidget | None) -> QMessageBox:
    return _plain_box(parent, f"About {APP_TITLE}", about_text())


def shortcuts_box(window: QWidget) -> QMessageBox:
    """The keys of the window's actions (menus and fullscreen ones alike)."""
    box = _plain_box(window, "Keyboard shortcuts", shortcuts_text(window.actions()))
    # The system's fixed-pitch font: "monospace" is an alias only fontconfig knows.
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(box.font().pointSizeF())
    box.setFont(font)
    return box
