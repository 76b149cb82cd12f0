"""Is there a screen to open the window on? Asked before Qt is, because Qt's answer to "no"
is an abort (exit 134) with a misleading hint about libxcb-cursor0."""

from __future__ import annotations

import sys
from collections.abc import Mapping

NO_DISPLAY = ("no display found: DISPLAY and WAYLAND_DISPLAY are not set. Start the app from "
              "a desktop session (or set QT_QPA_PLATFORM=offscreen to run without a screen).")


def display_problem(environ: Mapping[str, str], platform: str = sys.platform) -> str | None:
    """Why no window can open here, or None when one may. Only Linux and the BSDs need a
    display server; a platform chosen in QT_QPA_PLATFORM is Qt's business."""
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    if environ.get("QT_QPA_PLATFORM") or environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return NO_DISPLAY
