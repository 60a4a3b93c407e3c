"""A till process killed (SIGKILL) during the password wait; the next start settles the deal.

The till here is a child process running the payment-code session against the sandbox on
loopback; it is killed once the deal is stored waiting for the password. The next start
(this process, on the same database) queries WeChat Pay and reverses the unpaid order.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from helpers.sandbox import wait_until

from pos.checkout import CheckoutClient, CheckoutConfig, recover_unfinished
from pos.clock import utc_now
from pos.sandbox import DEFAULT_MERCHANT, Ending, Sandbox, SandboxOptions, example_code
from pos.store import DealState, PaymentMethod, Store
from pos.wechatpay.client import WeChatPayClient
from pos.wechatpay.types import TradeState

#: The till: one payment code, a long password wait, real time, real HTTP.
TILL = textwrap.dedent(
    """
    import sys, time
    from pos.checkout import CheckoutClient, CheckoutConfig, CheckoutSession
    from pos.clock import utc_now
    from pos.sandbox import DEFAULT_MERCHANT
    from pos.store import Store
    from pos.wechatpay.client import WeChatPayClient

    url, database, code = sys.argv[1:4]
    store = Store.open(database)
    client = CheckoutClient(WeChatPayClient(DEFAULT_MERCHANT, base_url=url), notify_url=url)
    session = CheckoutSession.begin_code(
        store=store, client=client, amount_fen=1880, product="咖啡", till_id="POS01",
        sign_type="MD5", config=CheckoutConfig(password_wait=600.0, password_poll=0.2),
        clock=utc_now, auth_code=code,
    )
    session.run(sleep=time.sleep)
    """
)


def test_a_till_killed_during_the_password_wait_is_settled_at_the_next_start(
    tmp_path: Path,
) -> None:
    sandbox = Sandbox([DEFAULT_MERCHANT], options=SandboxOptions(micropay_auto_revoke=3600))
    server = sandbox.serve()
    database = tmp_path / "pos.sqlite3"
    code = example_code(Ending.PASSWORD_NEVER_ENTERED)
    till = subprocess.Popen(
        [sys.executable, "-c", TILL, server.url, str(database), code],
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    try:
        wait_until(lambda: database.exists(), timeout=30)
        store = Store.open(database)

        def waiting() -> bool:
            deals = store.unfinished_deals()
            return bool(deals) and deals[0].state is DealState.ORDERED

        wait_until(waiting, timeout=30)
        till.send_signal(signal.SIGKILL)
        assert till.wait(timeout=10) == -signal.SIGKILL
        (left,) = store.unfinished_deals()
        assert left.method is PaymentMethod.MICROPAY and left.code_masked == "13" + "*" * 16

        wechat = WeChatPayClient(DEFAULT_MERCHANT, base_url=server.url)
        try:
            (result,) = recover_unfinished(
                store=store,
                client=CheckoutClient(wechat, notify_url=server.url),
                config=CheckoutConfig(reverse_min_age=0.0),
                clock=utc_now,
            )
        finally:
            wechat.close()
        assert result.deal.out_trade_no == left.out_trade_no
        assert result.deal.state is DealState.REVERSED and result.session is None
        order = sandbox.ledger.order(DEFAULT_MERCHANT.mch_id, left.out_trade_no)
        assert order.state is TradeState.REVOKED
        assert len(sandbox.ledger.orders()) == 1  # one scan, one micropay, never resent
        store.close()
        for file in tmp_path.glob("pos.sqlite3*"):
            assert code.encode() not in file.read_bytes()
    finally:
        if till.poll() is None:
            till.kill()
            till.wait(timeout=10)
        server.stop()
