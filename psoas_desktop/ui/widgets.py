"""Small helpers every view uses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def plain_label(text: str, parent: QWidget | None = None, accessible: str = "") -> QLabel:
    """A label that shows text as it is: routine files are data, never rich text or links."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    if accessible:
        label.setAccessibleName(accessible)
    return label


def plain_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
              buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
              default: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok
              ) -> QMessageBox:
    """A message box that shows its text as it is: names and notes may hold markup."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(default)
    return box


def ask_plain(parent: QWidget | None, title: str, question: str) -> bool:
    """Yes or No, with No the default: the question may be about something that cannot be
    undone."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    box = plain_box(parent, QMessageBox.Icon.Question, title, question, yes | no, no)
    return box.exec() == yes
