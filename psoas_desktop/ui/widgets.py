"""Small helpers every view uses."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

# Room left for a window manager's title bar and borders around a first window.
FRAME_ALLOWANCE = 32


def plain_label(text: str, parent: QWidget | None = None, accessible: str = "") -> QLabel:
    """A label that shows text as it is: routine files are data, never rich text or links."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    if accessible:
        label.setAccessibleName(accessible)
    return label


def plain_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
              buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
              default: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok
              ) -> QMessageBox:
    """A message box that shows its text as it is: names and notes may hold markup."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(default)
    return box


def first_size(widget: QWidget, wanted: QSize) -> QSize:
    """`wanted`, made to fit the screen's available area (less the panels and the window
    frame), never below the widget's minimum: a 1366x768 laptop gets a window that fits."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return wanted
    room = screen.availableGeometry().size() - QSize(FRAME_ALLOWANCE, 2 * FRAME_ALLOWANCE)
    return wanted.boundedTo(room).expandedTo(widget.minimumSize())


def resize_to_fit(widget: QWidget, wanted: QSize) -> None:
    widget.resize(first_size(widget, wanted))


def tinted(icon: QIcon, palette: QPalette, size: QSize) -> QIcon:
    """`icon` redrawn in the palette's button text colour (and its disabled one), so the
    style's black media icons read on a dark theme's buttons as on a light one's."""
    result = QIcon()
    for mode, group in ((QIcon.Mode.Normal, QPalette.ColorGroup.Active),
                        (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled)):
        colour = palette.color(group, QPalette.ColorRole.ButtonText)
        for scale in (1, 2):
            pixmap = icon.pixmap(size * scale)
            painter = QPainter(pixmap)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
            painter.fillRect(pixmap.rect(), colour)
            painter.end()
            result.addPixmap(pixmap, mode)
    return result
