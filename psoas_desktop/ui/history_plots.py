"""The history's plots, with pyqtgraph. The only module that imports it, and only imported when
the history view first opens, so start-up never pays for it.

Every plot over time shares one x axis of dates (DateAxisItem, local time) and pans and zooms
together; per-week counts are BarGraphItems. Hovering shows the value under the cursor.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from psoas_desktop.core import history_shapes as shapes
from psoas_desktop.core.adherence import weeks_met, weeks_on_target
from psoas_desktop.core.history_shapes import ALL_ROUTINES, WEEK, stamp
from psoas_desktop.core.local_time import local
from psoas_desktop.core.routines import RoutineBook
from psoas_desktop.storage.history import History, HistoryError
from psoas_desktop.storage.records import SessionRow
from psoas_desktop.ui.history_hover import Hover, Series, date_plot

BLUE, ORANGE, GREEN, PURPLE = "#2563eb", "#ea580c", "#16a34a", "#9333ea"


def floats(values: Sequence[float]) -> np.ndarray:
    return np.asarray(values, dtype=float)


class HistoryPlots(QWidget):
    def __init__(self, history: History, book: RoutineBook | None = None,
                 parent: QWidget | None = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._history = history
        self._book = book
        self._today = today
        self._sessions: list[SessionRow] = []
        palette = self.palette()
        self._bg = palette.color(QPalette.ColorRole.Base)
        self._fg = palette.color(QPalette.ColorRole.Text)
        pg.setConfigOptions(antialias=True)

        self.routine_box = QComboBox()
        self.routine_box.setAccessibleName("Routine shown")
        self.exercise_box = QComboBox()
        self.exercise_box.setAccessibleName("Exercise shown")
        self.streak = QLabel()
        controls = QHBoxLayout()
        controls.addWidget(QLabel("Routine:"))
        controls.addWidget(self.routine_box)
        controls.addSpacing(16)
        controls.addWidget(QLabel("Exercise:"))
        controls.addWidget(self.exercise_box)
        controls.addStretch(1)
        controls.addWidget(self.streak)

        self.weeks = self._plot("Sessions a week", "sessions")
        self.minutes = self._plot("Minutes a week", "minutes")
        self.pain = self._plot("Pain before and after (0-10)", "pain")
        self.exercise = self._plot("Exercise", "")
        self.calendar = self._plot("Days trained", "")
        # Linked plots pan and zoom together; the calendar is twice as wide (linking aligns
        # screen positions, which would stretch its range), so it gets the range set instead.
        for plot in (self.minutes, self.pain, self.exercise):
            plot.setXLink(self.weeks)
        self.calendar.setMouseEnabled(x=True, y=False)
        self.pain.setYRange(0, 10.5)
        self.calendar.invertY(True)
        self.calendar.getAxis("left").setTicks(
            [[(i + 0.5, name) for i, name in enumerate(("Mon", "", "Wed", "", "Fri", "", "Sun"))]])
        self.calendar.setYRange(-0.15, 7.15, padding=0)  # room for the Mon and Sun labels

        self.week_bars = pg.BarGraphItem(x=[0], height=[0], width=WEEK * 0.8, brush=BLUE)
        self.band = pg.LinearRegionItem(orientation="horizontal", movable=False,
                                        brush=pg.mkBrush(22, 163, 74, 45),
                                        pen=pg.mkPen(GREEN, style=Qt.PenStyle.DashLine))
        self.minute_bars = pg.BarGraphItem(x=[0], height=[0], width=WEEK * 0.8, brush=PURPLE)
        self.weeks.addItem(self.band)
        self.weeks.addItem(self.week_bars)
        self.minutes.addItem(self.minute_bars)
        # The legend in the text colour: pyqtgraph's default grey was 3:1 on white.
        self.pain.addLegend(offset=(8, 4), labelTextColor=self._fg)
        self.pain_before = self.pain.plot(pen=None, symbol="o", symbolSize=6, symbolPen=None,
                                          symbolBrush=BLUE, name="before")
        self.pain_after = self.pain.plot(pen=None, symbol="t", symbolSize=7, symbolPen=None,
                                         symbolBrush=ORANGE, name="after")
        self.exercise.addLegend(offset=(8, 4), labelTextColor=self._fg)
        self.hold_line = self.exercise.plot(pen=pg.mkPen(GREEN, width=2), symbol="o",
                                            symbolSize=5, symbolBrush=GREEN, symbolPen=None,
                                            name="hold (s)")
        self.reps_line = self.exercise.plot(pen=pg.mkPen(BLUE, width=2), symbol="s",
                                            symbolSize=5, symbolBrush=BLUE, symbolPen=None,
                                            name="reps done")
        self.days = pg.ImageItem(axisOrder="col-major")
        self.days.setLookupTable(pg.ColorMap(
            [0.0, 0.001, 1.0], [self._bg.darker(112), QColor("#bbf7d0"), QColor("#15803d")]
        ).getLookupTable(nPts=256))
        self.calendar.addItem(self.days)
        self.hovers = {plot: Hover(plot, self._bg, self._fg) for plot in (
            self.weeks, self.minutes, self.pain, self.exercise, self.calendar)}

        grid = QGridLayout()
        grid.addWidget(self.weeks.getViewWidget(), 0, 0)
        grid.addWidget(self.minutes.getViewWidget(), 0, 1)
        grid.addWidget(self.pain.getViewWidget(), 1, 0)
        grid.addWidget(self.exercise.getViewWidget(), 1, 1)
        grid.addWidget(self.calendar.getViewWidget(), 2, 0, 1, 2)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(2, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addLayout(grid, 1)
        self.routine_box.currentIndexChanged.connect(self._routine_changed)
        self.exercise_box.currentIndexChanged.connect(self._show_exercise)

    def _plot(self, title: str, units: str) -> pg.PlotItem:
        return date_plot(self, title, units, self._bg, self._fg)

    # --- data --------------------------------------------------------------------------------

    def refresh(self, sessions: Sequence[SessionRow]) -> None:
        """Show `sessions` (any order); keeps the routine and exercise chosen if still there."""
        self._sessions = sorted(sessions, key=lambda s: s.started_at)
        chosen = self.routine_box.currentData()
        routines = shapes.routines_by_recent(self._sessions)
        self.routine_box.blockSignals(True)
        self.routine_box.clear()
        for routine_id, name in routines.items():
            self.routine_box.addItem(name, routine_id)
        if len(routines) > 1:
            self.routine_box.addItem("All routines", ALL_ROUTINES)
        index = self.routine_box.findData(chosen) if chosen is not None else -1
        self.routine_box.setCurrentIndex(max(index, 0))
        self.routine_box.blockSignals(False)
        self._routine_changed()

    def _chosen_sessions(self) -> list[SessionRow]:
        return shapes.of_routine(self._sessions, self.routine_box.currentData())

    def _routine_changed(self) -> None:
        sessions = self._chosen_sessions()
        self._show_weeks(sessions)
        self._show_pain(sessions)
        self._show_calendar(sessions)
        self._fill_exercises()
        today = self._today()
        for plot in (self.weeks, self.calendar):
            plot.setXRange(stamp(today - timedelta(days=365)), stamp(today) + WEEK, padding=0)
            limits = shapes.x_limits(sessions, today)
            if limits:
                plot.setLimits(xMin=limits[0], xMax=limits[1])

    def _frequency(self) -> tuple[int, int, str] | None:
        routine_id = self.routine_box.currentData()
        routine = self._book.get(routine_id) if self._book and routine_id else None
        if routine is None:
            return None
        f = routine.frequency
        return f.min_per_week, f.max_per_week, f.label

    def _show_weeks(self, sessions: list[SessionRow]) -> None:
        today = self._today()
        shape = shapes.week_shape(sessions, today)
        weeks = shape.weeks
        xs, counts, minutes = floats(shape.xs), floats(shape.counts), floats(shape.minutes)
        self.week_bars.setOpts(x=xs, height=counts, width=WEEK * 0.8)
        self.minute_bars.setOpts(x=xs, height=minutes, width=WEEK * 0.8)
        frequency = self._frequency()
        top = max(counts.max(initial=0), frequency[1] if frequency else 0)
        self.weeks.setYRange(0, top + 0.5, padding=0)
        self.minutes.setYRange(0, max(minutes.max(initial=0), 10) * 1.1, padding=0)
        if frequency:
            low, high, label = frequency
            self.band.setRegion((low, high))
            self.band.show()
            self.weeks.setTitle(f"Sessions a week (target {label})", color=self._fg,
                                size="10pt")
        else:
            self.band.hide()
            self.weeks.setTitle("Sessions a week", color=self._fg, size="10pt")

        def week_text(values: np.ndarray, unit: Callable[[float], str]) -> Callable[[int], str]:
            return lambda i: f"week of {weeks[i].week:%d %b %Y}\n{unit(values[i])}"

        self.hovers[self.weeks].set([(xs, counts, week_text(
            counts, lambda v: f"{v:.0f} session{'s' if v != 1 else ''}"))])
        self.hovers[self.minutes].set([(xs, minutes, week_text(
            minutes, lambda v: f"{v:.0f} min"))])
        parts = [f"{len(sessions)} sessions"]
        if frequency:
            met, counted = weeks_met(weeks, frequency[0], today)
            on_target = weeks_on_target(weeks, frequency[0], today)
            parts.append(f"{met} of {counted} week{'s' if counted != 1 else ''} met the target")
            parts.append(f"{on_target} in a row")
        self.streak.setText(" · ".join(parts))

    def _show_pain(self, sessions: list[SessionRow]) -> None:
        series: list[Series] = []
        for item, attribute, word in ((self.pain_before, "pain_before", "before"),
                                      (self.pain_after, "pain_after", "after")):
            points = shapes.pain_points(sessions, attribute)
            xs, ys = floats(points.xs), floats(points.ys)
            item.setData(xs, ys)

            def text(i: int, rated: list[shapes.SessionRow] = points.rows, ys: np.ndarray = ys,
                     word: str = word) -> str:
                return f"{local(rated[i].started_at):%a %d %b %Y}\npain {word}: {ys[i]:.0f}"

            series.append((xs, ys, text))
        self.hovers[self.pain].set(series)

    def _show_calendar(self, sessions: list[SessionRow]) -> None:
        shape = shapes.calendar_shape(sessions, self._today())
        grid = np.array(shape.grid, dtype=float).reshape(shape.weeks, 7)
        self.days.setImage(grid, levels=(0, max(grid.max(initial=0), 1.0)), autoLevels=False)
        self.days.setRect(QRectF(stamp(shape.start), 0, shape.weeks * WEEK, 7))
        # Hover: one invisible point per trained day, at the middle of its cell.
        days, per_day = shape.days, shape.per_day
        self.hovers[self.calendar].set([(floats(shape.xs), floats(shape.ys), lambda i: (
            f"{days[i]:%a %d %b %Y}\n{per_day[days[i]]:.0f} min"))])

    # --- one exercise's progression ----------------------------------------------------------

    def _exercise_name(self, exercise_id: str) -> str:
        if self._book:
            for routine in self._book.routines:
                for exercise in routine.exercises:
                    if exercise.id == exercise_id:
                        return exercise.name
        return exercise_id

    def _fill_exercises(self) -> None:
        chosen = self.exercise_box.currentData()
        try:
            recorded = self._history.exercise_ids()
        except HistoryError:
            recorded = []
        routine_id = self.routine_box.currentData()
        routine = self._book.get(routine_id) if self._book and routine_id else None
        if routine is not None:
            order = [ex.id for ex in routine.exercises]
            recorded = [ex for ex in order if ex in recorded]
        self.exercise_box.blockSignals(True)
        self.exercise_box.clear()
        for exercise_id in recorded:
            self.exercise_box.addItem(self._exercise_name(exercise_id), exercise_id)
        index = self.exercise_box.findData(chosen) if chosen is not None else -1
        self.exercise_box.setCurrentIndex(max(index, 0))
        self.exercise_box.blockSignals(False)
        self._show_exercise()

    def _show_exercise(self) -> None:
        exercise_id = self.exercise_box.currentData()
        try:
            results = self._history.exercise_results(exercise_id) if exercise_id else []
        except HistoryError:
            results = []
        routine_id = self.routine_box.currentData()
        if routine_id:
            starts = {s.started_at for s in self._chosen_sessions()}
            results = [r for r in results if r.started_at in starts]
        results = sorted(results, key=lambda r: r.started_at)
        xs = floats([r.started_at.timestamp() for r in results])
        holds = floats([r.target.hold or 0 for r in results])
        reps = floats([r.reps_done for r in results])
        has_hold = any(r.target.hold for r in results)
        self.hold_line.setData(xs if has_hold else [], holds if has_hold else [])
        self.reps_line.setData(xs, reps)
        name = self.exercise_box.currentText() or "Exercise"
        self.exercise.setTitle(f"{name}: hold and reps", color=self._fg, size="10pt")
        top = max(holds.max(initial=0), reps.max(initial=0), 5)
        self.exercise.setYRange(0, top * 1.1, padding=0)

        def text(i: int) -> str:
            r = results[i]
            hold = f", hold {r.target.hold} s" if r.target.hold else ""
            done = "done in full" if r.completed else "not all done"
            return (f"{local(r.started_at):%a %d %b %Y}\n{r.target.sets} sets x "
                    f"{r.target.reps}{hold}\n{r.reps_done} reps done, {done}")

        series: list[Series] = [(xs, reps, text)]
        if has_hold:
            series.append((xs, holds, text))
        self.hovers[self.exercise].set(series)
