"""SoundStatus: the window hears each change of availability once, with a plain message."""

from __future__ import annotations

from psoas_desktop.audio.availability import NO_DEVICE, SOUND_BACK, SoundNews, SoundStatus, follow


def _pairs(heard: list[tuple[bool, str]]):
    return lambda news: heard.append((news.available, news.message))


def test_listeners_hear_changes_once_each() -> None:
    heard: list[tuple[bool, str]] = []
    status = SoundStatus()
    status.changed.add(_pairs(heard))
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
    follow(status, _pairs(heard))
    status.set(False)
    assert heard == [(False, NO_DEVICE)]
    later: list[bool] = []
    follow(status, lambda news: later.append(news.available))
    # the first listener already knows; only the newcomer hears it
    assert heard == [(False, NO_DEVICE)] and later == [False]


def test_working_sound_at_start_up_is_not_announced() -> None:
    status = SoundStatus()
    heard: list[bool] = []
    follow(status, lambda news: heard.append(news.available))
    assert heard == []


def test_a_message_given_is_kept_and_none_gets_the_plain_words() -> None:
    status = SoundStatus()
    status.set(False, "No audio device: cues are off")
    assert status.current == SoundNews(False, "No audio device: cues are off")
    status.set(True)
    assert status.current == SoundNews(True, SOUND_BACK)
