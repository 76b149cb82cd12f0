"""What the benchmarks share: the real window offscreen, error summaries, tables and JSON.

Imported by the scripts beside it (`uv run python bench/NAME.py` puts bench/ on sys.path).
"""

from __future__ import annotations

import json
import os
import statistics
from collections.abc import Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A routine longer than any default run, whose steps are whole seconds of 5 s or more, with no
# metronome beats: every second of it is one change of the displayed countdown.
LONG_ROUTINE = "strength-then-stretch"


# Large enough that the figure stands beside even a minute-long countdown ("3:00").
FIGURE_SIZE = (1920, 1080)


def make_window(sink: Any = None, smooth: bool = True, routine: str = LONG_ROUTINE,
                size: tuple[int, int] = (1280, 800), figure_motion: bool = True) -> Any:
    """The app's main window, shown offscreen, with in-memory settings and no screensaver
    calls. Needs a QApplication."""
    from psoas_desktop.audio.sink import RecordingCueSink
    from psoas_desktop.core.routine_file import load_book
    from psoas_desktop.platform.screensaver import NoInhibitor
    from psoas_desktop.platform.settings import Settings
    from psoas_desktop.resources import builtin_routines
    from psoas_desktop.ui.main_window import MainWindow

    book = load_book(builtin_routines())
    settings = Settings.in_memory(book.rests)
    settings.smooth_progress = smooth
    settings.figure_motion = figure_motion
    window = MainWindow(book, settings, sink=sink or RecordingCueSink(),
                        screensaver=NoInhibitor())
    window.confirm_discard = lambda: True  # quitting the app closes the window mid-session
    window.resize(*size)
    window.choose_routine(routine)
    window.show()
    return window


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile of `values` (unsorted is fine)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def summarise(errors_ms: Sequence[float]) -> dict[str, float]:
    """Signed errors (late positive) to median, p99 and max of the absolute, and the last."""
    if not errors_ms:
        return {"count": 0}
    absolute = [abs(e) for e in errors_ms]
    return {"count": len(errors_ms), "median_abs_ms": statistics.median(absolute),
            "p99_abs_ms": percentile(absolute, 0.99), "max_abs_ms": max(absolute),
            "mean_ms": statistics.fmean(errors_ms), "end_ms": errors_ms[-1]}


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], first_width: int = 22) -> str:
    """A plain fixed-width table: the first column left, the others right, floats to 0.1."""
    def cell(value: Any) -> str:
        if isinstance(value, float):
            return f"{value:.1f}" if abs(value) >= 0.1 or value == 0 else f"{value:.3f}"
        return "-" if value is None else str(value)

    widths = [max(len(h), *(len(cell(r[i])) for r in rows)) + 2 for i, h in enumerate(headers)]
    widths[0] = max(widths[0], first_width)
    lines = [headers[0].ljust(widths[0]) + "".join(
        h.rjust(w) for h, w in zip(headers[1:], widths[1:], strict=True))]
    for row in rows:
        lines.append(cell(row[0]).ljust(widths[0]) + "".join(
            cell(v).rjust(w) for v, w in zip(row[1:], widths[1:], strict=True)))
    return "\n".join(lines)


def write_json(path: Path | None, result: dict[str, Any]) -> None:
    if path is not None:
        path.write_text(json.dumps(result, indent=2, default=str) + "\n")
