"""The merchant's API client certificate as an SSL context for ``secapi/*`` (§3.5, §3.10)."""

from __future__ import annotations

import os
import secrets
import shutil
import ssl
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

from pos.errors import ConfigError
from pos.wechatpay.types import ClientCertificate


@contextmanager
def _private_dir() -> Iterator[str]:
    folder = tempfile.mkdtemp(prefix="pos-cert-")  # mode 0700
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _write_private(path: str, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def client_ssl_context(certificate: ClientCertificate) -> ssl.SSLContext:
    """An SSL context presenting the merchant's certificate (PEM pair or PKCS#12) for secapi/*.

    A PKCS#12 file is converted with :mod:`cryptography`; the PEM lands in a 0600 file in a
    0700 folder, the private key encrypted with a one-time password, and both are deleted
    right after loading. The certificate password never reaches a message or a log.
    """
    context = ssl.create_default_context()
    if certificate.p12_path:
        from cryptography.hazmat.primitives.serialization import (
            BestAvailableEncryption,
            Encoding,
            PrivateFormat,
            pkcs12,
        )

        password = certificate.password.encode("utf-8") if certificate.password else None
        try:
            with open(certificate.p12_path, "rb") as handle:
                key, cert, extra = pkcs12.load_key_and_certificates(handle.read(), password)
        except (OSError, ValueError, TypeError) as exc:
            raise ConfigError(
                "the merchant certificate (PKCS#12) could not be read; "
                "check the file and its password"
            ) from exc
        if key is None or cert is None:
            raise ConfigError("the PKCS#12 file holds no certificate and key")
        one_time = secrets.token_urlsafe(32)
        key_pem = key.private_bytes(
            Encoding.PEM, PrivateFormat.PKCS8, BestAvailableEncryption(one_time.encode("ascii"))
        )
        chain = cert.public_bytes(Encoding.PEM) + b"".join(
            c.public_bytes(Encoding.PEM) for c in extra
        )
        with _private_dir() as folder:
            cert_path = os.path.join(folder, "cert.pem")
            key_path = os.path.join(folder, "key.pem")
            _write_private(cert_path, chain)
            _write_private(key_path, key_pem)
            try:
                context.load_cert_chain(cert_path, key_path, password=one_time)
            except (OSError, ssl.SSLError) as exc:
                raise ConfigError("the merchant certificate could not be loaded") from exc
        return context
    if certificate.cert_pem_path and certificate.key_pem_path:
        try:
            context.load_cert_chain(
                certificate.cert_pem_path, certificate.key_pem_path, password=certificate.password
            )
        except (OSError, ssl.SSLError) as exc:
            raise ConfigError(
                "the merchant certificate (PEM) could not be loaded; "
                "check the files and the password"
            ) from exc
        return context
    raise ConfigError("the merchant certificate needs a PKCS#12 file or a PEM pair")
