"""The API certificate (secapi/*: refunds and reversals, §3.5, §3.10): a PKCS#12 file or a PEM
pair; without one a real merchant's till takes no payment codes, and says so here."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from pos.config.validation import CERTIFICATE_UNREADABLE, CertificateForm, CertificateKind
from pos.ui.settings.fields import FieldRow, FieldRows, password_edit, show_secret_mask, translate
from pos.ui.settings.merchant import RESULT_COLOURS
from pos.wechatpay.types import ClientCertificate

#: The rows of the certificate's files and password, by field name.
CERTIFICATE_FIELDS = ("p12_path", "cert_pem_path", "key_pem_path", "password")


class CertificateBox(QGroupBox):
    """The certificate's kind, then only the fields that kind needs."""

    def __init__(self, fields: FieldRows) -> None:
        super().__init__(translate("SettingsDialog", "API certificate (for refunds)"))
        form = QFormLayout(self)
        # §3.10: a payment code the customer does not finish is reversed, which needs it.
        self.notice = QLabel(
            translate(
                "SettingsDialog",
                "Without the API certificate the till takes no payment codes and makes no "
                "refunds: only the shop's QR.",
            )
        )
        self.notice.setObjectName("certificateNotice")
        self.notice.setWordWrap(True)
        form.addRow(self.notice)
        self.cert_kind_combo = QComboBox()
        for text, kind in (
            (translate("SettingsDialog", "None"), CertificateKind.NONE),
            (
                translate("SettingsDialog", "PKCS#12 file (apiclient_cert.p12)"),
                CertificateKind.PKCS12,
            ),
            (
                translate("SettingsDialog", "PEM pair (apiclient_cert.pem + apiclient_key.pem)"),
                CertificateKind.PEM,
            ),
        ):
            self.cert_kind_combo.addItem(text, kind.value)
        self.cert_kind_combo.currentIndexChanged.connect(lambda _i: self.apply_kind())
        self.p12_edit = QLineEdit()
        self.cert_pem_edit = QLineEdit()
        self.key_pem_edit = QLineEdit()
        self.cert_password_edit = password_edit()
        pkcs12_filter = translate("SettingsDialog", "PKCS#12 (*.p12 *.pfx);;All files (*)")
        pem_filter = translate("SettingsDialog", "PEM (*.pem *.crt *.key);;All files (*)")
        form.addRow(translate("SettingsDialog", "Kind"), self.cert_kind_combo)
        self.p12_label = QLabel(translate("SettingsDialog", "PKCS#12 file"))
        p12_browse = fields.browse_button(
            self.p12_edit, translate("SettingsDialog", "PKCS#12 file"), pkcs12_filter
        )
        form.addRow(self.p12_label, fields.add("p12_path", self.p12_edit, p12_browse))
        self.cert_pem_label = QLabel(translate("SettingsDialog", "Certificate (PEM)"))
        cert_browse = fields.browse_button(
            self.cert_pem_edit, translate("SettingsDialog", "Certificate"), pem_filter
        )
        form.addRow(
            self.cert_pem_label, fields.add("cert_pem_path", self.cert_pem_edit, cert_browse)
        )
        self.key_pem_label = QLabel(translate("SettingsDialog", "Private key (PEM)"))
        key_browse = fields.browse_button(
            self.key_pem_edit, translate("SettingsDialog", "Private key"), pem_filter
        )
        form.addRow(self.key_pem_label, fields.add("key_pem_path", self.key_pem_edit, key_browse))
        self.cert_password_label = QLabel(translate("SettingsDialog", "Password"))
        form.addRow(self.cert_password_label, fields.add("password", self.cert_password_edit))
        # What Test connection found of the certificate.
        self.result_label = QLabel()
        self.result_label.setObjectName("certificateResult")
        self.result_label.setWordWrap(True)
        form.addRow(self.result_label)
        self._rows: dict[str, FieldRow] = {name: fields.rows[name] for name in CERTIFICATE_FIELDS}
        self._stored_password = ""

    def load(self, certificate: ClientCertificate | None) -> None:
        if certificate is not None:
            if certificate.p12_path:
                kind = CertificateKind.PKCS12
                self.p12_edit.setText(certificate.p12_path)
            else:
                kind = CertificateKind.PEM
                self.cert_pem_edit.setText(certificate.cert_pem_path or "")
                self.key_pem_edit.setText(certificate.key_pem_path or "")
            self.cert_kind_combo.setCurrentIndex(self.cert_kind_combo.findData(kind.value))
        self._stored_password = (certificate.password or "") if certificate else ""
        show_secret_mask(self.cert_password_edit, self._stored_password)

    def kind(self) -> CertificateKind:
        return CertificateKind(str(self.cert_kind_combo.currentData()))

    def form(self) -> CertificateForm:
        return CertificateForm(
            kind=self.kind(),
            p12_path=self.p12_edit.text().strip(),
            cert_pem_path=self.cert_pem_edit.text().strip(),
            key_pem_path=self.key_pem_edit.text().strip(),
            # The password in effect: the one typed, else the stored one.
            password=self.cert_password_edit.text() or self._stored_password,
        )

    def apply_kind(self) -> None:
        """Show the fields of the chosen kind; their earlier messages no longer apply."""
        kind = self.kind()
        shown: list[tuple[QWidget, bool]] = [
            (self.p12_label, kind is CertificateKind.PKCS12),
            (self._rows["p12_path"], kind is CertificateKind.PKCS12),
            (self.cert_pem_label, kind is CertificateKind.PEM),
            (self._rows["cert_pem_path"], kind is CertificateKind.PEM),
            (self.key_pem_label, kind is CertificateKind.PEM),
            (self._rows["key_pem_path"], kind is CertificateKind.PEM),
            (self.cert_password_label, kind is not CertificateKind.NONE),
            (self._rows["password"], kind is not CertificateKind.NONE),
        ]
        for widget, is_shown in shown:
            widget.setVisible(is_shown)
        self.notice.setVisible(kind is CertificateKind.NONE)
        self.result_label.clear()
        for row in self._rows.values():
            row.set_error(None)

    def show_problem(self, problem: str | None) -> None:
        """What Test connection found: ``problem`` from
        :func:`pos.config.validation.certificate_problem` (None: it opens)."""
        if problem is None:
            text = translate(
                "SettingsDialog", "Certificate: opened. Refunds and payment codes can use it."
            )
        elif problem == CERTIFICATE_UNREADABLE:
            text = translate(
                "SettingsDialog",
                "The certificate could not be opened: check the file and its password. "
                "Refunds and payment codes need it.",
            )
        else:
            text = translate(
                "SettingsDialog",
                "No API certificate: payment codes and refunds are off until one is added "
                "(a payment code the customer does not finish is reversed with it).",
            )
        self.result_label.setText(text)
        tone = "good" if problem is None else "bad"
        self.result_label.setProperty("tone", tone)
        self.result_label.setStyleSheet(f"color: {RESULT_COLOURS[tone]};")
