"""Import and export in the window: plain-text questions, the clash choice, file choosers.

Message boxes are told their text is plain: Qt would otherwise guess, and a routine's name from
a shared file could render as markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from psoas_desktop.core.routine_doc import RoutineDoc
from psoas_desktop.core.routine_file import RoutineFileError, read_document
from psoas_desktop.core.routine_share import Clash, ImportPlan, export_document, plan_import
from psoas_desktop.storage.routine_store import encode, write_atomically

FILES = "Routines files (*.json);;All files (*)"
Icon = QMessageBox.Icon
Button = QMessageBox.StandardButton


def plain_box(parent: QWidget | None, icon: Icon, title: str, text: str,
              details: str = "") -> QMessageBox:
    # One plain text: QMessageBox's informative text would still be guessed at as markup.
    box = QMessageBox(icon, title, "", Button.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(f"{text}\n\n{details}" if details else text)
    return box


def tell(parent: QWidget | None, title: str, text: str, details: str = "",
         icon: Icon = Icon.Warning) -> None:
    box = plain_box(parent, icon, title, text, details)
    box.addButton(Button.Ok)
    box.exec()


def ask_yes(parent: QWidget | None, title: str, text: str) -> bool:
    box = plain_box(parent, Icon.Question, title, text)
    box.addButton(Button.Yes)
    box.setDefaultButton(box.addButton(Button.No))
    return box.exec() == Button.Yes


def ask_clash(parent: QWidget | None, plan: ImportPlan) -> Clash | None:
    """Replace, keep both, or cancel (None) for ids already there."""
    box = plain_box(parent, Icon.Question, "Already there",
                    f"These are in your routines already: {plan.describe()}.",
                    "Replace puts the imported ones in their place. Keep both adds them "
                    "under new ids. Cancel imports nothing.")
    replace = box.addButton("&Replace", QMessageBox.ButtonRole.DestructiveRole)
    both = box.addButton("&Keep both", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton(Button.Cancel))
    box.exec()
    clicked = box.clickedButton()
    return Clash.REPLACE if clicked is replace else Clash.KEEP_BOTH if clicked is both else None


def read_shared(parent: QWidget | None, path: Path) -> dict[str, Any] | None:
    """A shared file, checked; its problems shown and None when refused."""
    try:
        return read_document(path)
    except RoutineFileError as exc:
        tell(parent, "Not imported", f"{path.name} cannot be imported.",
             "\n".join(exc.problems))
        return None


def choose_import(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "Import a routine", str(Path.home()), FILES)
    return Path(name) if name else None


def clash_choice(parent: QWidget | None, doc: RoutineDoc,
                 incoming: dict[str, Any]) -> tuple[bool, Clash | None]:
    """(go ahead, choice): a plan without clashes goes ahead with no choice needed."""
    plan = plan_import(doc, incoming)
    if not plan.clashes:
        return True, None
    choice = ask_clash(parent, plan)
    return choice is not None, choice


def export_routine(parent: QWidget | None, doc: RoutineDoc, routine_id: str,
                   path: Path | None = None) -> Path | None:
    """Write one routine to a file the user picks (the file dialog asks before replacing)."""
    if path is None:
        name, _ = QFileDialog.getSaveFileName(parent, "Export the routine",
                                              str(Path.home() / f"{routine_id}.json"), FILES)
        if not name:
            return None
        path = Path(name)
    if routine_id not in {r["id"] for r in doc.routines()}:
        doc = doc.copy()
        doc.duplicate(routine_id, keep_id=True)  # a built-in one, shared as it is
    try:
        write_atomically(path, encode(export_document(doc, routine_id)))
    except OSError as exc:
        tell(parent, "Not exported", f"{path} cannot be written: {exc.strerror or exc}")
        return None
    return path
