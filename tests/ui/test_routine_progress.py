"""The routine's progress is shown again every second: it must never repaint at once (before
the new second's digits), and redraws its bar only when the fill moves a pixel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject

from psoas_desktop.ui.routine_progress import RoutineProgress

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def shown_progress(qtbot) -> RoutineProgress:
    progress = RoutineProgress()
    qtbot.addWidget(progress)
    progress.resize(900, 40)
    progress.show()
    qtbot.waitExposed(progress)
    return progress


def test_no_second_repaints_at_once_and_the_bar_only_when_its_fill_moves(qtbot) -> None:
    progress = shown_progress(qtbot)
    total = 1800
    progress.show_progress(0, total, 1, 5, spent=0)
    qtbot.wait(20)
    paints = Paints()
    progress.bar.installEventFilter(paints)
    fills = set()
    for second in range(1, 121):
        progress.show_progress(second, total, 1, 5, spent=second)
        assert paints.count == 0  # nothing painted inside the call
        # Its value is the place in the plan to the pixel it can show.
        shown = progress.bar.value() * progress.bar.width() / total
        assert abs(shown - second * progress.bar.width() / total) <= 1
        fills.add(round(progress.bar.width() * second / total))
    qtbot.wait(20)
    assert progress.times.text() == "2:00 spent · 28:00 of the plan left"
    # 120 s of 1800 over the bar's width is a few dozen pixels: one redraw each at most,
    # not one a second.
    assert 1 <= paints.count <= len(fills) < 120
    progress.show_progress(total, total, 5, 5, spent=total)  # the end is shown exactly
    assert progress.bar.value() == total


def test_a_second_that_changes_nothing_shown_paints_nothing(qtbot) -> None:
    progress = shown_progress(qtbot)
    progress.show_progress(30.2, 600, 2, 5, spent=30.2)
    qtbot.wait(20)
    paints = Paints()
    for widget in (progress, progress.bar, progress.times, progress.exercise):
        widget.installEventFilter(paints)
    progress.show_progress(30.4, 600, 2, 5, spent=30.4)  # same whole second
    qtbot.wait(20)
    assert paints.count == 0
    progress.show_progress(31.4, 600, 2, 5, spent=31.4)
    qtbot.waitUntil(lambda: paints.count > 0)
    assert progress.times.text() == "0:31 spent · 9:29 of the plan left"
