"""A desktop cashier for WeChat Pay (API v2), with its sandbox and notify relay."""

__version__ = "0.1.0"
