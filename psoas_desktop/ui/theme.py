"""Light, dark or the system's look, and the colour of each kind of step.

Qt 6.8+ can ask the platform for a colour scheme (QStyleHints.setColorScheme), but several
platforms (offscreen, plain X11) ignore the request, so a light or dark Fusion palette is also
set by hand: the choice always takes effect.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from psoas_desktop.core.timeline import StepKind
from psoas_desktop.platform.settings import Theme
from psoas_desktop.ui.contrast import muted

# Background of the countdown panel per step kind; white text on each is above 4.5:1 contrast
# (WCAG AA), and the panel is its own surface, so it reads the same on light and dark windows.
# The dark theme uses deeper shades so the panel does not glare in a dim room.
_KIND_COLOURS: dict[str, tuple[str, str]] = {
    StepKind.PREPARE: ("#b45309", "#92400e"),  # amber: get ready
    StepKind.WORK: ("#15803d", "#166534"),  # green: effort
    StepKind.HOLD: ("#15803d", "#166534"),
    StepKind.REST: ("#1d4ed8", "#1e40af"),  # blue: rest
    StepKind.SWITCH: ("#7e22ce", "#6b21a8"),  # purple: change sides
    "idle": ("#475569", "#334155"),  # slate: not started, paused or done
}
PANEL_TEXT = QColor("#ffffff")


def kind_colour(kind: str, dark: bool) -> QColor:
    light_colour, dark_colour = _KIND_COLOURS.get(kind, _KIND_COLOURS["idle"])
    return QColor(dark_colour if dark else light_colour)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#1f2328"), (roles.WindowText, "#e6e6e6"), (roles.Base, "#16191d"),
        (roles.AlternateBase, "#262b31"), (roles.ToolTipBase, "#262b31"),
        (roles.ToolTipText, "#e6e6e6"), (roles.Text, "#e6e6e6"), (roles.Button, "#2b3138"),
        (roles.ButtonText, "#e6e6e6"), (roles.BrightText, "#ff6b6b"), (roles.Link, "#7aa7ff"),
        (roles.Highlight, "#3d6fd9"), (roles.HighlightedText, "#ffffff"),
        (roles.PlaceholderText, "#8b949e"), (roles.Mid, "#3a4048"), (roles.Dark, "#111316"),
        (roles.Light, "#3a4048"), (roles.Midlight, "#323840"), (roles.Shadow, "#000000"),
    ):
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor("#6e7681"))
    return palette


def light_palette(app: QApplication) -> QPalette:
    """The style's own light palette, with a placeholder grey that reads at 4.5:1 (Fusion's
    is half-transparent text: about 3.9:1 on white) and a highlight white text reads on
    (Fusion's blue gives 3.7:1)."""
    palette = app.style().standardPalette()
    roles = QPalette.ColorRole
    palette.setColor(roles.Highlight, QColor("#2563eb"))
    palette.setColor(roles.PlaceholderText, muted(palette.color(roles.Text),
                                                  palette.color(roles.Base)))
    return palette


def apply_theme(app: QApplication, theme: Theme, scheme: Qt.ColorScheme | None = None) -> None:
    """`scheme`: the desktop's, when it has just told us (else asked of the style hints)."""
    hints = app.styleHints()
    asked = {Theme.LIGHT: Qt.ColorScheme.Light, Theme.DARK: Qt.ColorScheme.Dark}.get(
        theme, Qt.ColorScheme.Unknown)
    hints.setColorScheme(asked)
    if theme is Theme.DARK:
        app.setPalette(dark_palette())
    elif theme is Theme.LIGHT:
        app.setPalette(light_palette(app))
    else:
        # The system's: whatever the platform theme gives, or a dark palette when the
        # platform says dark but the style did not follow.
        app.setPalette(QPalette())
        scheme = hints.colorScheme() if scheme is None else scheme
        if scheme is Qt.ColorScheme.Dark and not is_dark(app.palette()):
            app.setPalette(dark_palette())
        elif scheme is Qt.ColorScheme.Light and is_dark(app.palette()):
            app.setPalette(light_palette(app))


class SystemScheme(QObject):
    """While the theme is "system", a light/dark switch of the desktop takes effect at once
    (QStyleHints.colorSchemeChanged), without a restart."""

    def __init__(self, app: QApplication, theme: Callable[[], Theme]) -> None:
        super().__init__(app)
        self._app = app
        self._theme = theme
        self._busy = False  # applying the theme may itself announce a scheme change
        app.styleHints().colorSchemeChanged.connect(self._changed)

    def _changed(self, scheme: Qt.ColorScheme) -> None:
        if self._busy or self._theme() is not Theme.SYSTEM:
            return
        self._busy = True
        try:
            apply_theme(self._app, Theme.SYSTEM, scheme)
        finally:
            self._busy = False
