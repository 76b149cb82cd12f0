"""The report as a PDF (QPdfWriter, A4): a QTextDocument laid out from report.data, with the
plots drawn by pyqtgraph and exported as images (pyqtgraph.exporters.ImageExporter).

Needs a QApplication (pyqtgraph draws with widgets); the command line makes an offscreen one.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import QMarginsF, QSizeF, Qt, QUrl
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from psoas_desktop.core.training_log import FunctionalTask
from psoas_desktop.report.data import ReportData
from psoas_desktop.ui.history_plots import BLUE, GREEN, ORANGE, PURPLE
from psoas_desktop.ui.log_plots import LogPlotItems, draw_log, style_plot

WHITE, INK = QColor("#ffffff"), QColor("#111111")
PLOT_PX = (600, 330)  # each plot's image, shown 330 px (layout units) wide
COLOURS = (BLUE, GREEN, PURPLE, ORANGE)
MAX_NOTES = 12  # the latest notes; the report stays at one or two pages
LAYOUT_DPI = 96  # images keep their own pixels; only the layout is in these units


def _plot(title: str, legend: bool, dates: bool = True) -> pg.PlotWidget:
    axes = {"bottom": pg.DateAxisItem()} if dates else {}
    widget = pg.PlotWidget(axisItems=axes, background=WHITE)
    # Laid out at its size without appearing: the exporter draws the scene as laid out.
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    widget.resize(*PLOT_PX)
    style_plot(widget.getPlotItem(), title, WHITE, INK, legend)
    return widget


def _image(widget: pg.PlotWidget) -> QImage:
    widget.show()
    QApplication.processEvents()
    exporter = pyqtgraph.exporters.ImageExporter(widget.getPlotItem())
    exporter.parameters()["width"] = PLOT_PX[0]
    image = exporter.export(toBytes=True)
    widget.close()
    assert isinstance(image, QImage)
    return image


def _weeks_plot(data: ReportData) -> pg.PlotWidget:
    widget = _plot("Sessions a week that count", True, dates=False)
    plot = widget.getPlotItem()
    n = max(1, len(data.routines))
    width = 0.8 / n
    for i, routine in enumerate(data.routines):
        xs = np.arange(data.weeks) + (i - (n - 1) / 2) * width
        bars = pg.BarGraphItem(x=xs, height=list(routine.per_week), width=width * 0.9,
                               brush=COLOURS[i % len(COLOURS)])
        plot.addItem(bars)
        if plot.legend is not None:
            plot.legend.addItem(bars, f"{routine.name} (target {routine.target})")
    plot.getAxis("bottom").setTicks([[(i, f"{w:%d %b}") for i, w in
                                      enumerate(data.week_starts)]])
    top = max((max(r.per_week, default=0) for r in data.routines), default=0)
    plot.setYRange(0, max(top, 3) + 1.5, padding=0)
    return widget


def plot_images(data: ReportData) -> dict[str, QImage]:
    """The report's pictures by name: weeks, pain, rom, task."""
    widgets = {name: _plot(title, legend) for name, title, legend in (
        ("pain", "Pain after and stiffness (0-10)", True),
        ("rom", "Range of motion per side", True),
        ("task", "Functional task", False))}
    draw_log(LogPlotItems(*(w.getPlotItem() for w in widgets.values())), data.rows, INK)
    widgets["weeks"] = _weeks_plot(data)
    return {name: _image(widget) for name, widget in widgets.items()}


def _table(head: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    cells = "".join(f"<th align='left'>{escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
                   for row in rows)
    return (f"<table cellspacing='0' cellpadding='3' border='1' width='100%'>"
            f"<thead><tr>{cells}</tr></thead>{body}</table>")


def _summary(data: ReportData) -> str:
    lines = []
    for r in data.routines:
        lines.append(f"{r.name}: {r.sessions} sessions; {r.met} of {data.weeks} weeks met the "
                     f"target of {r.target} a week.")
    pains = [r.log.pain_after for r in data.rows if r.log.pain_after is not None]
    if pains:
        half = max(1, len(pains) // 2)
        early, late = pains[:half], pains[half:] or pains[:half]
        lines.append(f"Pain after sessions: {sum(early) / len(early):.1f} on average in the "
                     f"first half of the period, {sum(late) / len(late):.1f} in the second "
                     "(0-10).")
    rom = [r.log.details for r in data.rows if r.log.details.rom_unit is not None]
    if rom:
        lines.append(f"Range of motion: first {rom[0].rom_text()}, latest {rom[-1].rom_text()}.")
    tasks = [r.log.details for r in data.rows if r.log.details.task_text()]
    if tasks:
        first, last = tasks[0], tasks[-1]
        unit = FunctionalTask(last.task, last.task_unit) if last.task_unit else None
        if unit is not None and last.task_value is not None and first.task == last.task \
                and first.task_value is not None:
            lines.append(f"{last.task}: {unit.describe(first.task_value)} at first, "
                         f"{unit.describe(last.task_value)} lately.")
        else:
            lines.append(f"Functional task, lately: {last.task_text()}.")
    return "".join(f"<li>{escape(line)}</li>" for line in lines)


def report_html(data: ReportData) -> str:
    period = f"{data.start:%d %b %Y} to {data.end:%d %b %Y} ({data.weeks} weeks)"
    parts = [
        "<h2>Psoas Desktop: training report</h2>",
        f"<p>{escape(period)}. From the user's own log of {len(data.rows)} sessions. "
        "Not medical advice.</p>",
        f"<ul>{_summary(data)}</ul>",
        "<table width='100%'><tr><td><img src='weeks' width='330'></td>"
        "<td><img src='pain' width='330'></td></tr>"
        "<tr><td><img src='rom' width='330'></td><td><img src='task' width='330'></td></tr>"
        "</table>",
    ]
    if data.warnings:
        parts.append("<h3>Sharp, pinching, numb or tingling pain logged</h3>")
        parts.append(_table(("Date", "Pain"), [(f"{d:%a %d %b}", t) for d, t in data.warnings]))
    parts.append("<h3>Targets and loads over the period</h3>")
    parts.append(_table(("Exercise", "At the start", "Now", "Changes", "Load"), [
        (r.exercise, r.first, r.latest, str(r.changes),
         "; ".join(f"{d:%d %b}: {text}" for d, text in r.loads) or "-")
        for r in data.targets]))
    if data.notes:
        shown = data.notes[-MAX_NOTES:]
        parts.append("<h3>Notes</h3>")
        parts.append(_table(("Date", "Note"), [(f"{d:%d %b}", f"{text} ({routine})")
                                               for d, routine, text in shown]))
        if len(data.notes) > len(shown):
            parts.append(f"<p>and {len(data.notes) - len(shown)} earlier notes (all of them "
                         "are in the CSV export).</p>")
    return "".join(parts)


def write_pdf(data: ReportData, path: Path) -> None:
    """Write the report to `path`; raises OSError if it cannot be written."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(14, 14, 14, 14), QPageLayout.Unit.Millimeter)
    writer.setTitle("Psoas Desktop training report")
    writer.setCreator("Psoas Desktop")
    writer.setResolution(LAYOUT_DPI)  # the document is laid out in these units
    document = QTextDocument()
    document.setDefaultStyleSheet("body { font-size: 9pt; } h2 { font-size: 14pt; }"
                                  " h3 { font-size: 11pt; } td, th { font-size: 8pt; }")
    for name, image in plot_images(data).items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    document.setHtml(report_html(data))
    document.setPageSize(QSizeF(writer.width(), writer.height()))
    document.print_(writer)
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"{path}: the PDF could not be written")
