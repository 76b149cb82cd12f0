"""The window: countdown, exercise list, controls. Everything here may import Qt."""
