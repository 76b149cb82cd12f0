"""Render the app icon's PNG from its SVG: `uv run python tools/make_icon.py [SIZE]` (256)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from psoas_desktop import APP_ID

ASSETS = Path(__file__).resolve().parent.parent / "psoas_desktop" / "data" / "assets"


def render(svg: Path, png: Path, size: int) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(png)):
        raise SystemExit(f"{png}: could not write")


def main(argv: list[str]) -> int:
    size = int(argv[0]) if argv else 256
    app = QGuiApplication.instance() or QGuiApplication(["make_icon", "-platform", "offscreen"])
    render(ASSETS / f"{APP_ID}.svg", ASSETS / f"{APP_ID}.png", size)
    print(f"{ASSETS / f'{APP_ID}.png'} ({size}x{size})")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
