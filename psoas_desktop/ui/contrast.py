"""WCAG 2 contrast between colours, and a muted text colour that still reads.

Text needs 4.5:1 against what is behind it, icons and plot marks 3:1 (WCAG 2.1, 1.4.3 and
1.4.11). The tests measure the colours the window really uses with these functions.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

TEXT_CONTRAST = 4.5
GRAPHIC_CONTRAST = 3.0


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def mix(a: QColor, b: QColor, share: float) -> QColor:
    """`share` of `b` mixed into `a` (0 gives `a`, 1 gives `b`), opaque."""
    return QColor.fromRgbF((1 - share) * a.redF() + share * b.redF(),
                           (1 - share) * a.greenF() + share * b.greenF(),
                           (1 - share) * a.blueF() + share * b.blueF())


def over(colour: QColor, background: QColor) -> QColor:
    """`colour` (with its alpha) laid over an opaque `background`."""
    return mix(background, colour, colour.alphaF())


def muted(text: QColor, background: QColor, minimum: float = TEXT_CONTRAST + 0.2) -> QColor:
    """`text` moved as far towards `background` as it can go and still read at `minimum`:
    for what is done and no longer asks to be read first."""
    best = QColor(text)
    for step in range(1, 20):
        share = step / 20
        mixed = mix(text, background, share)
        if contrast(mixed, background) < minimum:
            break
        best = mixed
    return best
