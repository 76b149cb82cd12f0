"""The cue WAVs: one per cue, valid, short, soft-edged, distinct, and remade byte for byte."""

from __future__ import annotations

import importlib.util
import itertools
import sys
import wave
from array import array
from pathlib import Path
from types import ModuleType

import pytest

from psoas_desktop.audio.effects import cue_sound
from psoas_desktop.core.cues import Cue

TOOLS = Path(__file__).resolve().parents[2] / "tools"
ASSETS = Path(__file__).resolve().parents[2] / "psoas_desktop" / "data" / "assets"

# Longest a cue may last: a beat must end before the next one, a tick within its second.
MAX_SECONDS = {Cue.BEAT: 0.1, Cue.TICK: 0.2}


def load_make_sounds() -> ModuleType:
    name = "psoas_assets_make_sounds"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, TOOLS / "make_sounds.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def read(cue: Cue) -> tuple[wave._wave_params, array]:
    with wave.open(str(cue_sound(cue)), "rb") as wav:
        params = wav.getparams()
        samples = array("h", wav.readframes(params.nframes))
    return params, samples


@pytest.mark.parametrize("cue", list(Cue))
def test_each_cue_is_a_short_soft_mono_wav(cue: Cue) -> None:
    path = cue_sound(cue)
    assert path.is_file()
    assert path.stat().st_size < 60_000
    params, samples = read(cue)
    assert (params.nchannels, params.sampwidth) == (1, 2)
    seconds = params.nframes / params.framerate
    assert 0.04 <= seconds <= MAX_SECONDS.get(cue, 1.5)
    peak = max(abs(s) for s in samples) / 32768
    assert 0.2 < peak < 0.9  # audible, with headroom for cues that overlap
    # Faded in and out: an abrupt first or last sample would click.
    assert abs(samples[0]) < 330 and abs(samples[-1]) < 330


def test_cues_differ_in_sound_and_length() -> None:
    lengths = sorted(read(cue)[0].nframes / read(cue)[0].framerate for cue in Cue)
    assert all(b - a >= 0.04 for a, b in itertools.pairwise(lengths))
    contents = {cue_sound(cue).read_bytes() for cue in Cue}
    assert len(contents) == len(Cue)


def test_make_sounds_covers_every_cue_and_nothing_else() -> None:
    names = {sound.name for sound in load_make_sounds().SOUNDS}
    assert names == {cue.value for cue in Cue}


def test_make_sounds_is_deterministic_and_matches_the_committed_files(tmp_path: Path) -> None:
    make_sounds = load_make_sounds()
    first = make_sounds.write_all(tmp_path / "a")
    second = make_sounds.write_all(tmp_path / "b")
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()
        assert a.read_bytes() == (ASSETS / a.name).read_bytes(), f"{a.name}: rerun make_sounds.py"
