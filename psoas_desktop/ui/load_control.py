"""The load part of a target on the start page: kilograms, a number of bands, or a weight on
the ball (on or off), as the exercise's LoadMeasure says."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QHBoxLayout, QSpinBox, QWidget

from psoas_desktop.core.routines import LoadMeasure, LoadUnit


class LoadControl(QWidget):
    changed = Signal()

    def __init__(self, measure: LoadMeasure, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.measure = measure
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._check: QCheckBox | None = None
        self._spin: QSpinBox | QDoubleSpinBox | None = None
        if measure.unit is LoadUnit.ON_OFF:
            self._check = QCheckBox("weight", self)
            self._check.setAccessibleName(f"{name}: a weight on the ball")
            self._check.toggled.connect(self.changed)
            layout.addWidget(self._check)
        else:
            spin: QSpinBox | QDoubleSpinBox
            if measure.unit is LoadUnit.KG:
                spin = QDoubleSpinBox(self)
                spin.setDecimals(1)
                spin.setSingleStep(0.5)
                spin.setRange(0, measure.max)
                spin.setSuffix(" kg")
                spin.setSpecialValueText("none")
                spin.setAccessibleName(f"{name}: dumbbell, kilograms")
            else:
                spin = QSpinBox(self)
                spin.setRange(0, int(measure.max))
                spin.setSuffix(" bands")
                spin.setAccessibleName(f"{name}: how many bands")
            spin.setMinimumWidth(84)
            spin.valueChanged.connect(self.changed)
            self._spin = spin
            layout.addWidget(spin)
        self.set_value(measure.start)

    def value(self) -> float:
        if self._check is not None:
            return 1.0 if self._check.isChecked() else 0.0
        assert self._spin is not None
        return float(self._spin.value())

    def set_value(self, value: float) -> None:
        value = self.measure.clamp(value)
        if self._check is not None:
            self._check.setChecked(value > 0)
        elif isinstance(self._spin, QDoubleSpinBox):
            self._spin.setValue(value)
        elif self._spin is not None:
            self._spin.setValue(round(value))
