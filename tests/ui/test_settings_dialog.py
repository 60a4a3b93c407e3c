"""The settings dialog: field messages, mode switch, test connection on the real sandbox, saving."""

from __future__ import annotations

import dataclasses
import datetime as dt
import stat
import tomllib
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
from cryptography.x509.oid import NameOID
from keyring.backend import KeyringBackend
from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

import pos.ui  # noqa: F401  (the PySide6 reference-count fix, before any Qt call)
from pos.asgi_server import BackgroundServer
from pos.config import (
    MemorySecretStore,
    Settings,
    load_settings,
    save_settings,
)
from pos.config.validation import Verdict
from pos.sandbox import Sandbox
from pos.ui.settings import (
    SettingsDialog,
    SettingsServices,
    first_run,
    needs_first_run,
    open_settings,
)
from pos.wechatpay.types import ClientCertificate, Merchant, SignType

WAIT_MS = 10_000
# A merchant of our own in the sandbox, so nothing here passes by the documented defaults.
SHOP = Merchant(
    appid="wx1234567890abcdef", mch_id="1900000109", api_key="Zq8Rk2Lm5Nb7Vc9Xd1Fg3Hj6Kt4Py0Ws"
)
OTHER_KEY = "Ab3De6Gh9Jk2Mn5Pq8St1Vw4Yz7Bc0Ef"


class DictKeyring(KeyringBackend):
    """A keyring in memory: the OS keyring's behaviour without touching the machine's."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.values.pop((service, username), None)


class SourceTexts(QTranslator):
    """Answers every lookup with the source text: the dialog speaks English here, whatever
    translator an earlier test left installed (the last one installed is asked first)."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return source

    def isEmpty(self) -> bool:
        return False


@pytest.fixture(autouse=True)
def english(qapp: QApplication) -> Iterator[None]:
    translator = SourceTexts()
    qapp.installTranslator(translator)
    try:
        yield
    finally:
        qapp.removeTranslator(translator)


@pytest.fixture
def ring() -> Iterator[DictKeyring]:
    previous = keyring.get_keyring()
    backend = DictKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.toml"


class Recorder:
    """The dialog's confirmations, file pickers and sound player, scripted by the test."""

    def __init__(self) -> None:
        self.answer = True
        self.questions: list[str] = []
        self.files: list[str] = []
        self.played: list[Path] = []

    def confirm(self, _parent: object, _title: str, text: str) -> bool:
        self.questions.append(text)
        return self.answer

    def choose_file(self, _parent: object, _title: str, _filter: str) -> str:
        return self.files.pop(0) if self.files else ""

    def play(self, path: Path) -> None:
        self.played.append(path)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def environ() -> dict[str, str]:
    return {}


@pytest.fixture
def services(
    config_file: Path, recorder: Recorder, environ: dict[str, str], ring: DictKeyring
) -> SettingsServices:
    return SettingsServices(
        path=config_file,
        environ=environ,
        confirm=recorder.confirm,
        choose_file=recorder.choose_file,
        play_sound=recorder.play,
        connection_timeout=3.0,
    )


@pytest.fixture
def shop_sandbox() -> Iterator[BackgroundServer]:
    server = Sandbox([SHOP]).serve()
    try:
        yield server
    finally:
        server.stop()


def make_dialog(
    qtbot: QtBot, settings: Settings, services: SettingsServices, **kwargs: bool
) -> SettingsDialog:
    dialog = SettingsDialog(settings, services, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill_merchant(dialog: SettingsDialog, merchant: Merchant) -> None:
    dialog.appid_edit.setText(merchant.appid)
    dialog.mch_id_edit.setText(merchant.mch_id)
    dialog.api_key_edit.setText(merchant.api_key)
    dialog.sign_type_combo.setCurrentIndex(
        dialog.sign_type_combo.findData(merchant.sign_type.value)
    )


def leave(dialog: SettingsDialog, name: str) -> str:
    """What the field says when the clerk leaves it."""
    editors = {
        "appid": dialog.appid_edit,
        "mch_id": dialog.mch_id_edit,
        "api_key": dialog.api_key_edit,
        "relay_url": dialog.relay_url_edit,
        "till_token": dialog.till_token_edit,
        "notify_url": dialog.notify_url_edit,
        "sound": dialog.sound_edit,
        "p12_path": dialog.p12_edit,
    }
    editors[name].editingFinished.emit()
    return dialog.error_text(name)


def make_p12(folder: Path, password: str) -> Path:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "1900000109")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    path = folder / "apiclient_cert.p12"
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"pos", key, cert, None, BestAvailableEncryption(password.encode())
        )
    )
    return path


