"""Psoas Desktop: a timer that guides psoas and hip-flexor routines on a mat."""

__version__ = "0.1.0"
APP_NAME = "psoas-desktop"
APP_TITLE = "Psoas Desktop"
