"""A one-line label that never wraps: a text too long for its width is drawn smaller, down to a
floor, and past that cut with an ellipsis. Its height stays that of one line at its full size,
so a longer or shorter text never moves what is below it.

    label = FitLabel("", parent, "Phase")
    label.set_pixel_size(48)        # the size it is drawn at when the text fits
    label.setText("Switch sides")   # text() gives back the whole text, whatever is drawn
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

# A text may shrink to this share of the label's size before it is cut short instead.
SHRINK_FLOOR = 0.7


class FitLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None,
                 accessible: str = "", shrink_floor: float = SHRINK_FLOOR) -> None:
        super().__init__(parent)
        self._floor = shrink_floor
        self.setTextFormat(Qt.TextFormat.PlainText)  # routine files are data, never markup
        self.setWordWrap(False)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Ignored horizontally: the text's length never asks the layout for width.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        if accessible:
            self.setAccessibleName(accessible)
        self._full = text
        self._pixel_size = 14
        self._bold = False
        self.set_pixel_size(self._pixel_size)
        self.setAccessibleDescription(text)

    # --- the text --------------------------------------------------------------------------

    def text(self) -> str:  # the whole text, not the part drawn
        return self._full

    def shown_text(self) -> str:
        """What is drawn: the text, or the text cut short with an ellipsis."""
        return super().text()

    def setText(self, text: str) -> None:
        if text == self._full:
            return  # the window repaints every second; most seconds change no line
        self._full = text
        self.setAccessibleDescription(text)
        self._fit()

    def is_cut(self) -> bool:
        return self.shown_text() != self._full

    # --- the size --------------------------------------------------------------------------

    def set_pixel_size(self, pixel_size: int, bold: bool | None = None) -> None:
        """The size the text is drawn at when it fits; the label is one line of it high."""
        self._pixel_size = max(1, pixel_size)
        if bold is not None:
            self._bold = bold
        font = self._font(self._pixel_size)
        metrics = QFontMetricsF(font)
        margins = self.contentsMargins()
        self.setFixedHeight(int(metrics.height() + 0.999) + margins.top() + margins.bottom())
        self._fit()

    def pixel_size(self) -> int:
        return self._pixel_size

    def drawn_pixel_size(self) -> int:
        return self.font().pixelSize()

    def needed_width(self) -> float:
        """The width the whole text needs at full size, margins included."""
        margins = self.contentsMargins()
        advance = QFontMetricsF(self._font(self._pixel_size)).horizontalAdvance(self._full)
        return advance + margins.left() + margins.right()

    def sizeHint(self) -> QSize:
        return QSize(int(self.needed_width()) + 1, self.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _font(self, pixel_size: int) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(1, pixel_size))
        font.setBold(self._bold)
        return font

    def _fit(self) -> None:
        margins = self.contentsMargins()
        room = max(1.0, self.width() - margins.left() - margins.right() - 2)
        size = self._pixel_size
        advance = QFontMetricsF(self._font(size)).horizontalAdvance(self._full)
        if advance > room:
            size = max(int(self._pixel_size * self._floor), int(size * room / advance))
        font = self._font(size)
        if font != self.font():
            self.setFont(font)
        metrics = QFontMetricsF(font)
        shown = self._full
        if metrics.horizontalAdvance(shown) > room:
            shown = metrics.elidedText(shown, Qt.TextElideMode.ElideRight, room)
        if shown != super().text():
            super().setText(shown)
            self.setToolTip(self._full if shown != self._full else "")
