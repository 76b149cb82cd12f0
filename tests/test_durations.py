"""Every place a length is shown reads it the same way: an hour and more as h:mm:ss."""

from __future__ import annotations

from psoas_desktop.core.durations import countdown_text, duration_text
from psoas_desktop.core.status_words import status_word


def test_an_hour_reads_the_same_in_the_window_the_countdown_and_the_command_line() -> None:
    from psoas_desktop.storage.history_cli import status_word as cli_status_word
    from psoas_desktop.ui.session_table import length_text
    from psoas_desktop.ui.step_text import clock_text

    assert duration_text(3700) == "1:01:40"
    assert length_text(3700) == "1:01:40"
    assert clock_text(3700) == countdown_text(3700) == "1:01:40"
    assert cli_status_word is status_word


def test_the_countdown_shows_bare_seconds_under_a_minute() -> None:
    assert [countdown_text(s) for s in (-3, 0, 9, 59, 60, 65, 600)] == [
        "0", "0", "9", "59", "1:00", "1:05", "10:00"]


def test_the_length_note_reads_an_hour_as_the_rest_do() -> None:
    from psoas_desktop.core.routine_file import load_book
    from psoas_desktop.core.routines import Range, length_note
    from psoas_desktop.resources import builtin_routines

    routine = load_book(builtin_routines()).routines[0]
    from dataclasses import replace

    note = length_note(replace(routine, minutes=Range(10, 15, 12)), 3700)
    assert "the session 1:01:40, past" in note


def test_status_words_read_plainly_and_pass_unknown_ones_through() -> None:
    assert status_word("finished_early") == "finished early"
    assert status_word("completed") == "completed"
    assert status_word("paused_forever") == "paused_forever"
