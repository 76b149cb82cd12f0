"""Rows still waiting when the app quits (a full disk, a read-only folder, a locked or newer
file) are kept in a side file and written at the next start, so quitting never loses them.

The side file is JSON, one write a line, owner-only. It goes beside the history when it can,
else into the first writable fallback folder (the user's cache folder). Each line names its
session by a key, and by the session's id once its row was written, so steps recorded after the
session row wait for the same session.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from psoas_desktop.storage.owner_only import write_private
from psoas_desktop.storage.writes import (
    AddStep,
    EndSession,
    SaveLog,
    SessionRef,
    StartSession,
    Write,
)

if TYPE_CHECKING:
    from psoas_desktop.storage.write_queue import WriteQueue

log = logging.getLogger(__name__)

SUFFIX = ".kept.jsonl"
_KINDS: dict[str, type[Write]] = {
    "start": StartSession, "step": AddStep, "end": EndSession, "log": SaveLog}
_NAMES = {kind: name for name, kind in _KINDS.items()}


def side_file(history: Path, folder: Path | None = None) -> Path:
    return (folder or history.parent) / f"{history.name}{SUFFIX}"


def _record(write: Write) -> dict[str, Any]:
    record: dict[str, Any] = {"write": _NAMES[type(write)]}
    for item in fields(write):
        value = getattr(write, item.name)
        if isinstance(value, SessionRef):
            record["session_key"], record["session_id"] = value.key, value.id
        else:
            record[item.name] = value
    return record


def _write(record: dict[str, Any], refs: dict[str, SessionRef]) -> Write:
    kind = _KINDS[record.pop("write")]
    key, known = record.pop("session_key"), record.pop("session_id")
    ref = refs.setdefault(key, SessionRef(known, key))
    if kind is StartSession:
        record["targets"] = tuple(tuple(t) for t in record["targets"])
    if kind is AddStep:
        record["values"] = tuple(record["values"])
    if kind is SaveLog:
        record["details"] = tuple(record.get("details", ()))
    return kind(ref=ref, **record)


def keep(writes: Sequence[Write], history: Path, fallbacks: Iterable[Path] = ()) -> Path | None:
    """Write `writes` to the first side file that can be written; None if none could."""
    if not writes:
        return None
    text = "".join(json.dumps(_record(w)) + "\n" for w in writes)
    for folder in (history.parent, *fallbacks):
        target = side_file(history, folder)
        try:
            write_private(target, text)
        except OSError as exc:
            log.warning("cannot keep %d rows in %s: %s", len(writes), target, exc)
            continue
        log.warning("kept %d rows not yet written to the history in %s", len(writes), target)
        return target
    log.error("%d rows could not be kept anywhere: %r", len(writes), writes)
    return None


def found(history: Path, fallbacks: Iterable[Path] = ()) -> list[Path]:
    """Side files left by an earlier run, beside the history first."""
    candidates = [side_file(history, folder) for folder in (history.parent, *fallbacks)]
    return [c for c in dict.fromkeys(candidates) if c.is_file() and not c.is_symlink()]


def read(path: Path) -> list[Write]:
    """The writes kept in `path`; a line that cannot be read is logged and left out."""
    refs: dict[str, SessionRef] = {}
    writes: list[Write] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            writes.append(_write(json.loads(line), refs))
        except (ValueError, KeyError, TypeError) as exc:
            log.error("%s: line %d cannot be read: %s", path, number, exc)
    return writes


def remove(paths: Iterable[Path]) -> None:
    for path in paths:
        try:
            os.unlink(path)
        except OSError as exc:
            log.warning("cannot remove %s: %s", path, exc)


class Keeper:
    """The side files of one history: merged into its queue at open, written at close."""

    def __init__(self, history: Path, folders: Iterable[Path], merge: bool) -> None:
        self._history = history
        self._folders = tuple(folders)
        self._files = found(history, self._folders) if merge else []
        self.kept_at: Path | None = None
        self.merged = 0

    def merge_into(self, queue: WriteQueue) -> None:
        """Queue the kept rows first; the files go once those rows are written."""
        if not self._files:
            return
        kept = [write for path in self._files for write in read(path)]
        queue.put_first(kept)
        if queue.flush():
            self.merged = len(kept)
            remove(self._files)
            self._files = []

    def keep(self, waiting: Sequence[Write]) -> None:
        if waiting:
            self.kept_at = keep(waiting, self._history, self._folders)
        if self.kept_at is not None or not waiting:
            # Rows merged from older side files are now written, or in the new one.
            remove(p for p in self._files if p != self.kept_at)
            self._files = []
