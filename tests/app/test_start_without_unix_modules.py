"""The window starts where Unix-only modules do not exist (Windows): the app's start-up runs
in a child whose import system refuses them, up to the first paint."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

UNIX_ONLY = ("resource", "fcntl", "termios", "grp", "pwd", "pty", "tty", "syslog", "posix_ipc",
             "crypt", "nis", "spwd", "readline", "curses")

CHILD = """
import sys

class RefuseUnixOnly:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {refused!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}} (refused for this test)")
        return None

for name in {refused!r}:
    sys.modules.pop(name, None)
sys.meta_path.insert(0, RefuseUnixOnly())
from psoas_desktop.cli import main
code = main(["--data-dir", sys.argv[1], "--config-dir", sys.argv[2]])
leaked = sorted(m for m in sys.modules if m.split(".")[0] in {refused!r})
print("unix-only modules loaded:", leaked, flush=True)
sys.exit(code)
"""


def test_the_app_starts_to_its_first_paint_without_unix_only_modules(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PSOAS_EXIT_AFTER_FIRST_PAINT": "1",
           "HOME": str(tmp_path), "USER": "someone", "LOGNAME": "someone"}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    result = subprocess.run(
        [sys.executable, "-c", CHILD.format(refused=UNIX_ONLY), str(tmp_path / "data"),
         str(tmp_path / "config")],
        capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "first-paint " in result.stdout
    assert "unix-only modules loaded: []" in result.stdout
    assert "refused for this test" not in result.stderr


def test_the_refusal_really_bites() -> None:
    """The same child code fails on a module the app would need: the guard is not a no-op."""
    result = subprocess.run(
        [sys.executable, "-c", CHILD.format(refused=("psoas_desktop",)), "d", "c"],
        capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "refused for this test" in result.stderr
