"""The report: what it says from the history, and the PDF on one or two pages."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta

import pytest

from psoas_desktop.cli import main
from psoas_desktop.core.routine_file import load_book
from psoas_desktop.core.routines import Target
from psoas_desktop.core.timeline import Step, StepKind
from psoas_desktop.core.training_log import LogDetails, RomUnit, TaskUnit
from psoas_desktop.report.data import gather
from psoas_desktop.resources import builtin_routines
from psoas_desktop.storage.history import History
from psoas_desktop.storage.writes import PlannedTarget

BOOK = load_book(builtin_routines())
TODAY = date(2026, 3, 25)  # a Wednesday, in the fourth week of the period below
FIRST = datetime(2026, 3, 2, 8, tzinfo=UTC)  # the Monday three weeks before


def session(history: History, day: int, routine: str = "psoas-strength", done: bool = True,
            details: LogDetails | None = None, notes: str = "",
            first: datetime = FIRST) -> None:
    """A session `day` days after `first`; the dumbbell (2 kg) comes in on day 14."""
    when = first + timedelta(days=day)
    load = 2 if day >= 14 else 0
    targets = [PlannedTarget("standing-slumpy-psoas", Target(2, 4, 5, load), 1, "kg")]
    ref = history.start_session(routine, routine, when, 100, targets, 2)
    history.add_step(ref, 0, Step(StepKind.HOLD, 100 if done else 10), 100, False, when)
    history.end_session(ref, "completed", when, 100)
    history.save_log(ref, 3, 4, notes, details or LogDetails())


@pytest.fixture
def history(tmp_path):
    h = History(tmp_path / "history.sqlite3")
    fill(h, FIRST)
    yield h
    h.close()


def fill(h: History, first: datetime) -> None:
    for day in (0, 3, 7, 14, 16):
        session(h, day, details=LogDetails(
            task="Tying shoes", task_unit=TaskUnit.RATING, task_value=day / 2,
            rom_left=4 + day / 7, rom_right=7, rom_unit=RomUnit.SCALE), first=first)
    session(h, 10, done=False, first=first)  # a tenth of the plan: does not count
    session(h, 15, details=LogDetails(pain_kind=("sharp",), pain_where=("groin",)),
            notes="sharp in the groin on the lunge", first=first)
    session(h, 2, routine="psoas-stretch", first=first)


def test_the_report_counts_weeks_against_targets_and_follows_the_load(history) -> None:
    data = gather(history.sessions(), history.session_targets(), BOOK, 4, TODAY)
    assert data.start == date(2026, 3, 2) and data.week_starts[-1] == date(2026, 3, 23)
    strength = next(r for r in data.routines if r.name == "Psoas strength (activation first)")
    assert strength.per_week == (2, 1, 3, 0)  # day 10 did a tenth of its plan: not counted
    assert strength.met == 2  # weeks 1 and 3; this week is not over yet, so not a miss
    (slumpy,) = data.targets
    assert slumpy.loads == ((date(2026, 3, 16), "2 kg"),) and slumpy.changes == 1
    assert "no dumbbell" in slumpy.first and "2 kg" in slumpy.latest
    assert data.warnings == [(date(2026, 3, 17), "sharp · groin")]
    assert data.notes == [(date(2026, 3, 17), "psoas-strength", "sharp in the groin on the lunge")]


def test_older_sessions_stay_out_of_the_period(history) -> None:
    data = gather(history.sessions(), history.session_targets(), BOOK, 1, TODAY)
    assert data.rows == [] and data.routines == []


@pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
                    reason="poppler-utils are not installed")
def test_the_command_writes_a_pdf_of_one_or_two_pages(tmp_path, capsys) -> None:
    data_dir = tmp_path / "data"
    recent = History(data_dir / "history.sqlite3")
    fill(recent, datetime.now(UTC) - timedelta(days=20))  # inside the last 8 weeks
    recent.close()
    out = tmp_path / "report.pdf"
    assert main(["--data-dir", str(data_dir), "--config-dir", str(tmp_path / "c"), "report",
                 "--weeks", "8", str(out)]) == 0
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    pages = int(next(line.split()[-1] for line in info.stdout.splitlines()
                     if line.startswith("Pages:")))
    assert 1 <= pages <= 2
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    for words in ("training report", "met the target", "Targets and loads", "Standing slumpy",
                  "2 kg", "Sharp, pinching, numb or tingling", "sharp in the groin"):
        assert words in text, words
    assert "Wrote the report" in capsys.readouterr().err


@pytest.mark.parametrize(("args", "code", "said"), [
    (["report", "--weeks", "0", "r.pdf"], 2, "--weeks must be 1 to 104"),
    (["report", "r.txt"], 2, "name it FILE.pdf"),
])
def test_bad_report_arguments_are_one_line(tmp_path, capsys, args, code, said) -> None:
    assert main(["--data-dir", str(tmp_path), *args]) == code
    err = capsys.readouterr().err
    assert said in err and err.count("\n") == 1


def test_the_history_window_button_writes_the_report(qtbot, tmp_path, monkeypatch) -> None:
    from psoas_desktop.ui.history_view import HistoryView

    h = History(tmp_path / "history.sqlite3")
    fill(h, datetime.now(UTC) - timedelta(days=20))
    view = HistoryView(h, BOOK, refresh_delay_ms=0)
    qtbot.addWidget(view)
    out = tmp_path / "from-window.pdf"
    monkeypatch.setattr(view, "ask_report_path", lambda: out)
    view.report_weeks.setValue(4)
    view.report_button.click()
    assert out.read_bytes().startswith(b"%PDF") and "Wrote the report of 8 sessions" in (
        view.summary.text())
    h.close()
