"""The wheel, installed like any other app outside the checkout: what it ships, and that it runs
with nothing from the source tree and no stray file in site-packages standing in for its data."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import psoas_desktop

ROOT = Path(__file__).resolve().parents[2]
UV = shutil.which("uv")
pytestmark = pytest.mark.skipif(UV is None, reason="uv builds and installs the wheel")
BUILT_IN = ("psoas-strength", "psoas-stretch", "strength-then-stretch")


def _run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None,
         timeout: float = 600) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True,
                            text=True, timeout=timeout)
    assert result.returncode == 0, f"{command}: {result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    assert UV is not None
    _run(UV, "build", "--wheel", "--quiet", "--out-dir", out, ROOT, cwd=out)
    (built,) = out.glob("psoas_desktop-*.whl")
    return built


def _clean_env(home: Path) -> dict[str, str]:
    """No PYTHONPATH or virtualenv of the checkout leaks into the installed app."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), QT_QPA_PLATFORM="offscreen",
               PATH=os.pathsep.join([str(home / "bin"), "/usr/local/bin", "/usr/bin", "/bin"]))
    return env


def test_the_wheel_ships_the_data_and_not_the_tools(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    data = "psoas_desktop/data/"
    for shipped in ("routines.json", "routines.schema.json", "assets/start.wav",
                    f"assets/{psoas_desktop.APP_ID}.desktop",
                    f"assets/{psoas_desktop.APP_ID}.metainfo.xml",
                    f"assets/{psoas_desktop.APP_ID}.svg", f"assets/{psoas_desktop.APP_ID}.png"):
        assert data + shipped in names
    assert not [n for n in names if n.startswith(("tools/", "tests/", "bench/"))]
    assert not [n for n in names if "make_sounds" in n or "make_icon" in n]
    dist_info = f"psoas_desktop-{psoas_desktop.__version__}.dist-info/"
    assert dist_info + "licenses/LICENSE" in names
    metadata = zipfile.ZipFile(wheel).read(dist_info + "METADATA").decode()
    assert f"Version: {psoas_desktop.__version__}\n" in metadata
    assert "License-Expression: GPL-3.0-or-later" in metadata
    assert "Project-URL: Homepage" in metadata
    entry_points = zipfile.ZipFile(wheel).read(dist_info + "entry_points.txt").decode()
    assert "[gui_scripts]" in entry_points and "[console_scripts]" in entry_points


def _entry_exec(data_home: Path) -> list[str]:
    text = (data_home / "applications" / f"{psoas_desktop.APP_ID}.desktop").read_text()
    (line,) = [line for line in text.splitlines() if line.startswith("Exec=")]
    return shlex.split(line.removeprefix("Exec="))


def test_uv_tool_install_gives_a_working_command_outside_the_checkout(wheel: Path,
                                                                      tmp_path: Path) -> None:
    assert UV is not None
    env = _clean_env(tmp_path)  # tmp/bin first on PATH, as ~/.local/bin is on a login PATH
    env.update(UV_TOOL_DIR=str(tmp_path / "tools"), UV_TOOL_BIN_DIR=str(tmp_path / "bin"))
    install = (UV, "tool", "install", "--quiet", "--python", sys.executable, wheel)
    _run(*install, cwd=tmp_path, env=env)
    command = tmp_path / "bin" / "psoas-desktop"
    version = _run(command, "--version", cwd=tmp_path, env=env).stdout
    assert version.strip() == f"psoas-desktop {psoas_desktop.__version__}"
    listed = _run(command, "routines", cwd=tmp_path, env=env).stdout
    assert all(routine in listed for routine in BUILT_IN)

    # The menu entry names the command alone, so it outlives the venv behind it: after the
    # tool is installed again somewhere else, the same Exec line still starts the app.
    _run(command, "install-desktop-entry", cwd=tmp_path, env=env)
    assert _entry_exec(tmp_path / "data") == ["psoas-desktop"]
    _run(UV, "tool", "uninstall", "psoas-desktop", cwd=tmp_path, env=env)
    env["UV_TOOL_DIR"] = str(tmp_path / "moved-tools")
    _run(*install, cwd=tmp_path, env=env)
    assert not (tmp_path / "tools" / "psoas-desktop").exists()
    again = _run(*_entry_exec(tmp_path / "data"), "--version", cwd=tmp_path, env=env)
    assert again.stdout.strip() == version.strip()


def test_a_stray_routines_file_in_site_packages_changes_nothing(wheel: Path,
                                                                tmp_path: Path) -> None:
    """An old lookup read site-packages/routines.json first: `{}` there emptied the list."""
    assert UV is not None
    env = _clean_env(tmp_path)
    venv = tmp_path / "venv"
    _run(UV, "venv", "--quiet", "--python", sys.executable, venv, cwd=tmp_path, env=env)
    python = venv / "bin" / "python"
    _run(UV, "pip", "install", "--quiet", "--python", python, wheel, cwd=tmp_path, env=env)
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))",
                     cwd=tmp_path, env=env).stdout.strip())
    for stray in (site / "routines.json", site / "routines.schema.json", venv / "routines.json"):
        stray.write_text("{}", encoding="utf-8")
    located = _run(python, "-c", "import psoas_desktop; print(psoas_desktop.__file__)",
                   cwd=tmp_path, env=env).stdout
    assert Path(located.strip()).is_relative_to(site)  # the installed copy, not the checkout
    listed = _run(venv / "bin" / "psoas-desktop", "routines", cwd=site, env=env).stdout
    assert all(routine in listed for routine in BUILT_IN)
    plan = _run(venv / "bin" / "psoas-desktop", "plan", "psoas-strength", cwd=site, env=env)
    assert "Front support knee drive" in plan.stdout or "knee drive" in plan.stdout.lower()