def merchant_settings(base_url: str, merchant: Merchant = SHOP) -> Settings:
    return Settings(
        merchant=merchant, api_base_url=base_url, notify_url="https://pos.example.com/n"
    )


# --- field messages ----------------------------------------------------------------------------


def test_each_field_says_what_is_wrong_next_to_it(
    qtbot: QtBot, services: SettingsServices, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, Settings(), services)
    dialog.merchant_radio.click()
    dialog.appid_edit.setText("12345")
    assert leave(dialog, "appid") == 'AppID must be "wx" followed by 16 letters or digits'
    dialog.mch_id_edit.setText("19ab")
    assert leave(dialog, "mch_id") == "merchant number (mch_id) must be 6 to 32 digits"
    dialog.api_key_edit.setText("short")
    assert leave(dialog, "api_key") == "API key must be exactly 32 letters or digits"
    dialog.relay_url_edit.setText("ftp://relay.example.com")
    assert leave(dialog, "relay_url") == "relay URL must start with http:// or https://"
    assert leave(dialog, "till_token") == "the relay needs this till's token"
    dialog.notify_url_edit.setText("https://pos.example.com/notify?till=1")
    assert "must not contain a query string" in leave(dialog, "notify_url")
    dialog.sound_edit.setText(str(tmp_path / "missing.wav"))
    assert leave(dialog, "sound").startswith("sound file not found")
    mp3 = tmp_path / "chime.mp3"
    mp3.write_bytes(b"ID3")
    dialog.sound_edit.setText(str(mp3))
    assert leave(dialog, "sound") == "the sound must be a .wav file"

    # Corrected, each message goes away as the field is left.
    fill_merchant(dialog, SHOP)
    for name in ("appid", "mch_id", "api_key"):
        assert leave(dialog, name) == ""
    dialog.relay_url_edit.setText("https://relay.example.com")
    assert leave(dialog, "relay_url") == ""


def test_save_refuses_invalid_fields_and_writes_nothing(
    qtbot: QtBot, services: SettingsServices, config_file: Path
) -> None:
    dialog = make_dialog(qtbot, Settings(), services)
    dialog.merchant_radio.click()
    dialog.appid_edit.setText("wx1234567890abcdef")
    dialog.mch_id_edit.setText("1900000109")
    assert dialog.save() is False
    assert dialog.error_text("api_key") == "API key is required"
    # A real merchant needs somewhere for WeChat to send payment results (§3.1 notify_url).
    assert dialog.error_text("notify_url") == "notify URL (or a relay URL) is required"
    assert dialog.save_error.isVisible()
    assert not config_file.exists()
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_certificate_is_opened_with_its_password(
    qtbot: QtBot, services: SettingsServices, recorder: Recorder, tmp_path: Path
) -> None:
    p12 = make_p12(tmp_path, "cert-Pass-7788")
    dialog = make_dialog(qtbot, merchant_settings("https://api.mch.weixin.qq.com"), services)
    dialog.cert_kind_combo.setCurrentIndex(dialog.cert_kind_combo.findData("p12"))
    dialog.p12_edit.setText(str(tmp_path / "nope.p12"))
    assert leave(dialog, "p12_path").startswith("PKCS#12 file not found")
    recorder.files.append(str(p12))
    dialog.rows["p12_path"].findChildren(type(dialog.play_button))[0].click()  # "Choose…"
    assert dialog.p12_edit.text() == str(p12)
    assert dialog.error_text("p12_path") == ""
    dialog.cert_password_edit.setText("wrong-password")
    problems = dialog.validate()
    assert problems == {"password": dialog.error_text("password")}
    assert "check the file and its password" in problems["password"]
    dialog.cert_password_edit.setText("cert-Pass-7788")
    assert dialog.validate() == {}


