"""Psoas Desktop: a timer that guides psoas and hip-flexor routines on a mat."""

__version__ = "0.1.0"
APP_NAME = "psoas-desktop"  # the command, and the config and data folders (kept stable)
# The reverse-DNS id: the .desktop file, icons, AppStream metainfo, Wayland app id, Flatpak.
APP_ID = "io.github.psoas_desktop.PsoasDesktop"
APP_TITLE = "Psoas Desktop"
