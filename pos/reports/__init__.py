"""The manager's views as data: the day's deals, CSV/XLSX export, reconciliation with the bill.

Qt-free (the manager window in :mod:`pos.ui.manager` only shows what these return). Days are
Beijing days, as in WeChat Pay's bill (§1.5, §3.8); money is integer fen until a spreadsheet
asks for a number, and then it is an exact :class:`decimal.Decimal`, never a float.
"""

from __future__ import annotations

from pos.reports.day import (
    DayReport,
    DealRow,
    Totals,
    day_bounds,
    day_report,
    iter_rows,
    search_rows,
    totals_by_method,
)

__all__ = [
    "DayReport",
    "DealRow",
    "Totals",
    "day_bounds",
    "day_report",
    "iter_rows",
    "search_rows",
    "totals_by_method",
]
