"""One app id everywhere, and the files software centres and Flathub read: the desktop entry,
the AppStream metainfo and the Flatpak manifest, checked by their validators where installed."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from PySide6.QtWidgets import QApplication

from psoas_desktop import APP_ID, __version__
from psoas_desktop.resources import asset

ROOT = Path(__file__).resolve().parents[2]
FLATPAK = ROOT / "flatpak"
MANIFEST = FLATPAK / f"{APP_ID}.json"
MAIN_CATEGORIES = {"AudioVideo", "Audio", "Video", "Development", "Education", "Game",
                   "Graphics", "Network", "Office", "Science", "Settings", "System", "Utility"}


def _entry() -> dict[str, str]:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(asset(f"{APP_ID}.desktop"), encoding="utf-8")
    return dict(parser["Desktop Entry"])


def _validator(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (CI installs it)")
    return found


def test_the_desktop_entry_names_the_app_id_and_one_main_category() -> None:
    entry = _entry()
    assert entry["Icon"] == APP_ID and entry["Version"] == "1.4"
    assert entry["Exec"] == "psoas-desktop" and entry["Terminal"] == "false"
    categories = [c for c in entry["Categories"].split(";") if c]
    assert len([c for c in categories if c in MAIN_CATEGORIES]) == 1


def test_desktop_file_validate_passes() -> None:
    result = subprocess.run([_validator("desktop-file-validate"), asset(f"{APP_ID}.desktop")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout == "", result.stdout


def test_the_metainfo_names_the_app_id_and_this_version() -> None:
    root = ET.parse(asset(f"{APP_ID}.metainfo.xml")).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("icon") == APP_ID
    assert root.find("releases/release").get("version") == __version__  # type: ignore[union-attr]
    assert root.find("content_rating") is not None
    images = [i.text or "" for i in root.iter("image")]
    assert images and all(i.startswith("https://") for i in images)
    for image in images:  # each screenshot is one the repository has
        assert (ROOT / image.split("/main/", 1)[1]).is_file()


def test_appstreamcli_validate_passes() -> None:
    result = subprocess.run([_validator("appstreamcli"), "validate", "--no-net",
                             asset(f"{APP_ID}.metainfo.xml")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_app_reports_its_id_to_the_desktop(qapp: QApplication) -> None:
    from psoas_desktop.app import identify

    identify(qapp)
    assert qapp.desktopFileName() == APP_ID
    assert not qapp.windowIcon().isNull()


# The manifest keys this project uses, as flatpak-manifest(5) defines them.
_SOURCE = {"type": "object", "required": ["type"], "properties": {
    "type": {"enum": ["file", "dir", "archive", "git"]},
    "url": {"type": "string", "pattern": "^https://"},
    "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
    "path": {"type": "string"},
    "only-arches": {"type": "array", "items": {"enum": ["x86_64", "aarch64"]}}},
    "additionalProperties": False}
_MODULE = {"type": "object", "required": ["name", "buildsystem"], "properties": {
    "name": {"type": "string", "minLength": 1},
    "buildsystem": {"enum": ["simple", "meson", "cmake", "cmake-ninja", "autotools"]},
    "build-commands": {"type": "array", "items": {"type": "string"}},
    "sources": {"type": "array", "items": _SOURCE},
    "cleanup": {"type": "array", "items": {"type": "string"}},
    "modules": {"type": "array", "items": {"anyOf": [{"type": "string"},
                                                     {"$ref": "#/$defs/module"}]}}},
    "additionalProperties": False}
SCHEMA = {
    "$defs": {"module": _MODULE},
    "type": "object",
    "required": ["id", "runtime", "runtime-version", "sdk", "command", "finish-args", "modules"],
    "properties": {
        "id": {"const": APP_ID},
        "runtime": {"const": "org.kde.Platform"},
        "runtime-version": {"type": "string", "pattern": r"^6\.\d+$"},
        "sdk": {"const": "org.kde.Sdk"},
        "base": {"const": "io.qt.PySide.BaseApp"},
        "base-version": {"type": "string"},
        "command": {"const": "psoas-desktop"},
        "finish-args": {"type": "array", "items": {"type": "string", "pattern": "^--"}},
        "build-options": {"type": "object"},
        "cleanup-commands": {"type": "array", "items": {"type": "string"}},
        "modules": {"type": "array", "items": {"anyOf": [{"type": "string"},
                                                         {"$ref": "#/$defs/module"}]}},
    },
    "additionalProperties": False,
}


def _manifest() -> dict[str, Any]:
    manifest: dict[str, Any] = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return manifest


def test_the_manifest_and_its_modules_fit_the_schema() -> None:
    manifest = _manifest()
    jsonschema.validate(manifest, SCHEMA)
    assert manifest["base-version"] == manifest["runtime-version"]
    for module in manifest["modules"]:
        if isinstance(module, str):
            jsonschema.validate(json.loads((FLATPAK / module).read_text()), _MODULE | {
                "$defs": {"module": _MODULE}})
        else:
            for source in module["sources"]:
                if source["type"] == "dir":
                    assert (FLATPAK / source["path"] / "pyproject.toml").is_file()


def test_the_sandbox_gets_what_the_app_uses_and_no_network() -> None:
    manifest = _manifest()
    granted = set(manifest["finish-args"])
    assert {"--socket=wayland", "--socket=fallback-x11", "--socket=pulseaudio",
            "--filesystem=xdg-run/speech-dispatcher:ro"} <= granted
    assert not [a for a in granted if a.startswith("--share=network") or a == "--socket=x11"]
    assert not [a for a in granted if "home" in a or "host" in a]
    assert manifest["build-options"]["env"]["BASEAPP_REMOVE_WEBENGINE"] == "1"
    assert "/app/cleanup-BaseApp.sh" in manifest["cleanup-commands"]


def test_the_python_modules_match_uv_lock() -> None:
    spec = importlib.util.spec_from_file_location("flatpak_requirements",
                                                  ROOT / "tools" / "flatpak_requirements.py")
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    committed = json.loads((FLATPAK / "python3-requirements.json").read_text())
    assert committed == generator.module()
    runtime, backend = committed["modules"]
    pinned = re.findall(r'"([a-z0-9-]+)==', runtime["build-commands"][0])
    assert {"jsonschema", "platformdirs", "pyqtgraph", "rpds-py"} <= set(pinned)
    assert not {"pyside6-essentials", "pyside6-addons", "shiboken6", "numpy"} & set(pinned)
    rpds = [s for s in runtime["sources"] if "rpds_py" in s["url"]]
    assert sorted(a for s in rpds for a in s["only-arches"]) == ["aarch64", "x86_64"]
    assert backend["cleanup"] == ["*"] and "hatchling==" in backend["build-commands"][0]


def test_flatpak_builder_reads_the_manifest() -> None:
    builder = shutil.which("flatpak-builder")
    if builder is None:
        pytest.skip("flatpak-builder is not installed")
    result = subprocess.run([builder, "--show-manifest", MANIFEST.name], cwd=FLATPAK,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    shown = json.loads(result.stdout)
    names = [m["name"] for m in shown["modules"]]
    assert names == ["python3-requirements", "psoas-desktop"]
    assert [m["name"] for m in shown["modules"][0]["modules"]] == ["python3-runtime",
                                                                  "python3-hatchling"]
