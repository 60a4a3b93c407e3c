"""`python -m pos.relay`: run one relay, configured exactly as ``pos relay`` is.

Merchant: WECHATPAY_APPID, WECHATPAY_MCH_ID, WECHATPAY_API_KEY or the settings file (the
architecture's `pos relay` contract). Tills: POS_RELAY_TILL_TOKENS as ``NAME=SECRET,...``, the
README's form, read by ``pos.config`` for both commands. No secret is ever printed.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import sys

from pos.config import load_settings
from pos.errors import PosError
from pos.relay.server import serve, settings_from


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pos.relay", description="Run the WeChat Pay notify relay."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument(
        "--database", required=True, help="a SQLite file (or sqlite:///path) or a postgresql:// URL"
    )
    parser.add_argument("--heartbeat", type=float, default=15.0, help="seconds between pings")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    try:
        settings = settings_from(load_settings(), args.database)
        settings = dataclasses.replace(settings, heartbeat_seconds=args.heartbeat)
        serve(args.host, args.port, settings)
        return 0
    except PosError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
