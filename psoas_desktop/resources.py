"""The files shipped inside the package (`psoas_desktop/data/`), found beside this module.

The source tree and an installed wheel hold them at the same place, so there is one lookup and
nothing outside the package (a stray file in site-packages, say) can stand in for them. The
package is always a folder on disk (the files are opened as paths), so the folder of this
module is what importlib.resources would say, without its imports (zipfile and more) at start.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def shipped(name: str) -> Path:
    """Path of a file under the package's data folder."""
    return _PACKAGE / "data" / name


def builtin_routines() -> Path:
    return shipped("routines.json")


def routines_schema() -> Path:
    return shipped("routines.schema.json")


def asset(name: str) -> Path:
    return shipped("assets") / name
