"""`psoas-desktop figures --out DIR`: a PNG of every key pose of every exercise, both sides,
and a contact sheet of them all. Needs a QGuiApplication (offscreen is fine)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from psoas_desktop.core.figure_motion import FigureFrame, facing_for
from psoas_desktop.core.poses import FigureBook, required_poses
from psoas_desktop.core.routines import Exercise
from psoas_desktop.core.side_words import side_words
from psoas_desktop.core.timeline import Side
from psoas_desktop.ui.figure_painter import colours, paint_figure

TILE = (360, 270)
LABEL_HEIGHT = 54  # four short lines: the caption and the side words


def render_frame(frame: FigureFrame, width: int, height: int, dark: bool = False) -> QImage:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("#1f2328" if dark else "#ffffff"))
    painter = QPainter(image)
    paint_figure(painter, QRectF(6, 6, width - 12, height - 12), frame, colours(dark))
    painter.end()
    return image


def _tiles(book: FigureBook, exercises: Sequence[Exercise]
           ) -> list[tuple[str, str, FigureFrame, str]]:
    """(file stem, caption, frame, side words) for each exercise, key pose and side."""
    out = []
    for exercise in exercises:
        figure = book.for_exercise(exercise)
        if figure is None:
            continue
        sides: Sequence[Side | None] = (Side.LEFT, Side.RIGHT) if exercise.per_side else (None,)
        for name in required_poses(exercise):
            for side in sides:
                frame = FigureFrame(figure, figure.pose(name), facing_for(figure, side))
                suffix = f"-{side.value}" if side else ""
                stem = f"{exercise.id}-{name.lower().replace(' ', '-')}{suffix}"
                caption = f"{exercise.name}: {name}" + (f" ({side.value})" if side else "")
                words = side_words(exercise, side) if side else ""
                out.append((stem, caption, frame, words))
    return out


def write_figures(out: Path, book: FigureBook, exercises: Sequence[Exercise],
                  dark: bool = False) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, _caption, frame, _words in _tiles(book, exercises):
        path = out / f"{stem}.png"
        render_frame(frame, *TILE, dark=dark).save(str(path))
        written.append(path)
    return written


def contact_sheet(book: FigureBook, exercises: Sequence[Exercise], columns: int = 6,
                  dark: bool = False, tile: tuple[int, int] = (240, 170)) -> QImage:
    tiles = _tiles(book, exercises)
    rows = max(1, -(-len(tiles) // columns))
    width, height = tile
    cell = height + LABEL_HEIGHT
    sheet = QImage(columns * width, rows * cell, QImage.Format.Format_ARGB32)
    sheet.fill(QColor("#1f2328" if dark else "#ffffff"))
    painter = QPainter(sheet)
    font = QFont()
    font.setPixelSize(11)
    painter.setFont(font)
    painter.setPen(QColor("#e6e6e6" if dark else "#333333"))
    for i, (_stem, caption, frame, words) in enumerate(tiles):
        x, y = (i % columns) * width, (i // columns) * cell
        paint_figure(painter, QRectF(x + 4, y + 4, width - 8, height - 8), frame, colours(dark))
        text = caption + (f"\n{words}" if words else "")
        painter.drawText(QRectF(x + 4, y + height, width - 8, LABEL_HEIGHT),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap), text)
    painter.end()
    return sheet


def run_figures(exercises: Sequence[Exercise], out: Path, dark: bool = False,
                sheet: Path | None = None) -> int:
    """The command: PNGs into `out`, and a contact sheet (into `out`, or to `sheet`)."""
    import os

    from PySide6.QtGui import QGuiApplication

    from psoas_desktop.core.poses import builtin_figures

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication([])
    book = builtin_figures()
    written = write_figures(out, book, exercises, dark)
    sheet_path = sheet or out / "contact-sheet.png"
    contact_sheet(book, exercises, dark=dark).save(str(sheet_path))
    print(f"{len(written)} figures written to {out}; contact sheet: {sheet_path}")
    del app
    return 0
