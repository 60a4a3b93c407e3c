"""The one sound player: the payment chime of the till and the settings' "Play" preview."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl

from pos.ui.resources import resources_dir

log = logging.getLogger(__name__)

VOLUME = 0.8


def chime_path(sound: str | None) -> Path:
    """The sound file the settings name (``Settings.sound``), or the default chime."""
    return Path(sound).expanduser() if sound else resources_dir() / "sounds" / "paid.wav"


class SoundPlayer(QObject):
    """A sound file played with QtMultimedia. Silent, never failing, when there is no audio
    device: a payment still shows without its chime."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path
        self._effect: Any = None
        self._load_failed = False
        self._play_failed = False

    @property
    def path(self) -> Path:
        return self._path

    def set_path(self, path: Path) -> None:
        """Play another file from now on (the settings' preview follows its field)."""
        self._path = path
        if self._effect is not None:
            self._effect.setSource(QUrl.fromLocalFile(str(path)))

    def prepare(self) -> None:
        """Load the sound ahead of the first payment (called after the window is shown)."""
        if self._effect is not None or self._load_failed:
            return
        try:
            # Imported here: QtMultimedia loads its backend, which the first paint can do without.
            from PySide6.QtMultimedia import QSoundEffect

            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(self._path)))
            effect.setVolume(VOLUME)
            self._effect = effect
        except Exception as exc:  # no multimedia backend: the payment still shows, silently
            self._load_failed = True
            log.info("no sound: %s", exc)

    def play(self) -> None:
        """Play the sound; nothing (and no error) without an audio backend or device."""
        self.prepare()
        if self._effect is None:
            return
        try:
            self._effect.play()
            self._play_failed = False
        except Exception as exc:  # an audio device that vanished must not stop the till
            self._play_failed = True
            log.info("sound failed: %s", exc)

    @property
    def is_silent(self) -> bool:
        """True when the sound could not be loaded, or its last play failed."""
        return self._effect is None or self._play_failed
