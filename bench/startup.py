"""Start-up: process start to the main window's first paint, and peak memory, for the app, for
a bare PySide6 window of the same size (the floor) and for the same kinds of widget as the app's
first screen in plain PySide6 (the screen), as fresh processes taken in turn.

Both run with compiled bytecode, as an installed app does (pip and Flatpak write it at install
time): the bytecode goes to a temporary folder, written by one untimed run of each. Where
PYTHONDONTWRITEBYTECODE is set (as on our build machine) every start would otherwise compile
every module from source again; --no-bytecode measures that case.

    uv run python bench/startup.py [--runs 7] [--platform offscreen] [--no-bytecode] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR = """
import resource, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
class F(QObject):
    seen = False
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            print(f"first-paint {time.time():.6f} peak-kib {kib}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False
app = QApplication([])
w = QMainWindow()
w.resize(1100, 760)
w.installEventFilter(F(w))
w.show()
app.exec()
"""

# The same kinds of widget the app's first screen shows (menus with shortcuts, an exercise
# list, a routine box, wrapped text, a scrolled grid of spin boxes, big buttons with the style's
# icons, a volume slider, a status line), in plain PySide6 with no app code: what any window
# with this screen costs, so that the app's overhead can be told from the widgets' own.
SCREEN = """
import resource, time
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFrame, QGridLayout,
    QHBoxLayout, QLabel, QListWidget, QMainWindow, QProgressBar, QPushButton, QScrollArea,
    QSlider, QSpinBox, QSplitter, QStyle, QVBoxLayout, QWidget)
