"""The app on the desktop beyond its window: media controls on the session bus."""
