"""Where the files shipped with the app live, in a source checkout and in an installed wheel."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def shipped(name: str) -> Path:
    """Path of a shipped file: the checkout's top level first, else the wheel's data folder."""
    local = _CHECKOUT / name
    if local.exists():
        return local
    return Path(str(resources.files("psoas_desktop") / "data" / name))


def builtin_routines() -> Path:
    return shipped("routines.json")


def routines_schema() -> Path:
    return shipped("routines.schema.json")


def asset(name: str) -> Path:
    return shipped("assets") / name