# --- payment mode ------------------------------------------------------------------------------


def test_switching_to_a_real_merchant_is_confirmed_and_shown(
    qtbot: QtBot, services: SettingsServices, recorder: Recorder
) -> None:
    dialog = make_dialog(qtbot, Settings(), services)
    assert dialog.sandbox_radio.isChecked()
    assert "SANDBOX" in dialog.mode_banner.text()
    assert not dialog.merchant_box.isEnabled()

    recorder.answer = False
    dialog.merchant_radio.click()
    assert "real money" in recorder.questions[-1]
    assert dialog.sandbox_radio.isChecked() and dialog.is_sandbox
    assert not dialog.merchant_box.isEnabled()

    recorder.answer = True
    dialog.merchant_radio.click()
    assert dialog.merchant_radio.isChecked() and not dialog.is_sandbox
    assert "REAL MERCHANT" in dialog.mode_banner.text()
    assert dialog.merchant_box.isEnabled() and dialog.certificate_box.isEnabled()


def test_back_to_the_sandbox_removes_the_merchant_and_its_key(
    qtbot: QtBot, services: SettingsServices, config_file: Path, ring: DictKeyring
) -> None:
    save_settings(merchant_settings("https://api.mch.weixin.qq.com"), config_file)
    assert SHOP.api_key in ring.values.values()
    dialog = make_dialog(qtbot, load_settings(config_file, environ={}), services)
    dialog.sandbox_radio.click()
    assert dialog.save()
    assert dialog.saved_settings is not None and dialog.saved_settings.is_sandbox
    assert load_settings(config_file, environ={}).is_sandbox
    assert SHOP.api_key not in ring.values.values()


# --- test connection on the real sandbox, over loopback ------------------------------------


def run_test(qtbot: QtBot, dialog: SettingsDialog) -> Verdict:
    with qtbot.waitSignal(dialog.connection_tested, timeout=WAIT_MS) as blocker:
        assert dialog.test_connection()
    assert dialog.test_button.isEnabled()
    result = blocker.args[0]
    return Verdict(result.verdict)


def test_connection_with_the_right_credentials(
    qtbot: QtBot, services: SettingsServices, shop_sandbox: BackgroundServer
) -> None:
    dialog = make_dialog(qtbot, merchant_settings(shop_sandbox.url), services)
    assert dialog.api_key_edit.text() == ""  # the stored key is used, never shown
    assert run_test(qtbot, dialog) is Verdict.OK
    assert dialog.test_result_text().startswith("Connected")


def test_connection_checks_the_certificate_payment_codes_need(
    qtbot: QtBot, services: SettingsServices, shop_sandbox: BackgroundServer, tmp_path: Path
) -> None:
    # Without one: the till takes no payment codes (§3.10: they are reversed with it).
    bare = make_dialog(qtbot, merchant_settings(shop_sandbox.url), services)
    assert bare.certificate_box.notice.isVisible()
    assert "payment codes" in bare.certificate_box.notice.text()
    assert run_test(qtbot, bare) is Verdict.OK
    assert bare.certificate_box.result_label.text().startswith("No API certificate")

    p12 = make_p12(tmp_path, "cert-pass")
    certificate = ClientCertificate(p12_path=str(p12), password="cert-pass")
    with_cert = dataclasses.replace(SHOP, certificate=certificate)
    dialog = make_dialog(qtbot, merchant_settings(shop_sandbox.url, with_cert), services)
    assert not dialog.certificate_box.notice.isVisible()
    assert run_test(qtbot, dialog) is Verdict.OK
    assert dialog.certificate_box.result_label.text().startswith("Certificate: opened")

    p12.write_bytes(b"not a certificate")
    assert run_test(qtbot, dialog) is Verdict.OK
    assert "could not be opened" in dialog.certificate_box.result_label.text()
    assert "cert-pass" not in dialog.certificate_box.result_label.text()


