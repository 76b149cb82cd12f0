"""Media keys and a headset's button, as the desktop sends them over MPRIS: dbus-send calls on a
private bus reach the window's session, and what the desktop shows follows the session."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from fakes.dbus_bus import private_bus

from psoas_desktop.core.engine import State
from psoas_desktop.desktop.mpris import BUS_NAME, PATH, MprisService
from psoas_desktop.desktop.session_controls import SessionControls

__all__ = ["private_bus"]
PLAYER = "org.mpris.MediaPlayer2.Player"


@pytest.fixture
def mpris(window, private_bus, qtbot):
    raised: list[bool] = []
    service = MprisService(SessionControls(window.controller), lambda: raised.append(True),
                           private_bus)
    assert service.publish() and service.bus_name == BUS_NAME
    window.controller.changed.add(lambda _: service.refresh())
    service.raised = raised
    yield service
    service.close()


def run_tool(qtbot, *command: str) -> str:
    """A bus tool in a child; the Qt loop runs meanwhile, so the service can answer it."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=10000)
    out, err = process.communicate()
    assert process.returncode == 0, err
    return out


def send(qtbot, address: str, *call: str) -> str:
    """dbus-send, as a media-key daemon would."""
    return run_tool(qtbot, "dbus-send", f"--bus={address}", "--print-reply",
                    "--reply-timeout=5000", f"--dest={BUS_NAME}", PATH, *call)


def get(qtbot, address: str, name: str) -> str:
    return send(qtbot, address, "org.freedesktop.DBus.Properties.Get", f"string:{PLAYER}",
                f"string:{name}")


def test_play_pause_starts_pauses_and_resumes_the_session(window, mpris, private_bus,
                                                          qtbot) -> None:
    assert "Stopped" in get(qtbot, private_bus, "PlaybackStatus")
    send(qtbot, private_bus, f"{PLAYER}.PlayPause")
    assert window.session is not None and window.session.state is State.RUNNING
    assert "Playing" in get(qtbot, private_bus, "PlaybackStatus")
    send(qtbot, private_bus, f"{PLAYER}.PlayPause")
    assert window.session.state is State.PAUSED
    assert "Paused" in get(qtbot, private_bus, "PlaybackStatus")
    send(qtbot, private_bus, f"{PLAYER}.Play")
    assert window.session.state is State.RUNNING
    send(qtbot, private_bus, f"{PLAYER}.Pause")
    send(qtbot, private_bus, f"{PLAYER}.Pause")  # twice: still paused, not toggled
    assert window.session.state is State.PAUSED
    send(qtbot, private_bus, f"{PLAYER}.Stop")  # never throws the session away
    assert window.session.state is State.PAUSED


def test_next_and_previous_skip_steps(window, mpris, private_bus, qtbot) -> None:
    window.start_session()
    send(qtbot, private_bus, f"{PLAYER}.Next")
    send(qtbot, private_bus, f"{PLAYER}.Next")
    assert window.session.index == 2
    send(qtbot, private_bus, f"{PLAYER}.Previous")
    assert window.session.index == 1


def test_metadata_shows_exercise_step_and_time_left(window, mpris, private_bus, qtbot,
                                                    clock) -> None:
    window.start_session()
    send(qtbot, private_bus, f"{PLAYER}.Next")  # the first work step
    metadata = get(qtbot, private_bus, "Metadata")
    assert 'string "Hip flexor ball release"' in metadata
    assert 'string "Work · Left"' in metadata
    assert 'string "1:00 left"' in metadata
    assert 'object path "/io/github/psoas_desktop/PsoasDesktop/step/1"' in metadata
    for _ in range(25):  # in half seconds: a longer silence would read as a suspend
        clock.now += 0.5
        window.controller.wake()
    assert 'string "48 s left"' in get(qtbot, private_bus, "Metadata")
    # Position: microseconds into the step, as the int64 MPRIS asks for.
    assert "int64 12500000" in get(qtbot, private_bus, "Position")


def test_changes_are_signalled_as_mpris_clients_expect(window, mpris, private_bus,
                                                       qtbot) -> None:
    monitor = subprocess.Popen(
        ["dbus-monitor", "--address", private_bus, "type='signal',member='PropertiesChanged'"],
        stdout=subprocess.PIPE, text=True)
    try:
        qtbot.wait(500)  # the monitor is listening
        window.start_session()
        qtbot.wait(500)
    finally:
        monitor.terminate()
        out, _ = monitor.communicate(timeout=10)
    assert f'string "{PLAYER}"' in out
    assert 'string "PlaybackStatus"' in out and 'string "Playing"' in out
    assert 'string "Metadata"' in out and 'string "Get ready · Left"' in out
    busctl = shutil.which("busctl")
    if busctl is None:
        return  # the signature check needs systemd's busctl
    typed = run_tool(qtbot, busctl, f"--address={private_bus}", "introspect", BUS_NAME, PATH,
                     PLAYER)
    rows = {line.split()[0]: line.split()[2] for line in typed.splitlines()
            if line.startswith(".")}
    assert rows[".Position"] == "x" and rows[".Metadata"] == "a{sv}"
    assert rows[".PlaybackStatus"] == "s" and rows[".Seek"] == "x"


def test_raise_brings_the_window_forward(window, mpris, private_bus, qtbot) -> None:
    send(qtbot, private_bus, "org.mpris.MediaPlayer2.Raise")
    assert mpris.raised == [True]
