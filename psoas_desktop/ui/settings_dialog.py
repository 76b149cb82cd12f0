"""The settings dialog: rest lengths, tempo, voice, volume, theme. Changes apply on OK."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from psoas_desktop.core.routines import Rests
from psoas_desktop.platform.settings import MAX_REST_SECONDS, MAX_TEMPO_SECONDS, Settings, Theme
from psoas_desktop.ui.widgets import plain_label

REST_LABELS = {
    "get_ready": "Get ready before the first exercise",
    "between_reps": "Rest between reps",
    "between_sets": "Rest between sets",
    "switch_sides": "Time to switch sides",
    "between_exercises": "Get ready before each later exercise",
}
THEME_LABELS = {Theme.SYSTEM: "Like the system", Theme.LIGHT: "Light", Theme.DARK: "Dark"}


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None,
                 voice_problem: str = "", retry_voice: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.voice_problem = voice_problem
        self.retry_voice = retry_voice or (lambda: None)
        self.setWindowTitle("Settings")
        self.settings = settings
        form = QFormLayout()
        self.rests: dict[str, QSpinBox] = {}
        for name, label in REST_LABELS.items():
            spin = QSpinBox(self)
            spin.setRange(0, MAX_REST_SECONDS)
            spin.setSuffix(" s")
            spin.setAccessibleName(label)
            self.rests[name] = spin
            form.addRow(label, spin)
        self.tempo = QSpinBox(self)
        self.tempo.setRange(0, MAX_TEMPO_SECONDS)
        self.tempo.setSuffix(" s a rep")
        self.tempo.setSpecialValueText("Each exercise's own")
        self.tempo.setAccessibleName("Metronome tempo, seconds per paced rep")
        form.addRow("Metronome tempo", self.tempo)
        self.voice = QCheckBox("Speak the cues", self)
        form.addRow("Voice", self.voice)
        if voice_problem:  # a ticked box would promise words that will not come
            self.voice_note = plain_label(voice_problem, self)
            self.voice_note.setWordWrap(True)
            form.addRow("", self.voice_note)
            self.retry = QPushButton("Try the speech engine again", self)
            self.retry.clicked.connect(self.retry_voice)
            self.retry.clicked.connect(self.voice_note.hide)
            self.retry.clicked.connect(self.retry.hide)
            form.addRow("", self.retry)
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setRange(0, 100)
        self.volume.setAccessibleName("Volume")
        form.addRow("Volume", self.volume)
        self.theme = QComboBox(self)
        for theme, label in THEME_LABELS.items():
            self.theme.addItem(label, theme.value)
        self.theme.setAccessibleName("Theme")
        form.addRow("Theme", self.theme)
        self.smooth = QCheckBox("Move the step bar smoothly (off: once a second)", self)
        form.addRow("Animation", self.smooth)
        self.figure_motion = QCheckBox("Move the figure with the countdown (off: a still pose)",
                                       self)
        form.addRow("", self.figure_motion)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(plain_label("Rests and tempo apply from the next session.", self))
        layout.addWidget(buttons)
        self.load()

    def load(self) -> None:
        s = self.settings
        self._show_rests(s.rests)
        self.tempo.setValue(s.tempo)
        self.voice.setChecked(s.voice_enabled and not self.voice_problem)
        self.volume.setValue(round(s.volume * 100))
        self.theme.setCurrentIndex(self.theme.findData(s.theme.value))
        self.smooth.setChecked(s.smooth_progress)
        self.figure_motion.setChecked(s.figure_motion)

    def _show_rests(self, rests: Rests) -> None:
        for name, spin in self.rests.items():
            spin.setValue(getattr(rests, name))

    def restore_defaults(self) -> None:
        self._show_rests(self.settings.default_rests)
        self.tempo.setValue(0)
        self.voice.setChecked(True)
        self.theme.setCurrentIndex(self.theme.findData(Theme.SYSTEM.value))
        self.smooth.setChecked(True)
        self.figure_motion.setChecked(True)

    def accept(self) -> None:
        s = self.settings
        s.rests = Rests(**{name: spin.value() for name, spin in self.rests.items()})
        s.tempo = self.tempo.value()
        if self.voice_problem and self.voice.isChecked():
            self.retry_voice()  # ticked again: the user asks for words, try the engine once more
        elif self.voice.isChecked() or not self.voice_problem:  # unticked by us is no choice
            s.voice_enabled = self.voice.isChecked()
        s.volume = self.volume.value() / 100
        s.theme = Theme(self.theme.currentData())
        s.smooth_progress = self.smooth.isChecked()
        s.figure_motion = self.figure_motion.isChecked()
        super().accept()
