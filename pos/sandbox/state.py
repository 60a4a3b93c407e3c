"""The embedded sandbox's memory on disk: one private JSON file, replaced atomically.

The file holds what WeChat Pay would remember across a restart of the till (orders, refunds,
used payment codes), so a sandbox payment can still be queried and refunded after relaunching.
It is written whole to a temporary file next to it (mode 0600, in a 0700 folder), flushed to
the disk, then renamed over the old one: a crash leaves the old file or the new one, never half
of one. A file that cannot be read is moved aside (``<name>.unreadable``) and the sandbox starts
empty, so a damaged file never keeps the till from opening.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from pathlib import Path
from typing import Any

from pos.platform import private_dir, replace_atomically

log = logging.getLogger(__name__)

#: Bumped when the layout of the file changes; other versions are not read.
STATE_VERSION = 1


def read_state(path: Path) -> dict[str, Any] | None:
    """The ledger snapshot kept in ``path``; None when there is none (or it was unreadable)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
            raise ValueError("unknown layout")
        ledger = data["ledger"]
        if not isinstance(ledger, dict):
            raise ValueError("no ledger")
    except (ValueError, KeyError) as exc:
        set_aside(path, exc)
        return None
    return ledger


def set_aside(path: Path, reason: BaseException) -> None:
    """Move an unreadable state file out of the way, keeping it for whoever wants to look."""
    aside = path.with_name(path.name + ".unreadable")
    log.warning("sandbox state %s unreadable (%s); starting empty", path, type(reason).__name__)
    with contextlib.suppress(OSError):
        os.replace(path, aside)


def write_state(path: Path, ledger: dict[str, Any]) -> None:
    """Replace ``path`` with ``ledger`` durably and atomically; private to the user."""
    folder = private_dir(path.parent)
    data = json.dumps(
        {"version": STATE_VERSION, "ledger": ledger}, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
    with replace_atomically(path) as temporary:
        temporary.write_bytes(data)
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    # The rename is durable only once the folder's entry is on the disk (POSIX; not on Windows).
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
