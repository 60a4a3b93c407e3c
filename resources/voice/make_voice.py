"""Generate the spoken-amount clips: one 16 kHz mono WAV per token of pos.counter.reading.CLIPS.

Made with espeak-ng's Mandarin voice (``cmn``) and trimmed with sox, at build time on a
developer's machine: shops and CI have neither, so the WAVs are committed next to this script.
Run again after adding a clip: ``python resources/voice/make_voice.py`` (needs espeak-ng, sox).
A shop that prefers a recorded voice drops its own WAVs (same names, 16-bit PCM) in place.
"""

import subprocess
import tempfile
from pathlib import Path

from pos.counter.reading import CLIPS
from pos.counter.voice import CLIP_FILES

#: Words per minute: a little quicker than espeak's 175, as a till's speaker says amounts.
SPEED = "190"


def main() -> None:
    here = Path(__file__).parent
    with tempfile.TemporaryDirectory() as scratch:
        for clip in CLIPS:
            raw = Path(scratch) / "raw.wav"
            subprocess.run(  # noqa: S603 - fixed programs, text from our own table
                ["espeak-ng", "-v", "cmn", "-s", SPEED, "-w", str(raw), clip],  # noqa: S607
                check=True,
            )
            target = here / CLIP_FILES[clip]
            # 16 kHz mono 16-bit, silence trimmed at both ends (the clips are joined end to end).
            subprocess.run(  # noqa: S603
                [  # noqa: S607
                    "sox",
                    str(raw),
                    "-r",
                    "16000",
                    "-c",
                    "1",
                    "-b",
                    "16",
                    str(target),
                    "silence",
                    "1",
                    "0.02",
                    "0.5%",
                    "reverse",
                    "silence",
                    "1",
                    "0.02",
                    "0.5%",
                    "reverse",
                ],
                check=True,
            )
            print(target.name, clip)


if __name__ == "__main__":
    main()
