"""Qt enum creation up to first paint, for the app, for a bare PySide6 window (the floor) and
for the first screen's kinds of widget in plain PySide6 (the screen, from bench/startup.py).

PySide6 builds a class's Python enums when the class is first touched (the whole `Qt`
namespace at once), through the enum module's functional API, which is slow on Python 3.11
(and no faster on 3.12 or 3.13). The floor touches almost none; every `Qt.AlignmentFlag` or
`QStyle` a screen uses costs start-up time that no import trimming wins back. This counts that
cost, and names the lines of ours that first touch each class, so that start-up work can aim
at it.

    uv run python bench/qt_enums.py [--platform offscreen] [--top 15]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

from startup import FLOOR, SCREEN

# Run before the program: times each enum the functional API creates, and prints the totals
# when the program prints its first-paint line (both programs print one, then quit).
SHIM = r"""
import enum, json, sys, time, traceback
_call = enum.EnumType.__call__
_costs = {}
def _timed(cls, value, names=None, *args, **kwargs):
    if names is None:
        return _call(cls, value, *args, **kwargs)
    started = time.perf_counter()
    try:
        return _call(cls, value, names, *args, **kwargs)
    finally:
        ours = [f for f in traceback.extract_stack()[:-1] if "psoas_desktop" in f.filename]
        where = (f"{ours[-1].filename.split('psoas_desktop/')[-1]}:{ours[-1].lineno}"
                 if ours else "PySide6 import")
        _costs.setdefault(where, [0.0, 0])
        _costs[where][0] += time.perf_counter() - started
        _costs[where][1] += 1
enum.EnumType.__call__ = _timed
class _Watch:
    def __init__(self, out):
        self._out = out
    def write(self, text):
        if text.startswith("first-paint"):
            self._out.write("enum-costs " + json.dumps(_costs) + "\n")
        return self._out.write(text)
    def __getattr__(self, name):
        return getattr(self._out, name)
sys.stdout = _Watch(sys.stdout)
"""


def costs_of(program: str, env: dict[str, str]) -> dict[str, tuple[float, int]]:
    result = subprocess.run([sys.executable, "-c", SHIM + program], env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    line = next((ln for ln in result.stdout.splitlines() if ln.startswith("enum-costs")), None)
    if line is None:
        raise SystemExit(f"no first paint:\n{result.stderr[-2000:]}")
    return {where: (seconds, count) for where, (seconds, count)
            in json.loads(line.removeprefix("enum-costs ")).items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--platform", default="offscreen")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=args.platform, PSOAS_EXIT_AFTER_FIRST_PAINT="1")
    with tempfile.TemporaryDirectory() as home:
        app = ("import sys\nfrom psoas_desktop.cli import main\n"
               f"sys.exit(main(['--data-dir', {home + '/data'!r}, "
               f"'--config-dir', {home + '/config'!r}]))\n")
        table = {"floor": costs_of(FLOOR, env), "screen": costs_of(SCREEN, env),
                 "app": costs_of(app, env)}
    print(f"Qt enum creation to first paint (timed inside the process), platform {args.platform}")
    print(f"{'':8}{'ms':>8}{'enums':>7}")
    for name, costs in table.items():
        print(f"{name:8}{1000 * sum(s for s, _ in costs.values()):>8.1f}"
              f"{sum(n for _, n in costs.values()):>7}")
    print(f"\nthe app's, by the line of ours that first touched the class (top {args.top}):")
    ranked = sorted(table["app"].items(), key=lambda item: -item[1][0])
    for where, (seconds, count) in ranked[:args.top]:
        print(f"{1000 * seconds:8.2f} ms {count:4} enums  {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
