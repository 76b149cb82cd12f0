"""The quick start's scripts: what they do on a machine that lacks things, and that the README's
bare-Debian result speaks for the scripts as they are now."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def quick_start_fingerprint() -> str:
    """As tools/bare_debian_check.sh computes it: the quick start's files and .ci/run's uv lines."""
    text = b"".join((ROOT / name).read_bytes()
                    for name in ("run", "tools/ensure_uv.sh", "tools/system_packages.sh"))
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(ci) if line.startswith("# --- uv:"))
    end = next(i for i, line in enumerate(ci) if line.startswith("# --- end uv ---"))
    text += "".join(ci[start:end + 1]).encode()
    return hashlib.sha256(text).hexdigest()[:16]


def test_the_readme_result_is_for_these_scripts() -> None:
    """Changing the quick start means running tools/bare_debian_check.sh again."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    recorded = re.findall(r"quick-start fingerprint ([0-9a-f]{16})", readme)
    assert recorded == [quick_start_fingerprint()]


def _fake_tools(folder: Path, **scripts: str) -> dict[str, str]:
    folder.mkdir(exist_ok=True)
    for name, body in scripts.items():
        (folder / name).write_text("#!/bin/sh\n" + body + "\n")
        (folder / name).chmod(0o755)
    for tool in ("bash", "grep", "cat", "dirname", "env", "mkdir", "ln", "rm"):
        target = folder / tool
        if not target.exists():
            target.symlink_to(f"/bin/{tool}" if Path(f"/bin/{tool}").exists()
                              else f"/usr/bin/{tool}")
    return {"PATH": str(folder), "HOME": str(folder.parent / "home"), "LANG": "C.UTF-8"}


def test_without_root_or_sudo_the_exact_apt_get_line_is_printed(tmp_path: Path) -> None:
    env = _fake_tools(tmp_path / "bin", id="echo 1000", **{"dpkg-query": "exit 1"})
    result = subprocess.run(["bash", str(ROOT / "tools" / "system_packages.sh"), "tests"],
                            env=env, capture_output=True, text=True, timeout=60,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 1
    line = next(line for line in result.stderr.splitlines() if "apt-get install" in line)
    command = line.split("system-packages:", 1)[1].strip()
    assert command.startswith("sudo apt-get install -y --no-install-recommends libegl1 ")
    assert "strace" in line and "dbus-daemon" in line and "libxcb-cursor0" not in line


def test_the_app_asks_for_the_window_and_speech_packages(tmp_path: Path) -> None:
    env = _fake_tools(tmp_path / "bin", id="echo 1000", **{"dpkg-query": "exit 1"})
    result = subprocess.run(["bash", str(ROOT / "tools" / "system_packages.sh"), "app"],
                            env=env, capture_output=True, text=True, timeout=60,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 1
    assert "libxcb-cursor0" in result.stderr and "speech-dispatcher" in result.stderr
    assert "pulseaudio " not in result.stderr and "strace" not in result.stderr


def test_installed_packages_mean_nothing_to_do(tmp_path: Path) -> None:
    env = _fake_tools(tmp_path / "bin", id="echo 1000",
                      **{"dpkg-query": "echo 'install ok installed'", "apt-get": "exit 99"})
    result = subprocess.run(["bash", str(ROOT / "tools" / "system_packages.sh"), "app"],
                            env=env, capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")


def test_a_uv_on_path_is_used_and_an_exact_version_is_installed_privately(
        tmp_path: Path) -> None:
    env = _fake_tools(tmp_path / "bin", uv='echo "uv 0.1.0"', python3="exit 1",
                      pipx='mkdir -p "$PIPX_BIN_DIR"; printf \'#!/bin/sh\\necho "uv 0.13.9"\\n\' '
                           '> "$PIPX_BIN_DIR/uv"; /bin/chmod +x "$PIPX_BIN_DIR/uv"; echo "$@" '
                           '> "$PIPX_BIN_DIR/../pipx-args"')
    ensure = ["bash", str(ROOT / "tools" / "ensure_uv.sh")]
    found = subprocess.run(ensure, env=env, capture_output=True, text=True, timeout=60)
    assert found.stdout.strip() == str(tmp_path / "bin" / "uv")
    exact = subprocess.run([*ensure, "--exact"], env=env, capture_output=True, text=True,
                           timeout=60)
    private = Path(env["HOME"]) / ".cache/psoas-desktop-dev/uv-0.13.9"
    assert exact.returncode == 0, exact.stderr
    assert exact.stdout.strip() == str(private / "bin" / "uv")
    assert (private / "pipx-args").read_text().split() == ["install", "--force", "uv==0.13.9"]


def test_no_pipx_and_no_venv_without_root_names_the_package(tmp_path: Path) -> None:
    env = _fake_tools(tmp_path / "bin", id="echo 1000", python3="exit 1")
    result = subprocess.run(["bash", str(ROOT / "tools" / "ensure_uv.sh")], env=env,
                            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert result.returncode == 1
    assert "sudo apt-get install python3-venv" in result.stderr


def test_run_says_how_to_use_it() -> None:
    result = subprocess.run([str(ROOT / "run"), "nonsense"], capture_output=True, text=True,
                            timeout=60, env={**os.environ})
    assert result.returncode == 2 and "./run app" in result.stderr
