"""The Session menu's moves beyond next and previous, with their keys, and the Wait for me
switch: thin wiring of core/session_moves.py to the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from psoas_desktop.core import session_moves as moves
from psoas_desktop.core.engine import Session

if TYPE_CHECKING:
    from psoas_desktop.ui.main_window import MainWindow

KEYS = {
    "more": ("+", "="),
    "skip_side": ("S",),
    "skip_exercise": ("E",),
    "repeat_set": ("R",),
    "wait_for_me": ("W",),
}


class SessionMoves(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._waiting: moves.WaitForMe | None = None
        self.more = self._action("Ten seconds &more", "more", moves.add_time)
        self.skip_side = self._action("Skip the rest of this &side", "skip_side",
                                      moves.skip_side)
        self.skip_exercise = self._action("Skip the rest of this &exercise", "skip_exercise",
                                          moves.skip_exercise)
        self.repeat_set = self._action("&Repeat the last set", "repeat_set", moves.repeat_set)
        self.wait_for_me = self._action("&Wait for me at each get-ready", "wait_for_me", None)
        self.wait_for_me.setCheckable(True)
        self.wait_for_me.setChecked(window.settings.wait_for_me)
        self.wait_for_me.toggled.connect(self._wait_toggled)
        window.session_signals.created.connect(self._session_created)
        menu = window.menuBar().actions()[0].menu()  # Session: after Finish
        if isinstance(menu, QMenu) and len(menu.actions()) > 4:
            after_finish = menu.actions()[4]
            menu.insertSeparator(after_finish)
            for action in (self.more, self.skip_side, self.skip_exercise, self.repeat_set,
                           self.wait_for_me):
                menu.insertAction(after_finish, action)

    def _action(self, text: str, key: str, move: moves.Move | None) -> QAction:
        action = QAction(text, self._window)
        action.setShortcuts([QKeySequence(k) for k in KEYS[key]])
        self._window.addAction(action)  # works in fullscreen, with the menu bar hidden
        if move is not None:
            action.triggered.connect(lambda: self._window.controller.act(move))
        return action

    def _session_created(self, session: Session) -> None:
        self._waiting = moves.WaitForMe(session, self.wait_for_me.isChecked(),
                                        self._window.controller.follow_session)

    def _wait_toggled(self, on: bool) -> None:
        self._window.settings.wait_for_me = on
        if self._waiting is not None:
            self._waiting.on = on
