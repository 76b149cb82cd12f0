"""The real app (its command line, run_app, MainWindow, HistoryLink), with hooks a test drives
through the environment, and reports on stdout:

- `ready` once the history is linked after first paint; with PSOAS_TEST_STEPS=N a session was
  started first and N steps ended with Next (each written before `ready`);
- `raised` when a second start of the app knocked;
- PSOAS_TEST_QUIT=1: after `ready`, end the session and quit as a logout would;
- PSOAS_TEST_FINISH=1: after `ready`, finish the session early, as the Finish button does, and
  print `asking` as the after-session dialog opens (it waits for an answer).
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from psoas_desktop import app
from psoas_desktop.cli import main
from psoas_desktop.ui.log_dialog import LogDialog
from psoas_desktop.ui.main_window import MainWindow

link_history = app._link_history


def linked(window: MainWindow, book, paths) -> None:
    link_history(window, book, paths)
    steps = os.environ.get("PSOAS_TEST_STEPS")
    if steps is not None:
        window.start_session()
        for _ in range(int(steps)):
            window.controller.next()
    print("ready", flush=True)
    if os.environ.get("PSOAS_TEST_FINISH"):
        QTimer.singleShot(0, window.controller.finish)
    if os.environ.get("PSOAS_TEST_QUIT"):
        window.end_and_close()
        QTimer.singleShot(0, QApplication.quit)


ask = LogDialog.ask.__func__


def asking(cls, parent=None, pain_before=None, *more):
    print("asking", flush=True)
    return ask(cls, parent, pain_before, *more)


app._link_history = linked
LogDialog.ask = classmethod(asking)
MainWindow.bring_forward = lambda self: print("raised", flush=True)
sys.exit(main(sys.argv[1:]))
