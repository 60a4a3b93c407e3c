"""Generate paid.wav: a short two-note chime (E6 then A6, soft decay), 16-bit mono 44.1 kHz."""

import math
import struct
import wave
from pathlib import Path

RATE = 44_100


def note(freq: float, seconds: float, volume: float) -> list[float]:
    count = int(RATE * seconds)
    out = []
    for i in range(count):
        t = i / RATE
        attack = min(1.0, t / 0.005)
        decay = math.exp(-t * 6.0)
        # a little of the octave makes it bell-like rather than a pure beep
        wave_ = math.sin(2 * math.pi * freq * t) + 0.3 * math.sin(4 * math.pi * freq * t)
        out.append(volume * attack * decay * wave_ / 1.3)
    return out


def main() -> None:
    first = note(1318.5, 0.16, 0.5)
    second = note(1760.0, 0.55, 0.55)
    samples = first + second
    path = Path(__file__).with_name("paid.wav")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))


if __name__ == "__main__":
    main()
