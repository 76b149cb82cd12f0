"""How a session's stored status reads, in the window's table and on the command line alike."""

from __future__ import annotations

STATUS_WORDS = {
    "completed": "completed",
    "finished_early": "finished early",
    "interrupted": "interrupted",
    "running": "running",
}


def status_word(status: str) -> str:
    """The words for a stored status; one this version does not know reads as it is."""
    return STATUS_WORDS.get(status, status)
