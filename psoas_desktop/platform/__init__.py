"""Adapters to the machine and the desktop, apart from any widget: the wake-up timer, the settings
store, the screensaver inhibitors and quitting on a signal."""
