"""The tills a relay serves: each bound to one merchant, known by the SHA-256 of its secret.

A secret is compared in constant time with every till's hash (style rule 9), so the time an
answer takes says nothing about which till matched; the relay keeps no secret itself, and
the settings may give ``sha256:<hex>`` in place of one.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from pos.errors import ConfigError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from pos.wechatpay.merchant import Merchant

#: A till token given as the SHA-256 of the secret rather than the secret itself.
_HASHED_TOKEN = re.compile(r"sha256:([0-9a-f]{64})")


@dataclass(frozen=True)
class Till:
    """A till the relay serves: its name, its merchant, and only the hash of its secret."""

    name: str
    mch_id: str
    digest: bytes = field(repr=False)


class TillSettings(Protocol):
    """What the tills are read from (:class:`pos.relay.app.RelaySettings`)."""

    @property
    def till_tokens(self) -> Mapping[str, str]: ...
    @property
    def till_merchants(self) -> Mapping[str, str]: ...
    @property
    def merchants(self) -> Mapping[str, Merchant]: ...
    @property
    def default_mch_id(self) -> str | None: ...


def tills_of(settings: TillSettings) -> list[Till]:
    """The tills of ``settings``, each bound to a merchant; ConfigError (one line) if one is
    bound to none, or to a merchant this relay does not serve."""
    default = settings.default_mch_id
    if default is None and len(settings.merchants) == 1:
        default = next(iter(settings.merchants))
    stray = sorted(set(settings.till_merchants) - set(settings.till_tokens))
    if stray:
        raise ConfigError(f"relay.till_merchants names till {stray[0]}, which has no token")
    tills: list[Till] = []
    for name, secret in settings.till_tokens.items():
        mch_id = settings.till_merchants.get(name, default)
        if mch_id is None:
            raise ConfigError(
                f"till {name} has no merchant: this relay serves several, name its mch_id "
                "in relay.till_merchants"
            )
        if mch_id not in settings.merchants:
            raise ConfigError(f"till {name} is bound to merchant {mch_id}, not served here")
        hashed = _HASHED_TOKEN.fullmatch(secret)
        digest = (
            bytes.fromhex(hashed.group(1))
            if hashed
            else hashlib.sha256(secret.encode("utf-8")).digest()
        )
        tills.append(Till(name, mch_id, digest))
    return tills


def till_with(tills: list[Till], offered: str) -> Till | None:
    """The till whose secret is ``offered``: hashes compared in constant time (style rule 9),
    every till compared, so the time taken says nothing about which one matched."""
    digest = hashlib.sha256(offered.encode("utf-8")).digest()
    found = None
    for till in tills:
        if hmac.compare_digest(till.digest, digest):
            found = till
    return found