class F(QObject):
    seen = False
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            print(f"first-paint {time.time():.6f} peak-kib {kib}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False
app = QApplication([])
app.setStyle("Fusion")
w = QMainWindow()
for title in ("&Session", "&View", "&Routines", "&Help"):
    menu = w.menuBar().addMenu(title)
    for n in range(6):
        menu.addAction(f"Item {n}").setShortcut(QKeySequence(f"Ctrl+{n}"))
split = QSplitter(Qt.Orientation.Horizontal)
exercises = QListWidget()
for n in range(5):
    exercises.addItem(f"{n + 1}. Exercise {n}\\n    2 x 6 reps, 5 s hold, each side")
split.addWidget(exercises)
right = QWidget()
column = QVBoxLayout(right)
today = QFrame()
today.setFrameShape(QFrame.Shape.StyledPanel)
box = QGridLayout(today)
heading = QLabel("Today: a routine")
font = QFont(heading.font())
font.setBold(True)
heading.setFont(font)
box.addWidget(heading, 0, 0)
box.addWidget(QPushButton("Choose it"), 0, 1)
box.addWidget(QLabel("0 of 2-3 sessions this week"), 1, 0)
box.addWidget(QPushButton("Reminders..."), 1, 1)
column.addWidget(today)
routine = QComboBox()
routine.addItems([f"Routine {n}" for n in range(8)])
column.addWidget(routine)
about = QLabel("A few lines about the routine. " * 12)
about.setWordWrap(True)
about.setTextFormat(Qt.TextFormat.PlainText)
column.addWidget(about)
rows = QWidget()
grid = QGridLayout(rows)
for r in range(5):
    grid.addWidget(QLabel(f"Exercise {r}"), r, 0, Qt.AlignmentFlag.AlignTop)
    for c in range(3):
        spin = QSpinBox()
        spin.setSuffix(" s")
        grid.addWidget(spin, r, c + 1)
    grid.addWidget(QCheckBox("weight"), r, 4)
scroll = QScrollArea()
scroll.setWidget(rows)
scroll.setWidgetResizable(True)
column.addWidget(scroll)
column.addWidget(QProgressBar())
buttons = QHBoxLayout()
icons = (QStyle.StandardPixmap.SP_MediaSkipBackward, QStyle.StandardPixmap.SP_MediaPlay,
         QStyle.StandardPixmap.SP_MediaSkipForward, QStyle.StandardPixmap.SP_MediaStop,
         QStyle.StandardPixmap.SP_MediaVolume)
for icon in icons:
    button = QPushButton(app.style().standardIcon(icon), "")
    button.setMinimumHeight(56)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    buttons.addWidget(button)
buttons.addWidget(QSlider(Qt.Orientation.Horizontal))
column.addLayout(buttons)
split.addWidget(right)
w.setCentralWidget(split)
w.statusBar().showMessage("No audio device: cues are silent")
w.resize(1100, 760)
w.installEventFilter(F(w))
w.show()
app.exec()
"""


def one_run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from launch to first paint, and peak memory in MB."""
    started = time.time()
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120,
                            check=False)
    line = next((ln for ln in result.stdout.splitlines() if ln.startswith("first-paint")), None)
    if line is None:
        raise SystemExit(f"no first paint from {command[:3]}:\n{result.stderr[-2000:]}")
    _, painted, _, kib = line.split()
    return float(painted) - started, int(kib) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default="offscreen")
    parser.add_argument("--no-bytecode", action="store_true",
                        help="compile every module from source on every start")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=args.platform, PSOAS_EXIT_AFTER_FIRST_PAINT="1")
    with tempfile.TemporaryDirectory() as home:
        app = [sys.executable, "-m", "psoas_desktop", "--data-dir", f"{home}/data",
               "--config-dir", f"{home}/config"]
        floor = [sys.executable, "-c", FLOOR]
        screen = [sys.executable, "-c", SCREEN]
        if args.no_bytecode:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        else:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = f"{home}/bytecode"  # never the source tree's
            for command in (floor, screen, app):  # untimed: writes the bytecode (and warms
                one_run(command, env)                # the disk cache)
        samples: dict[str, list[tuple[float, float]]] = {"floor": [], "screen": [], "app": []}
        for _ in range(args.runs):  # taken in turn, so drift in the machine hits all alike
            samples["floor"].append(one_run(floor, env))
            samples["screen"].append(one_run(screen, env))
            samples["app"].append(one_run(app, env))
    table = {}
    for name, runs in samples.items():
        table[name] = {"seconds_median": statistics.median(r[0] for r in runs),
                       "seconds_max": max(r[0] for r in runs),
                       "peak_mb_median": statistics.median(r[1] for r in runs)}
    ratio_time = table["app"]["seconds_median"] / table["floor"]["seconds_median"]
    ratio_mem = table["app"]["peak_mb_median"] / table["floor"]["peak_mb_median"]
    screen_time = table["screen"]["seconds_median"] / table["floor"]["seconds_median"]
    screen_mem = table["screen"]["peak_mb_median"] / table["floor"]["peak_mb_median"]
    bytecode = "from source" if args.no_bytecode else "bytecode compiled"
    print(f"start-up to first paint, {args.runs} runs each, platform {args.platform}, "
          f"{bytecode}")
    print(f"{'':8}{'median s':>10}{'max s':>8}{'peak MB':>9}")
    for name, row in table.items():
        print(f"{name:8}{row['seconds_median']:>10.3f}{row['seconds_max']:>8.3f}"
              f"{row['peak_mb_median']:>9.1f}")
    print(f"ratio app/floor: time {ratio_time:.2f} x, memory {ratio_mem:.2f} x "
          f"(target 1.3 x)")
    print(f"ratio screen/floor: time {screen_time:.2f} x, memory {screen_mem:.2f} x "
          f"(the same widgets in plain PySide6); app/screen: time "
          f"{table['app']['seconds_median'] / table['screen']['seconds_median']:.2f} x, memory "
          f"{table['app']['peak_mb_median'] / table['screen']['peak_mb_median']:.2f} x")
    if args.json:
        args.json.write_text(json.dumps({"runs": args.runs, "platform": args.platform,
                                         "bytecode": not args.no_bytecode,
                                         "results": table, "ratio_time": ratio_time,
                                         "ratio_memory": ratio_mem,
                                         "ratio_screen_time": screen_time,
                                         "ratio_screen_memory": screen_mem}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
