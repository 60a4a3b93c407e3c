"""PINs: salted scrypt hashes, and the count of wrong tries with its lock-out."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable

#: scrypt's cost: ~50 ms here, enough to make guessing a stolen hash slow, short for a person.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1
PIN_MIN_DIGITS, PIN_MAX_DIGITS = 4, 12
MAX_WRONG_PINS = 5
LOCKOUT_SECONDS = 300.0


def hash_pin(pin: str) -> str:
    """``scrypt$<salt hex>$<hash hex>``: a fresh 16-byte salt every time."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32
    )
    return f"scrypt${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches ``stored`` (scrypt, or pbkdf2_sha256 with its iterations)."""
    try:
        algo, salt_hex, hash_hex = stored.split("$")
        salt, expected = bytes.fromhex(salt_hex), bytes.fromhex(hash_hex)
    except ValueError:
        return False
    if algo == "scrypt":
        got = hashlib.scrypt(
            pin.encode("utf-8"),
            salt=salt,
            n=_SCRYPT_N,
            r=_SCRYPT_R,
            p=_SCRYPT_P,
            dklen=len(expected),
        )
    elif algo.startswith("pbkdf2_sha256:"):
        rounds = int(algo.split(":", 1)[1]) if algo.split(":", 1)[1].isdigit() else 0
        if rounds < 1:
            return False
        got = hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), salt, rounds, len(expected))
    else:
        return False
    return hmac.compare_digest(got, expected)


def is_valid_new_pin(pin: str) -> bool:
    return pin.isascii() and pin.isdigit() and PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS


class PinGate:
    """Wrong-PIN counting and lock-out, Qt-free, on an injected monotonic clock.

    After :data:`MAX_WRONG_PINS` wrong PINs in a row every try is refused for
    :data:`LOCKOUT_SECONDS`, even the right PIN; then the count starts again.
    """

    def __init__(
        self,
        stored_hash: str = "",
        *,
        clock: Callable[[], float] = time.monotonic,
        max_wrong: int = MAX_WRONG_PINS,
        lockout: float = LOCKOUT_SECONDS,
    ) -> None:
        self.stored_hash = stored_hash
        self._clock = clock
        self.max_wrong = max_wrong
        self.lockout = lockout
        self.wrong = 0
        self._locked_until: float | None = None

    def seconds_locked(self) -> float:
        """Seconds until tries are accepted again; 0 when not locked."""
        if self._locked_until is None:
            return 0.0
        left = self._locked_until - self._clock()
        if left <= 0:
            self._locked_until = None
            self.wrong = 0
            return 0.0
        return left

    @property
    def is_locked(self) -> bool:
        return self.seconds_locked() > 0

    @property
    def tries_left(self) -> int:
        return max(0, self.max_wrong - self.wrong)

    def check(self, pin: str) -> bool:
        """True for the right PIN when not locked out; counts wrong ones."""
        return self.attempt(lambda: verify_pin(pin, self.stored_hash))

    def attempt(self, is_right: Callable[[], bool]) -> bool:
        """One try that ``is_right`` judges (not even asked while locked out); counts it.

        For PINs that are not one stored hash: the shop's accounts, each with its own, share
        one gate per till, so guessing cannot move on to the next account's five tries.
        """
        if self.is_locked:
            return False
        if is_right():
            self.wrong = 0
            return True
        self.wrong += 1
        if self.wrong >= self.max_wrong:
            self._locked_until = self._clock() + self.lockout
        return False
