"""A keyring in memory, standing in for the OS keyring, and a way to use it for one test."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

_Backend = TypeVar("_Backend", bound=KeyringBackend)


class MemoryKeyring(KeyringBackend):
    """A real keyring backend (the library's interface) that keeps passwords in a dict."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        # As the OS keyrings do: deleting what is not there is an error.
        if self.values.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


@contextmanager
def keyring_in_use(backend: _Backend) -> Iterator[_Backend]:
    """``backend`` is the keyring until the block ends; then the one before it again."""
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)
