"""Receipts on ESC/POS printers through python-escpos: the bytes of a layout, and sending them.

A layout becomes bytes on python-escpos's dummy printer (initialise, Chinese mode, text in
GB18030, Code128 barcodes, cut), and those bytes go to the printer in one write over the
network (TCP 9100), USB or a serial port. Building the bytes never touches a device, so tests
read exactly what a printer would receive. Every transport has a timeout and every failure is
a :class:`PrinterError` with a ``code``; nothing here waits without end. Blocking: the window
calls :func:`send` on a worker, never on its main thread. The USB and serial transports import
pyusb / pyserial only when used, and say how to install them when they are missing.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import sys
from dataclasses import dataclass
from typing import Any

from pos.config import APP_NAME
from pos.counter.receipt import (
    BARCODE_MODULE_DOTS,
    Barcode,
    Feed,
    Layout,
    Pair,
    Rule,
    Text,
    code128_parts,
    pair_lines,
    text_lines,
)
from pos.errors import PosError

#: Chinese printers take text in GB18030 (GBK for the common characters) in their Chinese mode.
ENCODING = "gb18030"
#: ESC/POS: FS & selects the Chinese (Kanji) character mode, FS . leaves it.
CHINESE_MODE_ON = b"\x1c\x26"
#: Seconds to connect and to write before a printer counts as unreachable.
DEFAULT_TIMEOUT = 5.0
BARCODE_HEIGHT_DOTS = 80


class PrinterError(PosError):
    """A slip could not be printed. ``code``: ``unreachable`` (off, unplugged, refused),
    ``timeout`` (no answer in time), ``not_found`` (no such USB device or port), ``no_driver``
    (pyusb or pyserial missing), ``bad_address`` (the setting is wrong), ``failed`` (other)."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.code = code


# --- the bytes --------------------------------------------------------------------------------


def _load_escpos() -> None:
    """Import python-escpos with its printer database cached in our cache folder.

    On import it parses its capabilities file and pickles the result into a folder named by
    ``ESCPOS_CAPABILITIES_PICKLE_DIR``, or else into a new temporary folder every time: one
    left behind in /tmp per start of the till.
    """
    if "escpos.capabilities" in sys.modules:
        return
    import platformdirs

    folder = platformdirs.user_cache_path(APP_NAME, appauthor=False) / "escpos"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return  # python-escpos falls back on a temporary folder
    os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", str(folder))


def _encode(text: str) -> bytes:
    return text.encode(ENCODING, errors="replace")


def code128_escpos(data: str) -> str:
    """``data`` as ESC/POS wants Code128 (GS k 73): ``{B`` letters, ``{C`` then one byte per
    pair of digits (their value 0..99, not their ASCII)."""
    out = []
    for code_set, text in code128_parts(data):
        if code_set == "C":
            out.append("{C" + "".join(chr(int(text[i : i + 2])) for i in range(0, len(text), 2)))
        else:
            out.append("{B" + text.replace("{", "{{"))
    return "".join(out)


def escpos_bytes(layout: Layout) -> bytes:
    """Everything a printer receives for ``layout``: init, Chinese mode, the blocks, a cut."""
    _load_escpos()
    from escpos.printer import Dummy

    printer = Dummy()
    printer.hw("INIT")
    printer._raw(CHINESE_MODE_ON)
    columns = layout.columns
    for block in layout.blocks:
        if isinstance(block, Text):
            # Alignment is done with spaces (the same in the preview). Size by GS ! (custom
            # size), which Chinese printers apply to Chinese characters too; ESC ! does not.
            if block.big:
                printer.set(custom_size=True, width=2, height=2)
            if block.bold:
                printer.set(bold=True)
            for line in text_lines(block, columns):
                printer._raw(_encode(line) + b"\n")
            if block.big:
                printer.set(custom_size=True, width=1, height=1)
            if block.bold:
                printer.set(bold=False)
        elif isinstance(block, Pair):
            if block.bold:
                printer.set(bold=True)
            for line in pair_lines(block.label, block.value, columns):
                printer._raw(_encode(line) + b"\n")
            if block.bold:
                printer.set(bold=False)
        elif isinstance(block, Rule):
            printer._raw(_encode(block.char * columns) + b"\n")
        elif isinstance(block, Barcode):
            # _hw_barcode, not barcode(): the public one prints a line on stdout on every call.
            printer._hw_barcode(
                code128_escpos(block.data),
                "CODE128",
                height=BARCODE_HEIGHT_DOTS,
                width=BARCODE_MODULE_DOTS,
                pos="OFF",
                function_type="B",
            )
            printer.set(align="left")
            printer._raw(b"\n")
        elif isinstance(block, Feed):
            printer._raw(b"\n" * block.lines)
    printer.cut()
    return bytes(printer.output)


