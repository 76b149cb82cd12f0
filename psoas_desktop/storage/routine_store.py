"""Reading and saving the user's routines.json so that no routine is ever lost.

A save checks the document against the schema first, refuses to write over a file that is
broken on disk, asks (RoutineConflict) when the file changed since it was read, keeps the
previous version as routines.json.bak, and replaces the file atomically: a temporary file in
the same folder, fsync, rename, fsync of the folder. A kill at any moment leaves the old file or
the new one. Every file written is owner-only (0600), whatever the umask.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from psoas_desktop.core.routine_doc import RoutineDoc
from psoas_desktop.core.routine_file import RoutineFileError, read_document

log = logging.getLogger(__name__)
OWNER_ONLY = 0o600
BACKUP_SUFFIX = ".bak"


class RoutineSaveError(Exception):
    """A save that did not happen; the file on disk is as it was."""


class InvalidDocument(RoutineSaveError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class BrokenOnDisk(RoutineSaveError):
    """The file on disk cannot be read: it is kept for the user to mend, never overwritten."""

    def __init__(self, error: RoutineFileError) -> None:
        super().__init__(str(error))
        self.error = error


class RoutineConflict(RoutineSaveError):
    """The file changed on disk since it was read: the caller asks before overwriting."""


def fingerprint(data: bytes | None) -> str | None:
    import hashlib  # OpenSSL's, megabytes: only once a file is opened, never at start-up

    return None if data is None else hashlib.sha256(data).hexdigest()


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def encode(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` by `data` in one step; owner-only; the folder entry made durable."""
    temp = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY)
    try:
        os.fchmod(fd, OWNER_ONLY)  # os.open's mode passes through the umask; this does not
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        temp.unlink(missing_ok=True)
        raise
    os.close(fd)
    try:
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


@dataclass
class Opened:
    """What was read: the document (None when the file is broken), the error, the fingerprint."""

    doc: RoutineDoc | None
    error: RoutineFileError | None
    fingerprint: str | None

    @property
    def read_only(self) -> bool:
        return self.doc is None


class RoutineStore:
    def __init__(self, path: Path, builtin: Path) -> None:
        self.path = path
        self.builtin_path = builtin
        self._builtin: dict[str, Any] | None = None

    @property
    def backup(self) -> Path:
        return self.path.with_name(self.path.name + BACKUP_SUFFIX)

    def builtin(self) -> dict[str, Any]:
        if self._builtin is None:
            self._builtin = read_document(self.builtin_path, check_schema=False)
        return self._builtin

    def open(self) -> Opened:
        raw = _read_bytes(self.path)
        if raw is None:
            return Opened(RoutineDoc.empty(self.builtin(), self.path), None, None)
        try:
            data = read_document(self.path)
            doc = RoutineDoc(data, self.builtin(), self.path)
            doc.library()  # ids that name no exercise, ranges upside down...
        except RoutineFileError as exc:
            log.warning("routines file refused: %s", exc)
            return Opened(None, exc, fingerprint(raw))
        return Opened(doc, None, fingerprint(raw))

    def save(self, doc: RoutineDoc, read_fingerprint: str | None,
             overwrite_changed: bool = False) -> str:
        """Write `doc`; returns the new fingerprint to pass to the next save."""
        problems = doc.problems()
        if problems:
            raise InvalidDocument(problems)
        current = _read_bytes(self.path)
        if current is not None:
            try:
                read_document(self.path)
            except RoutineFileError as exc:
                raise BrokenOnDisk(exc) from exc
        if fingerprint(current) != read_fingerprint and not overwrite_changed:
            raise RoutineConflict(f"{self.path} changed on disk since it was read")
        data = encode(doc.data)
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if current is not None:
            write_atomically(self.backup, current)
        write_atomically(self.path, data)
        log.info("saved %s (%d routines)", self.path, len(doc.routines()))
        return fingerprint(data) or ""
