"""Small helpers every view uses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str, parent: QWidget | None = None, accessible: str = "") -> QLabel:
    """A label that shows text as it is: routine files are data, never rich text or links."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    if accessible:
        label.setAccessibleName(accessible)
    return label
