"""`python -m pos.relay`: run one relay; merchant and till tokens come from the environment.

Merchant: WECHATPAY_APPID, WECHATPAY_MCH_ID, WECHATPAY_API_KEY (the architecture's `pos relay`
contract). Tills: POS_RELAY_TILL_TOKENS as ``name=token,name=token``. Neither is ever printed.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from pos.relay.app import RelaySettings
from pos.relay.server import run_cli
from pos.wechatpay.types import Merchant


def _parse_tokens(text: str) -> dict[str, str]:
    tokens: dict[str, str] = {}
    for part in text.split(","):
        name, sep, token = part.strip().partition("=")
        if sep and name and token:
            tokens[token] = name
    return tokens


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
    appid = os.environ.get("WECHATPAY_APPID", "")
    mch_id = os.environ.get("WECHATPAY_MCH_ID", "")
    api_key = os.environ.get("WECHATPAY_API_KEY", "")
    if not (appid and mch_id and api_key):
        print("error: set WECHATPAY_APPID, WECHATPAY_MCH_ID and WECHATPAY_API_KEY", file=sys.stderr)
        return 2
    tokens = _parse_tokens(os.environ.get("POS_RELAY_TILL_TOKENS", ""))
    settings = RelaySettings(
        database_url=args.database,
        merchants={mch_id: Merchant(appid, mch_id, api_key)},
        till_tokens=tokens,
        heartbeat_seconds=args.heartbeat,
    )
    return run_cli(args.host, args.port, args.database, settings)


if __name__ == "__main__":
    sys.exit(main())
