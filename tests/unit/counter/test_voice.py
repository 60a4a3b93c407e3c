"""The clips in resources/voice and the announcement joined from them."""

from __future__ import annotations

import io
import shutil
import wave
from pathlib import Path

import pytest

from pos.counter.reading import CLIPS, announcement
from pos.counter.voice import CLIP_FILES, VoiceError, compose, write_announcement

VOICE = Path(__file__).resolve().parents[3] / "resources" / "voice"


def _frames(path_or_bytes: Path | bytes) -> tuple[int, int, int, int]:
    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else str(path_or_bytes)
    with wave.open(source, "rb") as clip:
        return clip.getnchannels(), clip.getsampwidth(), clip.getframerate(), clip.getnframes()


@pytest.mark.parametrize("clip", CLIPS)
def test_every_clip_is_a_short_16_khz_mono_wav(clip: str) -> None:
    channels, width, rate, frames = _frames(VOICE / CLIP_FILES[clip])
    assert (channels, width, rate) == (1, 2, 16_000)
    assert 0.05 < frames / rate < 2.5


def test_an_announcement_is_its_clips_end_to_end_with_short_pauses() -> None:
    clips = announcement(100520, "code")
    joined = compose(clips, VOICE)
    _, _, rate, frames = _frames(joined)
    spoken = sum(_frames(VOICE / CLIP_FILES[clip])[3] for clip in clips)
    pauses = frames - spoken
    # 8 gaps: two after/before the phrases (180 ms each at least), the rest 15 ms.
    assert pauses > 0
    assert 2 * rate * 180 // 1000 <= pauses <= len(clips) * rate * 180 // 1000
    assert joined.startswith(b"RIFF")


def test_a_missing_clip_is_a_voice_error_naming_the_file(tmp_path: Path) -> None:
    for clip in ("微信收款", "五", "元"):
        shutil.copy(VOICE / CLIP_FILES[clip], tmp_path)
    assert compose(["微信收款", "五", "元"], tmp_path)
    with pytest.raises(VoiceError, match=r"unit_jiao\.wav"):
        compose(["五", "角"], tmp_path)


def test_a_clip_that_is_not_a_wav_is_a_voice_error(tmp_path: Path) -> None:
    (tmp_path / CLIP_FILES["五"]).write_bytes(b"not a wav")
    with pytest.raises(VoiceError, match="unreadable"):
        compose(["五"], tmp_path)


def test_the_announcement_is_written_where_the_player_reads_it(tmp_path: Path) -> None:
    target = write_announcement(announcement(1), VOICE, tmp_path / "spoken" / "last.wav")
    assert _frames(target)[3] > 0
