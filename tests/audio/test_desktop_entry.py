"""install-desktop-entry: a valid entry and icons in the XDG data home, or one clear line."""

from __future__ import annotations

import os
import shlex
import sys
from configparser import ConfigParser
from pathlib import Path

import pytest

from psoas_desktop.cli import main
from psoas_desktop.desktop_entry import exec_line, install, quote_exec_argument


def read_entry(path: Path) -> dict[str, str]:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_installs_entry_and_icons_into_xdg_data_home(tmp_path: Path, monkeypatch,
                                                     capsys) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["install-desktop-entry"]) == 0
    entry_path = tmp_path / "applications" / "psoas-desktop.desktop"
    entry = read_entry(entry_path)
    assert entry["Type"] == "Application" and entry["Name"] == "Psoas Desktop"
    assert shlex.split(entry["Exec"]) == [sys.executable, "-m", "psoas_desktop"]
    assert entry["Icon"] == "psoas-desktop"
    png = tmp_path / "icons/hicolor/256x256/apps/psoas-desktop.png"
    svg = tmp_path / "icons/hicolor/scalable/apps/psoas-desktop.svg"
    assert png.read_bytes().startswith(b"\x89PNG") and b"<svg" in svg.read_bytes()
    printed = capsys.readouterr().out
    assert str(entry_path) in printed and str(png) in printed


def test_the_exec_line_runs_the_app(tmp_path: Path, monkeypatch) -> None:
    import subprocess

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert install() == 0
    command = shlex.split(read_entry(tmp_path / "applications/psoas-desktop.desktop")["Exec"])
    result = subprocess.run([*command, "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "psoas-desktop" in result.stdout


def test_installing_twice_replaces_the_entry(tmp_path: Path) -> None:
    assert install(tmp_path) == 0
    assert install(tmp_path) == 0
    installed = sorted(p.name for p in (tmp_path / "applications").iterdir())
    assert installed == ["psoas-desktop.desktop"]  # no temporary file left behind


def test_a_target_that_cannot_be_written_is_one_line_and_non_zero(tmp_path: Path, monkeypatch,
                                                                  capsys) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker / "share"))
    assert main(["install-desktop-entry"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("psoas-desktop: cannot install the desktop entry:")


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="root writes through read-only folders")
def test_a_read_only_folder_is_reported(tmp_path: Path, capsys) -> None:
    tmp_path.chmod(0o500)
    try:
        assert install(tmp_path / "share") == 1
    finally:
        tmp_path.chmod(0o700)
    assert "Permission denied" in capsys.readouterr().err


def test_exec_arguments_are_quoted_as_the_spec_asks() -> None:
    assert quote_exec_argument("/usr/bin/python3") == "/usr/bin/python3"
    assert quote_exec_argument("/home/a b/python") == '"/home/a b/python"'
    assert quote_exec_argument("/opt/50%/python") == "/opt/50%%/python"
    assert exec_line("/home/a b/python") == '"/home/a b/python" -m psoas_desktop'
