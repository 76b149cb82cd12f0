"""Parts of every history plot: a plot over dates in the window's colours, and the value under
the cursor (the nearest point or bar) as a label beside it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

# x values (sorted), y values, and the text for point i
Series = tuple[np.ndarray, np.ndarray, Callable[[int], str]]


class Hover:
    """Shows the value of the point (or bar) nearest the cursor, as a label beside it."""

    def __init__(self, plot: pg.PlotItem, background: QColor, text: QColor) -> None:
        self.plot = plot
        self.series: list[Series] = []
        self.label = pg.TextItem(color=text, fill=pg.mkBrush(background), border=pg.mkPen(text))
        self.label.setZValue(100)
        self.marker = pg.ScatterPlotItem(size=11, pen=pg.mkPen(text, width=2), brush=None)
        self.marker.setZValue(99)
        for item in (self.label, self.marker):
            plot.addItem(item, ignoreBounds=True)
            item.hide()
        plot.scene().sigMouseMoved.connect(self.moved)

    def set(self, series: Sequence[Series]) -> None:
        self.series = list(series)
        self.hide()

    def hide(self) -> None:
        self.label.hide()
        self.marker.hide()

    def moved(self, pos: QPointF) -> None:
        box = self.plot.vb
        if not box.sceneBoundingRect().contains(pos):
            self.hide()
            return
        best: tuple[float, float, float, str] | None = None
        for xs, ys, describe in self.series:
            if len(xs) == 0:
                continue
            at = box.mapSceneToView(pos)
            i = int(np.searchsorted(xs, at.x()))
            for j in (i - 1, i):
                if 0 <= j < len(xs):
                    point = box.mapViewToScene(QPointF(xs[j], ys[j]))
                    dx, dy = abs(point.x() - pos.x()), abs(point.y() - pos.y())
                    if dx <= 24 and (best is None or (dx, dy) < (best[0], best[1])):
                        best = (dx, dy, 0.0, describe(j))
                        spot = (xs[j], ys[j])
        if best is None:
            self.hide()
            return
        self.label.setText(best[3])
        # Keep the label inside the plot: left of points on the right half, below points on
        # the upper half.
        middle = box.sceneBoundingRect().center()
        point = box.mapViewToScene(QPointF(*spot))
        self.label.setAnchor((1 if point.x() > middle.x() else 0,
                              0 if point.y() < middle.y() else 1))
        self.label.setPos(*spot)
        self.marker.setData([spot[0]], [spot[1]])
        self.label.show()
        self.marker.show()


def date_plot(parent: QWidget, title: str, units: str, background: QColor,
              text: QColor) -> pg.PlotItem:
    """A plot over dates (local time) that pans and zooms in time only."""
    widget = pg.PlotWidget(parent, axisItems={"bottom": pg.DateAxisItem()},
                           background=background)
    widget.setMinimumHeight(120)
    plot = widget.getPlotItem()
    plot.setTitle(title, color=text, size="10pt")
    plot.setMouseEnabled(x=True, y=False)  # time pans and zooms; counts stay put
    plot.showGrid(x=False, y=True, alpha=0.2)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setTextPen(text)
        axis.setPen(text)
    if units:
        plot.getAxis("left").setWidth(36)
    return plot
