"""Where secrets live outside the settings file: the OS keyring, or a dict in tests."""

from __future__ import annotations

import logging
from typing import Any, Protocol

from pos.errors import ConfigError

log = logging.getLogger(__name__)

KEYRING_SERVICE = "wechatpay-pos"


class SecretStore(Protocol):
    """Where secrets are kept outside the settings file."""

    def is_usable(self) -> bool: ...

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> bool:
        """Store it; False when it could not be stored (the caller falls back to the file)."""
        ...

    def delete(self, name: str) -> None: ...


class KeyringStore:
    """The OS keyring (Secret Service, macOS Keychain, Windows Credential Locker)."""

    def __init__(self, service: str = KEYRING_SERVICE) -> None:
        self.service = service

    def _backend(self) -> Any | None:
        # Imported here: keyring scans its backends on import, which only these calls need.
        try:
            import keyring
            from keyring.backends import chainer, fail, null

            backend = keyring.get_keyring()
        except Exception as exc:
            log.warning("keyring unavailable: %s", type(exc).__name__)
            return None
        if isinstance(backend, fail.Keyring | null.Keyring):
            return None
        if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
            return None
        return backend

    def is_usable(self) -> bool:
        return self._backend() is not None

    def get(self, name: str) -> str | None:
        backend = self._backend()
        if backend is None:
            return None
        try:
            value = backend.get_password(self.service, name)
        except Exception as exc:
            raise ConfigError(
                f"cannot read {name} from the keyring ({type(exc).__name__})"
            ) from None
        return value if isinstance(value, str) else None

    def set(self, name: str, value: str) -> bool:
        backend = self._backend()
        if backend is None:
            return False
        try:
            backend.set_password(self.service, name, value)
        except Exception as exc:
            log.warning("cannot store %s in the keyring (%s)", name, type(exc).__name__)
            return False
        return True

    def delete(self, name: str) -> None:
        backend = self._backend()
        if backend is None:
            return
        try:
            backend.delete_password(self.service, name)
        except Exception:  # absent already, or locked: nothing more to do
            log.debug("no %s to delete from the keyring", name)


class MemorySecretStore:
    """A keyring in a dict, for tests and for callers that keep secrets themselves."""

    def __init__(self, *, usable: bool = True) -> None:
        self.usable = usable
        self.values: dict[str, str] = {}

    def is_usable(self) -> bool:
        return self.usable

    def get(self, name: str) -> str | None:
        return self.values.get(name) if self.usable else None

    def set(self, name: str, value: str) -> bool:
        if not self.usable:
            return False
        self.values[name] = value
        return True

    def delete(self, name: str) -> None:
        self.values.pop(name, None)


def keyring_is_usable(secrets: SecretStore | None = None) -> bool:
    """True when secrets can be kept out of the settings file (the dialog says so if not)."""
    return (secrets or KeyringStore()).is_usable()


def api_key_name(mch_id: str) -> str:
    """The keyring entry of a merchant's API key."""
    return f"api_key/{mch_id}"


def cert_password_name(mch_id: str) -> str:
    """The keyring entry of a merchant's certificate password."""
    return f"cert_password/{mch_id}"


def webhook_secret_name(mch_id: str) -> str:
    """The keyring entry of the secret of a merchant's webhooks (``[[relay.webhooks]]``)."""
    return f"webhook_secret/{mch_id}"


#: The environment variable that gives a merchant's webhook secret is this and its mch_id.
WEBHOOK_SECRET_VARIABLE = "POS_RELAY_WEBHOOK_SECRET_"  # noqa: S105 - a name, not a secret

TILL_TOKEN_NAME = "till_token"  # noqa: S105 - the name of a keyring entry, not a secret