def test_connection_with_a_typed_hmac_key(
    qtbot: QtBot, services: SettingsServices, shop_sandbox: BackgroundServer
) -> None:
    dialog = make_dialog(qtbot, Settings(api_base_url=shop_sandbox.url), services)
    dialog.merchant_radio.click()
    fill_merchant(dialog, Merchant(SHOP.appid, SHOP.mch_id, SHOP.api_key, SignType.HMAC_SHA256))
    assert run_test(qtbot, dialog) is Verdict.OK


def test_connection_with_a_wrong_key(
    qtbot: QtBot, services: SettingsServices, shop_sandbox: BackgroundServer
) -> None:
    dialog = make_dialog(qtbot, merchant_settings(shop_sandbox.url), services)
    dialog.api_key_edit.setText(OTHER_KEY)
    assert run_test(qtbot, dialog) is Verdict.WRONG_KEY
    text = dialog.test_result_text()
    assert text.startswith("Wrong API key") and "签名错误" in text
    assert OTHER_KEY not in text and SHOP.api_key not in text


def test_connection_with_a_wrong_mch_id(
    qtbot: QtBot, services: SettingsServices, shop_sandbox: BackgroundServer
) -> None:
    dialog = make_dialog(qtbot, merchant_settings(shop_sandbox.url), services)
    dialog.mch_id_edit.setText("1900000999")
    dialog.api_key_edit.setText(SHOP.api_key)  # another merchant: its key must be typed
    assert run_test(qtbot, dialog) is Verdict.WRONG_MERCHANT
    assert dialog.test_result_text().startswith("Wrong merchant")


def test_connection_with_an_appid_of_another_merchant(
    qtbot: QtBot, services: SettingsServices, shop_sandbox: BackgroundServer
) -> None:
    dialog = make_dialog(qtbot, merchant_settings(shop_sandbox.url), services)
    dialog.appid_edit.setText("wx00000000000000aa")
    assert run_test(qtbot, dialog) is Verdict.WRONG_MERCHANT
    assert "APPID_MCHID_NOT_MATCH" in dialog.test_result_text()


def test_connection_when_nothing_answers(qtbot: QtBot, services: SettingsServices) -> None:
    server = Sandbox([SHOP]).serve()
    url = server.url
    server.stop()  # the port is closed now: connection refused
    dialog = make_dialog(qtbot, merchant_settings(url), services)
    assert run_test(qtbot, dialog) is Verdict.UNREACHABLE
    assert dialog.test_result_text().startswith("Cannot reach WeChat Pay")


def test_connection_is_not_tried_with_invalid_fields(
    qtbot: QtBot, services: SettingsServices
) -> None:
    dialog = make_dialog(qtbot, merchant_settings("http://127.0.0.1:9"), services)
    dialog.api_key_edit.setText("not-a-key")
    assert dialog.test_connection() is False
    assert dialog.error_text("api_key") == "API key must be exactly 32 letters or digits"
    assert not dialog.is_testing


# --- saving and loading ------------------------------------------------------------------------


