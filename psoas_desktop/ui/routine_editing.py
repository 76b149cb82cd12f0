"""The Routines menu of the main window: the editor, the exercise library, import and export,
and a routines file dropped on the window. After each save the window's routines are loaded
again, so the start page shows what was saved. The editor, the library and the sharing boxes
are imported when first opened: the menu alone is on the start-up path.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QVBoxLayout

from psoas_desktop.core.routine_doc import RoutineDoc
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.core.routines import Target
from psoas_desktop.resources import builtin_routines
from psoas_desktop.storage.paths import AppPaths
from psoas_desktop.storage.routine_store import RoutineStore

if TYPE_CHECKING:
    from psoas_desktop.ui.main_window import MainWindow
    from psoas_desktop.ui.routine_editor import RoutineEditor

STATUS_MS = 10_000  # how long the status line tells of an import or export


class RoutineEditing(QObject):
    def __init__(self, window: MainWindow, paths: AppPaths,
                 extra: Sequence[Path] = ()) -> None:
        super().__init__(window)
        self.window = window
        self.store = RoutineStore(paths.user_routines, builtin_routines())
        self.extra = list(extra)
        self.editor: RoutineEditor | None = None
        self._known: dict[str, Any] | None = None  # read when first needed: not at start-up
        self.menu = QMenu("&Routines", window)
        self.actions = {}
        for key, text, keys, slot in (
                ("edit", "&Edit your routines…", "Ctrl+E", self.open_editor),
                ("library", "Exercise &library…", "Ctrl+L", self.open_library),
                ("import", "&Import a routine…", "Ctrl+I", lambda: self.import_file()),
                ("export", "E&xport the chosen routine…", "", lambda: self.export_chosen())):
            action = QAction(text, window)
            if keys:
                action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            window.addAction(action)  # shortcuts work in fullscreen too
            self.menu.addAction(action)
            self.actions[key] = action
        bar = window.menuBar()
        menus = bar.actions()
        if menus:  # before Help, which stays last
            bar.insertMenu(menus[-1], self.menu)
        else:
            bar.addMenu(self.menu)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def _remember(self) -> None:
        """The routines as on disk, to tell after a save which ones changed."""
        if self._known is None:
            doc = self.store.open().doc
            self._known = copy.deepcopy({r["id"]: r for r in doc.routines()}) if doc else {}

    # --- the menu -----------------------------------------------------------------------------

    def open_editor(self) -> RoutineEditor:
        """The editor, open and not modal, so tests and the user can keep the window in view."""
        from psoas_desktop.ui.routine_editor import RoutineEditor

        self._remember()
        if self.editor is None or not self.editor.isVisible():
            self.editor = RoutineEditor(self.store, self.reload, self.window)
            chosen = self.window.controller.routine
            if chosen is not None:
                self.editor.select(chosen.id)
        self.editor.show()
        self.editor.raise_()
        return self.editor

    def open_library(self) -> QDialog:
        from psoas_desktop.ui.exercise_library import ExerciseLibrary

        dialog = QDialog(self.window)
        dialog.setWindowTitle("Exercise library")
        library = ExerciseLibrary(dialog)
        opened = self.store.open()
        doc = opened.doc or RoutineDoc.empty(self.store.builtin())
        library.set_library(doc.exercise_library(), doc.user_exercise_ids())
        QVBoxLayout(dialog).addWidget(library)
        dialog.resize(640, 620)
        dialog.show()
        return dialog

    def import_file(self, path: Path | None = None) -> list[str]:
        """Import into the user's file and save at once, asking on any clash."""
        from psoas_desktop.core.routine_share import apply_import
        from psoas_desktop.ui import routine_sharing as sharing
        from psoas_desktop.ui.routine_saving import save_asking

        if self.editor is not None and self.editor.isVisible():
            return self.editor.import_file(path)  # one document being edited at a time
        self._remember()
        opened = self.store.open()
        if opened.doc is None:
            assert opened.error is not None
            sharing.tell(self.window, "Not imported", "Your routines file has a problem, so "
                         "nothing is added to it:", "\n".join(opened.error.problems))
            return []
        path = path or sharing.choose_import(self.window)
        incoming = sharing.read_shared(self.window, path) if path else None
        if incoming is None:
            return []
        go, clash = sharing.clash_choice(self.window, opened.doc, incoming)
        if not go:
            return []
        ids = apply_import(opened.doc, incoming, clash)
        if save_asking(self.window, self.store, opened.doc, opened.fingerprint) is None:
            return []
        self.reload(opened.doc, ids[0] if ids else None)
        self.window.status_line.flash(f"Imported {', '.join(ids)}", STATUS_MS)
        return ids

    def export_chosen(self, path: Path | None = None) -> Path | None:
        from psoas_desktop.ui import routine_sharing as sharing

        routine = self.window.controller.routine
        opened = self.store.open()
        if routine is None:
            return None
        doc = opened.doc or RoutineDoc.empty(self.store.builtin())
        written = sharing.export_routine(self.window, doc, routine.id, path)
        if written is not None:
            self.window.status_line.flash(f"Exported {routine.name} to {written}", STATUS_MS)
        return written

    # --- after a save -------------------------------------------------------------------------

    def reload(self, doc: RoutineDoc, show: str | None = None) -> None:
        """Load the routines again; edited routines start at their new targets."""
        book = load_book(builtin_routines(), [self.store.path, *self.extra])
        known = self._known or {}
        changed = {r["id"] for r in doc.routines() if known.get(r["id"]) != r}
        self._known = copy.deepcopy({r["id"]: r for r in doc.routines()})
        for routine in book.routines:
            if routine.id in changed:
                self.window.settings.set_targets(
                    routine.id, {e.id: Target.default_for(e) for e in routine.exercises})
        if show is None and self.editor is not None:
            show, mine = self.editor.current()
            show = show if mine else None
        current = self.window.controller.routine
        show = show or (current.id if current else None)
        # The same book, filled again: the history view and its plots hold it too.
        shared = self.window.book
        shared.routines[:], shared.rests, shared.problems = book.routines, book.rests, book.problems
        self.window.offer_routines(show)

    # --- a file dropped on the window ---------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragMoveEvent)
            if any(url.isLocalFile() for url in event.mimeData().urls()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            paths = [Path(url.toLocalFile()) for url in event.mimeData().urls()
                     if url.isLocalFile()]
            event.acceptProposedAction()
            for path in paths:
                self.import_file(path)
            return True
        return super().eventFilter(watched, event)
