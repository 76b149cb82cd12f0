"""Keeping the screen awake: the portal where it runs, the ScreenSaver service otherwise, on a
private bus with stand-in services; Windows and macOS through their own calls."""

from __future__ import annotations

import subprocess
import time

from psoas_desktop.platform.keep_awake import (
    INHIBIT_IDLE,
    DesktopInhibitor,
    MacInhibitor,
    WindowsInhibitor,
    make_inhibitor,
)


def _has_owner(address: str, name: str) -> bool:
    reply = subprocess.run(
        ["dbus-send", f"--bus={address}", "--print-reply", "--dest=org.freedesktop.DBus",
         "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", f"string:{name}"],
        capture_output=True, text=True, timeout=10, check=True)
    return "boolean true" in reply.stdout


def test_the_portal_is_used_where_it_runs_with_the_idle_flag_as_a_uint(
        qapp, private_bus, fake_services) -> None:
    services = fake_services("portal", "screensaver")
    inhibitor = DesktopInhibitor("Psoas Desktop", private_bus)
    inhibitor.inhibit("Following Psoas stretch")
    assert inhibitor.active and inhibitor.through == "portal"
    kind, flags, reason = services.readline().split(" ", 2)
    sender = inhibitor.bus_name
    # The fake's method takes (s, u, a{sv}): a call with a signed flag would not reach it.
    assert (kind, flags, reason) == ("portal-inhibit", str(INHIBIT_IDLE), "Following Psoas stretch")
    assert _has_owner(private_bus, sender)
    inhibitor.release()
    assert not inhibitor.active
    # Releasing closes the connection the inhibit was made on, which ends it.
    assert not _has_owner(private_bus, sender)
    assert services.quiet()  # the ScreenSaver service was never asked


def test_without_a_portal_the_screensaver_service_is_asked(qapp, private_bus,
                                                           fake_services) -> None:
    services = fake_services("screensaver")
    inhibitor = DesktopInhibitor("Psoas Desktop", private_bus)
    inhibitor.inhibit("Following a routine")
    assert inhibitor.through == "screensaver"
    kind, reason = services.readline().split(" ", 1)
    sender = inhibitor.bus_name
    assert (kind, reason) == ("screensaver-inhibit", "Following a routine")
    inhibitor.inhibit("again")  # one inhibit at a time
    assert services.quiet()
    inhibitor.release()
    assert not _has_owner(private_bus, sender)


def test_no_bus_at_all_is_silent(qapp) -> None:
    inhibitor = DesktopInhibitor("Psoas Desktop", "unix:path=/nonexistent/bus")
    inhibitor.inhibit("test")
    assert not inhibitor.active
    inhibitor.release()


class _Kernel32:
    def __init__(self) -> None:
        self.calls: list[int] = []

    def SetThreadExecutionState(self, flags: int) -> int:
        self.calls.append(flags)
        return 0x80000000  # the previous state: non-zero means it worked


def test_windows_holds_display_and_system_until_released() -> None:
    kernel32 = _Kernel32()
    inhibitor = WindowsInhibitor(kernel32)
    inhibitor.inhibit("x")
    assert inhibitor.active
    inhibitor.release()
    assert kernel32.calls == [0x80000003, 0x80000000]
    inhibitor.release()
    assert len(kernel32.calls) == 2


def test_macos_runs_caffeinate_for_this_process_and_stops_it(tmp_path, monkeypatch) -> None:
    tool = tmp_path / "caffeinate"
    log = tmp_path / "args"
    tool.write_text(f"#!/bin/sh\necho \"$@\" > {log}\nexec sleep 60\n")
    tool.chmod(0o755)
    inhibitor = MacInhibitor(str(tool))
    inhibitor.inhibit("x")
    process = inhibitor._process
    assert process is not None and process.poll() is None
    for _ in range(200):  # the stand-in has written its arguments
        if log.exists() and log.read_text():
            break
        time.sleep(0.05)
    inhibitor.release()
    assert process.returncode is not None and not inhibitor.active
    import os

    assert log.read_text().split() == ["-d", "-i", "-w", str(os.getpid())]


def test_each_system_gets_its_own_way(monkeypatch) -> None:
    monkeypatch.setattr("sys.platform", "darwin")
    assert isinstance(make_inhibitor("x"), MacInhibitor)
    monkeypatch.setattr("sys.platform", "linux")
    assert isinstance(make_inhibitor("x"), DesktopInhibitor)
