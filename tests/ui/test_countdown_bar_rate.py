"""The step bar is redrawn as often as it visibly moves: up to BAR_FPS a second for short steps,
once per BAR_STEP_PX of growth for long ones, never for a change smaller than a pixel, and not
at all while the window is hidden or minimised."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QEvent, QObject

from psoas_desktop.ui.countdown import (
    BAR_FPS,
    BAR_STEP_PX,
    CountdownPanel,
    bar_redraws_per_second,
)

# The offscreen platform cannot pass a window's size hints on; harmless, and not ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def panel_with_bar(qtbot, width: int = 600) -> CountdownPanel:
    panel = CountdownPanel()
    qtbot.addWidget(panel)
    panel.resize(width + 48, 400)  # the layout's margins are 24 a side
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_short_steps_animate_at_full_rate_and_long_ones_per_pixel(qtbot) -> None:
    panel = panel_with_bar(qtbot)
    width = panel.bar.width()
    panel.animate_progress(lambda: 0.5, seconds=5)  # 5 s over ~600 px: faster than BAR_FPS
    assert panel._animation.interval() == 1000 // BAR_FPS
    panel.animate_progress(lambda: 0.5, seconds=40)  # 40 s: 15 px a second, 3 px a redraw
    assert bar_redraws_per_second(width, 40) == 5 == 1000 // panel._animation.interval()
    panel.animate_progress(lambda: 0.5, seconds=3600)  # at least twice a second
    assert panel._animation.interval() == 500
    panel.animate_progress(lambda: 0.5)  # length unknown: full rate
    assert panel._animation.interval() == 1000 // BAR_FPS
    assert panel.animating()
    assert bar_redraws_per_second(width, 120) == math.ceil(width / 120 / BAR_STEP_PX)


def test_the_redraws_fall_between_the_seconds(qtbot) -> None:
    """Called on a second's repaint, the bar is redrawn between it and the next one only: it
    never has a redraw of its own due when the next second's digits are."""
    panel = panel_with_bar(qtbot)
    asked = []
    panel.animate_progress(lambda: asked.append(1) or 0.5, seconds=40)  # 5 a second
    for _ in range(4):  # fires at 200, 400, 600, 800 ms
        panel._animation.timeout.emit()
    assert len(asked) == 4 and panel.animating()
    panel._animation.timeout.emit()  # at 1000 ms the second's own repaint draws the bar
    assert len(asked) == 4 and not panel.animating()
    panel.animate_progress(lambda: asked.append(1) or 0.5, seconds=40)  # that repaint
    assert panel.animating()
    panel._animation.timeout.emit()
    assert len(asked) == 5


def test_the_bar_repaints_only_when_it_moves_a_pixel(qtbot) -> None:
    panel = panel_with_bar(qtbot)
    bar = panel.bar
    counter = PaintCounter()
    bar.installEventFilter(counter)
    bar.set_fraction(0.5)
    qtbot.waitUntil(lambda: counter.count == 1)
    step = 0.3 / bar.width()  # under half a pixel
    bar.set_fraction(0.5 + step)
    bar.set_fraction(0.5 - step)
    qtbot.wait(50)
    assert counter.count == 1 and bar.fraction == 0.5 - step
    bar.set_fraction(0.5 + 2 / bar.width())
    qtbot.waitUntil(lambda: counter.count == 2)
    bar.set_fraction(0.0)  # back to empty: the track alone
    qtbot.waitUntil(lambda: counter.count == 3)
    bar.set_fraction(1e-6)  # any start shows the rounded end of the fill
    qtbot.waitUntil(lambda: counter.count == 4)


def test_no_redraws_while_the_window_is_hidden_or_minimised(qtbot) -> None:
    panel = panel_with_bar(qtbot)
    fraction = [0.1]

    def progress() -> float:
        fraction[0] += 0.05
        return fraction[0]

    counter = PaintCounter()
    panel.bar.installEventFilter(counter)
    panel.animate_progress(progress, seconds=5)
    qtbot.waitUntil(lambda: counter.count >= 2)
    panel.showMinimized()
    qtbot.waitUntil(lambda: not panel.animating())
    asked, painted = fraction[0], counter.count
    panel._animation.timeout.emit()  # a fire already queued when it was minimised
    assert fraction[0] == asked and not panel.animating()
    panel.showNormal()
    qtbot.waitUntil(panel.animating)
    qtbot.waitUntil(lambda: counter.count > painted)
    panel.hide()
    qtbot.waitUntil(lambda: not panel.animating())
    asked = fraction[0]
    panel._animation.timeout.emit()
    assert fraction[0] == asked
    panel.show()
    qtbot.waitUntil(panel.animating)


def test_a_repaint_covers_only_the_strip_that_changed(qtbot) -> None:
    panel = panel_with_bar(qtbot)
    bar = panel.bar
    rects = []

    class Rects(PaintCounter):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                rects.append(event.rect())
            return False

    bar.set_fraction(0.5)
    qtbot.wait(20)
    watcher = Rects()
    bar.installEventFilter(watcher)
    bar.set_fraction(0.5 + 4 / bar.width())
    qtbot.waitUntil(lambda: bool(rects))
    assert rects[-1].width() < bar.width() / 4
    assert rects[-1].contains(round(bar.width() * 0.5) + 2, bar.height() // 2)
