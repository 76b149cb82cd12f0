"""Every text reads at 4.5:1 and every icon or plot mark at 3:1 (WCAG 2.1 AA), in the light
and the dark theme, measured on the colours the window really paints with; and the "system"
theme follows the desktop's live light/dark switch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from psoas_desktop.core.completion import Mark
from psoas_desktop.core.timeline import StepKind
from psoas_desktop.platform.settings import Theme
from psoas_desktop.ui.contrast import GRAPHIC_CONTRAST, TEXT_CONTRAST, contrast, over
from psoas_desktop.ui.exercise_list import HIGHLIGHT_ALPHA
from psoas_desktop.ui.theme import PANEL_TEXT, SystemScheme, apply_theme, kind_colour

Role = QPalette.ColorRole
TEXT_PAIRS = [(Role.WindowText, Role.Window), (Role.Text, Role.Base),
              (Role.Text, Role.AlternateBase), (Role.ButtonText, Role.Button),
              (Role.HighlightedText, Role.Highlight), (Role.ToolTipText, Role.ToolTipBase),
              (Role.PlaceholderText, Role.Base), (Role.Link, Role.Base)]
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def themed(qapp):
    """Sets a theme for one test, and puts the light one back after it."""
    def apply(theme: Theme) -> None:
        apply_theme(qapp, theme)
        QApplication.processEvents()  # widgets hear of a new application palette by event

    yield apply
    apply(Theme.LIGHT)


def _ink(pixmap_image) -> QColor:
    """The mean colour of an icon's opaque pixels."""
    total, count = [0.0, 0.0, 0.0], 0
    for y in range(pixmap_image.height()):
        for x in range(pixmap_image.width()):
            pixel = pixmap_image.pixelColor(x, y)
            if pixel.alpha() > 160:
                total = [total[0] + pixel.redF(), total[1] + pixel.greenF(),
                         total[2] + pixel.blueF()]
                count += 1
    assert count, "an icon with no ink"
    return QColor.fromRgbF(*(t / count for t in total))


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_the_palette_texts_read(window, themed, theme) -> None:
    themed(theme)
    palette = window.palette()
    for text, ground in TEXT_PAIRS:
        ratio = contrast(palette.color(text), palette.color(ground))
        assert ratio >= TEXT_CONTRAST, f"{theme}: {text.name} on {ground.name}: {ratio:.2f}"


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_the_exercise_list_reads_done_and_current(window, themed, theme) -> None:
    themed(theme)
    listing = window.exercise_list
    listing.set_marks([Mark.DONE, Mark.SKIPPED, Mark.CURRENT, Mark.TO_DO, Mark.PARTLY])
    base = listing.palette().color(Role.Base)
    band = listing.palette().color(Role.Highlight)
    band.setAlphaF(HIGHLIGHT_ALPHA)
    for row in range(listing.count()):
        item = listing.item(row)
        ground = over(band, base) if row == 2 else base
        ratio = contrast(item.foreground().color(), ground)
        assert ratio >= TEXT_CONTRAST, f"{theme}: exercise {row}: {ratio:.2f}"


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_the_control_icons_stand_out_from_their_buttons(window, themed, theme) -> None:
    themed(theme)
    controls = window.controls
    button = controls.palette().color(Role.Button)
    for widget in (controls.previous, controls.start, controls.next, controls.finish,
                   controls.mute):
        image = widget.icon().pixmap(28, 28).toImage()
        ratio = contrast(_ink(image), button)
        assert ratio >= GRAPHIC_CONTRAST, f"{theme}: {widget.accessibleName()}: {ratio:.2f}"


@pytest.mark.parametrize("dark", [False, True])
def test_the_countdown_and_its_badge_read(dark) -> None:
    for kind in (StepKind.PREPARE, StepKind.WORK, StepKind.REST, StepKind.SWITCH, "idle"):
        assert contrast(PANEL_TEXT, kind_colour(kind, dark)) >= TEXT_CONTRAST  # text, badge


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_the_history_plots_legends_and_marks_read(qtbot, themed, theme, tmp_path, book) -> None:
    from psoas_desktop.storage.history import History
    from psoas_desktop.ui import history_plots
    from psoas_desktop.ui.history_plots import HistoryPlots

    themed(theme)
    history = History(tmp_path / "history.sqlite3")
    plots = HistoryPlots(history, book)
    qtbot.addWidget(plots)
    base = plots.palette().color(Role.Base)
    for plot in (plots.pain, plots.exercise):
        for _, label in plot.legend.items:
            colour = QColor(label.opts["color"])
            ratio = contrast(colour, base)
            assert ratio >= TEXT_CONTRAST, f"{theme}: legend {label.text}: {ratio:.2f}"
    for name in ("BLUE", "ORANGE", "GREEN", "PURPLE"):
        ratio = contrast(QColor(getattr(history_plots, name)), base)
        assert ratio >= GRAPHIC_CONTRAST, f"{theme}: {name} marks: {ratio:.2f}"
    history.close()


def test_system_follows_a_live_light_dark_switch(qapp, themed, settings) -> None:
    themed(Theme.SYSTEM)
    settings.theme = Theme.SYSTEM
    follower = SystemScheme(qapp, lambda: settings.theme)
    hints = qapp.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert qapp.palette().color(Role.Window).lightness() < 128
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert qapp.palette().color(Role.Window).lightness() >= 128
    settings.theme = Theme.LIGHT  # a theme chosen by hand stays
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert qapp.palette().color(Role.Window).lightness() >= 128
    follower.deleteLater()
    QApplication.processEvents()
