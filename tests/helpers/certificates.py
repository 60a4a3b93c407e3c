"""Merchant API certificates made on the spot: a self-signed key pair, a PKCS#12 file of it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
from cryptography.x509.oid import NameOID


def self_signed(common_name: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """A key and its certificate for ``common_name`` (WeChat names the merchant number),
    valid from yesterday for a month."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
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
    return key, cert


def write_p12(path: Path, password: bytes, common_name: str = "10000100") -> Path:
    """``apiclient_cert.p12`` as WeChat Pay hands it out: key and certificate, encrypted."""
    key, cert = self_signed(common_name)
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"apiclient", key, cert, None, BestAvailableEncryption(password)
        )
    )
    return path
