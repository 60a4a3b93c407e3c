"""The handover (交班) and the day's close (日结) at the till: the figures, the count, the slips.

:class:`Closing` runs :meth:`pos.shop.Desk.handover` and :meth:`pos.shop.Desk.close_day` on the
database worker for :class:`~pos.ui.till_desk.TillDesk`, draws their slips
(:mod:`pos.shop.slip`), saves them as private PDFs in the data folder and prints them when a
receipt printer is set up (:mod:`pos.ui.counter`); :mod:`pos.ui.shift` shows them.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QImage

from pos.errors import NotAllowed, PinRefused, PosError, ShiftError

if TYPE_CHECKING:
    from pos.counter.receipt import Layout
    from pos.shop import ShiftSummary
    from pos.ui.approval import ApprovalDialog
    from pos.ui.shift import HandoverDialog
    from pos.ui.till_desk import TillDesk

log = logging.getLogger(__name__)

#: Where the handover and day-close slips are saved as PDFs, in the data folder.
SLIPS_FOLDER = "slips"


def slip_image(layout: Layout) -> QImage:
    """A slip drawn as the printer would (Pillow), as a QImage (on any thread)."""
    from pos.counter.preview import render_image

    picture = render_image(layout).convert("L")
    width, height = picture.size
    data = picture.tobytes()
    return QImage(data, width, height, width, QImage.Format.Format_Grayscale8).copy()


class Closing(QObject):
    """The handover and the day's close of one till's :class:`~pos.ui.till_desk.TillDesk`."""

    def __init__(self, till: TillDesk) -> None:
        super().__init__(till)
        self.till = till

    # -- the handover ------------------------------------------------------------------------------

    def handover(self) -> None:
        """The open shift's figures; the count; the slip; then the next clerk logs in."""
        if not self.till.is_ready() or not self.till.has_accounts or self.till.is_busy():
            return

        def figures() -> tuple[Any, ...]:
            desk = self.till.core()
            shift = desk.shift
            if shift is None:
                raise ShiftError("no shift is open at this till")
            # A manager may be closing another clerk's shift: the slip names its owner.
            owner = desk.accounts.get(shift.clerk_id)
            return shift, owner, desk.shift_totals(), desk.expected_cash()

        self.till.ops.db(self, figures, what="the shift's figures").success(
            self._show_handover
        ).run()

    def _show_handover(self, figures: tuple[Any, ...]) -> None:
        from pos.ui.shift import HandoverDialog

        shift, owner, totals, expected = figures
        dialog = HandoverDialog(
            self.till.window,
            clerk_name="" if owner is None else f"{owner.number} {owner.name}",
            float_fen=shift.float_fen,
            totals=totals,
            expected_fen=expected,
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.handover_requested.connect(lambda fen, note: self._hand_over(dialog, fen, note))
        dialog.finished.connect(lambda _result: self._after_handover(dialog))
        self.till.show_dialog(dialog)

    def _hand_over(self, dialog: HandoverDialog, counted_fen: int, note: str) -> None:
        from pos.shop.slip import handover_layout

        settings = self.till.settings

        def hand_over() -> tuple[ShiftSummary, Layout, QImage, Path | None]:
            summary = self.till.core().handover(counted_fen, note=note)
            layout = handover_layout(
                summary,
                shop=settings.shop_name,
                paper_mm=settings.paper_mm,
                business_day=settings.business_day,
            )
            pdf = self._save_slip(layout, f"handover-{summary.shift_no}.pdf")
            return summary, layout, slip_image(layout), pdf

        def done(result: tuple[ShiftSummary, Layout, QImage, Path | None]) -> None:
            summary, layout, image, pdf = result
            self.till.shift = None
            dialog.print_requested.connect(lambda: self._print(layout, "handover"))
            dialog.show_done(image, pdf, can_print=self._can_print())
            self._print(layout, "handover")
            self.till.handed_over.emit(summary)

        (
            self.till.ops.db(dialog, hand_over, what="the handover")
            .success(done)
            .failure(lambda exc: dialog.show_refused(self.till.refusal_words(exc)))
            .run()
        )

    def _after_handover(self, dialog: HandoverDialog) -> None:
        if dialog.is_done:
            self.till.switch_clerk()  # the next clerk logs in and opens their shift

    def _save_slip(self, layout: Layout, name: str) -> Path | None:
        """The slip as a private PDF in the data folder; None when it could not be written
        (the handover is kept in the store all the same)."""
        from pos.platform import private_dir
        from pos.shop.slip import save_pdf

        try:
            folder = private_dir(self.till.settings.data_dir / SLIPS_FOLDER)
            return save_pdf(layout, folder / name)
        except (OSError, PosError) as exc:
            log.error("the slip %s could not be saved: %s", name, exc)
            return None

    def _can_print(self) -> bool:
        return self.till.counter is not None and self.till.counter.has_printer

    def _print(self, layout: Layout, kind: str) -> None:
        if self.till.counter is not None and self.till.counter.has_printer:
            self.till.counter.print_layout(layout, kind)

    # -- the day's close ---------------------------------------------------------------------------

    def close_day(self, day: date | None = None) -> None:
        """Close the business day (a manager; a clerk needs a manager's PIN for it)."""
        till = self.till
        # Also from the float page after the last handover: a manager closes the day
        # without opening a shift of their own.
        if not till.is_ready() and not (till.login.page == "float" and till.may("close_day")):
            return
        wanted = day if day is not None else self.till.settings.business_day.today()
        if self.till.may("close_day"):
            self._close_day(wanted, None, None)
            return
        from pos.ui.approval import ApprovalDialog

        dialog = ApprovalDialog(self.till.dialog_parent(), "close_day")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.pin_submitted.connect(lambda pin: self._close_day(wanted, pin, dialog))
        self.till.show_dialog(dialog)

    def _close_day(self, day: date, pin: str | None, approval: ApprovalDialog | None) -> None:
        from pos.shop.slip import day_close_layout

        settings = self.till.settings

        def close() -> tuple[Any, Layout, QImage, Path | None]:
            closed = self.till.core().close_day(day, self.till.other_shifts(day), manager_pin=pin)
            layout = day_close_layout(
                closed,
                shop=settings.shop_name,
                paper_mm=settings.paper_mm,
                business_day=settings.business_day,
            )
            pdf = self._save_slip(layout, f"day-close-{day.isoformat()}.pdf")
            return closed, layout, slip_image(layout), pdf

        def refused(exc: PosError) -> None:
            words = self.till.refusal_words(exc) if isinstance(exc, PinRefused | NotAllowed) else ""
            if isinstance(exc, ShiftError):
                words = self.tr(
                    "The day cannot be closed: a shift of the day is still open, "
                    "or the day is closed already."
                )
            if approval is not None:
                approval.show_refused(words or self.till.refusal_words(exc))
            else:
                self.till.window.show_trouble(words or self.till.refusal_words(exc))

        (
            self.till.ops.db(self, close, what="the day's close")
            .success(lambda result: self._show_day_close(day, result, approval))
            .failure(refused)
            .run()
        )

    def _show_day_close(
        self, day: date, result: tuple[Any, Layout, QImage, Path | None], approval: Any
    ) -> None:
        from pos.ui.shift import DayCloseDialog

        if approval is not None:
            approval.accept()
        closed, layout, image, pdf = result
        dialog = DayCloseDialog(
            self.till.window,
            day=day.isoformat(),
            totals=closed.totals,
            image=image,
            pdf=pdf,
            can_print=self._can_print(),
        )
        dialog.print_requested.connect(lambda: self._print(layout, "day_close"))
        self.till.show_dialog(dialog)
        self.till.day_closed.emit(closed)
