"""The reminders dialog: strength days that follow one another cannot be saved; a good plan is
saved as a calendar file."""

from __future__ import annotations

from icalendar import Calendar

from psoas_desktop.ui.reminders_dialog import RemindersDialog


def test_consecutive_days_block_saving_and_a_good_plan_is_written(qtbot, book, tmp_path,
                                                                  monkeypatch) -> None:
    dialog = RemindersDialog(book.get("psoas-strength"), 13, book.get("psoas-stretch"), 15)
    qtbot.addWidget(dialog)
    assert dialog.save.isEnabled()  # Monday and Thursday to start with
    dialog.days[1].setChecked(True)  # Tuesday too: right after Monday
    assert not dialog.save.isEnabled() and "Monday and Tuesday" in dialog.problems.text()
    dialog.days[1].setChecked(False)
    dialog.lighter.setChecked(True)
    out = tmp_path / "plan.ics"
    monkeypatch.setattr(dialog, "ask_path", lambda: out)
    dialog.export()
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Psoas strength (activation first)",
                                                    "Psoas stretch routine"]
    assert events[0]["rrule"]["COUNT"] == [16]  # 8 weeks of two days
