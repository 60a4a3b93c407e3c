"""The customer's screen: the full-screen QR, amount, product and countdown; then paid.

With one screen it covers the till during a payment, or, when the settings ask for the compact
customer view, it is a small frameless window that stays on top in a corner of the till's
screen all the time: the same pages (the amount as it is typed, the QR, paid, failed), drawn
smaller, never taking the keyboard from the till. The clerk drags it where the customer looks.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QScreen,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos.money import format_fen

#: The white border around a QR code, in modules (the standard's quiet zone).
QR_QUIET_MODULES = 4
#: The compact customer view: its width as a share of the screen's, within these pixels, and
#: its height per width (portrait: the code above the words, as wide as the window).
COMPACT_WIDTH_SHARE = 0.26
COMPACT_MIN_WIDTH, COMPACT_MAX_WIDTH = 300, 520
COMPACT_ASPECT = 1.7
#: Pixels between the compact view and the screen's edges.
COMPACT_MARGIN = 16


def qr_image(text: str) -> QImage:
    """The QR code of ``text`` (a ``weixin://wxpay/...`` code_url) as a black-on-white QImage.

    One pixel per module plus the 4-module quiet zone the standard asks for; :class:`QrView`
    scales it without smoothing so the modules stay sharp at any size.
    """
    import qrcode  # imported on first use: it pulls in Pillow, not needed to open the till

    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=1, border=QR_QUIET_MODULES
    )
    code.add_data(text)
    code.make(fit=True)
    picture = code.make_image(fill_color="black", back_color="white").get_image().convert("L")
    data = picture.tobytes()
    image = QImage(
        data, picture.width, picture.height, picture.width, QImage.Format.Format_Grayscale8
    )
    return image.copy()  # detach from the Pillow buffer, which dies with this frame


def compact_geometry(available: QRect) -> QRect:
    """Where the compact customer view goes on a screen's ``available`` area: the lower right
    corner (the side a customer stands at is the clerk's to choose: it can be dragged)."""
    width = round(available.width() * COMPACT_WIDTH_SHARE)
    width = max(COMPACT_MIN_WIDTH, min(COMPACT_MAX_WIDTH, width, available.width()))
    height = min(round(width * COMPACT_ASPECT), available.height() - 2 * COMPACT_MARGIN)
    left = available.right() - COMPACT_MARGIN - width + 1
    top = available.bottom() - COMPACT_MARGIN - height + 1
    return QRect(max(available.left(), left), max(available.top(), top), width, height)


class _Page(QWidget):
    """A page of the customer screen that reports when it has been painted (for the bench)."""

    painted = Signal(str)

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.painted.emit(self.objectName())


class QrView(QWidget):
    """Paints a QR image as large as fits, square, centred, with hard pixel edges."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 200)

    def set_image(self, image: QImage | None) -> None:
        self._image = image
        self.update()

    def image(self) -> QImage | None:
        return self._image

    def module_pixels(self) -> int:
        """Pixels per QR module at the current size (0 with no code)."""
        if self._image is None or self._image.isNull():
            return 0
        side = min(self.width(), self.height())
        return max(1, side // self._image.width())  # whole pixels per module: no blurred edges

    def code_side(self) -> int:
        """The side of the code as drawn, in pixels, without its white quiet zone."""
        if self._image is None or self._image.isNull():
            return 0
        return (self._image.width() - 2 * QR_QUIET_MODULES) * self.module_pixels()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self._image is None or self._image.isNull():
            painter.end()
            return
        modules = self._image.width()
        scale = self.module_pixels()
        size = modules * scale
        target = QRect((self.width() - size) // 2, (self.height() - size) // 2, size, size)
        painter.fillRect(target, QColor("white"))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(target, self._image)
        painter.end()


class CustomerScreen(QWidget):
    """What the customer sees while paying. The session drives it; it never talks to the network.

    Pages: ``qr`` (code, amount, product, countdown), ``paid`` (green, ✓, amount) and
    ``message`` (preparing, cancelled, expired). When it covers the till (one screen only) the
    clerk's Cancel button is shown and Esc cancels.
    """

    cancel_requested = Signal()
    dismissed = Signal()
    #: A page was painted: "qrPage", "paidPage" or "messagePage" (for measurements).
    page_painted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("customerScreen")
        self.setWindowTitle(self.tr("WeChat Pay"))
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._build_qr_page())
        self._stack.addWidget(self._build_paid_page())
        self._stack.addWidget(self._build_message_page())
        self._stack.addWidget(self._build_status_page())
        self._status_kind = "typing"
        self._is_own_screen = False
        self._is_compact = False
        self._drag_from: QPoint | None = None
        self._is_between_payments = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self._amount_fen = 0
        self._stack.setCurrentIndex(2)  # nothing to pay yet: the (empty) message page
        self.set_clerk_controls(True)

    # -- pages -------------------------------------------------------------------------------

    def _build_qr_page(self) -> QWidget:
        page = _Page("qrPage")
        page.painted.connect(self.page_painted)
        self._qr_title = QLabel(self.tr("Scan with WeChat to pay"))
        self._qr_title.setObjectName("qrTitle")
        self._qr_amount = QLabel()
        self._qr_amount.setObjectName("qrAmount")
        self._qr_product = QLabel()
        self._qr_product.setObjectName("qrProduct")
        self._qr_view = QrView()
        self._countdown = QLabel()
        self._countdown.setObjectName("countdown")
        self._notice = QLabel()
        self._notice.setObjectName("notice")
        self._notice.setWordWrap(True)
        self._cancel = QPushButton(self.tr("Cancel (Esc)"))
        self._cancel.setObjectName("cancelButton")
        self._cancel.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._cancel.clicked.connect(self.cancel_requested)
        for label in (
            self._qr_title,
            self._qr_amount,
            self._qr_product,
            self._countdown,
            self._notice,
        ):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            # The product is what a clerk typed: shown as typed, never as markup.
            label.setTextFormat(Qt.TextFormat.PlainText)
        # The code beside the words on a landscape screen (below them on a portrait one), so
        # it takes nearly the whole height: a phone scans it from further away, at once.
        self._qr_layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, page)
        self._qr_layout.setContentsMargins(24, 24, 32, 24)
        self._qr_layout.setSpacing(24)
        self._qr_layout.addWidget(self._qr_view, 1)
        self._qr_side = QWidget()
        side = QVBoxLayout(self._qr_side)
        side.setContentsMargins(0, 0, 0, 0)
        side.addStretch(1)
        side.addWidget(self._qr_title)
        side.addWidget(self._qr_amount)
        side.addWidget(self._qr_product)
        side.addWidget(self._countdown)
        side.addWidget(self._notice)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self._cancel)
        row.addStretch(1)
        side.addLayout(row)
        side.addStretch(1)
        self._qr_layout.addWidget(self._qr_side, 0)  # the words beside, the code the rest
        for label in (self._qr_title, self._qr_product, self._countdown):
            label.setWordWrap(True)
        return page

    def _build_status_page(self) -> QWidget:
        """Amount and a state in words: the amount as typed, waiting for a payment code or a
        password, failed."""
        page = _Page("statusPage")
        page.painted.connect(self.page_painted)
        self._status_caption = QLabel()
        self._status_caption.setObjectName("statusCaption")
        self._status_amount = QLabel()
        self._status_amount.setObjectName("statusAmount")
        self._status_title = QLabel()
        self._status_title.setObjectName("statusTitle")
        self._status_hint = QLabel()
        self._status_hint.setObjectName("statusHint")
        # The password wait's countdown (§3.9: the clerk waits a limited time).
        self._status_countdown = QLabel()
        self._status_countdown.setObjectName("countdown")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        for label in (
            self._status_caption,
            self._status_amount,
            self._status_title,
            self._status_hint,
            self._status_countdown,
        ):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
        self._status_cancel = QPushButton(self.tr("Cancel (Esc)"))
        self._status_cancel.setObjectName("cancelButton")
        self._status_cancel.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._status_cancel.clicked.connect(self.cancel_requested)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self._status_cancel)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self._status_page = page
        return page

    @staticmethod
    def _repolish(*widgets: QWidget) -> None:
        """Style ``widgets`` again after a property the style sheet selects on changed.

        Only those styled already: a widget not polished yet is styled from its properties
        as they are when it is first shown or polished. The screen is built, and told the
        amount typed, before the till's first paint, which need not wait for its styling
        (the app polishes it right after that paint: CashierApp.start).
        """
        for widget in widgets:
            if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    def _show_status(self, kind: str, caption: str, amount: str, title: str, hint: str) -> None:
        self._status_kind = kind
        self._is_between_payments = kind == "typing"
        self._status_page.setProperty("state", kind)
        self._repolish(self._status_page, *self._status_page.findChildren(QLabel))
        self._status_caption.setText(caption)
        self._status_amount.setText(amount)
        self._status_title.setText(title)
        self._status_title.setVisible(bool(title))
        self._status_hint.setText(hint)
        self._status_hint.setVisible(bool(hint))
        self._status_countdown.clear()
        self._status_countdown.setVisible(kind == "password")
        self._status_cancel.setVisible(kind == "password" and self._clerk_controls)
        self._stack.setCurrentIndex(3)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = event.size()
        # The compact view is always portrait: the code as wide as the window, words below.
        is_landscape = size.width() >= size.height() and not self._is_compact
        self._qr_layout.setDirection(
            QBoxLayout.Direction.LeftToRight if is_landscape else QBoxLayout.Direction.TopToBottom
        )
        # Landscape: the words get what a square of the screen's height leaves over (and at
        # least a third of the width), so the code can be nearly as tall as the screen.
        spare = max(size.width() - size.height(), size.width() // 3)
        self._qr_side.setMaximumWidth(spare if is_landscape else 16_777_215)

    def _build_paid_page(self) -> QWidget:
        page = _Page("paidPage")
        page.painted.connect(self.page_painted)
        self._paid_mark = QLabel("✓")
        self._paid_mark.setObjectName("paidMark")
        self._paid_title = QLabel(self.tr("Paid"))
        self._paid_title.setObjectName("paidTitle")
        self._paid_amount = QLabel()
        self._paid_amount.setObjectName("paidAmount")
        self._paid_hint = QLabel(self.tr("Thank you!"))
        self._paid_hint.setObjectName("paidHint")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        for label in (self._paid_mark, self._paid_title, self._paid_amount, self._paid_hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addStretch(1)
        return page

    def _build_message_page(self) -> QWidget:
        page = _Page("messagePage")
        page.painted.connect(self.page_painted)
        self._message = QLabel()
        self._message.setObjectName("customerMessage")
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._message.setWordWrap(True)
        self._message_amount = QLabel()
        self._message_amount.setObjectName("qrAmount")
        self._message_amount.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message_cancel = QPushButton(self.tr("Cancel (Esc)"))
        self._message_cancel.setObjectName("cancelButton")
        self._message_cancel.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._message_cancel.clicked.connect(self.cancel_requested)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self._message_amount)
        layout.addWidget(self._message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self._message_cancel)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    # -- what the session calls ----------------------------------------------------------------

    @property
    def page(self) -> str:
        """``qr``, ``paid``, ``message``, or on the status page ``typing``, ``code``,
        ``password``, ``failed``: which page is up (for the till and for tests)."""
        index = self._stack.currentIndex()
        return self._status_kind if index == 3 else ("qr", "paid", "message")[index]

    # The states of a payment the customer sees besides the QR and paid. Method-neutral: the
    # payment-code checkout (the till scans the customer's code) drives code and password.

    def show_typing(self, typed: str) -> None:
        """Between payments: the amount as the clerk types it ("" shows 0.00). Ignored while
        a payment is on screen."""
        if not self._is_between_payments:
            return
        self._show_status("typing", self.tr("Amount to pay"), f"¥ {typed or '0.00'}", "", "")

    def show_waiting_for_code(self, amount_fen: int) -> None:
        """A payment-code sale: the customer is asked to show the code in WeChat."""
        self._amount_fen = amount_fen
        self._show_status(
            "code",
            "",
            format_fen(amount_fen, symbol="¥ "),
            self.tr("Show your payment code"),
            self.tr("In WeChat: Me → Services → Money"),
        )

    def show_waiting_for_password(self, amount_fen: int) -> None:
        """WeChat asked the customer for the payment password (USERPAYING): still waiting,
        with the countdown (:meth:`set_countdown`); the clerk may cancel."""
        self._amount_fen = amount_fen
        self._show_status(
            "password",
            "",
            format_fen(amount_fen, symbol="¥ "),
            self.tr("Enter your payment password on your phone"),
            self.tr("Waiting for WeChat Pay to confirm…"),
        )

    def show_failed(self, amount_fen: int, reason: str = "") -> None:
        """The payment definitely failed: nothing was charged (``reason`` in plain words)."""
        self._amount_fen = amount_fen
        self._show_status(
            "failed",
            "",
            format_fen(amount_fen, symbol="¥ "),
            self.tr("Payment failed"),
            reason or self.tr("Nothing was charged."),
        )

    def hide(self) -> None:
        """The payment on screen is over. The customer's own screen (a second one) stays up
        and goes back to the amount being typed; a screen over the till hides."""
        self._is_between_payments = True
        if self._is_own_screen:
            self._show_status("typing", self.tr("Amount to pay"), "¥ 0.00", "", "")
        else:
            super().hide()

    def present_idle(self, till: QWidget, *, compact: bool = False) -> bool:
        """At start-up: on a second screen, show the amount as it is typed; with one screen,
        the compact customer view when ``compact``; False (nothing shown) otherwise."""
        others = [screen for screen in QGuiApplication.screens() if screen is not till.screen()]
        if not others:
            if compact:
                self.present_compact(till)
                return True
            return False
        self.show_idle_on(others[0])
        return True

    @property
    def is_compact(self) -> bool:
        """Shown as the compact customer view (one screen, the setting on)."""
        return self._is_compact

    def present_compact(self, till: QWidget) -> None:
        """One screen: the compact customer view, on top in the lower right corner of the
        till's screen, from now on (between payments the amount as it is typed)."""
        self._is_compact = True
        self._is_own_screen = True
        self._is_between_payments = True
        self.set_clerk_controls(False)
        self.setProperty("compact", True)
        self._repolish(self, *self.findChildren(QWidget))
        # A green frame (the window's own background around the pages): told apart from
        # the till's white panels it stands on.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = self.layout()
        assert outer is not None
        outer.setContentsMargins(4, 4, 4, 4)
        self._qr_layout.setContentsMargins(8, 8, 8, 8)
        self._qr_layout.setSpacing(4)
        self._qr_layout.setDirection(QBoxLayout.Direction.TopToBottom)
        self._qr_side.setMaximumWidth(16_777_215)
        # A tool window: no task-bar entry, on top, no frame; shown without taking the focus,
        # so the clerk's keys keep going to the till.
        self.setWindowFlags(
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowDoesNotAcceptFocus
        )
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self._show_status("typing", self.tr("Amount to pay"), "¥ 0.00", "", "")
        screen = till.screen()
        self.setScreen(screen)
        self.setGeometry(compact_geometry(screen.availableGeometry()))
        self.show()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # The compact view has no frame to hold: it is dragged by any point.
        if self._is_compact and event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = event.globalPosition().toPoint() - self.frameGeometry().topLeft()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self.move(event.globalPosition().toPoint() - self._drag_from)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag_from = None
        super().mouseReleaseEvent(event)

    def show_idle_on(self, screen: QScreen) -> None:
        self._is_own_screen = True
        self._is_between_payments = True
        self.set_clerk_controls(False)
        self._show_status("typing", self.tr("Amount to pay"), "¥ 0.00", "", "")
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    def set_clerk_controls(self, visible: bool) -> None:
        """Show the clerk's Cancel button (only when this screen covers the till)."""
        self._clerk_controls = visible
        self._cancel.setVisible(visible)
        self._message_cancel.setVisible(visible)
        self._status_cancel.setVisible(visible and self.page == "password")

    def show_preparing(self, amount_fen: int) -> None:
        """The order is being created: the amount is known, the code is not yet."""
        self._is_between_payments = False
        self._amount_fen = amount_fen
        self._message_amount.setText(format_fen(amount_fen, symbol="¥ "))
        self._message.setText(self.tr("Preparing the payment code…"))
        self._message_cancel.setVisible(self._clerk_controls)
        self._stack.setCurrentIndex(2)

    def show_qr(self, code: QImage | str, amount_fen: int, product: str) -> None:
        """The QR (an image from :func:`qr_image`, or the code_url to draw now) and its deal."""
        self._is_between_payments = False
        self._amount_fen = amount_fen
        self._qr_view.set_image(qr_image(code) if isinstance(code, str) else code)
        self._qr_amount.setText(format_fen(amount_fen, symbol="¥ "))
        self._qr_product.setText(product)
        self._notice.clear()
        self._stack.setCurrentIndex(0)

    def qr_code_image(self) -> QImage | None:
        return self._qr_view.image()

    def set_countdown(self, seconds_left: int) -> None:
        minutes, seconds = divmod(max(0, seconds_left), 60)
        self._countdown.setText(
            self.tr("Code valid for %1").replace("%1", f"{minutes}:{seconds:02d}")
        )
        if self.page == "password":
            self._status_countdown.setText(self.tr("%n second(s) left", "", max(0, seconds_left)))

    def set_notice(self, text: str) -> None:
        """A line under the code, e.g. "no answer from WeChat Pay, still checking…"."""
        self._notice.setText(text)

    def show_paid(self, amount_fen: int) -> None:
        self._is_between_payments = False
        self._paid_amount.setText(format_fen(amount_fen, symbol="¥ "))
        self._stack.setCurrentIndex(1)

    def show_message(
        self, text: str, *, amount_fen: int | None = None, can_cancel: bool = False
    ) -> None:
        self._is_between_payments = False
        self._message_amount.setText(
            "" if amount_fen is None else format_fen(amount_fen, symbol="¥ ")
        )
        self._message.setText(text)
        self._message_cancel.setVisible(can_cancel and self._clerk_controls)
        self._stack.setCurrentIndex(2)

    def texts(self) -> list[str]:
        """Every label's text on the current page (what a test or a screen reader sees)."""
        page = self._stack.currentWidget()
        if page is None:
            return []
        return [label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page)]

    # -- placement -----------------------------------------------------------------------------

    def present(self, till: QWidget) -> None:
        """Full screen on the customer display when there is one, otherwise over the till;
        the compact customer view stays as it is (brought up again if it was hidden)."""
        if self._is_compact:
            self.show()
            self.raise_()
            return
        screens = QGuiApplication.screens()
        till_screen = till.screen()
        others = [screen for screen in screens if screen is not till_screen]
        screen: QScreen = others[0] if others else till_screen
        self.set_clerk_controls(not others)
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        if not others:
            self.raise_()
            self.activateWindow()

    # -- keys ----------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape and self._clerk_controls and self.page != "paid":
            self.cancel_requested.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.page == "paid":
            self.dismissed.emit()
        else:
            super().keyPressEvent(event)
