"""SoundStatus: the window hears each change of availability once, with a plain message."""

from __future__ import annotations

from psoas_desktop.audio.availability import NO_DEVICE, SOUND_BACK, SoundStatus


def test_listeners_hear_changes_once_each() -> None:
    heard: list[tuple[bool, str]] = []
    status = SoundStatus()
    status.add_listener(lambda available, message: heard.append((available, message)))
    status.set(True)  # no change: nothing to say
    status.set(False)
    status.set(False)
    status.set(True)
    assert heard == [(False, NO_DEVICE), (True, SOUND_BACK)]
    assert status.available is True


def test_a_state_set_before_anyone_listens_is_told_later() -> None:
    status = SoundStatus()
    status.set(False)  # at start-up, before the window subscribes
    heard: list[tuple[bool, str]] = []
    status.add_listener(lambda available, message: heard.append((available, message)))
    status.tell()
    status.tell()
    assert heard == [(False, NO_DEVICE)]
    later: list[bool] = []
    status.add_listener(lambda available, _message: later.append(available))
    status.tell()  # the first listener already knows; only the newcomer hears it
    assert heard == [(False, NO_DEVICE)] and later == [False]


def test_working_sound_at_start_up_is_not_announced() -> None:
    status = SoundStatus()
    heard: list[bool] = []
    status.add_listener(lambda available, _message: heard.append(available))
    status.tell()
    assert heard == []
