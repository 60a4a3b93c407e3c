"""The receipt printer setting: its address forms, checked when the settings load and in the
dialog. Printing itself is :mod:`pos.counter.printing`, which reads addresses with this."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pos.errors import ConfigError

_NETWORK = re.compile(r"tcp://(?P<host>[^:/\s]+)(?::(?P<port>[0-9]{1,5}))?/?")
_USB = re.compile(
    r"usb://(?P<vendor>(?:0x)?[0-9A-Fa-f]{1,4}):(?P<product>(?:0x)?[0-9A-Fa-f]{1,4})/?"
)
_SERIAL = re.compile(r"serial://(?P<device>[^?\s]+)(?:\?baudrate=(?P<baud>[0-9]{3,7}))?")


@dataclass(frozen=True)
class PrinterAddress:
    """Where the receipts go: ``tcp://192.168.1.50:9100``, ``usb://0416:5011`` (vendor and
    product id in hex, as ``lsusb`` shows them) or ``serial:///dev/ttyUSB0?baudrate=9600``."""

    kind: str  # network, usb, serial
    host: str = ""
    port: int = 9100
    vendor_id: int = 0
    product_id: int = 0
    device: str = ""
    baudrate: int = 9600

    def __str__(self) -> str:
        if self.kind == "network":
            return f"tcp://{self.host}:{self.port}"
        if self.kind == "usb":
            return f"usb://{self.vendor_id:04x}:{self.product_id:04x}"
        return f"serial://{self.device}?baudrate={self.baudrate}"


def parse_printer_address(text: str) -> PrinterAddress | None:
    """The printer setting as an address; empty text is no printer. Raises ConfigError with
    the forms it takes (:func:`pos.counter.printing.parse_printer` makes it a PrinterError)."""
    text = text.strip()
    if not text:
        return None
    if match := _NETWORK.fullmatch(text):
        port = int(match["port"] or 9100)
        if not 0 < port < 65536:
            raise ConfigError("the printer's port must be 1 to 65535")
        return PrinterAddress("network", host=match["host"], port=port)
    if match := _USB.fullmatch(text):
        return PrinterAddress(
            "usb", vendor_id=int(match["vendor"], 16), product_id=int(match["product"], 16)
        )
    if match := _SERIAL.fullmatch(text):
        return PrinterAddress("serial", device=match["device"], baudrate=int(match["baud"] or 9600))
    raise ConfigError(
        "a printer is tcp://HOST:9100, usb://VENDOR:PRODUCT (hex ids) or "
        "serial:///dev/ttyUSB0?baudrate=9600"
    )
