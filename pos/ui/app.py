"""The application: QApplication, translations, style, then the till and what it works with.

The window is shown first; then the services (:mod:`pos.services`: the store, the one
WeChat Pay client, in sandbox mode the embedded sandbox and relay) are opened on the
database worker and start-up recovery runs while the till says "checking unfinished
payments…"; the till opens when they are checked, after a few seconds, or at once on Esc
(the check goes on in the background). The window, the session, the counter and the relay
listener are built here and wired together; their work off the main thread goes through
:mod:`pos.ui.ops`.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSocketNotifier,
    Qt,
    QTimer,
    QTranslator,
    Signal,
)
from PySide6.QtWidgets import QApplication, QWidget

from pos.clock import Clock, utc_now
from pos.config import payment_codes
from pos.errors import PosError
from pos.services import CLIENT_TIMEOUT_SECONDS, Services, open_services
from pos.ui.cashier import CashierWindow
from pos.ui.counter import Counter, VoicePlayer
from pos.ui.customer_screen import qr_image
from pos.ui.ops import Ops
from pos.ui.relay_listener import RelayListener
from pos.ui.resources import resources_dir
from pos.ui.session import RECOVERY_BUDGET_SECONDS, PaymentSession
from pos.ui.sound import SoundPlayer, chime_path
from pos.ui.texts import bug_text, error_text
from pos.ui.till_desk import TillDesk
from pos.ui.workers import Workers

if TYPE_CHECKING:
    from pos.config import Settings
    from pos.pin import PinGate
    from pos.sandbox import Sandbox
    from pos.ui.shop_sync import ShopSync

log = logging.getLogger(__name__)

#: On quit (window closed, SIGTERM): how long the last database writes may take, how long a
#: network call in flight is waited for, and each embedded server. The whole stays under 3 s
#: (a shop PC shutting down kills what takes longer); what a call in flight would have
#: brought is learned again at the next start (ARCHITECTURE "Recovery").
QUIT_DB_MS = 1_000
QUIT_NETWORK_MS = 250
QUIT_SERVER_SECONDS = 0.5


# Qt's own texts that its zh_CN translation (qtbase_zh_CN.qm) lacks: Qt 6 renamed them
# ("Look in:" became "&Look in:"), so the file dialogs said them in English. Our own .qm
# carries them; Qt asks it when qtbase has no answer.
QT_TEXTS_MISSING_IN_QTBASE = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Load ``pos_<language>.qm`` and Qt's own strings (dialog buttons) for it."""
    installed: list[QTranslator] = []
    QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    if ours.load(str(resources_dir() / "i18n" / f"pos_{language}.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    elif language != "en":
        log.warning("no translation for %s; showing English", language)
    qt_own = QTranslator(app)
    qt_path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", qt_path):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    return installed


def apply_style(app: QApplication) -> None:
    path = resources_dir() / "style.qss"
    try:
        app.setStyleSheet(path.read_text(encoding="utf-8"))
    except OSError:
        log.warning("style sheet %s missing; using Qt's default look", path)


class AfterFirstPaint(QObject):
    """Calls ``then`` once, right after the first paint of ``window``, or after
    ``fallback_ms`` when no paint comes (a window that is never drawn must still open its
    services). Work started before the first paint, even on a worker, delays it: Python runs
    one thread at a time, and the services' imports alone take longer than the window."""

    def __init__(
        self, window: QWidget, then: Callable[[], object], *, fallback_ms: int = 1_000
    ) -> None:
        super().__init__(window)
        self._window = window
        self._then: Callable[[], object] | None = then
        app = QCoreApplication.instance()
        assert app is not None
        self._app = app
        app.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self.fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self._then is not None
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            # Queued: the paint event is one of several in this update; the flush to the
            # screen comes after all of them.
            QTimer.singleShot(0, self, self.fire)
        return False

    def fire(self) -> None:
        """Call ``then`` now, unless it was called or cancelled."""
        then = self._then
        self.cancel()
        if then is not None:
            then()

    def cancel(self) -> None:
        if self._then is not None:
            self._then = None
            self._app.removeEventFilter(self)


class CashierApp(QObject):
    """Builds the window, the session and the workers; opens the services on a worker."""

    #: The services are open and the session attached (recovery runs next).
    services_opened = Signal()
    #: The services could not be opened (bad settings, unreadable database): message.
    services_failed = Signal(str)

    def __init__(
        self,
        settings: Settings,
        *,
        sandbox: Sandbox | None = None,
        clock: Clock = utc_now,
        with_sound: bool = True,
        client_timeout: float = CLIENT_TIMEOUT_SECONDS,
        recovery_budget: float = RECOVERY_BUDGET_SECONDS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._sandbox = sandbox
        self._client_timeout = client_timeout
        # Set by the worker as soon as the services exist, so shutdown can stop them even
        # when it comes before their result reached the main thread.
        self._opened: Services | None = None
        self._pin_gate: PinGate | None = None
        self._settings_pin_dialog: QObject | None = None
        self.workers = Workers(parent=self)
        #: The one way the till's widgets run work off the main thread (pos.ui.ops).
        self.ops = Ops(self.workers, parent=self)
        self.session = PaymentSession(
            self.ops, clock=clock, recovery_budget=recovery_budget, parent=self
        )
        self.sound = SoundPlayer(chime_path(settings.sound), self) if with_sound else None
        self.voice = VoicePlayer(self) if with_sound else None
        # The counter makes the payment's sound (the spoken amount, or the chime when speech
        # is off or fails) and prints its slip; the window itself plays nothing.
        self.counter = Counter(
            self.workers,
            settings,
            voice_dir=resources_dir() / "voice",
            play=self.voice.play if self.voice is not None else None,
            chime=self.sound.play if self.sound is not None else None,
            find_last_paid=self._last_paid_deal,
            parent=self,
        )
        self.window = CashierWindow(
            self.session,
            max_amount_fen=settings.max_amount_fen,
            shop_name=settings.shop_name,
            is_sandbox=settings.is_sandbox,
            business_day=settings.business_day,
            codes_off=payment_codes(settings).reason,
        )
        # What no op's own handler took: said at the till's status line.
        self.ops.error_shown.connect(self.window.show_trouble)
        self.ops.bug_shown.connect(self.window.show_trouble)
        self.session.payment_succeeded.connect(self.counter.on_payment_succeeded)
        self.session.late_payment_arrived.connect(self.counter.on_late_payment)
        self.window.reprint_requested.connect(self.counter.reprint_last)
        self.counter.print_failed.connect(self._on_counter_print_told)
        self.counter.printed.connect(lambda kind: self._on_counter_print_told(kind, ""))
        self.window.products_edited.connect(self.session.save_products)
        self.window.manager_requested.connect(self.open_manager)
        self.window.settings_requested.connect(self.open_settings)
        self.window.customer_sim_requested.connect(self.open_customer_sim)
        self.customer_sim: QObject | None = None
        self.window.products_requested.connect(self.open_products)
        self._manager_dialog: QObject | None = None
        self._manager_window: QWidget | None = None
        # Who is at the till: the login over it, the lock, the shift, cash sales, the day.
        self.desk = TillDesk(
            self.ops,
            self.window,
            settings,
            counter=self.counter,
            clock=clock,
            is_busy=lambda: self.session.is_busy,
            parent=self,
        )
        self.session.stamper = self.desk.stamp
        self.desk.cash_sold.connect(lambda _sale: self.session.refresh_deals())
        self.desk.handed_over.connect(lambda _summary: self.session.refresh_deals())
        self.desk.locked.connect(self._close_manager)
        self.services: Services | None = None
        self.relay_listener: RelayListener | None = None
        #: The till's outbox to the shop server (pos.ui.shop_sync); None without a server.
        self.shop_sync: ShopSync | None = None
        self._opener: AfterFirstPaint | None = None

    def start(self) -> None:
        """Show the till (input locked), then open the services and recover on workers."""
        screen = self.window.screen().availableGeometry()
        self.window.resize(min(1280, screen.width()), min(800, screen.height()))
        self.window.show()
        # A second screen is the customer's: it shows the amount as the clerk types it.
        # With one screen, the compact customer view if the settings ask for it.
        self.window.customer_screen.present_idle(
            self.window, compact=self.settings.compact_customer_view
        )
        if self.sound is not None:
            QTimer.singleShot(500, self.sound.prepare)
        settings, sandbox, timeout = self.settings, self._sandbox, self._client_timeout

        def open_them() -> Services:
            # On the database worker: the store is created and written (starter products)
            # by the thread that writes it from now on.
            self._opened = open_services(settings, sandbox=sandbox, client_timeout=timeout)
            qr_image("weixin://wxpay/bizpayurl?pr=warm-up")  # load qrcode and Pillow here, now
            import pos.counter  # noqa: F401  (and the slips and the voice, not at the first sale)

            return self._opened

        def after_first_paint() -> None:
            (
                self.ops.db(self, open_them, what="opening the till")
                .success(self._on_services_opened)
                .failure(self._on_services_failed)
                .bug(self._on_services_bug)
                .run()
            )
            # Style the customer screen now, not at the first charge.
            self.window.customer_screen.ensurePolished()

        self._opener = AfterFirstPaint(self.window, after_first_paint)

    def _on_services_opened(self, services: Services) -> None:
        self.services = services
        if services.relay_url and services.till_token:
            listener = RelayListener(self.ops, services.relay_url, services.till_token, parent=self)
            listener.event_received.connect(self.session.on_relay_event)
            listener.start()
            self.relay_listener = listener
            self._start_shop_sync(services)
        self.desk.attach(services.backend)  # first: the clerks load before the first sale
        self.session.attach(services.backend)
        self.services_opened.emit()

    # -- the shop server (pos.ui.shop_sync) -------------------------------------------------

    def _start_shop_sync(self, services: Services) -> None:
        """Send this till's deals to the shop server in the background (offline first)."""
        from pos.ui.shop_sync import other_tills_shifts, start_shop_sync

        assert services.relay_url and services.till_token
        self.shop_sync = start_shop_sync(
            self.ops,
            services.backend.store,
            base_url=services.relay_url,
            token=services.till_token,
            till=services.backend.till_id,
            mch_id=services.backend.merchant.mch_id,
            parent=self,
        )
        poke = self.shop_sync.poke
        self.session.deal_ended.connect(lambda *_: poke())
        self.session.payment_succeeded.connect(lambda *_: poke())
        # Handovers and the day's close go to the server with the deals; the day's close sums
        # the other tills' handovers the server has.
        sync = self.shop_sync
        self.desk.handed_over.connect(
            lambda summary: sync.send_record(summary.KIND, summary.key, summary.to_payload())
        )
        self.desk.day_closed.connect(
            lambda closed: sync.send_record(closed.KIND, closed.key, closed.to_payload())
        )
        self.desk.other_shifts = lambda day: other_tills_shifts(
            sync.client, day, till=services.backend.till_id
        )

    # -- end of the shop server -------------------------------------------------------------

    def _on_counter_print_told(self, kind: str, text: str) -> None:
        # A refund's slip is told in the refund dialog, not at the till (F10 is not its reprint).
        if kind != "refund":
            self.window.show_printer_notice(kind, text)

    def _last_paid_deal(self) -> Any:
        """The store's last paid deal, for a reprint after a restart (on the DB worker)."""
        services = self.services or self._opened
        if services is None:
            return None
        for deal in services.backend.store.recent_deals(50):
            if deal.state.is_paid:
                return deal
        return None

    def _on_services_failed(self, exc: PosError) -> None:
        log.error("cannot open the till: %s", exc)
        self._cannot_open(error_text(exc))

    def _on_services_bug(self, _exc: BaseException) -> None:
        self._cannot_open(bug_text())

    def _cannot_open(self, reason: str) -> None:
        self.window.show_fatal(reason)
        self.services_failed.emit(reason)

    def open_manager(self) -> None:
        """The manager's view (pos.ui.manager), behind its PIN, once the store is open."""
        from pos.errors import PosError
        from pos.ui.manager import manager_services, open_manager

        try:
            services = manager_services(self)
        except PosError:
            self.window.show_status("not_ready")
            return
        if self.desk.has_accounts:
            # A manager's own login opens it; a clerk's needs a manager's approval.
            self.desk.guard("manager_view", lambda: self._show_manager(services))
            return
        dialog = open_manager(self.window, services)
        dialog.window_opened.connect(self._on_manager_opened)
        self._manager_dialog = dialog

    def _show_manager(self, services: Any) -> None:
        from pos.ui.manager import ManagerWindow

        window = ManagerWindow(services, self.window)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.setWindowFlag(Qt.WindowType.Window)
        window.resize(1200, 760)
        window.show()
        self._on_manager_opened(window)

    def _on_manager_opened(self, window: QWidget) -> None:
        self._manager_window = window

    def _close_manager(self) -> None:
        """The till locked: the manager's view closes with it (it would stay open otherwise)."""
        import shiboken6

        window, self._manager_window = self._manager_window, None
        if window is not None and shiboken6.isValid(window):
            window.close()

    def open_customer_sim(self) -> None:
        """Sandbox mode: the 模拟顾客 window (pos.ui.customer_sim), one at a time."""
        import shiboken6

        from pos.ui.customer_sim import open_customer_sim

        services = self.services
        if services is None or services.sandbox is None or not services.servers:
            if services is None:
                self.window.show_status("not_ready")
            return
        existing = self.customer_sim
        if existing is not None and shiboken6.isValid(existing):
            assert isinstance(existing, QWidget)
            existing.raise_()
            existing.activateWindow()
            return
        self.customer_sim = open_customer_sim(
            self.session,
            self.ops,
            services.servers[0].url,
            self.window,
        )
        # 模拟顾客付款码: the window "scans" its code into the till, as a gun would.
        self.customer_sim.code_scanned.connect(self.window.codes.charge)

    def pin_gate(self) -> PinGate | None:
        """The one gate of the manager PIN for this run (wrong tries and lock-out are shared
        by every PIN dialog); None while no PIN is set."""
        from pos.pin import PinGate

        stored = self.settings.manager_pin_hash
        if not stored:
            return None
        if self._pin_gate is None or self._pin_gate.stored_hash != stored:
            self._pin_gate = PinGate(stored)
        return self._pin_gate

    def open_settings(self) -> None:
        """The settings dialog (pos.ui.settings), behind the manager PIN once one is
        set: whoever changes the merchant changes where the shop's money goes. A saved
        change applies at the next start, since the client, the relay and the store are
        built from the settings."""
        self._behind_pin(self._show_settings, "settings")

    def open_products(self) -> None:
        """The product editor, behind the manager PIN once one is set: the products are
        what the deals and the customer's screen are called."""
        self._behind_pin(self.window.edit_products, "products")

    def _behind_pin(self, then: Callable[[], object], action: str) -> None:
        """Call ``then`` once the manager PIN is entered; at once while no PIN is set. A till
        with clerks asks its logged-in clerk's role, or a manager's approval of ``action``."""
        if self.desk.has_accounts:
            self.desk.guard(action, then)
            return
        if not self.settings.manager_pin_hash:
            then()
            return
        from pos.errors import PosError
        from pos.ui.manager import PinDialog, manager_services

        try:
            services = manager_services(self)
        except PosError:
            self.window.show_status("not_ready")
            return
        dialog = PinDialog(services, self.window, opens_manager=False)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.unlocked.connect(then)
        dialog.show()
        self._settings_pin_dialog = dialog

    def _show_settings(self) -> None:
        from pos.ui.settings import SettingsServices
        from pos.ui.settings import open_settings as show_settings

        saved = show_settings(self.window, self.settings, SettingsServices(workers=self.workers))
        if saved is not None:
            self.window.show_status("settings_saved")

    def shutdown(self) -> None:
        """Stop timers and followers, let the database writes finish, stop the embedded
        servers; never wait long for the network (see :data:`QUIT_NETWORK_MS`)."""
        if self._opener is not None:
            self._opener.cancel()  # quit before the first paint: nothing to open any more
        self.session.close()
        self.desk.close()
        if self.relay_listener is not None:
            self.relay_listener.stop()
        if self.shop_sync is not None:
            self.shop_sync.stop()
        self.workers.shutdown(QUIT_DB_MS, network_timeout_ms=QUIT_NETWORK_MS)
        if self.shop_sync is not None:
            self.shop_sync.close()
        services = self.services or self._opened
        if services is not None:
            services.stop(QUIT_SERVER_SECONDS)
        self.services = self._opened = None
        self.window.close_now()


def make_application(argv: Sequence[str] | None, language: str) -> QApplication:
    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication(list(argv) if argv is not None else sys.argv)
    )
    app.setApplicationName("wechatpay-pos")
    install_translations(app, language)
    name_application(app)
    apply_style(app)
    return app


def quit_on_signals(
    app: QApplication, numbers: Sequence[signal.Signals] = (signal.SIGINT, signal.SIGTERM)
) -> QSocketNotifier:
    """Ctrl+C and a service manager's SIGTERM quit the Qt loop at once.

    Python runs its signal handlers only when the main thread runs Python code, which it
    does not while Qt's loop waits. The C-level handler also writes the signal's number to
    the wakeup socket (``signal.set_wakeup_fd``); its notifier wakes the loop, and the slot
    ends it without asking anyone. Keep the returned notifier alive as long as the loop runs.
    """
    import socket

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    for number in numbers:
        signal.signal(number, lambda *_: None)  # the notifier's slot does the quitting
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def on_signal() -> None:
        try:
            received = reader.recv(64)
        except BlockingIOError:
            return
        if received:
            log.info("signal %s: closing the till", ", ".join(str(n) for n in received))
            # exit(), not quit(): quit() first asks every window to close, and the till
            # asks the clerk about a payment in progress; a shutting-down PC cannot wait.
            app.exit(0)

    notifier.activated.connect(on_signal)
    notifier.setProperty("sockets", (reader, writer))  # kept with the notifier
    return notifier


def run_until_quit(app: QApplication, cashier: CashierApp) -> int:
    """Start the till, run the loop until quit (window closed, SIGINT, SIGTERM), shut down.

    The process ends at once after :meth:`CashierApp.shutdown`, even when a network call
    still waits for an answer on a worker thread: Qt's pools would wait for it when they
    are destroyed. Nothing is lost by that: every deal is committed before its call goes out
    (SQLite WAL, ``synchronous=FULL``) and unfinished deals are recovered at the next start.
    """
    notifier = quit_on_signals(app)
    app.aboutToQuit.connect(cashier.shutdown)
    cashier.start()
    status = int(app.exec())
    notifier.setEnabled(False)
    if not cashier.workers.is_idle:
        log.warning("closing with a network call still in flight; it is checked at the next start")
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    return status


def name_application(app: QApplication) -> None:
    """The name the platform adds to window titles ("设置 — 微信支付收银台"), in the UI's
    language: call it once the translations are installed."""
    app.setApplicationDisplayName(QCoreApplication.translate("CashierWindow", "WeChat Pay cashier"))


def run(settings: Settings, *, lang: str | None = None, argv: list[str] | None = None) -> int:
    """Open the cashier and run until the window is closed; returns the exit code."""
    app = make_application(argv, lang or settings.language)
    from pos.ui.settings import first_run

    # A till never set up welcomes its owner with the settings (closing it keeps the sandbox).
    settings = first_run(None, settings)
    return run_until_quit(app, CashierApp(settings))
