"""The countdown's characters, each drawn once into a pixmap and then only copied.

Qt's raster engine caches glyphs up to a few dozen pixels; larger ones, like the countdown's
hundreds of pixels, are filled as outlines on every paint (about 0.4 ms a second of the
session: bench/idle_cost.py). A countdown shows a dozen characters at one size for a whole
session, so each is drawn once per size, colour and screen scale and copied after that.

    glyphs = DigitGlyphs()
    glyphs.draw(painter, font, colour, x, baseline, "4:05")
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPixmap

# More characters than a countdown uses ("0"-"9", ":", "✓", "-"): past this the cache is
# cleared rather than grown, so odd text never fills the memory.
MOST = 16


class DigitGlyphs:
    def __init__(self) -> None:
        self._key: tuple[str, float, int] | None = None  # font, scale, colour drawn for
        self._pixmaps: dict[str, tuple[QPixmap, float, float]] = {}  # pixmap, left, top

    def __len__(self) -> int:
        return len(self._pixmaps)

    def draw(self, painter: QPainter, font: QFont, colour: QColor, x: float, baseline: float,
             text: str) -> None:
        """Draw `text` as painter.drawText(QPointF(x, baseline), text) would, from pixmaps."""
        scale = painter.device().devicePixelRatioF()
        key = (font.key(), scale, colour.rgba())
        if key != self._key:  # a new size, colour or screen: the old pixmaps are of no use
            self._key, self._pixmaps = key, {}
        metrics = QFontMetricsF(font)
        for index, char in enumerate(text):
            # Where drawText would put it: the advance of what comes before (kerning kept).
            left = x + metrics.horizontalAdvance(text[:index])
            pixmap, dx, dy = self._glyph(char, font, colour, scale, metrics)
            painter.drawPixmap(QPointF(left + dx, baseline + dy), pixmap)

    def _glyph(self, char: str, font: QFont, colour: QColor, scale: float,
               metrics: QFontMetricsF) -> tuple[QPixmap, float, float]:
        found = self._pixmaps.get(char)
        if found is not None:
            return found
        if len(self._pixmaps) >= MOST:
            self._pixmaps = {}
        # The ink's box, a pixel wider each way for the antialiased edge, on whole pixels.
        ink = metrics.boundingRect(char).adjusted(-1, -1, 1, 1)
        left, top = math.floor(ink.left()), math.floor(ink.top())
        width = max(1, math.ceil(ink.right()) - left)
        height = max(1, math.ceil(ink.bottom()) - top)
        pixmap = QPixmap(math.ceil(width * scale), math.ceil(height * scale))
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(QPointF(-left, -top), char)
        painter.end()
        self._pixmaps[char] = found = (pixmap, float(left), float(top))
        return found
