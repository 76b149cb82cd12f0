"""Questions asked before something that cannot be taken back: the safe answer is the default,
so Enter, Esc or a hurried click on the highlighted button never does the harm."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

YES_ROLE = QMessageBox.ButtonRole.DestructiveRole


def question_box(parent: QWidget | None, title: str, text: str, yes: str,
                 no: str) -> QMessageBox:
    """A question whose default (and Esc) answer is `no`."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    box.addButton(yes, YES_ROLE)
    keep = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the question may name a routine from a file
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    return box


def ask(parent: QWidget | None, title: str, text: str, yes: str, no: str) -> bool:
    """True only when the user picks `yes`."""
    box = question_box(parent, title, text, yes, no)
    box.exec()
    clicked = box.clickedButton()
    return clicked is not None and box.buttonRole(clicked) is YES_ROLE
