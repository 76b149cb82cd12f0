"""The routine editor in the window: a routine built from the library, reordered, given targets
and saved is a file that `validate` accepts and that loads to the same routine, and the start
page offers it at once; delete with undo, built-in replacement and reset, read-only on a broken
file, a question on a changed one."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from psoas_desktop.cli import main
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.resources import builtin_routines
from psoas_desktop.storage.paths import AppPaths
from psoas_desktop.ui import routine_saving
from psoas_desktop.ui.routine_editing import RoutineEditing

# Offscreen, windows have no stacking or size hints to pass on: nothing to do with the editor.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                       "This plugin does not support propagateSizeHints")


@pytest.fixture
def book():
    # A book of this test's own: saving fills the window's book again, in place.
    return load_book(builtin_routines(), [])


@pytest.fixture
def paths(tmp_path) -> AppPaths:
    return AppPaths(tmp_path / "cfg", tmp_path / "data")


@pytest.fixture
def editing(window, paths) -> RoutineEditing:
    return RoutineEditing(window, paths)


def _add(editor, qtbot, words: str) -> None:
    editor.library.search.setText(words)
    qtbot.mouseClick(editor.buttons["add"], Qt.MouseButton.LeftButton)


def _build_morning(editor, qtbot) -> str:
    editor.new_routine("Morning")  # what the New routine button does once a name is given
    form = editor.form
    form.name.selectAll()
    qtbot.keyClicks(form.name, "My morning routine")  # renamed: the id stays
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    for words in ("glute bridge", "clamshell", "slumpy"):
        _add(editor, qtbot, words)
    # Slumpy psoas is last and chosen: Ctrl+Up twice takes it to the top.
    form.list.setFocus()
    qtbot.keyClick(form.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(form.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert form.list.currentRow() == 0
    form.sets.setValue(3)
    form.reps.setValue(6)
    form.hold.setValue(8)
    form.high.setValue(5)
    return editor.current()[0]


def test_build_save_validate_and_start_it(window, editing, paths, qtbot, capsys):
    shared_book = window.book  # the history view holds this very object
    editor = editing.open_editor()
    routine_id = _build_morning(editor, qtbot)
    assert routine_id == "morning"
    qtbot.mouseClick(editor.buttons["save"], Qt.MouseButton.LeftButton)
    assert main(["validate", str(paths.user_routines)]) == 0
    assert "valid: 1 routine, 3 exercises (3 built-in)" in capsys.readouterr().out
    routine = load_book(builtin_routines(), [paths.user_routines]).get(routine_id)
    assert routine.name == "My morning routine"
    assert [e.id for e in routine.exercises] == [
        "standing-slumpy-psoas", "glute-bridge", "side-lying-clamshell"]
    slumpy = routine.exercises[0]
    assert (slumpy.sets.default, slumpy.reps.default, slumpy.hold.default) == (3, 6, 8)
    assert (routine.frequency.min_per_week, routine.frequency.max_per_week) == (2, 5)
    # The start page offers the saved routine at once, with the targets set in the editor.
    assert window.start_panel.routine().id == routine_id
    assert window.book is shared_book and shared_book.get(routine_id) == routine
    row = window.start_panel.rows["standing-slumpy-psoas"].target()
    assert (row.sets, row.reps, row.hold) == (3, 6, 8)
    assert editor.buttons["save"].isEnabled() is False


def test_drag_reorder_is_followed_by_the_document(editing, qtbot):
    editor = editing.open_editor()
    routine_id = _build_morning(editor, qtbot)
    model = editor.form.list.model()
    model.moveRows(QModelIndex(), 2, 1, QModelIndex(), 0)  # what a drop of the last row does
    qtbot.waitUntil(lambda: editor.doc.items(routine_id)[0] == "side-lying-clamshell")
    assert [i if isinstance(i, str) else i["exercise"] for i in
            editor.doc.items(routine_id)] == [
        "side-lying-clamshell", "standing-slumpy-psoas", "glute-bridge"]


def test_delete_then_undo_brings_it_back(editing, qtbot):
    editor = editing.open_editor()
    routine_id = _build_morning(editor, qtbot)
    before = json.dumps(editor.doc.data)
    qtbot.mouseClick(editor.buttons["delete"], Qt.MouseButton.LeftButton)
    assert routine_id not in {r["id"] for r in editor.doc.routines()}
    assert "Undo" in editor.status.text()
    qtbot.mouseClick(editor.buttons["undo"], Qt.MouseButton.LeftButton)
    assert json.dumps(editor.doc.data) == before
    listed = [editor.routines.item(r).data(Qt.ItemDataRole.UserRole)
              for r in range(editor.routines.count())]
    assert listed[0] == routine_id


def test_own_version_of_a_builtin_says_so_and_resets(editing, paths, qtbot):
    editor = editing.open_editor()
    editor.select("psoas-stretch")
    assert editor.buttons["delete"].isEnabled() is False
    qtbot.mouseClick(editor.buttons["customise"], Qt.MouseButton.LeftButton)
    assert editor.routines.currentItem().text().endswith("(replaces the built-in)")
    assert editor.form.replaces.isVisibleTo(editor)
    assert "replaces the built-in" in editor.form.replaces.text()
    qtbot.mouseClick(editor.form.remove, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.buttons["save"], Qt.MouseButton.LeftButton)
    assert len(editing.window.book.get("psoas-stretch").exercises) == 5
    editor.select("psoas-stretch")
    qtbot.mouseClick(editor.buttons["reset"], Qt.MouseButton.LeftButton)
    assert editor.routines.currentItem().text().endswith("(built-in)")
    qtbot.mouseClick(editor.buttons["save"], Qt.MouseButton.LeftButton)
    assert len(editing.window.book.get("psoas-stretch").exercises) == 6


def test_broken_file_is_read_only_and_kept(editing, paths, qtbot):
    paths.config_dir.mkdir()
    paths.user_routines.write_text('{"routines": [\n  oops\n]}')
    editor = editing.open_editor()
    assert editor.read_only
    assert "line 2" in editor.status.text() and str(paths.user_routines) in editor.status.text()
    assert not editor.buttons["new"].isEnabled() and not editor.buttons["save"].isEnabled()
    assert editor.save() is False
    assert paths.user_routines.read_text() == '{"routines": [\n  oops\n]}'


def test_changed_on_disk_asks_first(editing, paths, qtbot, monkeypatch):
    editor = editing.open_editor()
    _build_morning(editor, qtbot)
    paths.config_dir.mkdir(exist_ok=True)
    paths.user_routines.write_text(json.dumps({"routines": []}))  # written meanwhile
    asked = []
    monkeypatch.setattr(routine_saving, "ask_yes", lambda *a: asked.append(a[2]) or False)
    assert editor.save() is False
    assert "changed since" in asked[0]
    assert json.loads(paths.user_routines.read_text()) == {"routines": []}
    monkeypatch.setattr(routine_saving, "ask_yes", lambda *a: True)
    assert editor.save() is True
    assert json.loads(paths.user_routines.with_name("routines.json.bak").read_text()) == {
        "routines": []}


def test_new_exercise_is_checked_then_added(editing, qtbot, monkeypatch):
    from psoas_desktop.ui.exercise_form import ExerciseForm

    editor = editing.open_editor()
    form = ExerciseForm(editor.history, editor)
    qtbot.addWidget(form)
    form.name.setText("Wall sit")
    form.kind.setCurrentIndex(form.kind.findData("hold"))
    form.hold_low.setValue(40)
    form.hold_high.setValue(20)
    form.accept()
    assert "hold.min: 40 is more than max 20" in form.error.text()
    form.hold_high.setValue(60)
    form.texts["steps"].setPlainText("Back to the wall.\n\nSlide down.")
    form.accept()
    assert form.defined == "wall-sit"
    assert editor.doc.exercises()[0]["steps"] == ["Back to the wall.", "Slide down."]
    editor.library.set_library(editor.doc.exercise_library(), editor.doc.user_exercise_ids())
    editor.library.search.setText("wall sit")
    assert editor.library.visible_ids() == ["wall-sit"]
    assert "Slide down." in editor.library.details.toPlainText()


def test_dropping_a_shared_file_on_the_window_imports_it(window, editing, paths, tmp_path,
                                                        qtbot):
    shared = tmp_path / "from-physio.json"
    shared.write_text(json.dumps({"routines": [{"id": "physio-plan", "name": "<b>Physio</b>",
                                                "exercises": ["glute-bridge"]}]}))
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(shared))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()  # the window takes the file
    drop = QDropEvent(QPointF(QPoint(50, 50)), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    # Qt hands a drop only to the target of a drag in progress, which a test cannot start;
    # the window's filter is given the drop as Qt would.
    assert editing.eventFilter(window, drop) is True
    assert window.book.get("physio-plan") is not None
    assert window.start_panel.routine().id == "physio-plan"
    assert window.start_panel.picker.currentText() == "<b>Physio</b>"  # shown as it is
    assert main(["validate", str(paths.user_routines)]) == 0
