"""Write flatpak/python3-requirements.json from uv.lock, in flatpak-pip-generator's format.

`uv run python tools/flatpak_requirements.py [--check]`

The modules install the app's locked runtime dependencies, and its build backend (hatchling,
locked in the `flatpak-build` group, removed after the build), with `pip3 install --no-index` from
files flatpak-builder downloads and checks by sha256. PySide6, shiboken6 and numpy come from
io.qt.PySide.BaseApp. Pure-Python packages come as their universal wheel; a compiled one (rpds-py
is Rust, whose sdist would need a Rust toolchain and vendored crates in the build) as the locked
CPython wheel for each architecture, limited to it with `only-arches`. flatpak-pip-generator
itself asks PyPI's JSON API for each file, which this build machine cannot reach; the lock
already holds the same URLs and hashes.
"""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "flatpak" / "python3-requirements.json"
FROM_BASE_APP = {"pyside6-essentials", "pyside6-addons", "shiboken6", "numpy"}
RUNTIME_PYTHON = "cp313"  # org.kde.Platform 6.10 (freedesktop 25.08)
ARCHES = {"x86_64": "_x86_64", "aarch64": "_aarch64"}


def _closure(lock: dict[str, Any], roots: list[dict[str, str]],
             skip: set[str]) -> list[dict[str, Any]]:
    """The locked packages `roots` need, transitively, on Linux under the runtime's Python."""
    packages = {p["name"]: p for p in lock["package"]}
    wanted: list[str] = []
    queue = list(roots)
    while queue:
        dependency = queue.pop(0)
        name, marker = dependency["name"], dependency.get("marker", "")
        if name in FROM_BASE_APP or name in skip or name in wanted:
            continue
        if "win32" in marker or "darwin" in marker or "< '3.13'" in marker:
            continue  # not on Linux, or not on the runtime's Python
        wanted.append(name)
        queue.extend(packages[name].get("dependencies", []))
    return [packages[name] for name in sorted(wanted)]


def _source(wheel: dict[str, Any], arch: str | None = None) -> dict[str, Any]:
    source: dict[str, Any] = {"type": "file", "url": wheel["url"],
                              "sha256": wheel["hash"].removeprefix("sha256:")}
    if arch is not None:
        source["only-arches"] = [arch]
    return source


def _sources(package: dict[str, Any]) -> list[dict[str, Any]]:
    wheels = package.get("wheels", [])
    universal = [w for w in wheels if w["url"].endswith("-none-any.whl")]
    if universal:
        return [_source(universal[0])]
    sources = []
    for arch, suffix in ARCHES.items():
        tag = f"-{RUNTIME_PYTHON}-{RUNTIME_PYTHON}-manylinux"
        found = [w for w in wheels if tag in w["url"] and w["url"].endswith(f"{suffix}.whl")]
        if not found:
            raise SystemExit(f"{package['name']}: no locked {RUNTIME_PYTHON} wheel for {arch}")
        sources.append(_source(found[0], arch))
    return sources


def _pip_module(name: str, packages: list[dict[str, Any]]) -> dict[str, Any]:
    pins = " ".join(f'"{p["name"]}=={p["version"]}"' for p in packages)
    return {
        "name": name,
        "buildsystem": "simple",
        "build-commands": [
            'pip3 install --verbose --exists-action=i --no-index --find-links="file://${PWD}" '
            f"--prefix=${{FLATPAK_DEST}} {pins} --no-build-isolation"
        ],
        "sources": [source for p in packages for source in _sources(p)],
    }


def module() -> dict[str, Any]:
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    app = next(p for p in lock["package"] if p["name"] == "psoas-desktop")
    runtime = _closure(lock, app["dependencies"], set())
    # The build backend, for `pip3 install .` of the app; removed from the finished app.
    backend = _closure(lock, app["dev-dependencies"]["flatpak-build"],
                       {p["name"] for p in runtime})
    build_only = _pip_module("python3-hatchling", backend) | {"cleanup": ["*"]}
    return {
        "name": "python3-requirements",
        "buildsystem": "simple",
        "build-commands": [],
        "modules": [_pip_module("python3-runtime", runtime), build_only],
    }


def main(argv: list[str]) -> int:
    text = json.dumps(module(), indent=4) + "\n"
    if argv == ["--check"]:
        if OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT} is out of date with uv.lock: run tools/flatpak_requirements.py")
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(OUTPUT)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
