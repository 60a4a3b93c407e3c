"""``python -m pos``: the same as the ``pos`` command (and the entry point of the bundle)."""

import multiprocessing
import sys

from pos.cli import main

if __name__ == "__main__":
    # In the PyInstaller bundle, `pos relay` starts its worker process by running this same
    # binary again; freeze_support() turns that run into the worker instead of a second `pos`.
    multiprocessing.freeze_support()
    sys.exit(main())
