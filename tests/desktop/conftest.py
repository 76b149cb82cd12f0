"""The private bus and the stand-in services for the keep-awake and media-control tests."""

from fakes.dbus_bus import fake_services, private_bus

__all__ = ["fake_services", "private_bus"]
