"""The command line for exercises and sharing: list them, export one routine, import it on a
fresh config folder, and a clash that refuses until the user says replace or keep both."""

from __future__ import annotations

import json

import pytest

from psoas_desktop.cli import main
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.resources import builtin_routines

MINE = {"exercises": [{"id": "wall-sit", "name": "Wall sit", "kind": "hold", "per_side": False,
                       "hold": {"min": 20, "max": 60}, "equipment": ["a wall"]}],
        "routines": [{"id": "my-morning-routine", "name": "My morning routine", "exercises": [
            "wall-sit", {"exercise": "glute-bridge", "sets": 3, "reps": 12}]}]}


@pytest.fixture
def config(tmp_path):
    folder = tmp_path / "config"
    folder.mkdir()
    (folder / "routines.json").write_text(json.dumps(MINE))
    return folder


def test_exercises_lists_builtin_and_mine(config, capsys):
    assert main(["--config-dir", str(config), "exercises"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:4] == ["ID", "NAME", "KIND", "SIDES"]
    wall = next(line for line in lines if line.startswith("wall-sit "))
    assert "20-60 s" in wall and "a wall" in wall and "both together" in wall
    bridge = next(line for line in lines if line.startswith("glute-bridge "))
    assert "2-3 sets, 10-15 reps" in bridge


def test_exercises_json(config, capsys):
    assert main(["--config-dir", str(config), "exercises", "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert len(rows) == 13
    assert rows["wall-sit"]["yours"] is True and rows["glute-bridge"]["yours"] is False
    assert rows["side-lying-clamshell"]["sides"] == "each side"
    assert rows["wall-sit"]["hold_seconds"] == {"min": 20, "max": 60, "default": 20}


def test_export_then_import_on_a_fresh_folder(config, tmp_path, capsys):
    shared = tmp_path / "share.json"
    assert main(["--config-dir", str(config), "export-routine", "my-morning-routine",
                 str(shared)]) == 0
    assert main(["validate", str(shared)]) == 0
    fresh = tmp_path / "other"
    assert main(["--config-dir", str(fresh), "import", str(shared)]) == 0
    book = load_book(builtin_routines(), [fresh / "routines.json"])
    routine = book.get("my-morning-routine")
    assert [e.id for e in routine.exercises] == ["wall-sit", "glute-bridge"]
    assert routine.exercises[1].reps.default == 12
    # Exported twice to the same file: refused without --force.
    assert main(["--config-dir", str(config), "export-routine", "my-morning-routine",
                 str(shared)]) == 1
    assert "--force" in capsys.readouterr().err


def test_import_clash_refuses_then_obeys(config, tmp_path, capsys):
    shared = tmp_path / "share.json"
    changed = json.loads(json.dumps(MINE))
    changed["routines"][0]["name"] = "Morning, from the physio"
    shared.write_text(json.dumps(changed))
    before = (config / "routines.json").read_text()
    assert main(["--config-dir", str(config), "import", str(shared)]) == 1
    err = capsys.readouterr().err
    assert "my-morning-routine" in err and "--replace" in err and "--keep-both" in err
    assert (config / "routines.json").read_text() == before
    assert main(["--config-dir", str(config), "import", str(shared), "--keep-both"]) == 0
    names = [r["name"] for r in json.loads((config / "routines.json").read_text())["routines"]]
    assert names == ["My morning routine", "Morning, from the physio (imported)"]
    assert main(["--config-dir", str(config), "import", str(shared), "--replace"]) == 0
    names = [r["name"] for r in json.loads((config / "routines.json").read_text())["routines"]]
    assert names == ["Morning, from the physio", "Morning, from the physio (imported)"]


def test_import_refuses_into_a_broken_file(config, tmp_path, capsys):
    (config / "routines.json").write_text("{ broken")
    shared = tmp_path / "share.json"
    shared.write_text(json.dumps(MINE))
    assert main(["--config-dir", str(config), "import", str(shared)]) == 1
    assert "line 1" in capsys.readouterr().err
    assert (config / "routines.json").read_text() == "{ broken"


def test_export_a_builtin_routine(config, tmp_path):
    shared = tmp_path / "strength.json"
    assert main(["--config-dir", str(config), "export-routine", "psoas-strength",
                 str(shared)]) == 0
    data = json.loads(shared.read_text())
    assert data["exercises"] == [] and data["routines"][0]["id"] == "psoas-strength"
