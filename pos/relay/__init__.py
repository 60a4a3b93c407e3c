"""The notify relay: receives WeChat Pay notifications, stores them, pushes them to tills (SSE)."""

from pos.relay.app import RelaySettings, create_app
from pos.relay.events import RelayEvent
from pos.relay.follower import EventFollower
from pos.relay.server import run_cli, settings_from

__all__ = ["EventFollower", "RelayEvent", "RelaySettings", "create_app", "run_cli", "settings_from"]
