"""Receipts on ESC/POS printers through python-escpos: the bytes of a layout, and sending them.

A layout becomes bytes on python-escpos's dummy printer (initialise, Chinese mode, text in
GB18030, Code128 barcodes, cut), and those bytes go to the printer in one write over the
network (TCP 9100), USB or a serial port. Before a slip is sent the printer is asked for its
paper (ESC/POS real-time status, ``DLE EOT 4``) for at most :data:`STATUS_TIMEOUT`: out of paper,
the slip is not sent (it waits for a reprint); no answer, it is printed anyway. Building the
bytes never touches a device, so tests read exactly what a printer would receive. Every
transport has a timeout and every failure is a :class:`PrinterError` with a ``code``; nothing
here waits without end. Blocking: the window calls :func:`send` on a worker, never on its main
thread. The USB and serial transports import pyusb / pyserial only when used, and say how to
install them when they are missing.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import sys
import tempfile
import threading
from collections.abc import Iterator
from typing import Any

from pos.config.printer import PrinterAddress as PrinterAddress  # where callers found it
from pos.config.printer import parse_printer_address
from pos.config.settings import APP_NAME
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
from pos.errors import ConfigError, PosError
from pos.platform import private_dir

log = logging.getLogger(__name__)

#: Chinese printers take text in GB18030 (GBK for the common characters) in their Chinese mode.
ENCODING = "gb18030"
#: ESC/POS: FS & selects the Chinese (Kanji) character mode, FS . leaves it.
CHINESE_MODE_ON = b"\x1c\x26"
#: Seconds to connect and to write before a printer counts as unreachable.
DEFAULT_TIMEOUT = 5.0
#: Seconds to wait for the paper status before printing anyway (a printer that does not
#: answer real-time status requests, or a serial one without a return line).
STATUS_TIMEOUT = 1.0
#: ESC/POS real-time status, ``DLE EOT 4``: the roll paper sensor.
PAPER_STATUS_REQUEST = b"\x10\x04\x04"
BARCODE_HEIGHT_DOTS = 80


class PrinterError(PosError):
    """A slip could not be printed. ``code``: ``unreachable`` (off, unplugged, refused),
    ``timeout`` (no answer in time), ``not_found`` (no such USB device or port), ``no_paper``
    (the printer says it is out of paper: nothing was sent), ``no_driver`` (pyusb or pyserial
    missing), ``bad_address`` (the setting is wrong), ``failed`` (other)."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.code = code


# --- the bytes --------------------------------------------------------------------------------


def _load_escpos() -> None:
    """Import python-escpos with its printer database cached in our cache folder, quietly.

    On import its capabilities module pickles the printer database into the folder named by
    ``ESCPOS_CAPABILITIES_PICKLE_DIR``, but makes a new temporary folder all the same (the
    default of ``environ.get`` is evaluated first): one left in /tmp per start of the till.
    While it imports, ``mkdtemp`` called from this thread gives our cache folder instead. It
    also calls ``logging.basicConfig()``, which would add an unredacted stderr handler to a
    root logger that has none yet (a command before its logging is set up): a placeholder
    handler makes that a no-op.
    """
    if "escpos.capabilities" in sys.modules:
        return
    import platformdirs

    folder = platformdirs.user_cache_path(APP_NAME, appauthor=False) / "escpos"
    try:
        private_dir(folder)
    except OSError:
        return  # python-escpos falls back on a temporary folder
    os.environ.setdefault("ESCPOS_CAPABILITIES_PICKLE_DIR", str(folder))
    with _no_temporary_folder(str(folder)), _no_basic_config():
        import escpos.capabilities  # noqa: F401


@contextlib.contextmanager
def _no_temporary_folder(instead: str) -> Iterator[None]:
    real = tempfile.mkdtemp
    importing = threading.get_ident()

    def mkdtemp(*args: Any, **kwargs: Any) -> Any:
        if threading.get_ident() == importing and not args and not kwargs:
            return instead
        return real(*args, **kwargs)

    tempfile.mkdtemp = mkdtemp
    try:
        yield
    finally:
        tempfile.mkdtemp = real


@contextlib.contextmanager
def _no_basic_config() -> Iterator[None]:
    root = logging.getLogger()
    placeholder = logging.NullHandler()
    root.addHandler(placeholder)
    try:
        yield
    finally:
        root.removeHandler(placeholder)


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


def parse_printer(text: str) -> PrinterAddress | None:
    """The printer setting as an address; empty text is no printer. Raises PrinterError
    (``bad_address``) with the forms it takes."""
    try:
        return parse_printer_address(text)
    except ConfigError as exc:
        raise PrinterError(str(exc), code="bad_address") from None


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


def paper_state(status: bytes) -> str:
    """The answer to ``DLE EOT 4`` in words: ``ok``, ``low`` (near its end), ``out``, or
    ``unknown`` (no answer, or a byte that is not a paper status).

    ESC/POS: bits 1 and 4 are always 1, bits 0 and 7 always 0; bits 2-3 set is the near-end
    sensor, bits 5-6 set the roll's end (the same masks as python-escpos's ``paper_status``,
    which would take any other byte for "no paper")."""
    if not status or status[0] & 0x93 != 0x12:
        return "unknown"
    if status[0] & 0x60:
        return "out"
    if status[0] & 0x0C:
        return "low"
    return "ok"


def _ask_paper(printer: Any, address: PrinterAddress, wait: float) -> str:
    """The printer's paper, asked on the open ``printer``, waiting at most ``wait`` seconds."""
    device = printer.device
    try:
        if address.kind == "network":
            previous = device.gettimeout()
            device.settimeout(wait)
            try:
                printer._raw(PAPER_STATUS_REQUEST)
                status = device.recv(16)
            finally:
                device.settimeout(previous)
        elif address.kind == "serial":
            previous = device.timeout
            device.timeout = wait
            try:
                printer._raw(PAPER_STATUS_REQUEST)
                status = device.read(16)
            finally:
                device.timeout = previous
        else:
            printer._raw(PAPER_STATUS_REQUEST)
            status = bytes(device.read(printer.in_ep, 16, max(1, int(wait * 1000))))
    except TimeoutError:
        return "unknown"  # a printer that does not answer status requests: print anyway
    except Exception as exc:  # pyusb's timeout is its own type; a broken link fails the write
        log.info("no paper status from %s: %s", address, type(exc).__name__)
        return "unknown"
    return paper_state(bytes(status))


def send(
    address: PrinterAddress,
    data: bytes,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    check_paper: bool = True,
) -> None:
    """Ask for the paper (``check_paper``), then write ``data`` to the printer in one go and
    close. Blocking, bounded by ``timeout`` for the connection and for the write, and by
    STATUS_TIMEOUT for the paper. Raises PrinterError (``no_paper`` before anything is sent)."""
    from escpos.exceptions import DeviceNotFoundError, Error

    printer = _open(address, timeout)
    try:
        printer.open()
        if check_paper and _ask_paper(printer, address, min(timeout, STATUS_TIMEOUT)) == "out":
            raise PrinterError(f"the printer at {address} is out of paper", code="no_paper")
        printer._raw(data)
    except PrinterError:
        raise
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
