"""`psoas-desktop install-desktop-entry`: put the app in the user's application menu (Linux/XDG).

Writes the .desktop file to $XDG_DATA_HOME/applications and the icon to the hicolor theme there.
Exec runs this very interpreter (`python -m psoas_desktop`), which works from a venv, a pipx or
uv tool install, or a checkout, whether or not the `psoas-desktop` script is on PATH.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from psoas_desktop import APP_NAME, APP_TITLE
from psoas_desktop.resources import asset

ENTRY = f"{APP_NAME}.desktop"
# Characters that make the Desktop Entry spec want an argument quoted.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def data_home() -> Path:
    """$XDG_DATA_HOME, else ~/.local/share (what platformdirs gives on Linux)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(appname=None, roaming=False))


def quote_exec_argument(argument: str) -> str:
    """Quote one Exec argument as the Desktop Entry spec asks (and double `%`)."""
    argument = argument.replace("%", "%%")
    if not any(ch in _RESERVED for ch in argument):
        return argument
    escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in argument)
    # The .desktop value itself is a string: its backslashes are escaped once more.
    return '"' + escaped.replace("\\", "\\\\") + '"'


def exec_line(python: str | None = None) -> str:
    arguments = (python or sys.executable, "-m", "psoas_desktop")
    return " ".join(quote_exec_argument(a) for a in arguments)


def entry_text(template: str, exec_value: str) -> str:
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_value}"
        elif line.startswith("TryExec="):
            continue  # the template's TryExec would name the script, not this interpreter
        lines.append(line)
    return "\n".join(lines) + "\n"


def install(target: Path | None = None) -> int:
    """Install the entry and icons under `target` (default: the XDG data home). 0 on success."""
    base = target if target is not None else data_home()
    entry = base / "applications" / ENTRY
    icons = base / "icons" / "hicolor"
    png = icons / "256x256" / "apps" / f"{APP_NAME}.png"
    svg = icons / "scalable" / "apps" / f"{APP_NAME}.svg"
    try:
        template = asset(ENTRY).read_text(encoding="utf-8")
        for folder in (entry.parent, png.parent, svg.parent):
            folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(asset(f"{APP_NAME}.png"), png)
        shutil.copyfile(asset(f"{APP_NAME}.svg"), svg)
        temporary = entry.with_suffix(".tmp")
        temporary.write_text(entry_text(template, exec_line()), encoding="utf-8")
        os.replace(temporary, entry)  # a menu never sees half a file
    except OSError as exc:
        where = exc.filename or base
        reason = exc.strerror or str(exc)
        print(f"{APP_NAME}: cannot install the desktop entry: {where}: {reason}", file=sys.stderr)
        return 1
    print(f"Installed {APP_TITLE} in your application menu:")
    print(f"  {entry}")
    print(f"  {png}")
    print(f"  {svg}")
    return 0
