"""The log's details in the after-session dialog: where, what kind and when it hurt, the
functional task, and every week or so the range of motion per side. All optional; answering
sharp, pinching, numb or tingling shows the safety advice at once."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from psoas_desktop.core.training_log import (
    PAIN_KINDS,
    PAIN_SIDES,
    PAIN_SITES,
    PAIN_TIMES,
    ROM_HOW,
    SAFETY_ADVICE,
    TASK_EXAMPLES,
    FunctionalTask,
    LogDetails,
    RomUnit,
    TaskUnit,
    needs_safety_advice,
)
from psoas_desktop.ui.rom_figure import RomFigure
from psoas_desktop.ui.widgets import plain_label

NOT_GIVEN = -1.0  # a spin box's "not given" position
TASK_UNIT_WORDS = {TaskUnit.RATING: "0-10 (10 = easy)", TaskUnit.MINUTES: "minutes",
                   TaskUnit.SECONDS: "seconds"}


class CodeBoxes(QWidget):
    """A row of check boxes, one per code."""

    def __init__(self, words: dict[str, str], name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for code, word in words.items():
            box = QCheckBox(word, self)
            box.setAccessibleName(f"{name}: {word}")
            self.boxes[code] = box
            row.addWidget(box)
        row.addStretch(1)

    def codes(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.boxes.items() if box.isChecked())


def _optional_spin(suffix: str, name: str, top: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setDecimals(0)
    spin.setRange(NOT_GIVEN, top)
    spin.setValue(NOT_GIVEN)
    spin.setSpecialValueText("not given")
    spin.setSuffix(suffix)
    spin.setAccessibleName(name)
    spin.setMinimumWidth(96)
    return spin


def _value(spin: QDoubleSpinBox) -> float | None:
    return None if spin.value() <= NOT_GIVEN else spin.value()


class TrainingLogPanel(QWidget):
    def __init__(self, task: FunctionalTask | None, rom_due: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self.where = CodeBoxes(PAIN_SITES, "Where it hurt")
        sides = QWidget()
        side_row = QHBoxLayout(sides)
        side_row.setContentsMargins(0, 0, 0, 0)
        self._sides = QButtonGroup(self)
        self._sides.setExclusive(False)
        self.side_buttons: dict[str, QRadioButton] = {}
        for code, word in PAIN_SIDES.items():
            button = QRadioButton(word)
            button.setAccessibleName(f"Side: {word}")
            self._sides.addButton(button)
            self.side_buttons[code] = button
            side_row.addWidget(button)
            button.toggled.connect(lambda on, b=button: self._one_side(b, on))
        side_row.addStretch(1)
        self.kind = CodeBoxes(PAIN_KINDS, "What kind of pain")
        self.when = CodeBoxes(PAIN_TIMES, "When it hurt")
        form.addRow("Where", self.where)
        form.addRow("Side", sides)
        form.addRow("What kind", self.kind)
        form.addRow("When", self.when)
        self.advice = plain_label(f"⚠ {SAFETY_ADVICE}", self, "Safety advice")
        self.advice.setWordWrap(True)
        self.advice.setStyleSheet("QLabel { border: 2px solid #b91c1c; padding: 6px;"
                                  " font-weight: bold; }")
        self.advice.setVisible(False)
        for box in self.kind.boxes.values():
            box.toggled.connect(self._check_safety)
        # The functional task: picked once, then measured after each session.
        self.task_name = QComboBox()
        self.task_name.setEditable(True)
        self.task_name.setAccessibleName("Functional task")
        for example in TASK_EXAMPLES:
            self.task_name.addItem(example.name, example.unit.value)
        self.task_unit = QComboBox()
        self.task_unit.setAccessibleName("Functional task measured as")
        for unit, words in TASK_UNIT_WORDS.items():
            self.task_unit.addItem(words, unit.value)
        self.task_name.currentIndexChanged.connect(self._task_picked)
        self._task_picked(0)
        if task is not None:
            self.task_name.setCurrentText(task.name)
            self.task_unit.setCurrentIndex(self.task_unit.findData(task.unit.value))
        self.task_value = _optional_spin("", "Functional task result", 600)
        task_row = QHBoxLayout()
        task_row.addWidget(self.task_name, 1)
        task_row.addWidget(self.task_unit)
        task_row.addWidget(self.task_value)
        form.addRow("Task", task_row)
        self.task_hint = plain_label(
            "Pick a daily task once (or type your own); rate or time it after each session to "
            "see it get easier." if task is None else "", self)
        self.task_hint.setWordWrap(True)
        self.task_hint.setVisible(task is None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.advice)
        layout.addWidget(self.task_hint)
        # Range of motion, every week or so.
        self.rom_left = _optional_spin("", "Range of motion, left side", 100)
        self.rom_right = _optional_spin("", "Range of motion, right side", 100)
        self.rom_unit = QComboBox()
        self.rom_unit.setAccessibleName("Range of motion measured as")
        self.rom_unit.addItem("0-10 (10 = thigh on chest)", RomUnit.SCALE.value)
        self.rom_unit.addItem("cm from knee to chest", RomUnit.CM.value)
        self.rom = QWidget()
        rom_layout = QHBoxLayout(self.rom)
        rom_layout.setContentsMargins(0, 0, 0, 0)
        rom_layout.addWidget(RomFigure())
        rom_text = QVBoxLayout()
        how = plain_label(f"Range of motion (about once a week). {ROM_HOW}", self.rom)
        how.setWordWrap(True)
        rom_text.addWidget(how)
        rom_row = QHBoxLayout()
        rom_row.addWidget(QLabel("Left"))
        rom_row.addWidget(self.rom_left)
        rom_row.addWidget(QLabel("Right"))
        rom_row.addWidget(self.rom_right)
        rom_row.addWidget(self.rom_unit)
        rom_text.addLayout(rom_row)
        rom_layout.addLayout(rom_text, 1)
        layout.addWidget(self.rom)
        self.rom.setVisible(rom_due)

    def _one_side(self, chosen: QRadioButton, on: bool) -> None:
        """At most one side; a non-exclusive group, so that none at all can be the answer."""
        if not on:
            return
        for button in self.side_buttons.values():
            if button is not chosen:
                button.setChecked(False)

    def _task_picked(self, index: int) -> None:
        unit = self.task_name.itemData(index)
        if unit:
            self.task_unit.setCurrentIndex(self.task_unit.findData(unit))

    def _check_safety(self) -> None:
        self.advice.setVisible(needs_safety_advice(self.kind.codes()))

    def task(self) -> FunctionalTask | None:
        """The task as chosen, once it was measured; None while it has no result."""
        name = self.task_name.currentText().strip()
        if not name or _value(self.task_value) is None:
            return None
        return FunctionalTask(name, TaskUnit(self.task_unit.currentData()))

    def details(self) -> LogDetails:
        side = next((c for c, b in self.side_buttons.items() if b.isChecked()), None)
        task = self.task()
        value = _value(self.task_value) if task else None
        rom_left, rom_right = (_value(self.rom_left), _value(self.rom_right)
                               ) if self.rom.isVisibleTo(self) else (None, None)
        measured = rom_left is not None or rom_right is not None
        return LogDetails(
            self.where.codes(), side, self.kind.codes(), self.when.codes(),
            task.name if task else "", task.unit if task else None, value,
            rom_left, rom_right, RomUnit(self.rom_unit.currentData()) if measured else None)
