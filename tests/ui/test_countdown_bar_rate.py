"""The step bar is redrawn as often as it visibly moves: up to BAR_FPS a second for short steps,
once per pixel of growth for long ones, and never for a change smaller than a pixel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject

from psoas_desktop.ui.countdown import BAR_FPS, CountdownPanel

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
    panel.animate_progress(lambda: 0.5, seconds=120)  # 120 s: a pixel every ~200 ms
    assert panel._animation.interval() == int(120_000 / width)
    panel.animate_progress(lambda: 0.5, seconds=3600)  # never slower than once a second
    assert panel._animation.interval() == 1000
    panel.animate_progress(lambda: 0.5)  # length unknown: full rate
    assert panel._animation.interval() == 1000 // BAR_FPS
    assert panel.animating()


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
