"""The spoken amount as sound: the clips of an announcement joined into one WAV.

Why clips and not Qt's text-to-speech: QTextToSpeech speaks Chinese only where the system has
a Chinese voice (a Windows till with the Chinese language pack, speech-dispatcher with a
Mandarin module on Linux), and a shop cannot be asked to install one; the clips under
``resources/voice/`` (made once with espeak-ng, see ``make_voice.py``) play the same on every
till, offline, through the same audio path as the payment chime. Joining them here, with the
standard library's ``wave``, leaves the window one file to play. Qt-free; no float.
"""

from __future__ import annotations

import io
import wave
from collections.abc import Sequence
from pathlib import Path

from pos.counter.reading import CLIPS
from pos.errors import PosError

#: Token -> file name under resources/voice/ (ASCII names: every file system, every zip).
CLIP_FILES: dict[str, str] = {
    **{digit: f"digit_{index}.wav" for index, digit in enumerate("零一二三四五六七八九")},
    "十": "unit_shi.wav",
    "百": "unit_bai.wav",
    "千": "unit_qian.wav",
    "万": "unit_wan.wav",
    "亿": "unit_yi.wav",
    "元": "unit_yuan.wav",
    "角": "unit_jiao.wav",
    "分": "unit_fen.wav",
    "微信收款": "phrase_weixin_shoukuan.wav",
    "收款成功": "phrase_shoukuan_chenggong.wav",
}
assert set(CLIP_FILES) == set(CLIPS), "every clip of the reading has a file"

#: Milliseconds of silence after a phrase (微信收款 | 二十五元五角 | 收款成功) and between tokens.
PHRASE_PAUSE_MS = 180
TOKEN_PAUSE_MS = 15


class VoiceError(PosError):
    """A clip is missing or not a WAV the voice can join (the till stays silent, nothing else)."""


def _read(path: Path) -> tuple[wave._wave_params, bytes]:
    try:
        with wave.open(str(path), "rb") as clip:
            return clip.getparams(), clip.readframes(clip.getnframes())
    except FileNotFoundError:
        raise VoiceError(f"voice clip missing: {path.name}") from None
    except (OSError, EOFError, wave.Error) as exc:
        raise VoiceError(f"voice clip unreadable: {path.name} ({exc})") from None


def compose(clips: Sequence[str], directory: Path) -> bytes:
    """The WAV (bytes) that says ``clips`` in order, from the files in ``directory``.

    All clips must share one format (rate, width, channels); a short silence separates them.
    """
    if not clips:
        raise VoiceError("nothing to say")
    frames: list[bytes] = []
    params: wave._wave_params | None = None
    for index, clip in enumerate(clips):
        name = CLIP_FILES.get(clip)
        if name is None:
            raise VoiceError(f"no clip for {clip!r}")
        clip_params, data = _read(directory / name)
        if params is None:
            params = clip_params
        elif clip_params[:3] != params[:3]:
            raise VoiceError(f"voice clip {name} has another format than the others")
        frames.append(data)
        is_phrase = len(clip) > 1 or (index + 1 < len(clips) and len(clips[index + 1]) > 1)
        pause_ms = PHRASE_PAUSE_MS if is_phrase else TOKEN_PAUSE_MS
        if index + 1 < len(clips):
            silence = params.framerate * pause_ms // 1000
            frames.append(b"\x00" * (silence * params.sampwidth * params.nchannels))
    assert params is not None
    out = io.BytesIO()
    with wave.open(out, "wb") as joined:
        joined.setnchannels(params.nchannels)
        joined.setsampwidth(params.sampwidth)
        joined.setframerate(params.framerate)
        joined.writeframes(b"".join(frames))
    return out.getvalue()


def write_announcement(clips: Sequence[str], directory: Path, target: Path) -> Path:
    """Compose ``clips`` and write them to ``target`` (a file the window's player can open)."""
    data = compose(clips, directory)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    except OSError as exc:
        raise VoiceError(f"cannot write {target.name}: {exc.strerror or exc}") from None
    return target
