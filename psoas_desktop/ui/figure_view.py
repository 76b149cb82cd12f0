"""The figure beside the countdown: it draws the pose the core gives for this moment.

It computes nothing about the exercise: the frame comes from core.figure_motion for the
session's step and progress (the tick that asks for a repaint hands its frame to that paint).
It animates only while a session runs, the window shows, motion is on and the figure actually
moves (a settled hold is still: no timer runs then); with motion off it shows the key pose of
the step. A frame costs about 1 ms, so it repaints only the strip where some joint has moved a
whole pixel, wakes as often as the movement's speed needs that (from FIGURE_FPS down to
CRAWL_FPS; IDLE_FPS when a moving step is momentarily still), is not repainted when the
session's second changes but the picture does not (nor works the frame out while its timer
follows the step), works nothing out at all while hidden, and paints its own background so that
nothing behind it repaints (bench/idle_cost.py).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QHideEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from psoas_desktop.core.engine import Session, State
from psoas_desktop.core.figure_motion import FigureFrame, frame_for, in_motion, pose_at
from psoas_desktop.core.figure_views import drawn_points
from psoas_desktop.core.poses import FigureBook, builtin_figures
from psoas_desktop.core.skeleton import BONES
from psoas_desktop.core.timeline import StepKind
from psoas_desktop.platform.settings import Settings
from psoas_desktop.ui.countdown import CountdownPanel
from psoas_desktop.ui.figure_painter import (
    GLOW_RADIUS,
    colours,
    frame_scale,
    paint_figure,
    world_transform,
)
from psoas_desktop.ui.figure_size import digits_width_per_pixel, figure_width
from psoas_desktop.ui.theme import is_dark

FIGURE_FPS = 10  # at most: enough for these slow, eased movements; far below any display's
IDLE_FPS = 5  # at rest within a moving step: an easing from rest is caught within 200 ms
CRAWL_FPS = 2  # at least, while it creeps under a pixel per 200 ms (the ball's slow slide)
JITTER = 12  # pixels: smaller changes of the room are ignored, so the layout stays still


def _moved(a: dict[str, tuple[float, float]], b: dict[str, tuple[float, float]]) -> float:
    """The farthest any joint lies from where it was (infinite when there is nothing to
    compare: paint then)."""
    if not a or a.keys() != b.keys():
        return math.inf
    return max(math.dist(a[k], b[k]) for k in a)


class FigureView(QWidget):
    def __init__(self, parent: QWidget | None = None, book: FigureBook | None = None,
                 in_guide: bool = False) -> None:
        """`in_guide`: as wide as the guide, and a little over half as high."""
        super().__init__(parent)
        self.setAccessibleName("Figure")
        self._in_guide = in_guide
        self._book = book or builtin_figures()
        self._session: Session | None = None
        self._motion = True
        self._highlight = True
        self._timer = QTimer(self)
        self._timer.setInterval(1000 // FIGURE_FPS)
        self._timer.timeout.connect(self._tick)
        self._painted: dict[str, tuple[float, float]] = {}  # joints at the last paint, in px
        # The frame and pixels a tick worked out for the repaint it asked for.
        self._ready: tuple[FigureFrame | None, dict[str, tuple[float, float]]] | None = None
        self._look: tuple[object, float, str] | None = None  # figure, facing, key last painted
        self._seen: tuple[float, dict[str, tuple[float, float]]] = (0.0, {})  # last tick
        self._step: tuple[object, ...] | None = None  # the session, step and state last shown
        self._page: QWidget | None = None
        self._countdown: CountdownPanel | None = None
        self._elsewhere: Callable[[], bool] = lambda: False
        # It paints its own background, so a repaint of the figure stops at the figure.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        if in_guide:
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.setFixedHeight(160)
        else:
            self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
            self.setFixedWidth(0)

    # --- what it shows ------------------------------------------------------------------------

    def show_session(self, session: Session | None) -> None:
        """Show `session`'s step now; called whenever the session moves."""
        self._session = session if session is not None and session.state is not State.FINISHED \
            else None
        step = None if session is None else (session, session.index, session.state)
        if step == self._step and self._timer.isActive():
            self._arm()  # the same step: the timer follows every pixel, unless it has settled
            return
        self._step = step
        self._ready = None
        if not self.isVisible():  # the one beside the countdown while the guide shows its own
            self._timer.stop()  # nothing to work out each second: shown, it catches up
            return
        self._show_frame()

    def _show_frame(self) -> None:
        frame = self.frame()  # once: the tooltip and the repaint check both read it
        self.setToolTip(frame.figure.id.replace("-", " ") if frame else "")
        self._arm()
        self._update_if_changed(frame)

    def _update_if_changed(self, frame: FigureFrame | None) -> None:
        """Repaint only when the picture would change: the session moves every second, the
        figure mostly not (a still hold, or a moving step the timer already follows)."""
        look = None if frame is None else (frame.figure, frame.facing, frame.key)
        if look != self._look or _moved(self._pixels(frame), self._painted) >= 1.0:
            self.update()

    def set_motion(self, on: bool) -> None:
        """Off: the still key pose of each step, and no animation timer at all."""
        self._motion = on
        self._ready = None
        self._arm()
        self.update()

    def bind(self, settings: Settings) -> None:
        """Follow the motion setting from now on."""
        self.set_motion(settings.figure_motion)
        settings.changed.connect(
            lambda key: self.set_motion(settings.figure_motion)
            if key == "look/figure_motion" else None)

    def animating(self) -> bool:
        return self._timer.isActive()

    def frame(self) -> FigureFrame | None:
        """The frame to draw now: the pose at this moment, or with motion off the step's key
        pose (a hold's pose, a moving step's start, the side it ends on)."""
        session = self._session
        if session is None:
            return None
        steps, index = session.timeline.steps, session.index
        if self._motion:
            return frame_for(self._book, session.timeline.routine, steps, index,
                             session.progress())
        frame = frame_for(self._book, session.timeline.routine, steps, index, 1.0)
        if frame is not None and session.step.kind is StepKind.WORK:
            frame = pose_at(frame.figure, session.step, 0.0)
        return frame

    # --- when it moves ------------------------------------------------------------------------

    def _should_animate(self) -> bool:
        session = self._session
        if not self._motion or session is None or session.state is not State.RUNNING:
            return False
        if not self.isVisible() or self.width() == 0 or self.window().isMinimized():
            return False
        steps, index = session.timeline.steps, session.index
        return in_motion(session.step, session.progress(), steps[index - 1] if index else None)

    def _arm(self) -> None:
        if self._should_animate():
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()

    def _tick(self) -> None:
        """Repaint what moved a pixel since the last paint (only that part of the widget);
        wake again when the current speed will have moved about a pixel."""
        now = time.monotonic()
        frame = self.frame()
        points = self._pixels(frame)
        if _moved(points, self._painted) >= 1.0:
            self._ready = (frame, points)  # the paint this asks for draws just this
            self.update(self._changed_rect(frame, points))
        before, seen = self._seen
        speed = _moved(points, seen) / max(now - before, 1e-3) if seen else 0.0
        self._seen = (now, points)
        # Still: look again soon, an easing may start. Creeping: wake when about a pixel is due.
        interval = 1000 / IDLE_FPS if speed <= 0 else min(1000 / CRAWL_FPS, 1000 / speed)
        self._timer.setInterval(int(max(1000 / FIGURE_FPS, interval)))
        self._arm()  # a hold that has settled stops the timer until the next step

    def _target(self) -> QRectF:
        margin = min(self.width(), self.height()) * 0.04
        return QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)

    def _pixels(self, frame: FigureFrame | None) -> dict[str, tuple[float, float]]:
        """Where each joint of `frame` is drawn, in the widget's pixels."""
        if frame is None:
            return {}
        world = world_transform(frame, self._target())  # a scale and a shift, no turn
        sx, sy, dx, dy = world.m11(), world.m22(), world.dx(), world.dy()
        return {name: (sx * x + dx, sy * y + dy)
                for name, (x, y) in drawn_points(frame.figure.view, frame.pose).items()}

    def _changed_rect(self, frame: FigureFrame | None,
                      points: dict[str, tuple[float, float]]) -> QRect:
        """The part of the widget a move from the last paint to `points` touches: every bone
        with a moving end, old and new, widened by the thickest limb and the glow; all of it
        when a prop (a band, a turn) could reach further."""
        old = self._painted
        if frame is None or not old or old.keys() != points.keys() or frame.facing not in (
                1.0, -1.0) or any(p.kind == "band" or p.poses for p in frame.figure.props):
            return self.rect()
        moved = {k for k in points if math.dist(points[k], old[k]) >= 0.5}
        ends = set(moved)
        for _bone, a, b in BONES:
            if a in moved or b in moved:
                ends.update((a, b))
        if "shoulder" in moved:
            ends.add("head")
        if not ends:
            return QRect()
        xs = [p[0] for k in ends for p in (points[k], old[k])]
        ys = [p[1] for k in ends for p in (points[k], old[k])]
        pad = math.ceil(GLOW_RADIUS * frame_scale(frame, self._target())) + 2
        return QRect(int(min(xs)) - pad, int(min(ys)) - pad, int(max(xs) - min(xs)) + 2 * pad,
                     int(max(ys) - min(ys)) + 2 * pad)

    def showEvent(self, event: QShowEvent) -> None:
        self._ready = None
        self._show_frame()

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()

    # --- drawing ------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(self.width(), self.height() if self._in_guide else 300)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._ready = None  # its pixels were for the old size
        if self._in_guide:
            height = max(90, min(280, int(self.width() * 0.6)))
            if abs(height - self.height()) >= JITTER:
                self.setFixedHeight(height)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._ready is not None:  # a tick has just worked out this moment
            (frame, points), self._ready = self._ready, None
        else:
            frame = self.frame()
            points = self._pixels(frame)
        painter = QPainter(self)
        background = self.palette().color(self.backgroundRole())
        painter.fillRect(event.rect(), background)  # opaque: nothing behind it repaints
        if frame is None:
            painter.end()
            self._painted, self._look = {}, None
            return
        palette = colours(is_dark(self.palette()), background)
        paint_figure(painter, self._target(), frame, palette, self._highlight)
        painter.end()
        self._painted = points
        self._look = (frame.figure, frame.facing, frame.key)

    # --- size ---------------------------------------------------------------------------------

    def follow_size_of(self, page: QWidget, countdown: CountdownPanel,
                       elsewhere: Callable[[], bool] = lambda: False) -> None:
        """Size to `page` beside `countdown`, refit whenever the page is resized; none at
        all while `elsewhere()` (the guide is open and shows a figure of its own)."""
        self._page, self._countdown, self._elsewhere = page, countdown, elsewhere
        page.installEventFilter(self)

    def refit(self) -> None:
        if self._page is None or self._countdown is None:
            return
        margins = self._countdown.contentsMargins()
        width = 0 if self._elsewhere() else figure_width(
            self._page.width(), self._page.height(),
            digits_width_per_pixel(self._countdown.digits, self._step_seconds()),
            margins.left() + margins.right())
        if abs(width - self.width()) >= JITTER or (width == 0) != (self.width() == 0):
            self.setFixedWidth(width)
        self.setVisible(self.width() > 0)

    def _step_seconds(self) -> int:
        """The longest step of the session: the digits are sized for its text all through
        (so neither they nor the figure change size from one step to the next)."""
        if self._session is None:
            return 0
        return max(step.seconds for step in self._session.timeline.steps)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._page:
            self.refit()
        return False
