"""Run the command line: ``python -m smstrategy`` (see :mod:`smstrategy.cli`)."""

from __future__ import annotations

import sys

from smstrategy.cli import main

__all__ = ["main"]

if __name__ == "__main__":  # pragma: no cover - exercised through a subprocess in the tests
    sys.exit(main())
