"""The start page says when the chosen targets take the stretch routine past its 15 minutes."""

from __future__ import annotations


def test_defaults_say_nothing_and_longer_targets_are_named(window) -> None:
    window.choose_routine("psoas-stretch")
    panel = window.start_panel
    assert panel.length_note.isHidden()
    kneeling = panel.rows["kneeling-hip-flexor-stretch"]
    kneeling.sets.setValue(3)
    kneeling.hold.setValue(60)
    assert not panel.length_note.isHidden()
    assert "past the 10-15 minutes" in panel.length_note.text()
    kneeling.sets.setValue(2)
    kneeling.hold.setValue(30)
    assert panel.length_note.isHidden()


def test_a_routine_without_a_length_never_shows_the_note(window) -> None:
    window.choose_routine("psoas-strength")
    window.start_panel.rows["standing-slumpy-psoas"].sets.setValue(3)
    assert window.start_panel.length_note.isHidden()
