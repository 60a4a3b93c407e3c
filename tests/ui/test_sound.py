"""The one sound player: its file (the settings' sound, or the shipped chime), and the settings'
preview playing through it."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from pos.config import MemorySecretStore, Settings
from pos.ui.settings import SettingsDialog, SettingsServices
from pos.ui.sound import SoundPlayer, chime_path


def test_no_sound_in_the_settings_is_the_chime_that_ships_with_the_till() -> None:
    chime = chime_path(None)
    assert chime.name == "paid.wav" and chime.is_file()
    assert chime_path("") == chime


def test_a_sound_in_the_home_folder_plays_as_the_settings_dialog_accepted_it() -> None:
    # pos.config.validation checks "~/…" in the user's home folder: the till plays that file.
    assert chime_path("~/sounds/ding.wav") == Path.home() / "sounds" / "ding.wav"
    assert chime_path("/srv/ding.wav") == Path("/srv/ding.wav")


def test_the_settings_preview_plays_through_one_sound_player(qtbot: QtBot, tmp_path: Path) -> None:
    services = SettingsServices(
        path=tmp_path / "settings.toml", environ={}, secrets=MemorySecretStore()
    )
    dialog = SettingsDialog(Settings(data_dir=tmp_path), services)
    qtbot.addWidget(dialog)
    dialog.play_sound()  # without an audio device it stays silent, but the player is made
    (player,) = dialog.findChildren(SoundPlayer)
    assert player.path == chime_path(None)
    sound = tmp_path / "ding.wav"
    sound.write_bytes(b"RIFF")
    dialog.sound_edit.setText(str(sound))
    dialog.play_sound()
    assert dialog.findChildren(SoundPlayer) == [player]
    assert player.path == sound
