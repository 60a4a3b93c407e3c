"""Importing the relay's event type or its paths loads none of the server's libraries (issue 11)."""

from __future__ import annotations

import pytest
from helpers.processes import run_python

_SERVER_LIBRARIES = ("starlette", "uvicorn", "peewee", "psycopg", "httpx")


def _loaded_after(statement: str) -> list[str]:
    code = (
        f"import sys\n{statement}\n"
        f"print(' '.join(m for m in sys.modules if m.split('.')[0] in {_SERVER_LIBRARIES!r}))\n"
    )
    return sorted({name.split(".")[0] for name in run_python(code).split()})


def test_the_event_module_loads_no_server_library() -> None:
    assert _loaded_after("import pos.relay.events") == []


def test_the_event_from_the_package_loads_no_server_library() -> None:
    assert _loaded_after("from pos.relay import RelayEvent") == []


def test_naming_a_path_loads_no_server_library() -> None:
    assert _loaded_after("from pos.relay.paths import PAYMENT_NOTIFY, relay_url") == []


def test_the_app_from_the_package_loads_the_server() -> None:
    # Guards the tests above against passing vacuously, and shows the names still resolve.
    assert {"starlette", "peewee"} <= set(_loaded_after("from pos.relay import create_app"))


def test_an_unknown_name_is_an_attribute_error() -> None:
    import pos.relay

    with pytest.raises(AttributeError, match="no_such_name"):
        pos.relay.no_such_name  # noqa: B018
