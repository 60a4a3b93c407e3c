"""The manager's view behind a PIN: the day's deals and totals, export, refund, reconcile.

Everything slow runs on :class:`pos.ui.workers.Workers` (reading the day, exporting, refunds
and their follow-up queries, downloading the bill); the widgets only show results. One small
module per widget:

* :mod:`~pos.ui.manager.services`: what the view works with (``ManagerServices``), built from
  a running cashier by ``manager_services``;
* :mod:`~pos.ui.manager.pin`: ``PinDialog`` and ``open_manager``, the way in;
* :mod:`~pos.ui.manager.window`: ``ManagerWindow``, the day; with the deals' table
  (:mod:`~pos.ui.manager.table`), the figures (:mod:`~pos.ui.manager.totals`), the alarms
  (:mod:`~pos.ui.manager.alarms`), the chart (:mod:`~pos.ui.manager.chart`) and its long
  tasks (:mod:`~pos.ui.manager.long_work`);
* :mod:`~pos.ui.manager.refund` and :mod:`~pos.ui.manager.reconcile`: the two dialogs.

Texts go through ``self.tr()``; the translation contexts are the class names ``PinDialog``,
``ManagerWindow``, ``DealTableModel``, ``AlarmBanner``, ``RefundDialog`` and
``ReconcileDialog``; their Chinese is in ``resources/i18n/pos_zh_CN.ts`` with the rest of
the window's. ``TotalCards`` and ``LongWork`` show words their window gives them.

Entry point for the cashier: ``open_manager(parent, manager_services(cashier_app))``.
"""

from pos.ui.manager.chart import HourlyChart
from pos.ui.manager.pin import PinDialog, open_manager
from pos.ui.manager.reconcile import KIND_WORDS, ReconcileDialog
from pos.ui.manager.refund import RefundDialog
from pos.ui.manager.services import ManagerClient, ManagerServices, manager_services
from pos.ui.manager.table import DealTableModel
from pos.ui.manager.window import ManagerWindow

__all__ = [
    "KIND_WORDS",
    "DealTableModel",
    "HourlyChart",
    "ManagerClient",
    "ManagerServices",
    "ManagerWindow",
    "PinDialog",
    "ReconcileDialog",
    "RefundDialog",
    "manager_services",
    "open_manager",
]
