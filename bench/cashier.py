"""Measure the cashier window against the embedded sandbox, in one run, and print the figures.

    xvfb-run -a -s "-screen 0 1280x800x24" python bench/cashier.py [--charges 1000]

1. Charge pressed -> QR painted: median and p95, next to the bare sandbox round trip
   (``unifiedorder`` alone from a plain client in the same process).
2. Customer pays -> paid state painted: with the relay's push (polling set to 30 s), and
   with polling only (notifications lost, polling every 2 s as by default).
3. The longest main-thread stall during a charge with 2 s of injected network latency
   (a 1 ms QTimer heartbeat; the gap between two beats).
4. Cold start of the cashier to a painted window, as a ratio to a minimal PySide6 window
   started the same way (a fresh interpreter each, timed from spawn to first paint); the
   CPU time of the same starts beside it, which a busy machine moves much less.
5. Resident memory after N sandbox charges, and its growth over the next N.
6. The customer's payment code: the scanner gun's last key (Enter) -> paid painted, next to
   the bare sandbox ``micropay``; and the customer's password entered (the sandbox's scripted
   "password, then paid" code) -> paid painted, with the password poll at its shortest (2 s).
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QEvent, QEventLoop, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

import pos.ui  # noqa: F401  (the PySide6 reference-count fix, before any Qt call)
from pos.config import Settings
from pos.sandbox import DEFAULT_MERCHANT, Ending, Fault, Sandbox, SandboxOptions, example_code
from pos.ui.app import CashierApp, make_application

if TYPE_CHECKING:
    from pos.wechatpay.client import WeChatPayClient

ROOT = Path(__file__).resolve().parents[1]


# --- driving the window ------------------------------------------------------------------------


class _Pulse:
    """One 1 ms timer for the whole run, so waiting creates nothing: a new QTimer or
    QTimer.singleShot per wait would itself grow the memory being measured."""

    timer: QTimer | None = None

    @classmethod
    def ensure(cls) -> None:
        if cls.timer is None:
            cls.timer = QTimer()
            cls.timer.setInterval(1)
            cls.timer.start()


def pause(ms: int) -> None:
    _Pulse.ensure()
    deadline = time.monotonic() + ms / 1000
    while time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    _Pulse.ensure()
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out (line {sys._getframe(1).f_lineno})")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)


def key(widget: QWidget, code: Qt.Key, text: str = "") -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, text))


def type_amount(widget: QWidget, text: str) -> None:
    for char in text:
        code = Qt.Key.Key_Period if char == "." else Qt.Key(Qt.Key.Key_0 + int(char))
        key(widget, code, char)


class Till:
    """A started cashier plus timestamps of the customer screen's paints."""

    def __init__(self, settings: Settings, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.app = CashierApp(settings, sandbox=sandbox, with_sound=False)
        self.window = self.app.window
        self.screen = self.window.customer_screen
        self.painted: dict[str, float] = {}
        self.screen.page_painted.connect(self._on_painted)
        self.app.start()
        wait_until(lambda: self.app.session.is_ready)
        listener = self.app.relay_listener
        wait_until(lambda: listener is not None and listener.state == "connected")

    def _on_painted(self, page: str) -> None:
        self.painted.setdefault(page, time.perf_counter())

    def charge(self, amount: str) -> tuple[float, str]:
        """Type, press Enter; seconds from Enter to the QR painted, and the code_url."""
        type_amount(self.window, amount)
        self.painted.clear()
        started = time.perf_counter()
        key(self.window, Qt.Key.Key_Return)
        wait_until(lambda: "qrPage" in self.painted)
        deal = self.app.session.current_deal
        assert deal is not None and deal.code_url
        return self.painted["qrPage"] - started, deal.code_url

    def pay(self, code_url: str) -> float:
        """The customer pays; seconds until the paid page is painted. Then back to the till."""
        self.painted.pop("paidPage", None)
        started = time.perf_counter()
        result = self.sandbox.customer_scan(code_url, "pay")
        assert result["result"] == "paid", result
        wait_until(lambda: "paidPage" in self.painted)
        elapsed = self.painted["paidPage"] - started
        key(self.window, Qt.Key.Key_Return)
        wait_until(lambda: not self.screen.isVisible() and not self.app.session.is_busy)
        return elapsed

    def scan(self, amount: str, code: str) -> float:
        """Type the amount, then scan ``code`` as a gun does (a key every 3 ms, then Enter);
        seconds from Enter to the paid page painted. Then back to the till."""
        type_amount(self.window, amount)
        pause(120)  # the clerk picks up the gun
        for digit in code:
            key(self.window, Qt.Key(Qt.Key.Key_0 + int(digit)), digit)
            pause(3)
        self.painted.clear()
        started = time.perf_counter()
        key(self.window, Qt.Key.Key_Return)
        wait_until(lambda: "paidPage" in self.painted)
        elapsed = self.painted["paidPage"] - started
        key(self.window, Qt.Key.Key_Return)
        wait_until(lambda: not self.screen.isVisible() and not self.app.session.is_busy)
        return elapsed

    def close(self) -> None:
        self.app.shutdown()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def sandbox_round_trip(client: WeChatPayClient, count: int) -> list[float]:
    """unifiedorder alone, called directly on the till's one client (no window, no workers),
    against the same sandbox."""
    from datetime import UTC, datetime, timedelta

    times = []
    for index in range(count):
        now = datetime.now(UTC)
        started = time.perf_counter()
        client.unified_order(
            out_trade_no=f"RT{os.getpid()}{index:06d}",
            total_fee=100,
            body="round trip",
            notify_url="http://127.0.0.1:9/notify",
            spbill_create_ip="127.0.0.1",
            time_start=now,
            time_expire=now + timedelta(minutes=6),
        )
        times.append(time.perf_counter() - started)
    return times


def micropay_round_trip(client: WeChatPayClient, count: int) -> list[float]:
    """micropay alone (a code that pays at once), on the till's one client, same sandbox."""
    times = []
    for index in range(count):
        started = time.perf_counter()
        client.micropay(
            out_trade_no=f"MP{os.getpid()}{index:06d}",
            total_fee=100,
            body="round trip",
            auth_code=example_code(Ending.PAID),
            spbill_create_ip="127.0.0.1",
        )
        times.append(time.perf_counter() - started)
    return times


def settings_in(folder: Path, **changes: object) -> Settings:
    settings = Settings(data_dir=folder, checkout_timeout_seconds=120)
    for name, value in changes.items():
        setattr(settings, name, value)
    return settings


# --- 1, 2 and 3 ----------------------------------------------------------------------------


def latencies(samples: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="pos-bench-"))
    sandbox = Sandbox([DEFAULT_MERCHANT])
    till = Till(settings_in(folder / "push", poll_interval_seconds=30.0), sandbox)
    to_qr: list[float] = []
    push: list[float] = []
    for index in range(samples):
        seconds, code_url = till.charge(f"{1 + index % 50}.{index % 100:02d}")
        to_qr.append(seconds)
        push.append(till.pay(code_url))
    assert till.app.services is not None
    round_trip = sandbox_round_trip(till.app.services.wechat, samples)
    till.close()

    sandbox = Sandbox([DEFAULT_MERCHANT])
    sandbox.faults.add(Fault(endpoint="notify", kind="notify_lose"))
    till = Till(settings_in(folder / "poll", poll_interval_seconds=2.0), sandbox)
    polled: list[float] = []
    for index in range(max(5, samples // 3)):
        _, code_url = till.charge(f"2.{index % 100:02d}")
        pause(int(index * 397 % 2000))  # pay at different points of the poll cycle
        polled.append(till.pay(code_url))

    # 3: a charge from Enter to paid with every call 2 s late, the heartbeat at 1 ms.
    sandbox.faults.add(Fault(endpoint="*", kind="latency", seconds=2.0))
    gaps: list[int] = []
    clock = QElapsedTimer()
    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(1)
    heartbeat.timeout.connect(lambda: gaps.append(clock.restart()))
    clock.start()
    heartbeat.start()
    _, code_url = till.charge("88.00")
    slow_paid = till.pay(code_url)
    heartbeat.stop()
    sandbox.faults.clear()
    till.close()

    median_qr = statistics.median(to_qr)
    median_rt = statistics.median(round_trip)
    print(f"charges measured: {samples}")
    p95_qr, p95_rt = percentile(to_qr, 0.95), percentile(round_trip, 0.95)
    print(f"Charge pressed -> QR painted      median {ms(median_qr)}   p95 {ms(p95_qr)}")
    print(f"  bare sandbox unifiedorder       median {ms(median_rt)}   p95 {ms(p95_rt)}")
    print(f"  beyond the round trip           median {ms(median_qr - median_rt)}   (goal < 50 ms)")
    print(
        f"customer pays -> paid painted, relay push    median {ms(statistics.median(push))}   "
        f"p95 {ms(percentile(push, 0.95))}   (goal < 250 ms)"
    )
    print(
        f"customer pays -> paid painted, polling 2 s   median {ms(statistics.median(polled))}   "
        f"p95 {ms(percentile(polled, 0.95))}   ({len(polled)} payments)"
    )
    print(
        f"longest main-thread stall, charge with 2 s latency: {max(gaps[1:])} ms "
        f"over {len(gaps)} beats; that charge paid {ms(slow_paid)} after the scan   (goal < 20 ms)"
    )


# --- 4 ---------------------------------------------------------------------------------------

#: Both children report their first paint the same way: an application-wide event filter.
_FIRST_PAINT = """
class _Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("SHOWN", flush=True)
            os._exit(0)
        return False
_painted = _Painted()
QApplication.instance().installEventFilter(_painted)
"""

MINIMAL_CHILD = (
    """
import os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
"""
    + _FIRST_PAINT
    + """
window = QMainWindow()
window.setCentralWidget(QLabel("hello"))
window.resize(1280, 800)
window.show()
app.exec()
"""
)

POS_CHILD = (
    """
import os, sys
import pos.ui
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from pos.config import load_settings
from pos.ui.app import CashierApp, make_application
settings = load_settings()
app = make_application(sys.argv, settings.language)
"""
    + _FIRST_PAINT
    + """
CashierApp(settings).start()
app.exec()
"""
)


def time_to_window(code: str, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawn to the first paint, and the CPU seconds the child used for it.

    The CPU time (user + system, from the child's own accounting) is the work itself; the
    wall time also holds whatever else the machine was doing, which on a shared machine can
    move a ratio by a tenth between two runs.
    """
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - started
    # The child ends itself (os._exit) right after printing; wait4 reaps it and returns its
    # resource usage (Popen.wait would reap it without).
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if not line.startswith("SHOWN"):
        raise SystemExit(f"the child did not show a window (exit {child.returncode})")
    return elapsed, usage.ru_utime + usage.ru_stime


def cold_start(rounds: int) -> None:
    home = Path(tempfile.mkdtemp(prefix="pos-bench-home-"))
    env = dict(
        os.environ,
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    for name in ("WECHATPAY_APPID", "WECHATPAY_MCH_ID", "WECHATPAY_API_KEY", "POS_CONFIG"):
        env.pop(name, None)
    # A shop's install starts from compiled bytecode (pip compiles what it installs; an
    # editable install writes it at its first start): the warm-up runs write it here too,
    # or every start would compile the package again.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    time_to_window(MINIMAL_CHILD, env)  # warm the OS file cache for both, equally
    time_to_window(POS_CHILD, env)
    minimal, cashier = [], []
    for _ in range(rounds):  # interleaved: a busy moment of the machine slows both
        minimal.append(time_to_window(MINIMAL_CHILD, env))
        cashier.append(time_to_window(POS_CHILD, env))
    wall = [statistics.median(times) for times in zip(*cashier, strict=True)]
    base = [statistics.median(times) for times in zip(*minimal, strict=True)]
    print(
        f"cold start to a painted window: pos {ms(wall[0])}, minimal PySide6 {ms(base[0])}, "
        f"ratio {wall[0] / base[0]:.2f}x   (median of {rounds}; goal <= 1.6x)"
    )
    print(
        f"  CPU time of the same starts: pos {ms(wall[1])}, minimal PySide6 {ms(base[1])}, "
        f"ratio {wall[1] / base[1]:.2f}x   (load average {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} cores)"
    )


# --- 5 ---------------------------------------------------------------------------------------


def rss_mib() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


def _owner(trace: tracemalloc.Traceback) -> str:
    """The innermost frame of our own code (or the innermost frame): who asked for it."""
    for frame in trace:  # most recent call first
        if "/pos/" in frame.filename:
            return frame.filename.split("/pos/", 1)[1]
    return trace[0].filename.rsplit("/", 1)[-1]


def traced_growth(earlier: tracemalloc.Snapshot, later: tracemalloc.Snapshot) -> None:
    """Python-heap growth between two snapshots, by module of ours and by line."""
    stats = later.compare_to(earlier, "traceback")
    by_module: dict[str, int] = {}
    for stat in stats:
        owner = _owner(stat.traceback)
        by_module[owner] = by_module.get(owner, 0) + stat.size_diff
    total = sum(by_module.values())
    embedded = sum(v for k, v in by_module.items() if k.startswith(("sandbox/", "relay/")))
    print(
        f"  Python heap growth (tracemalloc): {total / 2**20:+.2f} MiB; "
        f"of it the embedded sandbox and relay: {embedded / 2**20:+.2f} MiB"
    )
    for owner, size in sorted(by_module.items(), key=lambda kv: -abs(kv[1]))[:12]:
        print(f"    {size / 2**20:+7.2f} MiB  {owner}")
    print("  largest lines:")
    for stat in later.compare_to(earlier, "lineno")[:10]:
        frame = stat.traceback[0]
        print(
            f"    {stat.size_diff / 2**20:+7.2f} MiB  {stat.count_diff:+7d} blocks  "
            f"{frame.filename.rsplit('/', 2)[-2:]}:{frame.lineno}"
        )


def memory(charges: int, blocks: int, *, trace: bool = False) -> None:
    folder = Path(tempfile.mkdtemp(prefix="pos-bench-mem-"))
    sandbox = Sandbox([DEFAULT_MERCHANT])
    till = Till(settings_in(folder, poll_interval_seconds=2.0), sandbox)
    if trace:
        tracemalloc.start(12)
    snapshots: list[tracemalloc.Snapshot] = []
    started = time.perf_counter()
    readings = []
    for block in range(blocks):
        for index in range(charges):
            _, code_url = till.charge(f"{1 + index % 97}.{index % 100:02d}")
            till.pay(code_url)
        pause(200)
        gc.collect()
        readings.append(rss_mib())
        print(
            f"  after {(block + 1) * charges} charges: RSS {readings[-1]:.1f} MiB "
            f"({time.perf_counter() - started:.0f} s)",
            flush=True,
        )
        if trace:
            snapshots.append(tracemalloc.take_snapshot())
            if len(snapshots) >= 2:
                traced_growth(snapshots[-2], snapshots[-1])
    orders = len(sandbox.ledger.orders())
    till.close()
    print(f"  the embedded sandbox holds {orders} orders")
    growth = [later - earlier for earlier, later in itertools.pairwise(readings)]
    print(
        f"resident memory after {charges} charges: {readings[0]:.1f} MiB; growth per {charges} "
        f"after that: {', '.join(f'{value:+.1f}' for value in growth)} MiB   (goal < 5 MiB; "
        "the embedded sandbox and relay run in this process and keep every order)"
    )


# --- 6 ---------------------------------------------------------------------------------------


def payment_codes(samples: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="pos-bench-code-"))
    sandbox = Sandbox([DEFAULT_MERCHANT])
    till = Till(settings_in(folder / "scan"), sandbox)
    scans = [
        till.scan(f"{1 + index % 50}.{index % 100:02d}", example_code()) for index in range(samples)
    ]
    assert till.app.services is not None
    round_trip = micropay_round_trip(till.app.services.wechat, samples)
    till.close()
    median_scan, median_rt = statistics.median(scans), statistics.median(round_trip)
    print(f"scans measured: {samples}")
    print(
        f"last key of the scan -> paid painted   median {ms(median_scan)}   "
        f"p95 {ms(percentile(scans, 0.95))}"
    )
    print(
        f"  bare sandbox micropay                median {ms(median_rt)}   "
        f"p95 {ms(percentile(round_trip, 0.95))}"
    )
    print(
        f"  beyond the round trip                median {ms(median_scan - median_rt)}   "
        "(goal < 50 ms)"
    )

    # The password: the sandbox's customer enters it some time after the scan; the till
    # asks every 2 s (the shortest password poll the settings allow).
    poll = 2.0
    waits = [
        password_to_paid(folder / f"password{index}", 1.0 + (index * 0.37) % poll, poll)
        for index in range(max(5, samples // 4))  # at different points of the poll cycle
    ]
    median = statistics.median(waits)
    print(
        f"password entered -> paid painted, poll {poll:.0f} s   median {ms(median)}   "
        f"max {ms(max(waits))}   ({len(waits)} payments; goal: within the poll + 100 ms)"
    )
    print("  (WeChat sends no notification for micropay, §3.9: the relay has nothing to push)")


def password_to_paid(folder: Path, entered: float, poll: float) -> float:
    """Seconds from the customer's password (``entered`` s after the scan, by the sandbox's
    clock) to the paid page painted, the till polling every ``poll`` seconds."""
    options = SandboxOptions(micropay_password_seconds=entered)
    sandbox = Sandbox([DEFAULT_MERCHANT], options=options)
    till = Till(settings_in(folder, password_poll_seconds=poll), sandbox)
    painted: list[datetime] = []

    def on_painted(page: str) -> None:
        if page == "paidPage" and not painted:
            painted.append(sandbox.now())

    till.screen.page_painted.connect(on_painted)
    type_amount(till.window, "12.00")
    pause(120)
    for digit in example_code(Ending.PASSWORD_THEN_PAID):
        key(till.window, Qt.Key(Qt.Key.Key_0 + int(digit)), digit)
        pause(3)
    key(till.window, Qt.Key.Key_Return)
    wait_until(lambda: bool(painted), timeout=30)
    (order,) = sandbox.ledger.orders()
    till.close()
    return (painted[0] - order.created_at).total_seconds() - entered


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=40)
    parser.add_argument("--charges", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--blocks", type=int, default=3, help="memory: blocks of --charges")
    parser.add_argument(
        "--skip", nargs="*", default=[], choices=("latency", "start", "memory", "code")
    )
    parser.add_argument(
        "--tracemalloc",
        action="store_true",
        help="memory: also diff Python-heap snapshots between blocks (slower; RSS inflated)",
    )
    args = parser.parse_args()
    app = make_application([sys.argv[0]], "en")
    app.setQuitOnLastWindowClosed(False)
    print(f"platform {QApplication.platformName()}, Python {sys.version.split()[0]}")
    if "latency" not in args.skip:
        latencies(args.samples)
    if "start" not in args.skip:
        cold_start(args.rounds)
    if "code" not in args.skip:
        payment_codes(args.samples)
    if "memory" not in args.skip:
        memory(args.charges, args.blocks, trace=args.tracemalloc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
