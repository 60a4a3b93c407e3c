"""The counter's settings: printer, paper, print on paid, the spoken amount (file and env)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos.config import MemorySecretStore, Settings, load_settings, save_settings
from pos.errors import ConfigError


def _load(path: Path, environ: dict[str, str] | None = None) -> Settings:
    return load_settings(path, environ or {}, secrets=MemorySecretStore())


def test_defaults_speak_and_print_nothing(tmp_path: Path) -> None:
    settings = _load(tmp_path / "settings.toml")
    assert settings.speak_amount is True
    assert settings.printer == ""
    assert settings.paper_mm == 80
    assert settings.print_on_paid is False


def test_the_counter_settings_round_trip_through_the_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    settings = Settings(
        data_dir=tmp_path,
        speak_amount=False,
        printer="tcp://192.168.1.50:9100",
        paper_mm=58,
        print_on_paid=True,
    )
    save_settings(settings, path, secrets=MemorySecretStore())
    text = path.read_text(encoding="utf-8")
    assert 'printer = "tcp://192.168.1.50:9100"' in text
    loaded = _load(path, {"POS_DATA_DIR": str(tmp_path)})
    assert (loaded.speak_amount, loaded.printer, loaded.paper_mm, loaded.print_on_paid) == (
        False,
        "tcp://192.168.1.50:9100",
        58,
        True,
    )


def test_the_environment_sets_the_counter(tmp_path: Path) -> None:
    settings = _load(
        tmp_path / "settings.toml",
        {
            "POS_PRINTER": "usb://0416:5011",
            "POS_PAPER_MM": "58",
            "POS_PRINT_ON_PAID": "yes",
            "POS_SPEAK_AMOUNT": "off",
        },
    )
    assert settings.printer == "usb://0416:5011"
    assert settings.paper_mm == 58
    assert settings.print_on_paid is True
    assert settings.speak_amount is False


@pytest.mark.parametrize(
    ("variable", "value", "words"),
    [
        ("POS_PRINTER", "192.168.1.50", "tcp://HOST:9100"),
        ("POS_PAPER_MM", "72", "58 or 80"),
        ("POS_PRINT_ON_PAID", "maybe", "true or false"),
        ("POS_SPEAK_AMOUNT", "2", "true or false"),
    ],
)
def test_a_wrong_counter_setting_is_one_line_naming_it(
    tmp_path: Path, variable: str, value: str, words: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        _load(tmp_path / "settings.toml", {variable: value})
    assert variable in str(caught.value)
    assert words in str(caught.value)


def test_the_compact_customer_view_is_off_unless_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    assert _load(path).compact_customer_view is False
    assert _load(path, {"POS_COMPACT_CUSTOMER_VIEW": "on"}).compact_customer_view is True
    save_settings(
        Settings(data_dir=tmp_path, compact_customer_view=True), path, secrets=MemorySecretStore()
    )
    assert "compact_customer_view = true" in path.read_text(encoding="utf-8")
    assert _load(path, {"POS_DATA_DIR": str(tmp_path)}).compact_customer_view is True
    with pytest.raises(ConfigError, match="true or false"):
        _load(path, {"POS_COMPACT_CUSTOMER_VIEW": "maybe"})
