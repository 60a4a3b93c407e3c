"""Draw the receipt previews in docs/screenshots/ from the layout code that prints them.

    python tools/receipt_preview.py      # receipt_58mm.png and receipt_80mm.png

Needs a CJK font (Debian: fonts-noto-cjk). The slip is a sample paid deal of the sandbox.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pos.counter.preview import render_png
from pos.counter.receipt import PaymentSlip, payment_receipt

ROOT = Path(__file__).resolve().parents[1]

SAMPLE = PaymentSlip(
    shop="示例商店",
    till_id="POS-01",
    time=datetime(2026, 11, 24, 4, 52, 15, tzinfo=UTC),
    product="拿铁 大杯",
    amount_fen=2550,
    out_trade_no="POS0120261124125215000042",
    transaction_id="4200001234202611241234567890",
)


def main() -> None:
    for paper_mm in (58, 80):
        target = ROOT / "docs" / "screenshots" / f"receipt_{paper_mm}mm.png"
        render_png(payment_receipt(SAMPLE, paper_mm), target)
        print(target.relative_to(ROOT))


if __name__ == "__main__":
    main()
