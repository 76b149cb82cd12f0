"""Where the routine editor's parts sit: routines and their buttons on the left, the routine's
form in the middle, the exercise library on the right, undo, redo, save and close below."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from psoas_desktop.ui.routine_editor import RoutineEditor


def lay_out(editor: RoutineEditor) -> None:
    left = QWidget(editor)
    column = QVBoxLayout(left)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(editor.routines, 1)
    for key, text in (("new", "&New routine"), ("duplicate", "D&uplicate"),
                      ("customise", "Make my own &version"), ("delete", "&Delete"),
                      ("reset", "Reset to &built-in"), ("import", "&Import…"),
                      ("export", "E&xport…")):
        column.addWidget(editor.add_button(key, text))
    right = QWidget(editor)
    side = QVBoxLayout(right)
    side.setContentsMargins(0, 0, 0, 0)
    side.addWidget(editor.library, 1)
    row = QHBoxLayout()
    row.addWidget(editor.add_button("add", "&Add to routine"))
    row.addWidget(editor.add_button("exercise", "New exer&cise…"))
    side.addLayout(row)
    split = QSplitter(editor)
    for widget in (left, editor.form, right):
        split.addWidget(widget)
    split.setSizes([260, 480, 460])
    bottom = QHBoxLayout()
    bottom.addWidget(editor.status, 1)
    undo = editor.undo_stack.createUndoAction(editor, "&Undo")
    redo = editor.undo_stack.createRedoAction(editor, "&Redo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    editor.addActions([undo, redo])
    for key, action, able in (("undo", undo, editor.undo_stack.canUndoChanged),
                              ("redo", redo, editor.undo_stack.canRedoChanged)):
        button = editor.add_button(key, key.capitalize())
        button.clicked.connect(action.trigger)
        able.connect(button.setEnabled)
        button.setEnabled(False)
        bottom.addWidget(button)
    bottom.addWidget(editor.add_button("save", "&Save"))
    bottom.addWidget(editor.add_button("close", "Close"))
    layout = QVBoxLayout(editor)
    layout.addWidget(split, 1)
    layout.addLayout(bottom)
