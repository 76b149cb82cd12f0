"""The window's actions, their keyboard shortcuts, and the menus that list them.

Actions are added to the window itself as well as to the menus, so their shortcuts keep
working in fullscreen, where the menu bar is hidden.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow


@dataclass
class WindowActions:
    toggle: QAction
    previous: QAction
    next: QAction
    finish: QAction
    history: QAction
    settings: QAction
    quit: QAction
    fullscreen: QAction
    leave_fullscreen: QAction
    mute: QAction
    shortcuts: QAction
    about: QAction


def _action(window: QMainWindow, text: str, *keys: str) -> QAction:
    action = QAction(text, window)
    action.setShortcuts([QKeySequence(key) for key in keys])
    window.addAction(action)
    return action


def build_actions(window: QMainWindow) -> WindowActions:
    actions = WindowActions(
        # Presenter clickers send PageDown / PageUp, and B or period for their blank-screen key.
        toggle=_action(window, "&Start / Pause", "Space", "B", "."),
        previous=_action(window, "&Previous step", "Left", "P", "PgUp"),
        next=_action(window, "&Next step", "Right", "N", "PgDown"),
        finish=_action(window, "&Finish session"),
        history=_action(window, "&History…", "Ctrl+H"),
        settings=_action(window, "Se&ttings…", "Ctrl+,"),
        quit=_action(window, "&Quit", "Ctrl+Q"),
        fullscreen=_action(window, "&Fullscreen", "F", "F11"),
        leave_fullscreen=_action(window, "&Leave fullscreen", "Esc"),
        mute=_action(window, "&Mute", "M"),
        shortcuts=_action(window, "&Keyboard shortcuts", "F1"),
        about=_action(window, "&About"),
    )
    actions.mute.setCheckable(True)
    actions.fullscreen.setCheckable(True)
    actions.quit.setMenuRole(QAction.MenuRole.QuitRole)
    actions.about.setMenuRole(QAction.MenuRole.AboutRole)
    actions.settings.setMenuRole(QAction.MenuRole.PreferencesRole)

    menus = window.menuBar()
    session = menus.addMenu("&Session")
    for action in (actions.toggle, actions.previous, actions.next, actions.finish):
        session.addAction(action)
    session.addSeparator()
    session.addAction(actions.history)
    session.addAction(actions.settings)
    session.addSeparator()
    session.addAction(actions.quit)
    view = menus.addMenu("&View")
    view.addAction(actions.fullscreen)
    view.addAction(actions.leave_fullscreen)
    view.addAction(actions.mute)
    help_menu = menus.addMenu("&Help")
    help_menu.addAction(actions.shortcuts)
    help_menu.addAction(actions.about)
    return actions
