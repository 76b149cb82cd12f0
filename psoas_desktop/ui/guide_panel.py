"""How to do the exercise: its steps, cues and safety notes, foldable to a single header.

Shown during get-ready and rests, when there is time to read; hidden during effort so the
countdown has the room.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QScrollArea, QToolButton, QVBoxLayout, QWidget

from psoas_desktop.core.routines import Exercise
from psoas_desktop.ui.widgets import plain_label

QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum"


def guide_text(exercise: Exercise) -> str:
    """The exercise's own words, numbered and sectioned, as plain text."""
    sections: list[str] = []
    if exercise.equipment:
        sections.append("You need: " + ", ".join(exercise.equipment))
    if exercise.steps:
        sections.append("\n".join(f"{n}. {step}" for n, step in enumerate(exercise.steps, 1)))
    if exercise.phases:
        sections.append("Each cycle:\n" + "\n".join(
            f"• {p.name}" + (f": {p.cue}" if p.cue else "") for p in exercise.phases))
    if exercise.cues:
        sections.append("Cues:\n" + "\n".join(f"• {cue}" for cue in exercise.cues))
    if exercise.load:
        sections.append(f"Load: {exercise.load}")
    if exercise.safety:
        sections.append("Safety:\n" + "\n".join(f"⚠ {note}" for note in exercise.safety))
    return "\n\n".join(sections)


class GuidePanel(QFrame):
    expandedChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.toggle = QToolButton(self)
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setText("How to do it")
        self.toggle.setAccessibleName("Show or hide how to do the exercise")
        self.toggle.toggled.connect(self.set_expanded)
        font = QFont(self.toggle.font())
        font.setBold(True)
        self.toggle.setFont(font)
        self.title = plain_label("", self, "Exercise")
        self.title.setWordWrap(True)
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.body = plain_label("", self, "How to do the exercise")
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        body_font = QFont(self.body.font())
        body_font.setPointSizeF(body_font.pointSizeF() * 1.15)
        self.body.setFont(body_font)
        self.text_area = QScrollArea(self)
        self.text_area.setWidgetResizable(True)
        self.text_area.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        inner = QVBoxLayout(holder)
        inner.addWidget(self.title)
        self.picture_slot = QVBoxLayout()  # the figure in its start pose, when there is one
        inner.addLayout(self.picture_slot)
        inner.addWidget(self.body)
        inner.addStretch(1)
        self.text_area.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toggle)
        layout.addWidget(self.text_area, 1)
        layout.addStretch(0)  # folded, this keeps the header at the top

    def show_exercise(self, exercise: Exercise | None) -> None:
        self.title.setText(exercise.name if exercise else "")
        self.body.setText(guide_text(exercise) if exercise else "")

    def expanded(self) -> bool:
        return self.toggle.isChecked()

    def set_expanded(self, expanded: bool) -> None:
        if self.toggle.isChecked() != expanded:
            self.toggle.setChecked(expanded)  # comes back here through `toggled`
            return
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.text_area.setVisible(expanded)
        # Folded, it gives its width back to the countdown and keeps only the header.
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        folded = self.toggle.sizeHint().width() + margins.left() + margins.right() + 4
        self.setMaximumWidth(QWIDGETSIZE_MAX if expanded else folded)
        self.expandedChanged.emit(expanded)
