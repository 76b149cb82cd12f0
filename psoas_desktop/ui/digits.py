"""The countdown's seconds: text drawn as large as the widget allows, sized for the session's
widest text so it keeps one size from step to step. A new second draws only the characters that
change, each copied from a pixmap drawn once (ui/digit_glyphs.py)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QRegion
from PySide6.QtWidgets import QSizePolicy, QWidget

from psoas_desktop.ui.digit_glyphs import DigitGlyphs


class Digits(QWidget):
    """Text drawn as large as the widget allows: the countdown's seconds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._glyphs = DigitGlyphs()  # each character drawn once a size, then copied
        self._widest = "0:00"
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(40)
        self.setAccessibleName("Seconds left")

    def set_widest(self, text: str) -> None:
        """The widest text the digits will show (the session's longest step, '1:00' or '45'):
        they are sized for it, so they keep one size from step to step."""
        if text != self._widest:
            self._widest = text
            self.update()

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # reads like QLabel's
        if text != self._text:
            # Only the characters that change are drawn again: a second is mostly one digit.
            before = self._layout(self._text)
            self._text = text
            self.setAccessibleDescription(text)
            changed = QRegion()
            for _char, box in set(before) ^ set(self._layout(text)):
                changed += QRect(*box)
            self.update(changed)

    def font_pixel_size(self) -> int:
        """The pixel size the digits are drawn at: the height, unless the width is shorter."""
        font = self._font(100)
        # Sized for the session's widest text, never for the one shown: '1:00' then '59' or
        # '9' keep the same size, and the last seconds do not swell.
        sample = "".join("0" if c.isdigit() else c for c in self._widest) or "00"
        width = QFontMetricsF(font).horizontalAdvance(sample)
        by_width = 100 * self.width() * 0.94 / max(width, 1.0)
        by_height = self.height() * 1.05  # the digits' ink is about 0.73 of the pixel size
        return max(8, int(min(by_width, by_height)))

    def _font(self, pixel_size: int) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(pixel_size)
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.SansSerif)
        return font

    def _origin(self, font: QFont, text: str) -> tuple[int, int]:
        """Where `text` starts and its baseline: centred, the ink of the digits (cap height)
        rather than the line box in the middle of the widget."""
        metrics = QFontMetricsF(font)
        width = metrics.horizontalAdvance(text)
        return int((self.width() - width) / 2), int((self.height() + metrics.capHeight()) / 2)

    def _layout(self, text: str) -> list[tuple[str, tuple[int, int, int, int]]]:
        """Each character of `text` and the box its ink is drawn in, as painted."""
        if not text:
            return []
        font = self._font(self.font_pixel_size())
        metrics = QFontMetricsF(font)
        x, baseline = self._origin(font, text)
        boxes = []
        for index, char in enumerate(text):
            ink = metrics.boundingRect(char).translated(
                x + metrics.horizontalAdvance(text[:index]), baseline)
            box = ink.adjusted(-2, -2, 2, 2).toAlignedRect()  # the antialiased edge too
            boxes.append((char, (box.x(), box.y(), box.width(), box.height())))
        return boxes

    def paintEvent(self, event: QPaintEvent) -> None:
        font = self._font(self.font_pixel_size())
        x, baseline = self._origin(font, self._text)
        painter = QPainter(self)
        self._glyphs.draw(painter, font, self.palette().color(self.foregroundRole()),
                          x, baseline, self._text)
        painter.end()