# --- where the printer is ------------------------------------------------------------------------

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


def parse_printer(text: str) -> PrinterAddress | None:
    """The printer setting as an address; empty text is no printer. Raises PrinterError
    (``bad_address``) with the forms it takes."""
    text = text.strip()
    if not text:
        return None
    if match := _NETWORK.fullmatch(text):
        port = int(match["port"] or 9100)
        if not 0 < port < 65536:
            raise PrinterError("the printer's port must be 1 to 65535", code="bad_address")
        return PrinterAddress("network", host=match["host"], port=port)
    if match := _USB.fullmatch(text):
        return PrinterAddress(
            "usb", vendor_id=int(match["vendor"], 16), product_id=int(match["product"], 16)
        )
    if match := _SERIAL.fullmatch(text):
        return PrinterAddress("serial", device=match["device"], baudrate=int(match["baud"] or 9600))
    raise PrinterError(
        "a printer is tcp://HOST:9100, usb://VENDOR:PRODUCT (hex ids) or "
        "serial:///dev/ttyUSB0?baudrate=9600",
        code="bad_address",
    )


def _network_printer(address: PrinterAddress, timeout: float) -> Any:
    from escpos.printer import Network

    class _Network(Network):  # type: ignore[misc]
        """python-escpos's network printer, with a socket that is closed when connecting fails
        (3.1 leaves it open: a file descriptor lost per failed receipt)."""

        def open(self, raise_not_found: bool = True) -> None:
            try:
                self.device = socket.create_connection((self.host, self.port), self.timeout)
            except TimeoutError:
                raise
            except OSError as exc:
                from escpos.exceptions import DeviceNotFoundError

                raise DeviceNotFoundError(f"Could not open socket for {self.host}") from exc

    return _Network(address.host, address.port, timeout=timeout)


def _open(address: PrinterAddress, timeout: float) -> Any:
    if address.kind == "network":
        return _network_printer(address, timeout)
    if address.kind == "usb":
        try:
            import usb.core  # noqa: F401  (pyusb: python-escpos's USB transport needs it)
        except ImportError:
            raise PrinterError(
                "USB printers need pyusb: pip install 'wechatpay-pos[printers]'", code="no_driver"
            ) from None
        from escpos.printer import Usb

        # pyusb's timeout is in milliseconds.
        return Usb(address.vendor_id, address.product_id, timeout=int(timeout * 1000))
    try:
        import serial  # noqa: F401  (pyserial: python-escpos's serial transport needs it)
    except ImportError:
        raise PrinterError(
            "serial printers need pyserial: pip install 'wechatpay-pos[printers]'",
            code="no_driver",
        ) from None
    from escpos.printer import Serial

    return Serial(address.device, baudrate=address.baudrate, timeout=timeout)


def send(address: PrinterAddress, data: bytes, *, timeout: float = DEFAULT_TIMEOUT) -> None:
    """Write ``data`` to the printer in one go and close. Blocking, bounded by ``timeout``
    for the connection and for the write. Raises PrinterError."""
    from escpos.exceptions import DeviceNotFoundError, Error

    printer = _open(address, timeout)
    try:
        printer.open()
        printer._raw(data)
    except TimeoutError as exc:
        raise PrinterError(
            f"the printer at {address} did not answer in time", code="timeout"
        ) from exc
    except DeviceNotFoundError as exc:
        code = "unreachable" if address.kind == "network" else "not_found"
        raise PrinterError(f"no printer at {address}", code=code) from exc
    except OSError as exc:
        raise PrinterError(
            f"the printer at {address} cannot be reached ({exc.strerror or type(exc).__name__})",
            code="unreachable",
        ) from exc
    except Error as exc:
        raise PrinterError(f"the printer at {address} failed: {exc}", code="failed") from exc
    except Exception as exc:  # pyusb and pyserial raise their own types: all mean "not printed"
        raise PrinterError(
            f"the printer at {address} failed ({type(exc).__name__})", code="failed"
        ) from exc
    finally:
        # Closing a dead connection may fail too: nothing is left to do then.
        with contextlib.suppress(Exception):
            printer.close()


def print_layout(
    address: PrinterAddress, layout: Layout, *, timeout: float = DEFAULT_TIMEOUT
) -> int:
    """Render and send ``layout``; the number of bytes sent. Blocking: on a worker."""
    data = escpos_bytes(layout)
    send(address, data, timeout=timeout)
    return len(data)
