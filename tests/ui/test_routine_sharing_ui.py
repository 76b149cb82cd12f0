"""Export and import in the editor, plain-text questions, the library's text, and closing with
unsaved changes."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from psoas_desktop.cli import main
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.core.routine_share import Clash
from psoas_desktop.resources import builtin_routines
from psoas_desktop.storage.routine_store import RoutineStore
from psoas_desktop.ui import routine_sharing
from psoas_desktop.ui.exercise_library import exercise_text
from psoas_desktop.ui.routine_editor import RoutineEditor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def make_editor(qtbot):
    """Editors on folders of their own; unsaved edits are let go at the end, so closing them
    does not stop to ask."""
    made: list[RoutineEditor] = []

    def make(folder) -> RoutineEditor:
        editor = RoutineEditor(RoutineStore(folder / "routines.json", builtin_routines()))
        made.append(editor)
        return editor

    yield make
    for editor in made:  # closed here, not by qtbot, which would close them before this
        editor.undo_stack.setClean()
        editor.close()
        editor.deleteLater()


def test_export_from_one_editor_import_in_another(make_editor, tmp_path, monkeypatch):
    first = make_editor(tmp_path / "here")
    first.new_routine("Physio plan")
    first.form.add_exercise("glute-bridge")
    first.form.reps.setValue(14)
    assert first.save()
    shared = routine_sharing.export_routine(first, first.doc, "physio-plan",
                                            tmp_path / "plan.json")
    assert main(["validate", str(shared)]) == 0

    second = make_editor(tmp_path / "there")
    assert second.import_file(shared) == ["physio-plan"]
    assert second.save()
    routine = load_book(builtin_routines(), [tmp_path / "there" / "routines.json"]).get(
        "physio-plan")
    assert routine.exercises[0].reps.default == 14
    # Again: the id is taken, and the user picks keep both.
    asked = []
    monkeypatch.setattr(routine_sharing, "ask_clash",
                        lambda parent, plan: asked.append(plan) or Clash.KEEP_BOTH)
    assert second.import_file(shared) == ["physio-plan-2"]
    assert asked[0].routine_clashes == ["physio-plan"]
    # And cancel changes nothing.
    monkeypatch.setattr(routine_sharing, "ask_clash", lambda parent, plan: None)
    before = json.dumps(second.doc.data)
    assert second.import_file(shared) == []
    assert json.dumps(second.doc.data) == before


def test_a_refused_shared_file_is_told_not_imported(make_editor, tmp_path, monkeypatch):
    editor = make_editor(tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"routines": [{"id": "x", "name": "X", "exercises": []}]}))
    told = []
    monkeypatch.setattr(routine_sharing, "tell", lambda *args, **kw: told.append(args))
    assert editor.import_file(bad) == []
    assert "routines[0].exercises" in told[0][3]
    assert editor.undo_stack.count() == 0


def test_questions_are_plain_text(qtbot):
    box = routine_sharing.plain_box(None, QMessageBox.Icon.Question, "t", "<b>x</b>", "<i>y</i>")
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.text() == "<b>x</b>\n\n<i>y</i>"


def test_library_text_has_every_fact():
    book = load_book(builtin_routines(), [])
    slumpy = next(e for r in book.routines for e in r.exercises
                  if e.id == "standing-slumpy-psoas")
    text = exercise_text(slumpy)
    for part in ("Standing slumpy psoas", "holds, each side in turn", "sets 2-3", "reps 4-6",
                 "hold 5-10 s", "Equipment: a wall", "Steps\n1. ", "Cues\n- ", "Safety\n- "):
        assert part in text


class _Answer:
    """A message box that answers at once."""

    def __init__(self, answer):
        self.answer = answer

    def __call__(self, *args, **kwargs):
        return self

    def addButton(self, *args):
        return None

    def setDefaultButton(self, *args):
        pass

    def exec(self):
        return self.answer


def test_closing_with_unsaved_changes_asks(make_editor, tmp_path, monkeypatch):
    editor = make_editor(tmp_path)
    editor.show()
    editor.new_routine("Unsaved")
    editor.form.add_exercise("glute-bridge")
    monkeypatch.setattr(routine_sharing, "plain_box", _Answer(QMessageBox.StandardButton.Cancel))
    editor.reject()
    assert editor.isVisible()
    monkeypatch.setattr(routine_sharing, "plain_box", _Answer(QMessageBox.StandardButton.Save))
    editor.reject()
    assert not editor.isVisible()
    assert json.loads((tmp_path / "routines.json").read_text())["routines"][0]["name"] == \
        "Unsaved"
