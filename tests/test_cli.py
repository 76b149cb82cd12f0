"""The command line: listings, plans, validation, and one-line errors instead of tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from psoas_desktop.cli import main
from psoas_desktop.core.durations import duration_text
from psoas_desktop.resources import builtin_routines


@pytest.fixture
def dirs(tmp_path):
    return ["--config-dir", str(tmp_path / "config"), "--data-dir", str(tmp_path / "data")]


def test_routines_lists_id_name_count_and_length(dirs, capsys) -> None:
    assert main([*dirs, "routines"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "NAME", "EXERCISES", "LENGTH"]
    strength = next(line for line in lines if line.startswith("psoas-strength "))
    assert strength.split()[-2:] == ["5", "12:27"]


def test_plan_json_sums_to_total(dirs, capsys) -> None:
    assert main([*dirs, "plan", "strength-then-stretch", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["routine"] == "strength-then-stretch"
    assert data["total_seconds"] == sum(step["seconds"] for step in data["steps"]) == 1371
    kinds = {step["kind"] for step in data["steps"]}
    assert kinds == {"prepare", "work", "hold", "rest", "switch"}
    assert {step["side"] for step in data["steps"]} == {"left", "right", None}


def test_plan_text_lists_every_step(dirs, capsys) -> None:
    assert main([*dirs, "plan", "psoas-strength"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("136 steps, 12:27")
    assert len(out) == 1 + 136
    assert "Switch sides" in out[3] and "right" in out[3]


def test_unknown_routine_is_one_line(dirs, capsys) -> None:
    assert main([*dirs, "plan", "yoga"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no routine 'yoga'" in err and "psoas-strength" in err


@pytest.mark.parametrize("argv", [["--bogus"], ["plan"], ["history"], ["history", "list",
                                                                         "--limit", "x"]])
def test_usage_mistakes_are_one_line(dirs, capsys, argv) -> None:
    assert main([*dirs, *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("psoas-desktop: error: ") and err.count("\n") == 1


def test_validate_good_and_bad(tmp_path, capsys) -> None:
    assert main(["validate", str(builtin_routines())]) == 0
    assert "valid: 3 routines, 12 exercises" in capsys.readouterr().out
    bad = tmp_path / "bad.json"
    bad.write_text('{"routines": [{"id": "r", "name": "R", "exercises": ["nope"]}]}')
    assert main(["validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == f"{bad}: routines[0].exercises[0]: no exercise has the id 'nope'"


def test_validate_missing_file(tmp_path, capsys) -> None:
    assert main(["validate", str(tmp_path / "none.json")]) == 1
    assert "cannot be read" in capsys.readouterr().err


def test_a_broken_user_file_is_reported_and_builtins_still_listed(tmp_path, capsys) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "routines.json").write_text("{ not json")
    assert main(["--config-dir", str(config), "routines"]) == 0
    captured = capsys.readouterr()
    assert "psoas-stretch" in captured.out
    assert f"refused: {config / 'routines.json'}: line 1 column 3" in captured.err


def test_routines_option_adds_a_file_or_says_it_is_missing(dirs, tmp_path, capsys) -> None:
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps({"routines": [{"id": "bridges", "name": "Bridges only",
                                               "exercises": ["glute-bridge"]}]}))
    assert main([*dirs, "--routines", str(extra), "routines"]) == 0
    assert "Bridges only" in capsys.readouterr().out
    assert main([*dirs, "--routines", str(tmp_path / "gone.json"), "routines"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_module_entry_point_runs() -> None:
    result = subprocess.run([sys.executable, "-m", "psoas_desktop", "plan", "psoas-stretch"],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0 and "14:26" in result.stdout.splitlines()[0]


@pytest.mark.parametrize(("seconds", "text"), [(0, "0:00"), (59.6, "1:00"), (767, "12:47"),
                                                (3725, "1:02:05")])
def test_duration_text(seconds, text) -> None:
    assert duration_text(seconds) == text