def test_saved_settings_load_back_and_the_key_stays_out_of_the_file(
    qtbot: QtBot,
    services: SettingsServices,
    config_file: Path,
    ring: DictKeyring,
    tmp_path: Path,
) -> None:
    p12 = make_p12(tmp_path, "cert-Pass-7788")
    sound = tmp_path / "ding.wav"
    sound.write_bytes(b"RIFF")
    dialog = make_dialog(qtbot, Settings(), services)
    dialog.merchant_radio.click()
    fill_merchant(dialog, SHOP)
    dialog.sign_type_combo.setCurrentIndex(dialog.sign_type_combo.findData("HMAC-SHA256"))
    dialog.cert_kind_combo.setCurrentIndex(dialog.cert_kind_combo.findData("p12"))
    dialog.p12_edit.setText(str(p12))
    dialog.cert_password_edit.setText("cert-Pass-7788")
    dialog.relay_url_edit.setText("https://relay.example.com/")
    dialog.till_token_edit.setText("till-token-0123456789")
    dialog.timeout_spin.setValue(300)
    dialog.poll_spin.setValue(3.5)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.sound_edit.setText(str(sound))
    with qtbot.waitSignal(dialog.settings_saved, timeout=WAIT_MS):
        assert dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted

    loaded = load_settings(config_file, environ={})
    assert loaded.merchant == Merchant(
        appid=SHOP.appid,
        mch_id=SHOP.mch_id,
        api_key=SHOP.api_key,
        sign_type=SignType.HMAC_SHA256,
        certificate=ClientCertificate(p12_path=str(p12), password="cert-Pass-7788"),
    )
    assert loaded.relay_url == "https://relay.example.com"
    assert loaded.till_token == "till-token-0123456789"
    assert loaded.notify_url is None  # derived from the relay URL by the till
    assert (loaded.checkout_timeout_seconds, loaded.poll_interval_seconds) == (300, 3.5)
    assert (loaded.language, loaded.sound) == ("en", str(sound))
    assert dialog.saved_settings == loaded

    text = config_file.read_text(encoding="utf-8")
    for secret in (SHOP.api_key, "cert-Pass-7788", "till-token-0123456789"):
        assert secret not in text
        assert secret in ring.values.values()
    assert tomllib.loads(text)["merchant"]["mch_id"] == SHOP.mch_id

    # Opened again: nothing shows the secrets, and leaving them untouched keeps them.
    again = make_dialog(qtbot, loaded, services)
    for edit in (again.api_key_edit, again.cert_password_edit, again.till_token_edit):
        assert edit.text() == ""
        assert SHOP.api_key not in edit.placeholderText()
    assert again.api_key_edit.placeholderText().startswith("stored ••••••" + SHOP.api_key[-2:])
    again.timeout_spin.setValue(200)
    assert again.save()
    reloaded = load_settings(config_file, environ={})
    assert reloaded.merchant == loaded.merchant
    assert reloaded.till_token == "till-token-0123456789"
    assert reloaded.checkout_timeout_seconds == 200


def test_a_new_merchant_number_needs_its_own_key(
    qtbot: QtBot, services: SettingsServices, config_file: Path
) -> None:
    save_settings(merchant_settings("https://api.mch.weixin.qq.com"), config_file)
    dialog = make_dialog(qtbot, load_settings(config_file, environ={}), services)
    dialog.mch_id_edit.setText("1900000999")
    assert dialog.save() is False
    assert dialog.error_text("api_key") == "another merchant number: enter its API key"


def test_without_a_keyring_secrets_go_to_a_private_file(
    qtbot: QtBot, services: SettingsServices, config_file: Path
) -> None:
    services.secrets = MemorySecretStore(usable=False)
    dialog = make_dialog(qtbot, Settings(), services)
    assert "No system keyring" in dialog.secret_note.text()
    dialog.merchant_radio.click()
    fill_merchant(dialog, SHOP)
    dialog.notify_url_edit.setText("https://pos.example.com/wechatpay/notify")
    assert dialog.save()
    assert SHOP.api_key in config_file.read_text(encoding="utf-8")
    assert stat.S_IMODE(config_file.stat().st_mode) == 0o600
    loaded = load_settings(config_file, environ={}, secrets=services.secrets)
    assert loaded.merchant == SHOP


