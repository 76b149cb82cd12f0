"""The session page laid out at every size from 720x520 up, across steps of each built-in
routine: the digits are the tallest text, no label is clipped, wrapped or overlapped, the
exercise list keeps its words together, the buttons fit, and nothing moves between steps."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontInfo, QFontMetrics, QFontMetricsF
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QToolButton, QWidget

from psoas_desktop.ui.exercise_list import MINIMUM_WIDTH
from psoas_desktop.ui.fit_label import FitLabel

SIZES = [(720, 520), (800, 600), (1366, 768), (1920, 1080)]
ROUTINES = ["psoas-strength", "psoas-stretch", "strength-then-stretch"]


def _visible_labels(root: QWidget) -> list[QLabel]:
    return [label for label in root.findChildren(QLabel)
            if label.isVisibleTo(root.window()) and label.text()]


def _check_label(label: QLabel, where: str) -> None:
    metrics = QFontMetricsF(label.font())
    room = label.contentsRect()
    assert not label.wordWrap(), f"{where}: {label.accessibleName()!r} wraps"
    shown = label.shown_text() if isinstance(label, FitLabel) else label.text()
    for line in shown.splitlines():
        width = metrics.horizontalAdvance(line)
        assert width <= room.width() + 1, (
            f"{where}: {label.accessibleName()!r} {line!r} needs {width:.0f} px of "
            f"{room.width()}")
    lines = max(1, len(shown.splitlines()))
    assert metrics.height() * lines <= room.height() + 1, (
        f"{where}: {label.accessibleName()!r} is {room.height()} px high for "
        f"{lines} line(s) of {metrics.height():.0f}")


def _no_overlap(widgets: list[QWidget], where: str) -> None:
    rects = [(w, QRect(w.mapTo(w.window(), w.rect().topLeft()), w.size())) for w in widgets]
    for i, (a, ra) in enumerate(rects):
        for b, rb in rects[i + 1:]:
            assert not ra.intersects(rb), (
                f"{where}: {a.accessibleName()!r} overlaps {b.accessibleName()!r}")


def _check_page(window, where: str) -> None:
    countdown = window.countdown
    digits = countdown.digits.font_pixel_size()
    page = [*_visible_labels(window.session_page), *_visible_labels(window.progress)]
    for label in page:
        pixels = QFontInfo(label.font()).pixelSize()
        assert pixels < digits, (
            f"{where}: {label.accessibleName()!r} at {pixels} px is not smaller than the "
            f"digits at {digits} px")
    for label in _visible_labels(countdown) + _visible_labels(window.progress):
        _check_label(label, where)
    lines = [w for w in (*countdown.labels().values(), countdown.digits, countdown.bar)
             if w.isVisibleTo(window)]
    _no_overlap(lines, where)
    found = [*window.controls.findChildren(QPushButton),
             *window.controls.findChildren(QToolButton)]
    buttons = [w for w in found if w.isVisibleTo(window)] + [window.controls.volume]
    _no_overlap(buttons, where)
    for button in buttons:
        assert window.controls.rect().contains(button.geometry()), f"{where}: {button} spills"


def _check_list(window, where: str) -> None:
    listing = window.exercise_list
    assert listing.width() >= MINIMUM_WIDTH, where
    line = QFontMetricsF(listing.font()).height()
    for row in range(listing.count()):
        item = listing.item(row)
        rect = listing.visualItemRect(item)
        # Name and target, each wrapped once at most: never a word a line.
        assert rect.height() <= 4 * line + 12, f"{where}: item {row} is {rect.height()} px high"
        # And the rect holds the whole wrapped text (the delegate draws 4 px in on each side):
        # too short a rect cuts the last line with an ellipsis.
        needed = QFontMetrics(item.font()).boundingRect(
            QRect(0, 0, rect.width() - 8, 10_000), Qt.TextFlag.TextWordWrap, item.text())
        assert needed.height() <= rect.height(), f"{where}: item {row} is cut short"


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("routine_id", ROUTINES)
def test_the_session_page_fits_at_every_size(window, size, routine_id) -> None:
    window.choose_routine(routine_id)
    window.resize(*size)
    QApplication.processEvents()
    _check_list(window, f"{size[0]}x{size[1]} {routine_id} start page")
    window.start_session()
    steps = len(window.session.timeline.steps)
    # The first steps (get ready, sides, sets, reps) and a sample across the rest.
    sample = set(range(min(10, steps))) | set(range(0, steps, max(1, steps // 15)))
    geometry = None
    for index in sorted(sample):
        window.session.go_to(index)
        window.controller.wake()
        QApplication.processEvents()
        where = f"{size[0]}x{size[1]} {routine_id} step {index}"
        _check_page(window, where)
        _check_list(window, where)
        digits = window.countdown.digits
        now = (digits.geometry(), digits.font_pixel_size())
        assert geometry is None or now == geometry, f"{where}: the digits moved or resized"
        geometry = now
