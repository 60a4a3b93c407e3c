"""The till's side of the shop server: a durable outbox and the syncer that empties it.

:mod:`pos.sync.wire` (the protocol's records, shared with the server) loads alone; the
names below load when first used (PEP 562), so that the server, which needs only the wire,
does not load the till's outbox and client.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pos.sync.client import ShopServerClient
    from pos.sync.outbox import Outbox
    from pos.sync.syncer import PushResult, Syncer

_HOMES = {
    "Outbox": "pos.sync.outbox",
    "PushResult": "pos.sync.syncer",
    "ShopServerClient": "pos.sync.client",
    "Syncer": "pos.sync.syncer",
}

__all__ = ["Outbox", "PushResult", "ShopServerClient", "Syncer"]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'pos.sync' has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)
