"""The routine editor: the user's routines and the built-in ones, one routine's details, and the
exercise library to add from. Nothing reaches the disk until Save, and every edit can be undone.

A broken routines file opens read-only with its error, so the user can mend it by hand; the
editor never writes over it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from psoas_desktop.core.routine_doc import EditError, RoutineDoc
from psoas_desktop.core.routine_share import apply_import
from psoas_desktop.storage.routine_store import RoutineStore
from psoas_desktop.ui import routine_sharing as sharing
from psoas_desktop.ui.exercise_form import ExerciseForm
from psoas_desktop.ui.exercise_library import ExerciseLibrary
from psoas_desktop.ui.routine_editor_layout import lay_out
from psoas_desktop.ui.routine_form import RoutineForm
from psoas_desktop.ui.routine_saving import save_asking
from psoas_desktop.ui.routine_undo import EditHistory
from psoas_desktop.ui.widgets import plain_label

ID_ROLE, MINE_ROLE = Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 1


class RoutineEditor(QDialog):
    def __init__(self, store: RoutineStore, saved: Callable[[RoutineDoc], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Your routines")
        self.setAcceptDrops(True)
        self.store, self._saved = store, saved
        opened = store.open()
        self.read_only = opened.read_only
        self.fingerprint = opened.fingerprint
        self.doc = opened.doc or RoutineDoc.empty(store.builtin(), store.path)
        self.undo_stack = QUndoStack(self)
        self.history = EditHistory(self.doc, self.undo_stack, self.refresh)
        self.routines = QListWidget(self)
        self.routines.setAccessibleName("Routines")
        self.form = RoutineForm(self.history, self)
        self.library = ExerciseLibrary(self)
        self.status = plain_label("", self, "Status")
        self.status.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        lay_out(self)
        self._connect()
        if opened.error is not None:
            self.status.setText("Your routines file has a problem, so it is shown read-only and "
                                "left as it is. Mend it in a text editor, then open this again."
                                "\n" + "\n".join(opened.error.problems))
        self.refresh()
        self.resize(1200, 720)

    def add_button(self, key: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)  # Enter in the name field renames, and presses nothing
        self.buttons[key] = button
        return button

    def _connect(self) -> None:
        b = self.buttons
        b["new"].clicked.connect(self._ask_new_routine)
        b["duplicate"].clicked.connect(lambda: self._routine_edit("Duplicate", False))
        b["customise"].clicked.connect(lambda: self._routine_edit("Own version", True))
        b["delete"].clicked.connect(self.delete_routine)
        b["reset"].clicked.connect(self.delete_routine)
        b["import"].clicked.connect(lambda: self.import_file())
        b["export"].clicked.connect(self.export_current)
        b["add"].clicked.connect(self._add_current)
        b["exercise"].clicked.connect(self.new_exercise)
        b["save"].clicked.connect(lambda: self.save())
        b["close"].clicked.connect(self.reject)
        self.library.exerciseActivated.connect(self.form.add_exercise)
        self.routines.currentItemChanged.connect(lambda *_: self._show_current())
        self.form.problem.connect(self.status.setText)
        self.undo_stack.indexChanged.connect(lambda _: self.status.setText(""))  # said, done
        self.undo_stack.cleanChanged.connect(lambda clean: b["save"].setEnabled(
            not clean and not self.read_only))

    # --- showing ------------------------------------------------------------------------------

    def current(self) -> tuple[str | None, bool]:
        item = self.routines.currentItem()
        return (None, False) if item is None else (item.data(ID_ROLE), item.data(MINE_ROLE))

    def select(self, routine_id: str | None) -> None:
        for row in range(self.routines.count()):
            if self.routines.item(row).data(ID_ROLE) == routine_id:
                self.routines.setCurrentRow(row)
                return

    def refresh(self) -> None:
        current, _ = self.current()
        self.routines.blockSignals(True)
        self.routines.clear()
        mine = [r["id"] for r in self.doc.routines()]
        for routine in self.doc.routines():
            note = " (replaces the built-in)" if self.doc.replaces_builtin(routine["id"]) else ""
            self._add_row(routine["id"], f"{routine['name']}{note}", True)
        for routine in self.doc.builtin.get("routines", []):
            if routine["id"] not in mine:
                self._add_row(routine["id"], f"{routine['name']} (built-in)", False)
        self.routines.blockSignals(False)
        self.select(current)
        if self.routines.currentRow() < 0 and self.routines.count():
            self.routines.setCurrentRow(0)
        try:
            self.library.set_library(self.doc.exercise_library(), self.doc.user_exercise_ids())
        except Exception as exc:  # a hand-made exercise the loader refuses: shown, not hidden
            self.status.setText(str(exc))
        self._show_current()

    def _add_row(self, routine_id: str, text: str, mine: bool) -> None:
        item = QListWidgetItem(text)
        item.setData(ID_ROLE, routine_id)
        item.setData(MINE_ROLE, mine)
        self.routines.addItem(item)

    def _show_current(self) -> None:
        routine_id, mine = self.current()
        editable = mine and not self.read_only
        self.form.show_routine(routine_id, editable)
        b = self.buttons
        builtin = routine_id is not None and self.doc.replaces_builtin(routine_id)
        for key, on in (("duplicate", routine_id is not None), ("customise", not mine),
                        ("delete", mine and not builtin), ("reset", mine and builtin),
                        ("export", routine_id is not None), ("add", editable),
                        ("new", True), ("import", True), ("exercise", True)):
            b[key].setEnabled(on and (not self.read_only or key == "export"))
        b["save"].setEnabled(not self.undo_stack.isClean() and not self.read_only)

    # --- editing ------------------------------------------------------------------------------

    def _edit(self, text: str, change: Callable[[RoutineDoc], object]) -> object:
        try:
            return self.history.edit(text, change)
        except EditError as exc:
            self.status.setText(str(exc))
            return None

    def _ask_new_routine(self) -> None:
        # The name comes first: the routine's id is made from it and then stays.
        name, ok = QInputDialog.getText(self, "New routine", "Name of the new routine:",
                                        text="My routine")
        if ok and name.strip():
            self.new_routine(name.strip()[:120])

    def new_routine(self, name: str = "My routine") -> None:
        created = self._edit("New routine", lambda d: d.new_routine(name))
        self.select(str(created))
        self.form.name.setFocus()
        self.form.name.selectAll()

    def _routine_edit(self, text: str, keep_id: bool) -> None:
        routine_id, _ = self.current()
        if routine_id is not None:
            made = self._edit(text, lambda d: d.duplicate(routine_id, keep_id))
            self.select(str(made) if made else routine_id)

    def delete_routine(self) -> None:
        routine_id, mine = self.current()
        if routine_id is None or not mine:
            return
        builtin = self.doc.replaces_builtin(routine_id)
        self._edit("Reset to built-in" if builtin else "Delete",
                   lambda d: d.delete_routine(routine_id))
        self.select(routine_id if builtin else None)
        self.status.setText("Deleted; Undo (Ctrl+Z) brings it back. Nothing is saved until "
                            "Save.")

    def _add_current(self) -> None:
        exercise_id = self.library.current_id()
        if exercise_id:
            self.form.add_exercise(exercise_id)

    def new_exercise(self) -> None:
        form = ExerciseForm(self.history, self)
        if form.exec() and form.defined:
            self.library.select(form.defined)

    def import_file(self, path: Path | None = None) -> list[str]:
        path = path or sharing.choose_import(self)
        incoming = sharing.read_shared(self, path) if path else None
        if incoming is None:
            return []
        go, clash = sharing.clash_choice(self, self.doc, incoming)
        if not go:
            return []
        ids = self._edit("Import", lambda d: apply_import(d, incoming, clash))
        if isinstance(ids, list) and ids:
            self.select(ids[0])
            self.status.setText(f"Imported {', '.join(ids)}; Save keeps it.")
            return ids
        return []

    def export_current(self) -> None:
        routine_id, _ = self.current()
        if routine_id is not None:
            written = sharing.export_routine(self, self.doc, routine_id)
            if written:
                self.status.setText(f"Exported to {written}")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and not self.read_only:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.import_file(Path(url.toLocalFile()))
        event.acceptProposedAction()

    # --- saving -------------------------------------------------------------------------------

    def reject(self) -> None:
        """Close; unsaved changes are asked about first."""
        if not self.undo_stack.isClean() and not self.read_only:
            box = sharing.plain_box(self, sharing.Icon.Question, "Unsaved changes",
                                    "Save your changes to your routines before closing?")
            box.addButton(sharing.Button.Save)
            box.addButton(sharing.Button.Discard)
            box.setDefaultButton(box.addButton(sharing.Button.Cancel))
            answer = box.exec()
            if answer == sharing.Button.Cancel or (answer == sharing.Button.Save
                                                   and not self.save()):
                return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reject()
        event.ignore() if self.isVisible() else event.accept()

    def save(self) -> bool:
        if self.read_only:
            return False
        fingerprint = save_asking(self, self.store, self.doc, self.fingerprint)
        if fingerprint is None:
            return False
        self.fingerprint = fingerprint
        self.undo_stack.setClean()
        self.status.setText(f"Saved to {self.store.path}")
        if self._saved is not None:
            self._saved(self.doc)
        return True
