"""Stand-ins for the desktop's D-Bus services, run as a child on a private bus.

`python dbus_services.py ADDRESS portal|screensaver...`: registers each, prints `ready`, then
one line per call (`portal-inhibit FLAGS REASON`, `screensaver-inhibit REASON`)
until it is terminated. The argument types are those of the real interfaces, so a call made with
the wrong D-Bus signature finds no method and is not printed.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection, QDBusObjectPath

EXPORT = (QDBusConnection.RegisterOption.ExportAllSlots
          | QDBusConnection.RegisterOption.ExportAllProperties)


@ClassInfo({"D-Bus Interface": "org.freedesktop.portal.Inhibit"})
class Portal(QObject):
    @Slot(str, "uint", "QVariantMap", result=QDBusObjectPath)
    def Inhibit(self, window: str, flags: int, options: dict[str, object]) -> QDBusObjectPath:
        print(f"portal-inhibit {flags} {options.get('reason', '')}", flush=True)
        return QDBusObjectPath("/org/freedesktop/portal/desktop/request/1_1/t")


@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class ScreenSaver(QObject):
    @Slot(str, str, result="uint")
    def Inhibit(self, application: str, reason: str) -> int:
        print(f"screensaver-inhibit {reason}", flush=True)
        return 7


SERVICES = {
    "portal": ("org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop", Portal),
    "screensaver": ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", ScreenSaver),
}


def main(address: str, wanted: list[str]) -> int:
    app = QCoreApplication([])
    bus = QDBusConnection.connectToBus(address, "fake-services")
    kept = []
    for key in wanted:
        service, path, kind = SERVICES[key]
        handler = kind()
        kept.append(handler)
        if not (bus.registerObject(path, handler, EXPORT) and bus.registerService(service)):
            print(f"cannot register {service}: {bus.lastError().message()}", flush=True)
            return 1
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
