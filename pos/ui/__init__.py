"""The cashier's Qt layer: widgets that call the core and show its results."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pos.config import Settings


def run(settings: Settings, *, lang: str | None = None, argv: list[str] | None = None) -> int:
    """Open the cashier window and return the process exit code (see :func:`pos.ui.app.run`)."""
    from pos.ui.app import run as run_app  # imported late: `import pos.ui` stays cheap

    return run_app(settings, lang=lang, argv=argv)


__all__: list[Any] = ["run"]
