"""How wide the figure beside the countdown is: the digits keep their room, the figure gives
way first."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF

from psoas_desktop.ui.digits import Digits

MIN_WIDTH = 140  # narrower than this a figure says nothing: it goes
MAX_WIDTH = 560  # wider reads no better from the mat, and painting costs by the pixel


# The digits' font, as a fraction of the page height, that the countdown keeps room for.
DIGITS_FONT = 0.5


def digits_width_per_pixel(digits: Digits, seconds: int) -> float:
    """Width per pixel of font size of the widest text the digits show for a step this long
    (bold, as Digits draws it)."""
    font = QFont(digits.font())
    font.setPixelSize(100)
    font.setBold(True)
    sample = "0:00" if seconds >= 60 else "00"
    return QFontMetricsF(font).horizontalAdvance(sample) / 100 / 0.94


def figure_width(page_width: int, page_height: int, per_pixel: float, margins: int) -> int:
    """How wide the figure is beside the countdown: what is left once the countdown has room
    for digits of DIGITS_FONT of the page height, never more than 45 % of the page or a
    little more than its height. So the figure gives way first (below MIN_WIDTH it goes),
    and in fullscreen both are large."""
    room = page_height * DIGITS_FONT * per_pixel + margins
    width = int(min(page_width - room, page_width * 0.45, page_height * 1.1, MAX_WIDTH))
    return width if width >= MIN_WIDTH else 0