def test_environment_overrides_are_shown_and_never_written(
    qtbot: QtBot,
    services: SettingsServices,
    environ: dict[str, str],
    config_file: Path,
) -> None:
    save_settings(Settings(poll_interval_seconds=1.5, language="zh_CN"), config_file)
    environ.update(
        {
            "WECHATPAY_APPID": SHOP.appid,
            "WECHATPAY_MCH_ID": SHOP.mch_id,
            "WECHATPAY_API_KEY": SHOP.api_key,
            "POS_POLL_INTERVAL": "7",
            "POS_NOTIFY_URL": "https://env.example.com/notify",
        }
    )
    effective = load_settings(config_file, environ=environ)
    dialog = make_dialog(qtbot, effective, services)
    assert not dialog.poll_spin.isEnabled() and dialog.poll_spin.value() == 7
    assert "POS_POLL_INTERVAL" in dialog.note_text("poll_interval_seconds")
    assert not dialog.notify_url_edit.isEnabled()
    assert "WECHATPAY_API_KEY" in dialog.mode_note.text()
    assert not dialog.merchant_radio.isEnabled() and not dialog.merchant_box.isEnabled()
    assert dialog.note_text("checkout_timeout_seconds") == ""

    dialog.timeout_spin.setValue(90)
    assert dialog.save()
    file_only = load_settings(config_file, environ={})
    assert file_only.poll_interval_seconds == 1.5
    assert file_only.notify_url is None
    assert file_only.merchant is None
    assert file_only.checkout_timeout_seconds == 90
    text = config_file.read_text(encoding="utf-8")
    assert SHOP.api_key not in text and SHOP.mch_id not in text and "env.example" not in text
    # What the till runs with: the environment still wins.
    assert dialog.saved_settings is not None
    assert dialog.saved_settings.poll_interval_seconds == 7
    assert dialog.saved_settings.merchant == SHOP


def test_play_button_plays_the_chosen_or_default_sound(
    qtbot: QtBot, services: SettingsServices, recorder: Recorder, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, Settings(), services)
    dialog.play_button.click()
    assert recorder.played[-1].name == "paid.wav" and recorder.played[-1].is_file()
    sound = tmp_path / "ding.wav"
    sound.write_bytes(b"RIFF")
    recorder.files.append(str(sound))
    browse = dialog.rows["sound"].findChildren(type(dialog.play_button))
    next(button for button in browse if button is not dialog.play_button).click()
    dialog.play_button.click()
    assert recorder.played[-1] == sound
    dialog.sound_edit.setText(str(tmp_path / "missing.wav"))
    assert dialog.play_sound() is False
    assert len(recorder.played) == 2


# --- first run and the modal entry points ------------------------------------------------------


def close_modal_later(qtbot: QtBot, action: str) -> None:
    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SettingsDialog):
            QTimer.singleShot(20, act)
            return
        if action == "save":
            dialog.timeout_spin.setValue(45)
            dialog.save()
        else:
            dialog.reject()

    QTimer.singleShot(0, act)


def test_first_run_once_then_never_again(
    qtbot: QtBot, services: SettingsServices, config_file: Path, environ: dict[str, str]
) -> None:
    assert needs_first_run(config_file, environ)
    assert not needs_first_run(config_file, {"WECHATPAY_MCH_ID": SHOP.mch_id})
    close_modal_later(qtbot, "reject")
    settings = Settings()
    assert first_run(None, settings, services) is settings  # closed: the sandbox, as it was
    assert config_file.exists() and not needs_first_run(config_file, environ)
    assert load_settings(config_file, environ={}).is_sandbox
    # Nothing is shown the second time.
    assert first_run(None, settings, services) is settings


def test_first_run_dialog_greets(qtbot: QtBot, services: SettingsServices) -> None:
    dialog = make_dialog(qtbot, Settings(), services, is_first_run=True)
    assert dialog.windowTitle().startswith("Welcome")
    assert dialog.cancel_button.text() == "Use the sandbox for now"


def test_open_settings_returns_the_saved_settings_or_none(
    qtbot: QtBot, services: SettingsServices, config_file: Path
) -> None:
    close_modal_later(qtbot, "reject")
    assert open_settings(None, Settings(), services) is None
    assert not config_file.exists()
    close_modal_later(qtbot, "save")
    saved = open_settings(None, Settings(), services)
    assert saved is not None and saved.checkout_timeout_seconds == 45
    assert load_settings(config_file, environ={}).checkout_timeout_seconds == 45
