"""The window's status line: what is wrong with the sound, and notes others put there (the
voice, the history). In fullscreen it shows only while the sound has something to say."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QStatusBar, QStyle

from psoas_desktop.audio.availability import SoundNews
from psoas_desktop.ui.widgets import plain_label

NO_SOUND = "Sound unavailable: follow the screen."


class StatusLine(QObject):
    _soundNews = Signal(object)  # a sink may tell from any thread: the slot runs in Qt's own

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self._bar = bar
        self._fullscreen = False
        self._sound_message = ""
        self.sound_icon = QLabel(bar)
        self.sound_icon.setPixmap(bar.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(20, 20))
        self.sound_status = plain_label("", bar, "Sound status")
        bar.addWidget(self.sound_icon)
        bar.addWidget(self.sound_status, 1)
        self._soundNews.connect(self._show_sound)

    def tell_sound(self, news: SoundNews) -> None:
        """The sound's news, from whatever thread it comes."""
        self._soundNews.emit(news)

    def _show_sound(self, news: SoundNews) -> None:
        self._sound_message = "" if news.available else (news.message or NO_SOUND)
        self.sound_status.setText(self._sound_message)
        self.sound_status.setVisible(bool(self._sound_message))
        self.sound_icon.setVisible(bool(self._sound_message))
        self._show_bar()

    def sound_message(self) -> str:
        return self._sound_message

    def add_note(self, accessible_name: str) -> QLabel:
        """A plain-text label at the right, hidden until its owner has something to say."""
        label = QLabel(self._bar)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAccessibleName(accessible_name)
        label.hide()
        self._bar.addPermanentWidget(label)
        return label

    def flash(self, text: str, ms: int) -> None:
        """Say something for a while (an import done)."""
        self._bar.showMessage(text, ms)

    def set_fullscreen(self, on: bool) -> None:
        self._fullscreen = on
        self._show_bar()

    def _show_bar(self) -> None:
        self._bar.setVisible(not self._fullscreen or bool(self._sound_message))
