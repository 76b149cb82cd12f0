"""Make the cue sounds: short, soft, 16-bit mono WAVs, each with its own pitch and contour.

Run `uv run python tools/make_sounds.py [OUT_DIR]` (default: the package's
assets folder). Standard library only
and no randomness, so the same script always writes the same bytes.

Each sound is built from bell-like notes: a sine with two quiet overtones, a few milliseconds of
fade-in (an instant attack clicks) and an exponential decay into a fade-out. With eyes shut the
person tells them apart by contour and length:

    beat       one soft low knock, 60 ms            (metronome for paced reps)
    tick       one short high pip, 110 ms           (each of the last three seconds)
    start      two notes up a fifth, 0.42 s         (effort begins)
    hold_end   two notes down a fourth, 0.50 s      (let go of the hold)
    get_ready  the same note struck twice, 0.62 s   (get into position)
    switch     four notes alternating, 0.72 s       (change sides: a left-right swing)
    rest       a low note falling a third, 0.90 s   (relax)
    done       a rising major arpeggio, 1.25 s      (the routine is over)
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from dataclasses import dataclass
from pathlib import Path

RATE = 22050  # ample for tones under 2 kHz, and keeps every file under 60 KB
FADE_IN = 0.006  # seconds: long enough not to click, short enough to land on the beat
FADE_OUT = 0.020
PEAK = 0.70  # of full scale: leaves headroom where cues overlap


@dataclass(frozen=True)
class Note:
    start: float  # seconds into the sound
    freq: float  # Hz
    length: float  # seconds until silence
    decay: float  # seconds for the level to fall to 1/e
    level: float = 1.0


@dataclass(frozen=True)
class Sound:
    name: str  # a Cue value: the player looks up f"{cue.value}.wav"
    notes: tuple[Note, ...]
    loudness: float  # peak, as a share of PEAK: the frequent sounds are the quiet ones


def _hz(semitones_from_a4: float) -> float:
    return 440.0 * 2 ** (semitones_from_a4 / 12)


C5, D5, E5, F5, G5, A5, C6, E6 = (_hz(n) for n in (3, 5, 7, 8, 10, 12, 15, 19))
A4, F4 = _hz(0), _hz(-4)

SOUNDS: tuple[Sound, ...] = (
    Sound("beat", (Note(0.0, 660.0, 0.060, 0.014),), 0.40),
    Sound("tick", (Note(0.0, _hz(24), 0.110, 0.030),), 0.55),
    Sound("start", (Note(0.0, C5, 0.16, 0.06), Note(0.13, G5, 0.29, 0.10)), 0.9),
    Sound("hold_end", (Note(0.0, C6, 0.18, 0.07), Note(0.15, G5, 0.35, 0.12)), 0.85),
    Sound("get_ready", (Note(0.0, A5, 0.24, 0.08), Note(0.26, A5, 0.36, 0.11)), 0.85),
    Sound("switch", (Note(0.0, E5, 0.16, 0.06), Note(0.17, A5, 0.16, 0.06),
                     Note(0.34, E5, 0.16, 0.06), Note(0.51, A5, 0.21, 0.07)), 0.85),
    Sound("rest", (Note(0.0, A4, 0.40, 0.18), Note(0.32, F4, 0.58, 0.25)), 0.9),
    Sound("done", (Note(0.0, C5, 0.40, 0.16), Note(0.16, E5, 0.40, 0.16),
                   Note(0.32, G5, 0.45, 0.18), Note(0.48, C6, 0.77, 0.30),
                   Note(0.48, E6, 0.77, 0.30, 0.35)), 1.0),
)

# A soft bell: the fundamental, a quiet octave and a quieter twelfth, which decay faster.
OVERTONES = ((1.0, 1.0, 1.0), (2.0, 0.22, 0.5), (3.0, 0.08, 0.35))  # (ratio, level, decay share)


def _note_sample(note: Note, t: float) -> float:
    if t < 0.0 or t >= note.length:
        return 0.0
    envelope = min(1.0, t / FADE_IN, (note.length - t) / FADE_OUT)
    value = 0.0
    for ratio, level, decay_share in OVERTONES:
        value += level * math.exp(-t / (note.decay * decay_share)) * math.sin(
            2 * math.pi * note.freq * ratio * t)
    return note.level * envelope * value


def render(sound: Sound) -> list[int]:
    """The sound as 16-bit samples, normalised so its peak is `loudness` x PEAK."""
    duration = max(n.start + n.length for n in sound.notes)
    raw = [sum(_note_sample(n, i / RATE - n.start) for n in sound.notes)
           for i in range(round(duration * RATE))]
    scale = sound.loudness * PEAK * 32767 / max(abs(v) for v in raw)
    return [round(v * scale) for v in raw]


def write_wav(path: Path, samples: list[int]) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(struct.pack(f"<{len(samples)}h", *samples))


ASSETS = Path(__file__).resolve().parent.parent / "psoas_desktop" / "data" / "assets"


def write_all(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for sound in SOUNDS:
        path = out_dir / f"{sound.name}.wav"
        write_wav(path, render(sound))
        paths.append(path)
    return paths


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]) if argv else ASSETS
    for path in write_all(out_dir):
        print(f"{path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
