"""The printer's paper status read from its ESC/POS answer, and python-escpos imported quietly."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pos.counter.printing import paper_state


@pytest.mark.parametrize(
    ("status", "state"),
    [
        (b"\x12", "ok"),
        (b"\x1e", "low"),  # near-end sensor (bits 2-3)
        (b"\x72", "out"),  # roll end (bits 5-6)
        (b"\x7e", "out"),  # both: out wins
        (b"", "unknown"),  # no answer
        (b"\x00", "unknown"),  # not a status byte (fixed bits wrong): print anyway
        (b"\xff", "unknown"),
    ],
)
def test_paper_state_reads_the_dle_eot_4_answer(status: bytes, state: str) -> None:
    assert paper_state(status) == state


def test_escpos_is_imported_without_a_temporary_folder_output_or_log_handler(
    tmp_path: Path,
) -> None:
    """python-escpos makes a /tmp folder on import, calls logging.basicConfig(): neither."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    cache = tmp_path / "cache"
    script = textwrap.dedent(
        """
        import logging
        from datetime import UTC, datetime

        from pos.counter import payment_receipt, PaymentSlip
        from pos.counter.printing import escpos_bytes

        slip = PaymentSlip("店", "POS-01", datetime.now(UTC), "奶茶", 100, "POS01202611240001")
        escpos_bytes(payment_receipt(slip, 58))
        escpos_bytes(payment_receipt(slip, 80))
        assert logging.getLogger().handlers == [], logging.getLogger().handlers
        """
    )
    env = {
        **os.environ,
        "TMPDIR": str(temp),
        "XDG_CACHE_HOME": str(cache),
    }
    env.pop("ESCPOS_CAPABILITIES_PICKLE_DIR", None)
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert done.stderr == ""
    assert list(temp.iterdir()) == []
    folder = cache / "wechatpay-pos" / "escpos"
    assert [path.name for path in folder.iterdir()] == [
        f"{'.'.join(map(str, sys.version_info[:3]))}.capabilities.pickle"
    ]
    if os.name == "posix":
        assert folder.stat().st_mode & 0o777 == 0o700
        assert (cache / "wechatpay-pos").stat().st_mode & 0o777 == 0o700
