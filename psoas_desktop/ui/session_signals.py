"""The session controller's news as Qt signals, for widgets: a slot that raises then reaches
the app's exception hook (ui/crash_dialog.py: logged, the session paused, the user told),
where a plain listener's error would only be logged."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from psoas_desktop.core.session_control import SessionController


class SessionSignals(QObject):
    created = Signal(object)  # the Session, before it starts
    changed = Signal()  # something shown moved: repaint
    cleared = Signal()  # back to the plan
    ended = Signal(object)  # a SessionEnd, once the engine call has returned

    def __init__(self, controller: SessionController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        controller.created.add(self.created.emit)
        controller.changed.add(lambda _: self.changed.emit())
        controller.cleared.add(lambda _: self.cleared.emit())
        controller.ended.add(self.ended.emit)
