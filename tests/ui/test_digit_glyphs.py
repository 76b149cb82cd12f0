"""The countdown's characters drawn once and copied: the same picture as drawing the text, and
a character drawn only the first time it is shown at a size and colour."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from psoas_desktop.ui import digit_glyphs
from psoas_desktop.ui.digit_glyphs import DigitGlyphs

WHITE, TEAL = QColor("white"), QColor("#00695c")
pytestmark = pytest.mark.usefixtures("qapp")  # pixmaps and fonts need the application


def _font(pixel_size: int = 180) -> QFont:
    font = QFont()
    font.setPixelSize(pixel_size)
    font.setBold(True)
    return font


def _picture(draw) -> QImage:
    image = QImage(420, 240, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(TEAL)
    painter = QPainter(image)
    draw(painter)
    painter.end()
    return image


def _difference(a: QImage, b: QImage) -> tuple[int, int]:
    """The largest difference of any channel, and how many pixels differ by over a quarter."""
    largest, far = 0, 0
    for y in range(a.height()):
        for x in range(a.width()):
            pa, pb = a.pixelColor(x, y), b.pixelColor(x, y)
            d = max(abs(pa.red() - pb.red()), abs(pa.green() - pb.green()),
                    abs(pa.blue() - pb.blue()))
            largest, far = max(largest, d), far + (d > 64)
    return largest, far


def _ink(image: QImage) -> int:
    return sum(image.pixelColor(x, y) == WHITE for y in range(image.height())
               for x in range(image.width()))


def test_a_character_is_drawn_as_drawing_the_text_draws_it() -> None:
    font = _font()

    def text(painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(font)
        painter.setPen(WHITE)
        painter.drawText(QPointF(40, 200), "8")

    glyphs = DigitGlyphs()
    copied = _picture(lambda p: glyphs.draw(p, font, WHITE, 40, 200, "8"))
    drawn = _picture(text)
    assert _ink(copied) > 5000  # there is a large 8 at all
    assert _difference(copied, drawn)[0] <= 2  # at most a rounding in a shade


def test_text_keeps_its_advances_within_a_pixel() -> None:
    # Each character lands where drawText puts it, to the nearest pixel: edges may differ in
    # shade, but no stroke moves.
    font = _font()
    glyphs = DigitGlyphs()
    copied = _picture(lambda p: glyphs.draw(p, font, WHITE, 10, 200, "4:05"))

    def text(painter: QPainter) -> None:
        painter.setFont(font)
        painter.setPen(WHITE)
        painter.drawText(QPointF(10, 200), "4:05")

    drawn = _picture(text)
    _largest, far = _difference(copied, drawn)
    assert _ink(copied) > 10000
    assert far < _ink(drawn) * 0.05  # only antialiased edge pixels, never whole strokes


def test_each_character_is_drawn_once_per_size_and_colour(monkeypatch) -> None:
    glyphs, font = DigitGlyphs(), _font()
    drawn: list[str] = []
    real = DigitGlyphs._glyph

    def counting(self, char, *args):
        if char not in self._pixmaps:
            drawn.append(char)
        return real(self, char, *args)

    monkeypatch.setattr(DigitGlyphs, "_glyph", counting)
    _picture(lambda p: glyphs.draw(p, font, WHITE, 10, 200, "4:05"))
    _picture(lambda p: glyphs.draw(p, font, WHITE, 10, 200, "4:04"))
    _picture(lambda p: glyphs.draw(p, font, WHITE, 10, 200, "4:00"))
    assert drawn == ["4", ":", "0", "5"] and len(glyphs) == 4
    # A new colour (the next step's panel) or size (a resized window) draws them afresh.
    _picture(lambda p: glyphs.draw(p, font, TEAL, 10, 200, "4:00"))
    assert drawn[4:] == ["4", ":", "0"] and len(glyphs) == 3
    _picture(lambda p: glyphs.draw(p, _font(90), TEAL, 10, 200, "4"))
    assert drawn[7:] == ["4"] and len(glyphs) == 1


def test_odd_text_never_grows_the_cache_past_its_bound() -> None:
    glyphs, font = DigitGlyphs(), _font(24)
    text = "".join(chr(c) for c in range(ord("a"), ord("a") + 3 * digit_glyphs.MOST))
    image = QImage(200, 60, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.black)
    painter = QPainter(image)
    glyphs.draw(painter, font, WHITE, 0, 40, text)
    painter.end()
    assert 0 < len(glyphs) <= digit_glyphs.MOST


def test_a_new_second_repaints_only_the_characters_that_change(qtbot, monkeypatch) -> None:
    from psoas_desktop.ui.digits import Digits

    digits = Digits()
    qtbot.addWidget(digits)
    digits.resize(800, 400)
    digits.set_widest("0:00")
    digits.setText("4:05")
    before = digits.grab().toImage()
    asked = []
    monkeypatch.setattr(digits, "update", lambda *area: asked.append(area))
    digits.setText("4:04")
    after = digits.grab().toImage()
    (region,), = asked
    differ = [(x, y) for y in range(0, before.height(), 2) for x in range(0, before.width(), 2)
              if before.pixelColor(x, y) != after.pixelColor(x, y)]
    assert differ and all(region.contains(QPoint(x, y)) for x, y in differ)
    # One digit of four: well under half of the text, which spans 0.94 of the width.
    assert region.boundingRect().width() < 0.4 * digits.width() * 0.94
    digits.setText("4:04")
    assert len(asked) == 1  # the same text: nothing at all
