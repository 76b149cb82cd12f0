"""The real window on the real monotonic clock, recording through the app's HistoryLink: a
session starts, ends two steps, then the time zone changes (as travel or a daylight-saving
switch would) and two more steps end. Prints the countdown's remaining seconds and the
monotonic time around the change, as JSON.

    TZ=... python tz_child.py HISTORY_PATH NEW_TZ
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from psoas_desktop.core.routine_file import load_book
from psoas_desktop.platform.screensaver import NoInhibitor
from psoas_desktop.platform.settings import Settings
from psoas_desktop.resources import builtin_routines
from psoas_desktop.storage.history import History
from psoas_desktop.ui.history_link import HistoryLink
from psoas_desktop.ui.log_dialog import LogDialog
from psoas_desktop.ui.main_window import MainWindow

path, new_tz = Path(sys.argv[1]), sys.argv[2]
app = QApplication([])
book = load_book(builtin_routines(), [])
window = MainWindow(book, Settings.in_memory(book.rests), screensaver=NoInhibitor())
link = HistoryLink(window, History(path), book)
LogDialog.ask = classmethod(lambda cls, parent=None, pain=None, *more: None)
window.choose_routine("psoas-stretch")
window.start_session()
window.controller.next()
window.controller.next()
session = window.session
before = (session.remaining(), time.monotonic(), window.countdown.digits.text())
os.environ["TZ"] = new_tz
time.tzset()
app.processEvents()
after = (session.remaining(), time.monotonic(), window.countdown.digits.text())
window.controller.next()
window.controller.next()
window.controller.finish()
link.close()
print(json.dumps({"before": before, "after": after, "local_hour": time.localtime().tm_hour}))
