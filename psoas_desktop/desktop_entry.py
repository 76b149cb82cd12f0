"""`psoas-desktop install-desktop-entry [--uninstall]`: the app in the application menu (XDG).

Writes the .desktop file to $XDG_DATA_HOME/applications, the icons to the hicolor theme and the
AppStream metainfo to metainfo/, all named by the app id. When the `psoas-desktop` found on PATH
outside a venv's own bin folder runs this very installation (pipx, uv tool, a distribution
package), Exec names the bare command: the entry then keeps working when that venv is rebuilt or
moved. Otherwise (a checkout's venv) Exec runs this interpreter with `-m psoas_desktop`.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from psoas_desktop import APP_ID, APP_NAME, APP_TITLE
from psoas_desktop.resources import asset

ENTRY = f"{APP_ID}.desktop"
# Characters that make the Desktop Entry spec want an argument quoted.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
XDG_PLATFORMS = ("linux", "freebsd", "openbsd", "netbsd", "dragonfly", "sunos")


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


def _runs_this_python(script: Path) -> bool:
    """The script is (a link to) one in this interpreter's folder, or its shebang names it."""
    here = Path(sys.executable).parent
    try:
        if script.resolve().parent == here.resolve():
            return True
        with script.open("rb") as handle:
            first = handle.readline(4096)
    except OSError:
        return False
    return first.startswith(b"#!") and first[2:].strip() == os.fsencode(sys.executable)


def launcher() -> str:
    """The Exec value: the bare command where PATH leads to this installation, else absolute."""
    found = shutil.which(APP_NAME)
    if found is None:
        return exec_line()
    script = Path(found)
    in_venv = sys.prefix != sys.base_prefix
    venv_bin = Path(sys.executable).parent
    if in_venv and script.parent.resolve() == venv_bin.resolve() and not script.is_symlink():
        return exec_line()  # on PATH only in this shell (an activated venv, `uv run`)
    return APP_NAME if _runs_this_python(script) else exec_line()


def entry_text(template: str, exec_value: str) -> str:
    bare = exec_value == APP_NAME
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_value}"
        elif line.startswith("TryExec=") and not bare:
            continue  # TryExec names the command; an interpreter path needs none
        lines.append(line)
    return "\n".join(lines) + "\n"


def installed_files(base: Path) -> dict[str, Path]:
    """Where each shipped file goes under the data home, by its asset name."""
    icons = base / "icons" / "hicolor"
    return {
        ENTRY: base / "applications" / ENTRY,
        f"{APP_ID}.png": icons / "256x256" / "apps" / f"{APP_ID}.png",
        f"{APP_ID}.svg": icons / "scalable" / "apps" / f"{APP_ID}.svg",
        f"{APP_ID}.metainfo.xml": base / "metainfo" / f"{APP_ID}.metainfo.xml",
    }


def earlier_files(base: Path) -> list[Path]:
    """Names used before the app id: replaced on install, removed on uninstall."""
    icons = base / "icons" / "hicolor"
    return [base / "applications" / f"{APP_NAME}.desktop",
            icons / "256x256" / "apps" / f"{APP_NAME}.png",
            icons / "scalable" / "apps" / f"{APP_NAME}.svg"]


def _refuse_elsewhere() -> bool:
    if sys.platform.startswith(XDG_PLATFORMS):
        return False
    print(f"{APP_NAME}: install-desktop-entry is for Linux and BSD desktops (XDG menus); on "
          "this system start the app with the psoas-desktop command, or pin it yourself",
          file=sys.stderr)
    return True


def _fail(exc: OSError, base: Path, doing: str) -> int:
    where = exc.filename or base
    reason = exc.strerror or str(exc)
    print(f"{APP_NAME}: cannot {doing} the desktop entry: {where}: {reason}", file=sys.stderr)
    return 1


def install(target: Path | None = None) -> int:
    """Install the entry, icons and metainfo under `target` (default: the XDG data home)."""
    if _refuse_elsewhere():
        return 1
    base = target if target is not None else data_home()
    files = installed_files(base)
    try:
        for name, path in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(path.name + ".tmp")
            if name == ENTRY:
                template = asset(ENTRY).read_text(encoding="utf-8")
                temporary.write_text(entry_text(template, launcher()), encoding="utf-8")
            else:
                shutil.copyfile(asset(name), temporary)
            os.replace(temporary, path)  # a menu never sees half a file
        for old in earlier_files(base):
            old.unlink(missing_ok=True)
    except OSError as exc:
        return _fail(exc, base, "install")
    print(f"Installed {APP_TITLE} in your application menu:")
    for path in files.values():
        print(f"  {path}")
    return 0


def uninstall(target: Path | None = None) -> int:
    """Remove what `install` put there (and entries under the earlier names)."""
    if _refuse_elsewhere():
        return 1
    base = target if target is not None else data_home()
    removed = []
    try:
        for path in [*installed_files(base).values(), *earlier_files(base)]:
            if path.exists() or path.is_symlink():
                path.unlink()
                removed.append(path)
    except OSError as exc:
        return _fail(exc, base, "remove")
    if not removed:
        print(f"{APP_TITLE} was not in your application menu.")
    for path in removed:
        print(f"Removed {path}")
    return 0
