"""A small still picture of an exercise (its signature key pose), for the start page."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from psoas_desktop.core.figure_motion import FigureFrame, facing_for
from psoas_desktop.core.poses import FigureBook, builtin_figures, signature_pose
from psoas_desktop.core.routines import Exercise
from psoas_desktop.core.timeline import Side
from psoas_desktop.ui.figure_painter import colours, paint_figure
from psoas_desktop.ui.theme import is_dark

THUMB_SIZE = (112, 72)


def thumbnail(exercise: Exercise, palette: QPalette, book: FigureBook | None = None,
              size: tuple[int, int] = THUMB_SIZE) -> QPixmap | None:
    """The exercise's figure on a clear background (its left side), or None without one."""
    figure = (book or builtin_figures()).for_exercise(exercise)
    if figure is None:
        return None
    side = Side.LEFT if exercise.per_side else None
    frame = FigureFrame(figure, figure.pose(signature_pose(exercise)), facing_for(figure, side))
    image = QImage(*size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    window = palette.color(QPalette.ColorRole.Window)
    paint_figure(painter, QRectF(0, 0, *size), frame, colours(is_dark(palette), window))
    painter.end()
    return QPixmap.fromImage(image)


def thumbnail_label(exercise: Exercise, parent: QWidget) -> QLabel:
    """A label holding the exercise's thumbnail (empty when it has no figure)."""
    label = QLabel(parent)
    label.setAccessibleName(f"Picture of {exercise.name}")
    pixmap = thumbnail(exercise, parent.palette())
    if pixmap is not None:
        label.setPixmap(pixmap)
    label.setFixedSize(*THUMB_SIZE)
    return label
