"""The training log over time, with pyqtgraph: stiffness beside pain after each session, the range
of motion per side with the gap between the sides shaded, and the functional task week by week.

Imported with the history view only (pyqtgraph is slow to load). `draw_log` fills three given
plots, so the history window and the PDF report draw the same pictures.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QGridLayout, QWidget

from psoas_desktop.core.adherence import week_of
from psoas_desktop.core.history_shapes import WEEK, stamp
from psoas_desktop.core.local_time import local_day
from psoas_desktop.storage.records import SessionRow
from psoas_desktop.ui.history_plots import BLUE, GREEN, ORANGE, PURPLE
from psoas_desktop.ui.widgets import plain_label

GAP_BRUSH = (234, 88, 12, 60)  # the gap between the sides, a light orange


@dataclass
class LogPlotItems:
    pain: pg.PlotItem
    rom: pg.PlotItem
    task: pg.PlotItem


def _series(rows: Sequence[SessionRow], value: Callable[[SessionRow], float | None]
            ) -> tuple[np.ndarray, np.ndarray]:
    points = [(r.started_at.timestamp(), v) for r in rows if (v := value(r)) is not None]
    if not points:
        return np.array([]), np.array([])
    xs, ys = zip(*points, strict=True)
    return np.array(xs, dtype=float), np.array(ys, dtype=float)


def weekly_task(rows: Sequence[SessionRow]) -> tuple[np.ndarray, np.ndarray, str]:
    """The functional task's mean result per week (of the task used most recently)."""
    rated = [r for r in rows if r.log.details.task_value is not None]
    if not rated:
        return np.array([]), np.array([]), ""
    task = rated[-1].log.details.task
    unit = rated[-1].log.details.task_unit
    per_week: dict[date, list[float]] = {}
    for r in rated:
        d = r.log.details
        if d.task == task and d.task_unit == unit and d.task_value is not None:
            per_week.setdefault(week_of(local_day(r.started_at)), []).append(d.task_value)
    weeks = sorted(per_week)
    xs = np.array([stamp(w) + WEEK / 2 for w in weeks])
    ys = np.array([sum(per_week[w]) / len(per_week[w]) for w in weeks])
    words = {"rating": "0-10, 10 = easy", "minutes": "minutes", "seconds": "seconds"}
    return xs, ys, f"{task} ({words.get(str(unit), '')}), weekly mean"


def draw_log(items: LogPlotItems, rows: Sequence[SessionRow], text: QColor) -> None:
    """Fill the three plots from `rows` (oldest first)."""
    for plot in (items.pain, items.rom, items.task):
        plot.clear()
        if plot.legend is not None:
            plot.legend.clear()
    xs, ys = _series(rows, lambda r: r.log.pain_after)
    items.pain.plot(xs, ys, pen=pg.mkPen(ORANGE, width=2), symbol="t", symbolSize=7,
                    symbolBrush=ORANGE, symbolPen=None, name="pain after")
    xs, ys = _series(rows, lambda r: r.log.stiffness)
    items.pain.plot(xs, ys, pen=pg.mkPen(PURPLE, width=2), symbol="s", symbolSize=6,
                    symbolBrush=PURPLE, symbolPen=None, name="stiffness")
    items.pain.setYRange(0, 10.5, padding=0)
    both = [r for r in rows if r.log.details.rom_gap is not None]
    lx, ly = _series(rows, lambda r: r.log.details.rom_left)
    rx, ry = _series(rows, lambda r: r.log.details.rom_right)
    if both:
        bx = np.array([r.started_at.timestamp() for r in both])
        left = pg.PlotDataItem(bx, [r.log.details.rom_left for r in both])
        right = pg.PlotDataItem(bx, [r.log.details.rom_right for r in both])
        items.rom.addItem(pg.FillBetweenItem(left, right, brush=pg.mkBrush(*GAP_BRUSH)))
        gap = both[-1].log.details.rom_gap
        unit = " cm" if both[-1].log.details.rom_unit == "cm" else ""
        items.rom.setTitle(f"Range of motion per side (gap now {gap:g}{unit})", color=text,
                           size="10pt")
    items.rom.plot(lx, ly, pen=pg.mkPen(BLUE, width=2), symbol="o", symbolSize=6,
                   symbolBrush=BLUE, symbolPen=None, name="left")
    items.rom.plot(rx, ry, pen=pg.mkPen(GREEN, width=2), symbol="d", symbolSize=7,
                   symbolBrush=GREEN, symbolPen=None, name="right")
    tx, ty, title = weekly_task(rows)
    items.task.plot(tx, ty, pen=pg.mkPen(BLUE, width=2), symbol="o", symbolSize=6,
                    symbolBrush=BLUE, symbolPen=None)
    items.task.setTitle(title or "Functional task (none rated yet)", color=text, size="10pt")


def style_plot(plot: pg.PlotItem, title: str, background: QColor, text: QColor,
               legend: bool) -> None:
    plot.setTitle(title, color=text, size="10pt")
    plot.setMouseEnabled(x=True, y=False)
    plot.showGrid(x=False, y=True, alpha=0.2)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setTextPen(text)
        axis.setPen(text)
    if legend:
        plot.addLegend(offset=(8, 4), labelTextColor=text, brush=pg.mkBrush(background))


class LogPlots(QWidget):
    """The three log plots side by side for the history window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        palette = self.palette()
        self._bg = palette.color(QPalette.ColorRole.Base)
        self._fg = palette.color(QPalette.ColorRole.Text)
        plots = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, (title, legend) in enumerate((
                ("Pain after and stiffness (0-10)", True),
                ("Range of motion per side", True),
                ("Functional task", False))):
            widget = pg.PlotWidget(self, axisItems={"bottom": pg.DateAxisItem()},
                                   background=self._bg)
            widget.setMinimumHeight(140)
            plot = widget.getPlotItem()
            style_plot(plot, title, self._bg, self._fg, legend)
            grid.addWidget(widget, column // 2, column % 2)
            plots.append(plot)
        how_to_read = plain_label(
            "Pain after each session and stiffness, 0 to 10: lower is better.\n\n"
            "Range of motion: how far each thigh comes towards the chest before the low back "
            "moves, measured about once a week. The shaded band is the gap between the sides.\n\n"
            "Functional task: the daily task you picked, as rated or timed after sessions, "
            "averaged per week.", self, "How to read these plots")
        how_to_read.setWordWrap(True)
        how_to_read.setMargin(12)
        grid.addWidget(how_to_read, 1, 1)
        self.items = LogPlotItems(*plots)
        self.items.rom.setXLink(self.items.pain)
        self.items.task.setXLink(self.items.pain)

    def refresh(self, rows: Sequence[SessionRow]) -> None:
        draw_log(self.items, sorted(rows, key=lambda r: r.started_at), self._fg)
