"""The countdown panel: what to do now, the seconds left in huge digits, and what comes next.

A dumb view: the window tells it the texts, the step kind and the progress; it only draws.
The panel's colour says the step kind (get ready, effort, rest, switch) at a glance from the mat.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from psoas_desktop.ui.digits import Digits
from psoas_desktop.ui.fit_label import FitLabel
from psoas_desktop.ui.step_bar import StepBar
from psoas_desktop.ui.theme import PANEL_TEXT, kind_colour

# Repaints of the step bar per second while a step runs (only the bar, only while running), at
# most; a long step is redrawn about once per BAR_STEP_PX of growth instead, which on a wide
# window is a few times a second, and at least twice (bench/idle_cost.py: at a steady 20 a
# second the bar took about 3 x the CPU of the rest of a running session). The redraws divide
# each second evenly from the second's own repaint, and the last comes a share of a second
# before the next one: none is ever painting when a new second is due. While the window is
# hidden or minimised it is not redrawn at all.
BAR_FPS = 10
BAR_STEP_PX = 3
BADGE_WIDEST, BADGE_PADDING = "RIGHT", 14  # the side badge's widest word, and its padding
# Each line's size in units of the panel (a hundredth of its height, or a sixtieth of its width
# when that is less), its smallest size in pixels, and whether it is bold. What is left of the
# height goes to the digits, which are thus always the largest text on the page.
LINES = {"exercise": (4.2, 12, False), "phase": (8.0, 16, True), "cue": (3.4, 11, False),
         "side": (4.6, 12, True), "counts": (4.2, 12, False), "next": (4.0, 12, False),
         "side_words": (3.2, 11, True)}


def bar_redraws_per_second(bar_width: int, seconds: float | None) -> int:
    """How often a second the bar of a `seconds` long step is drawn (the second's own repaint
    included): once per BAR_STEP_PX it grows, from 2 to BAR_FPS; BAR_FPS when the length is
    not known."""
    if not seconds:
        return BAR_FPS
    return max(2, min(BAR_FPS, math.ceil(bar_width / seconds / BAR_STEP_PX)))


class CountdownPanel(QFrame):
    """Exercise, phase, side and counts above the digits; the step bar and what is next below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.setAccessibleName("Countdown")
        self._kind = "idle"
        self._dark = False
        # One line each, elided or shrunk rather than wrapped, of a height fixed by the panel's
        # size alone: a longer or missing text never moves the digits.
        self.exercise = FitLabel("", self, "Exercise")
        self.phase = FitLabel("", self, "Phase")
        # The cue is a sentence: it may shrink further than the rest before it is cut.
        self.cue = FitLabel("", self, "What to do", shrink_floor=0.55)
        self.side = FitLabel("", self, "Side")
        self.counts = FitLabel("", self, "Set and rep")
        self.digits = Digits(self)
        self.bar = StepBar(self)
        self.next = FitLabel("", self, "Next")
        self.side_words = FitLabel("", self, "What the side means")  # 'Left leg hangs'
        policy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)
        self.side.setSizePolicy(policy)

        # The badge ends at the middle and the counts start there: neither moves when the
        # other changes or goes.
        self.counts.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        where = QHBoxLayout()
        where.setSpacing(16)
        badge = QHBoxLayout()
        badge.addStretch(1)
        badge.addWidget(self.side)
        where.addLayout(badge, 1)
        where.addWidget(self.counts, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(6)
        layout.addWidget(self.exercise)
        layout.addWidget(self.phase)
        layout.addWidget(self.cue)
        layout.addLayout(where)
        layout.addWidget(self.side_words)
        layout.addWidget(self.digits, 1)
        layout.addWidget(self.bar)
        layout.addSpacing(6)
        layout.addWidget(self.next)

        self._progress: Callable[[], float] | None = None
        self._between = 0  # the bar's redraws left before the next second's repaint
        self._watched: QWidget | None = None  # the window whose hiding stops the bar
        self._animation = QTimer(self)
        self._animation.setInterval(1000 // BAR_FPS)
        self._animation.timeout.connect(self._animate)
        self._paint_colours()

    # --- what it shows ------------------------------------------------------------------------

    def show_step(self, *, exercise: str, phase: str, cue: str, side: str, counts: str,
                  seconds: str, next_up: str, kind: str) -> None:
        self.exercise.setText(exercise)
        self.phase.setText(phase)
        self.cue.setText(cue)  # an empty cue keeps its line, so the digits stay put
        self.side.setText(side)
        # Hidden, the badge keeps its place in the row: the counts beside it do not shift.
        self.side.setVisible(bool(side))
        self.counts.setText(counts)
        self.digits.setText(seconds)
        self.next.setText(next_up)
        self.set_kind(kind)

    def set_side_words(self, text: str) -> None:
        """What the side means for this exercise, right under the side badge."""
        self.side_words.setText(text)

    def set_kind(self, kind: str, dark: bool | None = None) -> None:
        dark = self._dark if dark is None else dark
        if (kind, dark) != (self._kind, self._dark):
            self._kind, self._dark = kind, dark
            self._paint_colours()

    @property
    def kind(self) -> str:
        return self._kind

    def background(self) -> QColor:
        return self.palette().color(self.backgroundRole())

    def set_progress(self, fraction: float) -> None:
        self.bar.set_fraction(fraction)

    def animate_progress(self, source: Callable[[], float] | None,
                         seconds: float | None = None) -> None:
        """Refresh the bar from `source` while the step (`seconds` long) runs, between the
        seconds: called on each second's repaint, it redraws the bar `bar_redraws_per_second`
        - 1 times before the next. None stops (the idle path: then the bar moves only when the
        window repaints on a second boundary)."""
        self._progress = source
        if source is None:
            self._animation.stop()
            return
        per_second = bar_redraws_per_second(self.bar.width(), seconds)
        interval = 1000 // per_second
        if self._animation.interval() != interval:
            self._animation.setInterval(interval)
        self._between = per_second - 1  # the next second's own repaint is the last
        self._watch_window()
        self._animation.start()  # (again) from this second: its redraws fall between seconds

    def animating(self) -> bool:
        return self._animation.isActive()

    def _seen(self) -> bool:
        window = self.window()
        return self.isVisible() and not window.isMinimized()

    def _resume(self) -> None:
        """Run the bar's timer while there is progress to show and someone can see it."""
        if self._progress is None or not self._seen():
            self._animation.stop()
        elif not self._animation.isActive():
            self._between = BAR_FPS  # where in the second is not known: until the next one
            self._animation.start()

    def _watch_window(self) -> None:
        window = self.window()
        if window is not self._watched:
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            window.installEventFilter(self)
            self._watched = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.WindowStateChange, QEvent.Type.Show,
                            QEvent.Type.Hide):
            QTimer.singleShot(0, self, self._resume)  # once the new state has settled
        return False

    def _animate(self) -> None:
        if self._progress is None or not self._seen() or self._between <= 0:
            self._animation.stop()  # hidden or minimised: started again when shown
            return
        self._between -= 1
        self.bar.set_fraction(self._progress())

    # --- how it looks -------------------------------------------------------------------------

    def _paint_colours(self) -> None:
        colour = kind_colour(self._kind, self._dark)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), colour)
        palette.setColor(self.foregroundRole(), PANEL_TEXT)
        self.setPalette(palette)
        self.side.setStyleSheet(
            f"background: white; color: {colour.name()}; border-radius: 10px;"
            f" padding: 2px {BADGE_PADDING}px; font-weight: bold;")

    def labels(self) -> dict[str, FitLabel]:
        return {name: getattr(self, name) for name in LINES}

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        unit = min(self.height() / 100, self.width() / 60)
        for name, label in self.labels().items():
            size, floor, bold = LINES[name]
            label.set_pixel_size(max(floor, round(unit * size)), bold)
        # The badge is as wide as its widest word, so LEFT and RIGHT do not shift the counts;
        # the counts line up with it.
        badge = self.side.font()
        badge.setPixelSize(self.side.pixel_size())
        badge.setBold(True)
        self.side.setFixedSize(QFontMetricsF(badge).horizontalAdvance(BADGE_WIDEST).__ceil__()
                               + 2 * BADGE_PADDING + 4, self.side.height() + 4)
        self.counts.setFixedHeight(self.side.height())
        self.bar.setFixedHeight(max(8, round(unit * 1.8)))
