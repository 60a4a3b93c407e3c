"""Around a payment, at the counter: the spoken amount, receipts (ESC/POS). No Qt here.

- :mod:`~pos.counter.reading`: fen read aloud the Chinese way, and the clips that say it;
- :mod:`~pos.counter.voice`: those clips joined into one WAV;
- :mod:`~pos.counter.receipt`: slips as layouts (payment, refund, test page; the shift's
  handover and the day's close are :mod:`pos.shop.slip`'s);
- :mod:`~pos.counter.printing`: a layout as ESC/POS bytes, sent to a network, USB or serial
  printer;
- :mod:`~pos.counter.preview`: a layout drawn as a PNG.
"""

from pos.counter.printing import PrinterAddress, PrinterError, parse_printer, print_layout
from pos.counter.reading import announcement, read_amount
from pos.counter.receipt import (
    Layout,
    PaymentSlip,
    RefundSlip,
    payment_receipt,
    printer_test_page,
    refund_receipt,
)
from pos.counter.voice import VoiceError, compose

__all__ = [
    "Layout",
    "PaymentSlip",
    "PrinterAddress",
    "PrinterError",
    "RefundSlip",
    "VoiceError",
    "announcement",
    "compose",
    "parse_printer",
    "payment_receipt",
    "print_layout",
    "printer_test_page",
    "read_amount",
    "refund_receipt",
]
