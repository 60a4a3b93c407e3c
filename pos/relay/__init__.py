"""The notify relay: receives WeChat Pay notifications, stores them, pushes them to tills (SSE).

The names below are loaded when first used, so that a till importing
:mod:`pos.relay.events` does not load the server (Starlette, uvicorn, Peewee, httpx).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pos.relay.app import RelaySettings, create_app
    from pos.relay.events import RelayEvent
    from pos.relay.follower import EventFollower
    from pos.relay.server import settings_from

#: Each public name and the module that defines it (PEP 562 module ``__getattr__``).
_HOMES = {
    "EventFollower": "pos.relay.follower",
    "RelayEvent": "pos.relay.events",
    "RelaySettings": "pos.relay.app",
    "create_app": "pos.relay.app",
    "settings_from": "pos.relay.server",
}

__all__ = ["EventFollower", "RelayEvent", "RelaySettings", "create_app", "settings_from"]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'pos.relay' has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)
