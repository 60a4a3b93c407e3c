"""The till's sync is core: no Qt. The server's side needs only the wire form of it."""

from __future__ import annotations

import ast
import subprocess
import sys


def loaded_after(statement: str, prefixes: tuple[str, ...]) -> list[str]:
    code = (
        f"import sys\n{statement}\n"
        f"print(sorted(m for m in sys.modules if m.startswith({prefixes!r})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return list(ast.literal_eval(result.stdout))


def test_the_syncer_and_the_shop_day_load_no_qt() -> None:
    statement = "import pos.sync.syncer, pos.reports.shop"
    assert loaded_after(statement, ("PySide6", "shiboken6", "pos.ui")) == []
    assert "pos.sync.client" in loaded_after(statement, ("pos.sync",))


def test_the_server_loads_the_wire_form_not_the_tills_outbox() -> None:
    assert loaded_after("import pos.relay.app", ("pos.sync",)) == ["pos.sync", "pos.sync.wire"]
