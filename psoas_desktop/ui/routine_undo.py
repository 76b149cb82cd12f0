"""Undo for the routine editor: each edit keeps the document as it was before and after.

A routines document is a few kilobytes, so whole copies are simpler and safer than a command
per kind of edit; an undone delete brings the routine back exactly, unknown keys and all.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from psoas_desktop.core.routine_doc import RoutineDoc


class _Snapshot(QUndoCommand):
    def __init__(self, doc: RoutineDoc, text: str, before: dict[str, Any],
                 after: dict[str, Any], refresh: Callable[[], None]) -> None:
        super().__init__(text)
        self._doc, self._before, self._after, self._refresh = doc, before, after, refresh
        self._first = True

    def redo(self) -> None:
        if self._first:  # push() runs redo once: the edit has been made already
            self._first = False
            return
        self._doc.data = copy.deepcopy(self._after)
        self._refresh()

    def undo(self) -> None:
        self._doc.data = copy.deepcopy(self._before)
        self._refresh()


class EditHistory:
    """Runs edits on a document, each as one step to undo."""

    def __init__(self, doc: RoutineDoc, stack: QUndoStack,
                 refresh: Callable[[], None]) -> None:
        self.doc, self.stack, self._refresh = doc, stack, refresh

    def edit(self, text: str, change: Callable[[RoutineDoc], object]) -> object:
        """Apply `change`; a change that raises leaves the document as it was."""
        before = copy.deepcopy(self.doc.data)
        try:
            result = change(self.doc)
        except Exception:
            self.doc.data = before
            raise
        if self.doc.data != before:
            self.stack.push(_Snapshot(self.doc, text, before, copy.deepcopy(self.doc.data),
                                      self._refresh))
        self._refresh()
        return result
