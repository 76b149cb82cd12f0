"""The big buttons: previous, start/pause, next, finish; and the sound: mute and volume."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QPushButton,
    QSlider,
    QStyle,
    QToolButton,
    QWidget,
)

from psoas_desktop.ui.widgets import tinted

BUTTON_HEIGHT = 56  # large targets: pressed with a stretched-out arm, not aimed at
START_WIDTH = 150
ICON_SIZE = QSize(28, 28)


class Controls(QWidget):
    volumeChanged = Signal(float)  # 0.0 to 1.0
    muteToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        pixmap = QStyle.StandardPixmap
        self.previous = self._button("Previous", "Previous step (Left or P)")
        self.start = self._button("Start", "Start or pause (Space)")
        self.start.setMinimumWidth(START_WIDTH)
        self.next = self._button("Next", "Next step (Right or N)")
        self.finish = self._button("Finish", "End the session now")
        self.mute = QToolButton(self)
        self.mute.setCheckable(True)
        self.mute.setIconSize(ICON_SIZE)
        self.mute.setMinimumSize(BUTTON_HEIGHT, BUTTON_HEIGHT)
        self.mute.setAccessibleName("Mute")
        self.mute.setToolTip("Mute (M)")
        self.mute.toggled.connect(self._mute_toggled)
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setRange(0, 100)
        self.volume.setMinimumWidth(90)
        self.volume.setAccessibleName("Volume")
        self.volume.setToolTip("Volume")
        self.volume.valueChanged.connect(lambda value: self.volumeChanged.emit(value / 100))

        layout = self._row = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (self.previous, self.start, self.next, self.finish):
            layout.addWidget(button)
        layout.addStretch(1)
        layout.addWidget(self.mute)
        layout.addWidget(self.volume)
        self._labels = {b: b.text() for b in (self.previous, self.next, self.finish)}
        self._compact = False
        self._icons: dict[QAbstractButton, QStyle.StandardPixmap] = {
            self.previous: pixmap.SP_MediaSkipBackward, self.start: pixmap.SP_MediaPlay,
            self.next: pixmap.SP_MediaSkipForward, self.finish: pixmap.SP_MediaStop,
            self.mute: pixmap.SP_MediaVolume}
        self._paint_icons()
        self._show_mute(False)

    def _set_icon(self, button: QAbstractButton, icon: QStyle.StandardPixmap) -> None:
        if self._icons.get(button) != icon:
            self._icons[button] = icon
            self._paint_icons(button)

    def _paint_icons(self, only: QAbstractButton | None = None) -> None:
        # The style's media icons are black; drawn in the button text colour they read on
        # dark buttons too (3:1 at least, tests/ui/test_contrast.py).
        for button, icon in self._icons.items():
            if only is None or button is only:
                button.setIcon(tinted(self.style().standardIcon(icon), self.palette(),
                                      ICON_SIZE))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "_icons"):
            self._paint_icons()
    def full_width(self) -> int:
        """The width the row needs with every button's word shown."""
        widgets = (self.previous, self.start, self.next, self.finish, self.mute, self.volume)
        words = sum(max(w.minimumWidth(), w.sizeHint().width()) if w not in self._labels
                    else self._wide_hint(w) for w in widgets)
        return words + self._row.spacing() * (len(widgets) + 1)

    def _wide_hint(self, button: QPushButton) -> int:
        shown = button.text()
        button.setText(self._labels[button])
        width = button.sizeHint().width()
        button.setText(shown)
        return width

    def is_compact(self) -> bool:
        return self._compact

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Too narrow for every word: Previous, Next and Finish show their icons alone (their
        # names stay in the tooltip and for screen readers), rather than overlap.
        compact = self.width() < self.full_width()
        if compact != self._compact:
            self._compact = compact
            for button, text in self._labels.items():
                button.setText("" if compact else text)
                button.setMinimumWidth(BUTTON_HEIGHT if compact else 0)

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setMinimumHeight(BUTTON_HEIGHT)
        button.setIconSize(ICON_SIZE)
        font = QFont(button.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        button.setFont(font)
        button.setToolTip(tip)
        button.setAccessibleName(text)
        button.setAutoDefault(False)
        return button

    def show_running(self, running: bool, can_start: bool, label: str) -> None:
        """Start/pause shows what pressing it does now."""
        pixmap = QStyle.StandardPixmap
        self.start.setText(label)
        self.start.setAccessibleName(label)
        self._set_icon(self.start, pixmap.SP_MediaPause if running else pixmap.SP_MediaPlay)
        self.start.setEnabled(can_start)

    def set_session_buttons(self, enabled: bool) -> None:
        for button in (self.previous, self.next, self.finish):
            button.setEnabled(enabled)

    def set_volume(self, volume: float) -> None:
        self.volume.setValue(round(volume * 100))

    def set_muted(self, muted: bool) -> None:
        self.mute.setChecked(muted)
        self._show_mute(muted)

    def _mute_toggled(self, muted: bool) -> None:
        self._show_mute(muted)
        self.muteToggled.emit(muted)

    def _show_mute(self, muted: bool) -> None:
        pixmap = QStyle.StandardPixmap
        self._set_icon(self.mute, pixmap.SP_MediaVolumeMuted if muted else pixmap.SP_MediaVolume)
        self.mute.setAccessibleDescription("muted" if muted else "sound on")
        self.volume.setEnabled(not muted)
