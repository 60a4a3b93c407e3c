"""The till: how long a QR stays up, how often WeChat is asked, the language, the sound."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QSpinBox,
)

from pos import config
from pos.config import (
    CHECKOUT_TIMEOUT_RANGE,
    IDLE_LOCK_MINUTES_RANGE,
    POLL_INTERVAL_RANGE,
    Settings,
)
from pos.config.validation import SOUND_SUFFIXES
from pos.ui.settings.fields import FieldRows, translate
from pos.ui.sound import chime_path

#: Each language of config.LANGUAGES in its own words.
LANGUAGE_NAMES = {"zh_CN": "中文（简体）", "en": "English"}
#: The poll interval is shown and saved to a tenth of a second.
POLL_DECIMALS = 1


class TillBox(QGroupBox):
    """The checkout's times, the language, and the sound with its "Play" button."""

    def __init__(self, fields: FieldRows) -> None:
        super().__init__(translate("SettingsDialog", "Till"))
        form = QFormLayout(self)
        self.timeout_spin = QSpinBox()
        self.timeout_spin.setRange(*CHECKOUT_TIMEOUT_RANGE)
        self.timeout_spin.setSuffix(translate("SettingsDialog", " s"))
        self.poll_spin = QDoubleSpinBox()
        self.poll_spin.setRange(*POLL_INTERVAL_RANGE)
        self.poll_spin.setDecimals(POLL_DECIMALS)
        self.poll_spin.setSingleStep(0.5)
        self.poll_spin.setSuffix(translate("SettingsDialog", " s"))
        # A till with clerks locks itself after these minutes without a key (0: never).
        self.idle_lock_spin = QSpinBox()
        self.idle_lock_spin.setObjectName("idleLockSpin")
        self.idle_lock_spin.setRange(*IDLE_LOCK_MINUTES_RANGE)
        self.idle_lock_spin.setSuffix(translate("SettingsDialog", " min"))
        self.idle_lock_spin.setSpecialValueText(translate("SettingsDialog", "never"))
        self.language_combo = QComboBox()
        for code in config.LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES.get(code, code), code)
        self.sound_edit = QLineEdit()
        self.sound_edit.setPlaceholderText(translate("SettingsDialog", "default chime"))
        self.play_button = QPushButton(translate("SettingsDialog", "Play"))
        patterns = " ".join(f"*{suffix}" for suffix in SOUND_SUFFIXES)
        sound_browse = fields.browse_button(
            self.sound_edit,
            translate("SettingsDialog", "Payment sound"),
            translate("SettingsDialog", "WAV sound ({patterns})").format(patterns=patterns),
        )
        form.addRow(
            translate("SettingsDialog", "Checkout timeout"),
            fields.add("checkout_timeout_seconds", self.timeout_spin),
        )
        form.addRow(
            translate("SettingsDialog", "Poll interval"),
            fields.add("poll_interval_seconds", self.poll_spin),
        )
        form.addRow(
            translate("SettingsDialog", "Lock when idle"),
            fields.add("idle_lock_minutes", self.idle_lock_spin),
        )
        form.addRow(
            translate("SettingsDialog", "Language"), fields.add("language", self.language_combo)
        )
        form.addRow(
            translate("SettingsDialog", "Payment sound"),
            fields.add("sound", self.sound_edit, sound_browse, self.play_button),
        )

    def load(self, settings: Settings) -> None:
        self.timeout_spin.setValue(settings.checkout_timeout_seconds)
        self.poll_spin.setValue(settings.poll_interval_seconds)
        self.idle_lock_spin.setValue(settings.idle_lock_minutes)
        index = self.language_combo.findData(settings.language)
        self.language_combo.setCurrentIndex(max(index, 0))
        self.sound_edit.setText(settings.sound or "")

    def sound_path(self) -> Path:
        """The file "Play" plays: the one typed, or the default chime when it is empty."""
        return chime_path(self.sound_edit.text().strip() or None)

    def values(self) -> dict[str, object]:
        """The group's ``Settings`` fields as the form says them."""
        return {
            "checkout_timeout_seconds": self.timeout_spin.value(),
            "poll_interval_seconds": round(self.poll_spin.value(), POLL_DECIMALS),
            "idle_lock_minutes": self.idle_lock_spin.value(),
            "language": str(self.language_combo.currentData()),
            "sound": self.sound_edit.text().strip() or None,
        }
