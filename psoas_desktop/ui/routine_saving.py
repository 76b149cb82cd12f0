"""Saving from the window: the store's refusals become plain messages, a conflict a question."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from psoas_desktop.core.routine_doc import RoutineDoc
from psoas_desktop.storage.routine_store import (
    BrokenOnDisk,
    InvalidDocument,
    RoutineConflict,
    RoutineStore,
)
from psoas_desktop.ui.routine_sharing import ask_yes, tell


def save_asking(parent: QWidget | None, store: RoutineStore, doc: RoutineDoc,
                fingerprint: str | None) -> str | None:
    """Save `doc`; the new fingerprint, or None when it was not saved (the user was told)."""
    try:
        return store.save(doc, fingerprint)
    except InvalidDocument as exc:
        tell(parent, "Not saved", "Your routines are not saved yet:", "\n".join(exc.problems))
    except BrokenOnDisk as exc:
        tell(parent, "Not saved", "The routines file on disk has a problem and is left as it "
             "is:", "\n".join(exc.error.problems))
    except RoutineConflict:
        if ask_yes(parent, "Changed on disk", f"{store.path} has changed since it was read. "
                   f"Save over it? The version on disk is kept as {store.backup.name}."):
            try:
                return store.save(doc, fingerprint, overwrite_changed=True)
            except (BrokenOnDisk, OSError) as exc:
                tell(parent, "Not saved", f"{store.path}: {exc}")
    except OSError as exc:
        tell(parent, "Not saved", f"{store.path}: {exc.strerror or exc}")
    return None
