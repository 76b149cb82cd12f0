"""install-desktop-entry: a valid entry and icons in the XDG data home, or one clear line."""

from __future__ import annotations

import os
import shlex
import sys
from configparser import ConfigParser
from pathlib import Path

import pytest

from psoas_desktop import APP_ID
from psoas_desktop.cli import main
from psoas_desktop.desktop_entry import (
    earlier_files,
    exec_line,
    install,
    launcher,
    quote_exec_argument,
    uninstall,
)

ENTRY = f"applications/{APP_ID}.desktop"


def read_entry(path: Path) -> dict[str, str]:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_installs_entry_and_icons_into_xdg_data_home(tmp_path: Path, monkeypatch,
                                                     capsys) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["install-desktop-entry"]) == 0
    entry_path = tmp_path / ENTRY
    entry = read_entry(entry_path)
    assert entry["Type"] == "Application" and entry["Name"] == "Psoas Desktop"
    # Under `uv run` the venv's own bin folder is on PATH, which a desktop session lacks.
    assert shlex.split(entry["Exec"]) == [sys.executable, "-m", "psoas_desktop"]
    assert "TryExec" not in entry
    assert entry["Icon"] == APP_ID
    png = tmp_path / f"icons/hicolor/256x256/apps/{APP_ID}.png"
    svg = tmp_path / f"icons/hicolor/scalable/apps/{APP_ID}.svg"
    assert png.read_bytes().startswith(b"\x89PNG") and b"<svg" in svg.read_bytes()
    metainfo = tmp_path / f"metainfo/{APP_ID}.metainfo.xml"
    assert f"<id>{APP_ID}</id>" in metainfo.read_text(encoding="utf-8")
    printed = capsys.readouterr().out
    assert str(entry_path) in printed and str(png) in printed


def test_the_exec_line_runs_the_app(tmp_path: Path, monkeypatch) -> None:
    import subprocess

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert install() == 0
    command = shlex.split(read_entry(tmp_path / ENTRY)["Exec"])
    result = subprocess.run([*command, "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "psoas-desktop" in result.stdout


def test_installing_twice_replaces_the_entry(tmp_path: Path) -> None:
    assert install(tmp_path) == 0
    assert install(tmp_path) == 0
    installed = sorted(p.name for p in (tmp_path / "applications").iterdir())
    assert installed == [f"{APP_ID}.desktop"]  # no temporary file left behind


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


def _path_with(monkeypatch, folder: Path) -> None:
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}/usr/bin{os.pathsep}/bin")


def test_a_command_on_path_that_runs_this_install_is_named_bare(tmp_path: Path,
                                                                monkeypatch) -> None:
    """pipx and uv tool link ~/.local/bin/psoas-desktop into their venv: Exec names only the
    command, so rebuilding or moving that venv leaves the entry working."""
    shims = tmp_path / "bin"
    shims.mkdir()
    ours = Path(sys.executable).parent / "psoas-desktop"
    assert ours.exists()
    (shims / "psoas-desktop").symlink_to(ours)
    _path_with(monkeypatch, shims)
    assert launcher() == "psoas-desktop"
    assert install(tmp_path / "share") == 0
    entry = read_entry(tmp_path / "share" / ENTRY)
    assert entry["Exec"] == "psoas-desktop" and entry["TryExec"] == "psoas-desktop"


def test_a_copied_script_whose_shebang_is_this_python_counts_as_ours(tmp_path: Path,
                                                                     monkeypatch) -> None:
    shims = tmp_path / "bin"
    shims.mkdir()
    script = shims / "psoas-desktop"
    script.write_text(f"#!{sys.executable}\nfrom psoas_desktop.cli import main\nmain()\n")
    script.chmod(0o755)
    _path_with(monkeypatch, shims)
    assert launcher() == "psoas-desktop"


def test_another_installation_on_path_is_not_trusted(tmp_path: Path, monkeypatch) -> None:
    shims = tmp_path / "bin"
    shims.mkdir()
    script = shims / "psoas-desktop"
    script.write_text("#!/opt/elsewhere/bin/python\n")
    script.chmod(0o755)
    _path_with(monkeypatch, shims)
    assert shlex.split(launcher()) == [sys.executable, "-m", "psoas_desktop"]


def test_uninstall_removes_all_it_installed_and_the_earlier_names(tmp_path: Path,
                                                                  capsys) -> None:
    assert install(tmp_path) == 0
    for old in earlier_files(tmp_path):  # what an earlier version left, under the old names
        old.write_text("old")
    assert uninstall(tmp_path) == 0
    left = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert left == []
    printed = capsys.readouterr().out
    assert printed.count("Removed ") == 7
    assert main(["--data-dir", str(tmp_path / "d"), "install-desktop-entry", "--uninstall"]) == 0
    assert "was not in your application menu" in capsys.readouterr().out


def test_installing_removes_entries_under_the_earlier_name(tmp_path: Path) -> None:
    for old in earlier_files(tmp_path):
        old.parent.mkdir(parents=True, exist_ok=True)
        old.write_text("old")
    assert install(tmp_path) == 0
    assert not any(old.exists() for old in earlier_files(tmp_path))


def test_the_command_says_plainly_it_is_for_xdg_desktops(monkeypatch, tmp_path: Path,
                                                         capsys) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["install-desktop-entry"]) == 1
    assert main(["install-desktop-entry", "--uninstall"]) == 1
    err = capsys.readouterr().err
    assert err.count("is for Linux and BSD desktops") == 2
    assert list(tmp_path.iterdir()) == []
