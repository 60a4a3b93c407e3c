"""The one sound player's file: the settings' sound, or the chime that ships with the till."""

from __future__ import annotations

from pathlib import Path

from pos.ui.sound import chime_path


def test_no_sound_in_the_settings_is_the_chime_that_ships_with_the_till() -> None:
    chime = chime_path(None)
    assert chime.name == "paid.wav" and chime.is_file()
    assert chime_path("") == chime


def test_a_sound_in_the_home_folder_plays_as_the_settings_dialog_accepted_it() -> None:
    # pos.config.validation checks "~/…" in the user's home folder: the till plays that file.
    assert chime_path("~/sounds/ding.wav") == Path.home() / "sounds" / "ding.wav"
    assert chime_path("/srv/ding.wav") == Path("/srv/ding.wav")
