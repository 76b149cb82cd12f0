"""The files shipped inside the package (`psoas_desktop/data/`), read with importlib.resources.

The source tree and an installed wheel hold them at the same place, so there is one lookup and
nothing outside the package (a stray file in site-packages, say) can stand in for them.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def shipped(name: str) -> Path:
    """Path of a file under the package's data folder."""
    return Path(str(resources.files("psoas_desktop") / "data" / name))


def builtin_routines() -> Path:
    return shipped("routines.json")


def routines_schema() -> Path:
    return shipped("routines.schema.json")


def asset(name: str) -> Path:
    return shipped("assets") / name
