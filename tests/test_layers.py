"""The layers hold: core/ and storage/ load without Qt (core without the plotting stack too), and
core/ imports nothing from the layers above it. A habit until now; these tests make it a rule."""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import psoas_desktop
from psoas_desktop import core, storage

PACKAGE = Path(psoas_desktop.__file__).parent
# What core/ must never import: the widgets, the Qt adapters, sound and the desktop's buses.
ABOVE_CORE = ("ui", "platform", "audio", "desktop")
QT = ("PySide6", "shiboken6")
PLOTTING = ("pyqtgraph", "numpy")


def modules_of(package: object) -> list[str]:
    path = package.__path__  # type: ignore[attr-defined]
    prefix = package.__name__ + "."  # type: ignore[attr-defined]
    return sorted(info.name for info in pkgutil.walk_packages(path, prefix))


def loaded_after_importing(modules: list[str]) -> set[str]:
    """The top-level packages in sys.modules once `modules` are imported by a fresh Python."""
    script = ("import importlib, json, sys\n"
              f"for name in {modules!r}:\n"
              "    importlib.import_module(name)\n"
              "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=True)
    return set(json.loads(done.stdout))


def test_every_layer_module_is_found() -> None:
    # The checks below mean nothing if the walk finds nothing.
    assert "psoas_desktop.core.engine" in modules_of(core)
    assert "psoas_desktop.storage.history" in modules_of(storage)


@pytest.mark.parametrize(("package", "forbidden"), [(core, QT + PLOTTING), (storage, QT)],
                         ids=["core", "storage"])
def test_the_layer_loads_without_qt(package: object, forbidden: tuple[str, ...]) -> None:
    loaded = loaded_after_importing(modules_of(package))
    assert "psoas_desktop" in loaded
    assert sorted(loaded & set(forbidden)) == []


def test_the_check_sees_qt_when_it_is_loaded() -> None:
    # The same probe on a module that does use Qt: it must notice.
    assert "PySide6" in loaded_after_importing(["psoas_desktop.ui.countdown"])


def imported_names(source: str) -> set[str]:
    """Every module an `import` or `from ... import` in `source` names, relative ones made
    absolute as seen from psoas_desktop.core."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # from . import x, from ..ui import y
                parts = ["psoas_desktop", "core"][: max(0, 2 - (node.level - 1))]
                base = ".".join([*parts, base] if base else parts)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def above_core(name: str) -> bool:
    return any(name == f"psoas_desktop.{layer}" or name.startswith(f"psoas_desktop.{layer}.")
               for layer in ABOVE_CORE)


def test_core_imports_nothing_from_the_layers_above_it() -> None:
    files = sorted((PACKAGE / "core").rglob("*.py"))
    assert files
    reaching_up = {f"{path.relative_to(PACKAGE)}: {name}"
                   for path in files
                   for name in imported_names(path.read_text(encoding="utf-8"))
                   if above_core(name)}
    assert sorted(reaching_up) == []


def test_the_import_walk_sees_every_way_of_reaching_up() -> None:
    source = ("import psoas_desktop.ui.countdown\n"
              "from psoas_desktop.platform import settings\n"
              "from ..audio.player import QtCueSink\n"
              "def later():\n    from psoas_desktop.desktop import mpris\n")
    assert {name for name in imported_names(source) if above_core(name)} >= {
        "psoas_desktop.ui.countdown", "psoas_desktop.platform", "psoas_desktop.audio.player",
        "psoas_desktop.desktop"}


MODULE_LINES = 300  # one job a file: past this, a module is doing two


def test_no_module_outgrows_one_job() -> None:
    sources = sorted(PACKAGE.rglob("*.py"))
    assert len(sources) > 100  # the walk found the package
    long = {str(path.relative_to(PACKAGE)): count for path in sources
            if (count := len(path.read_text(encoding="utf-8").splitlines())) > MODULE_LINES}
    assert long == {}
