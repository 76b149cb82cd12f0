"""Start-up: process start to the main window's first paint, and peak memory, for the app and
for a bare PySide6 window of the same size (the floor), as fresh processes taken in turn.

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
        if args.no_bytecode:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        else:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = f"{home}/bytecode"  # never the source tree's
            one_run(floor, env)  # untimed: writes the bytecode (and warms the disk cache)
            one_run(app, env)
        samples: dict[str, list[tuple[float, float]]] = {"floor": [], "app": []}
        for _ in range(args.runs):  # taken in turn, so drift in the machine hits both alike
            samples["floor"].append(one_run(floor, env))
            samples["app"].append(one_run(app, env))
    table = {}
    for name, runs in samples.items():
        table[name] = {"seconds_median": statistics.median(r[0] for r in runs),
                       "seconds_max": max(r[0] for r in runs),
                       "peak_mb_median": statistics.median(r[1] for r in runs)}
    ratio_time = table["app"]["seconds_median"] / table["floor"]["seconds_median"]
    ratio_mem = table["app"]["peak_mb_median"] / table["floor"]["peak_mb_median"]
    bytecode = "from source" if args.no_bytecode else "bytecode compiled"
    print(f"start-up to first paint, {args.runs} runs each, platform {args.platform}, "
          f"{bytecode}")
    print(f"{'':8}{'median s':>10}{'max s':>8}{'peak MB':>9}")
    for name, row in table.items():
        print(f"{name:8}{row['seconds_median']:>10.3f}{row['seconds_max']:>8.3f}"
              f"{row['peak_mb_median']:>9.1f}")
    print(f"ratio app/floor: time {ratio_time:.2f} x, memory {ratio_mem:.2f} x "
          f"(target 1.3 x)")
    if args.json:
        args.json.write_text(json.dumps({"runs": args.runs, "platform": args.platform,
                                         "bytecode": not args.no_bytecode,
                                         "results": table, "ratio_time": ratio_time,
                                         "ratio_memory": ratio_mem}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
