"""A local WeChat Pay v2 simulator (Starlette): the cashier's default backend, tests' and demos'."""

from pos.sandbox.app import pay_page_url
from pos.sandbox.codes import Ending, Report, example_code
from pos.sandbox.faults import Fault
from pos.sandbox.notifier import DeliveryAttempt
from pos.sandbox.options import SandboxOptions
from pos.sandbox.service import Sandbox
from pos.sandbox.simulator import DEFAULT_MERCHANT

__all__ = [
    "DEFAULT_MERCHANT",
    "DeliveryAttempt",
    "Ending",
    "Fault",
    "Report",
    "Sandbox",
    "SandboxOptions",
    "example_code",
    "pay_page_url",
]
