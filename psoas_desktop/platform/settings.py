"""The user's settings behind one object, with a signal when one changes.

QSettings (an INI file in the config folder) underneath in the app; a dict in tests.
INI files give every value back as a string, so each getter converts what it reads.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal

from psoas_desktop.core.routines import Rests, Target
from psoas_desktop.core.training_log import FunctionalTask, TaskUnit

REST_NAMES = tuple(f.name for f in fields(Rests))
MAX_REST_SECONDS = 600
MAX_TEMPO_SECONDS = 20


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


class Store(Protocol):
    def value(self, key: str, default: Any = None) -> Any: ...

    def setValue(self, key: str, value: Any) -> None: ...  # QSettings' name


class MemoryStore:
    """A store that forgets everything at exit: for tests."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def value(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def setValue(self, key: str, value: Any) -> None:
        self.values[key] = value


def _as_bool(value: Any, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return default if value is None else bool(value)


def _as_int(value: Any, default: int, low: int, high: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return max(low, min(high, number))


class Settings(QObject):
    """Each property reads and writes through the store; `changed` carries the key, and the
    settings others act on have a typed signal of their own."""

    changed = Signal(str)
    mutedChanged = Signal(bool)
    volumeChanged = Signal(float)
    voiceEnabledChanged = Signal(bool)
    themeChanged = Signal(str)

    def __init__(self, store: Store, default_rests: Rests | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.default_rests = default_rests or Rests()

    @classmethod
    def in_memory(cls, default_rests: Rests | None = None) -> Settings:
        return cls(MemoryStore(), default_rests)

    @classmethod
    def in_file(cls, path: Path, default_rests: Rests | None = None) -> Settings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat), default_rests)

    def _set(self, key: str, value: Any, tell: Callable[[], object] | None = None) -> bool:
        """Store `value`; when it changed, `tell` (a typed signal) and then `changed` are
        emitted, so a repaint on `changed` sees what the typed listeners did."""
        if self._store.value(key) == value:
            return False
        self._store.setValue(key, value)
        if tell is not None:
            tell()
        self.changed.emit(key)
        return True

    # --- session -----------------------------------------------------------------------------

    @property
    def rests(self) -> Rests:
        values = {
            name: _as_int(self._store.value(f"rests/{name}"),
                          getattr(self.default_rests, name), 0, MAX_REST_SECONDS)
            for name in REST_NAMES
        }
        return replace(self.default_rests, **values)

    @rests.setter
    def rests(self, rests: Rests) -> None:
        for name in REST_NAMES:
            self._set(f"rests/{name}", getattr(rests, name))

    @property
    def tempo(self) -> int:
        """Seconds per paced rep; 0 keeps each exercise's own."""
        return _as_int(self._store.value("session/tempo"), 0, 0, MAX_TEMPO_SECONDS)

    @tempo.setter
    def tempo(self, seconds: int) -> None:
        self._set("session/tempo", max(0, min(MAX_TEMPO_SECONDS, int(seconds))))

    def targets(self, routine_id: str) -> dict[str, Target]:
        """The targets last chosen for a routine, by exercise id (unclamped: the caller clamps)."""
        raw = self._store.value(f"targets/{routine_id}")
        try:
            data = json.loads(raw) if isinstance(raw, str) else {}
            return {
                exercise_id: Target(int(t["sets"]), int(t["reps"]),
                                    None if t.get("hold") is None else int(t["hold"]),
                                    None if t.get("load") is None else float(t["load"]))
                for exercise_id, t in data.items()
            }
        except (ValueError, TypeError, KeyError, AttributeError):
            return {}

    def set_targets(self, routine_id: str, targets: Mapping[str, Target]) -> None:
        data = {key: {"sets": t.sets, "reps": t.reps, "hold": t.hold, "load": t.load}
                for key, t in targets.items()}
        self._set(f"targets/{routine_id}", json.dumps(data, sort_keys=True))

    def remember_plan(self, routine_id: str, targets: Mapping[str, Target]) -> None:
        """A session started: its routine and targets are the ones offered next time."""
        self.set_targets(routine_id, targets)
        self.last_routine = routine_id

    @property
    def functional_task(self) -> FunctionalTask | None:
        """The daily task the user picked once for the log, or None before that."""
        raw = self._store.value("log/functional_task")
        try:
            data = json.loads(raw) if isinstance(raw, str) else None
            return FunctionalTask(str(data["name"]), TaskUnit(data["unit"])) if data else None
        except (ValueError, TypeError, KeyError):
            return None

    @functional_task.setter
    def functional_task(self, task: FunctionalTask) -> None:
        self._set("log/functional_task", json.dumps({"name": task.name, "unit": task.unit}))

    @property
    def last_routine(self) -> str | None:
        value = self._store.value("session/last_routine")
        return str(value) if value else None

    @last_routine.setter
    def last_routine(self, routine_id: str) -> None:
        self._set("session/last_routine", routine_id)

    # --- sound -------------------------------------------------------------------------------

    @property
    def voice_enabled(self) -> bool:
        """Spoken cues asked for (whether a speech engine can give them is the voice's say)."""
        return _as_bool(self._store.value("sound/voice"), True)

    @voice_enabled.setter
    def voice_enabled(self, on: bool) -> None:
        self._set("sound/voice", bool(on), lambda: self.voiceEnabledChanged.emit(bool(on)))

    @property
    def volume(self) -> float:
        """0.0 to 1.0, kept as a whole percentage."""
        return _as_int(self._store.value("sound/volume"), 80, 0, 100) / 100

    @volume.setter
    def volume(self, volume: float) -> None:
        self._set("sound/volume", max(0, min(100, round(volume * 100))),
                  lambda: self.volumeChanged.emit(self.volume))

    @property
    def muted(self) -> bool:
        return _as_bool(self._store.value("sound/muted"), False)

    @muted.setter
    def muted(self, muted: bool) -> None:
        self._set("sound/muted", bool(muted), lambda: self.mutedChanged.emit(bool(muted)))

    # --- look --------------------------------------------------------------------------------

    @property
    def theme(self) -> Theme:
        try:
            return Theme(str(self._store.value("look/theme", Theme.SYSTEM.value)))
        except ValueError:
            return Theme.SYSTEM

    @theme.setter
    def theme(self, theme: Theme) -> None:
        value = Theme(theme).value
        self._set("look/theme", value, lambda: self.themeChanged.emit(value))

    @property
    def smooth_progress(self) -> bool:
        """Animate the step bar between seconds (off: the window wakes once a second only)."""
        return _as_bool(self._store.value("look/smooth_progress"), True)

    @smooth_progress.setter
    def smooth_progress(self, on: bool) -> None:
        self._set("look/smooth_progress", bool(on))

    @property
    def figure_motion(self) -> bool:
        """Move the figure in time with the countdown (off: a still key pose of each step)."""
        return _as_bool(self._store.value("look/figure_motion"), True)

    @figure_motion.setter
    def figure_motion(self, on: bool) -> None:
        self._set("look/figure_motion", bool(on))

    @property
    def wait_for_me(self) -> bool:
        """Hold each get-ready (after the first) until Space or the headset's button."""
        return _as_bool(self._store.value("session/wait_for_me"), False)

    @wait_for_me.setter
    def wait_for_me(self, on: bool) -> None:
        self._set("session/wait_for_me", bool(on))

    @property
    def guide_expanded(self) -> bool:
        return _as_bool(self._store.value("look/guide_expanded"), True)

    @guide_expanded.setter
    def guide_expanded(self, on: bool) -> None:
        self._set("look/guide_expanded", bool(on))

    @property
    def geometry(self) -> QByteArray | None:
        value = self._store.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @geometry.setter
    def geometry(self, geometry: QByteArray) -> None:
        self._set("window/geometry", geometry)

    def sync(self) -> None:
        """Write to disk now (QSettings also does it by itself, later)."""
        sync = getattr(self._store, "sync", None)
        if sync is not None:
            sync()
