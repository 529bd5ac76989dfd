#!/usr/bin/env python3
"""Writes the sample workspace's recording, corpus/recordings/int-001.wav: three seconds of a
quiet synthetic tone (8 kHz, 8-bit mono, 24 kB) so that a newcomer sees the player on the
int-001 page. No voice: the sample's interviews are synthetic and were never recorded."""
import math
import pathlib
import wave

RATE, SECONDS = 8000, 3
path = pathlib.Path(__file__).resolve().parents[1] / "corpus" / "recordings" / "int-001.wav"
path.parent.mkdir(parents=True, exist_ok=True)
with wave.open(str(path), "wb") as out:
    out.setnchannels(1)
    out.setsampwidth(1)
    out.setframerate(RATE)
    # A tone that fades in and out, so it does not click.
    frames = bytes(128 + int(24 * math.sin(math.pi * i / (RATE * SECONDS)) * math.sin(2 * math.pi * 330 * i / RATE))
                   for i in range(RATE * SECONDS))
    out.writeframes(frames)
print(f"wrote {path.relative_to(path.parents[2])} ({path.stat().st_size} bytes)")
