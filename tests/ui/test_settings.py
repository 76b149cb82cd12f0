"""Settings: defaults from the routines file, values that survive a restart, one signal."""

from __future__ import annotations

from PySide6.QtCore import QByteArray

from psoas_desktop.core.routines import Rests, Target
from psoas_desktop.platform.settings import Settings, Theme
from psoas_desktop.ui.settings_dialog import SettingsDialog


def test_defaults(book) -> None:
    settings = Settings.in_memory(book.rests)
    assert settings.rests == book.rests
    assert settings.tempo == 0
    assert settings.voice_enabled is True
    assert settings.muted is False
    assert 0 < settings.volume <= 1
    assert settings.theme is Theme.SYSTEM
    assert settings.last_routine is None
    assert settings.targets("psoas-strength") == {}
    assert settings.geometry is None


def test_changes_signal_once_with_the_key(qtbot) -> None:
    settings = Settings.in_memory()
    keys = []
    settings.changed.connect(keys.append)
    settings.muted = True
    settings.muted = True  # no change, no signal
    settings.theme = Theme.DARK
    assert keys == ["sound/muted", "look/theme"]


def test_the_settings_others_act_on_have_typed_signals_before_the_key(qtbot) -> None:
    settings = Settings.in_memory(Rests())
    heard: list[object] = []
    settings.changed.connect(lambda key: heard.append(key))
    settings.mutedChanged.connect(lambda muted: heard.append(("muted", muted)))
    settings.volumeChanged.connect(lambda volume: heard.append(("volume", volume)))
    settings.voiceEnabledChanged.connect(lambda on: heard.append(("voice", on)))
    settings.themeChanged.connect(lambda theme: heard.append(("theme", theme)))
    settings.muted = True
    settings.volume = 0.5
    settings.voice_enabled = False
    settings.voice_enabled = False  # no change, no signal
    settings.theme = Theme.DARK
    settings.tempo = 4  # the plan's length: read again on the repaint `changed` brings
    assert heard == [("muted", True), "sound/muted", ("volume", 0.5), "sound/volume",
                     ("voice", False), "sound/voice", ("theme", "dark"), "look/theme",
                     "session/tempo"]


def test_a_started_plan_is_offered_next_time() -> None:
    settings = Settings.in_memory(Rests())
    settings.remember_plan("psoas-stretch", {"glute-bridge": Target(3, 12)})
    assert settings.last_routine == "psoas-stretch"
    assert settings.targets("psoas-stretch") == {"glute-bridge": Target(3, 12)}


def test_everything_survives_a_restart_in_an_ini_file(tmp_path) -> None:
    path = tmp_path / "settings.ini"
    first = Settings.in_file(path, Rests())
    first.rests = Rests(get_ready=15, between_reps=3, between_sets=45, switch_sides=10,
                        between_exercises=25)
    first.tempo = 5
    first.voice_enabled = False
    first.volume = 0.35
    first.muted = True
    first.theme = Theme.DARK
    first.last_routine = "psoas-stretch"
    first.set_targets("psoas-stretch", {"glute-bridge": Target(3, 12), "x": Target(2, 1, 40)})
    first.geometry = QByteArray(b"\x01\x02geometry")
    first.sync()
    del first

    again = Settings.in_file(path, Rests())
    assert again.rests.between_sets == 45 and again.rests.get_ready == 15
    assert again.tempo == 5
    assert again.voice_enabled is False
    assert again.volume == 0.35
    assert again.muted is True
    assert again.theme is Theme.DARK
    assert again.last_routine == "psoas-stretch"
    assert again.targets("psoas-stretch") == {"glute-bridge": Target(3, 12),
                                              "x": Target(2, 1, 40)}
    assert again.geometry == QByteArray(b"\x01\x02geometry")


def test_a_damaged_file_falls_back_to_defaults(tmp_path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[rests]\nbetween_sets=lots\n[look]\ntheme=purple\n"
                    "[targets]\npsoas-strength={broken\n[sound]\nvolume=900\n")
    settings = Settings.in_file(path, Rests())
    assert settings.rests.between_sets == Rests().between_sets
    assert settings.theme is Theme.SYSTEM
    assert settings.targets("psoas-strength") == {}
    assert settings.volume == 1.0


def test_the_dialog_writes_on_ok_only(qtbot) -> None:
    settings = Settings.in_memory(Rests())
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.rests["between_sets"].setValue(60)
    dialog.tempo.setValue(6)
    dialog.voice.setChecked(False)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.reject()
    assert settings.rests.between_sets == 30
    dialog.load()
    dialog.rests["between_sets"].setValue(60)
    dialog.tempo.setValue(6)
    dialog.voice.setChecked(False)
    dialog.accept()
    assert settings.rests.between_sets == 60
    assert settings.tempo == 6
    assert settings.voice_enabled is False
    dialog.restore_defaults()
    assert dialog.rests["between_sets"].value() == 30


def test_new_rests_and_tempo_shape_the_next_session(window, settings) -> None:
    settings.rests = Rests(get_ready=4, between_reps=5, between_sets=30, switch_sides=8,
                           between_exercises=20)
    window.start_session()
    assert window.countdown.digits.text() == "4"
    assert window.session.timeline.steps[0].seconds == 4


def test_the_theme_setting_changes_the_palette(window, settings, qapp) -> None:
    from psoas_desktop.ui.theme import is_dark

    try:
        settings.theme = Theme.DARK
        assert is_dark(qapp.palette())
        settings.theme = Theme.LIGHT
        assert not is_dark(qapp.palette())
    finally:
        settings.theme = Theme.SYSTEM


def test_the_settings_name_the_step_as_the_screen_does(book) -> None:
    """The pause before each exercise shows 'Get ready' on screen; Settings says the same."""
    from psoas_desktop.core.timeline import StepKind, build_timeline
    from psoas_desktop.ui.settings_dialog import REST_LABELS
    from psoas_desktop.ui.step_text import phase_text

    routine = book.get("psoas-strength")
    steps = build_timeline(routine, rests=book.rests).steps
    shown = {phase_text(s, routine) for s in steps if s.kind is StepKind.PREPARE}
    assert shown == {"Get ready"}
    assert REST_LABELS["get_ready"].startswith("Get ready")
    assert REST_LABELS["between_exercises"].startswith("Get ready")
    assert not any("between exercises" in label.lower() for label in REST_LABELS.values())
