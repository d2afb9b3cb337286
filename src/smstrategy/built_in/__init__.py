"""The built-in frameworks, in the order of the source articles.

Each module is imported, and its framework registered, on first use: by its
name here, by :func:`smstrategy.get_framework` with its key, or by
:func:`smstrategy.frameworks`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from smstrategy.built_in.eight_step import EightStep
    from smstrategy.built_in.five_step import FiveStep
    from smstrategy.built_in.popt import Popt
    from smstrategy.built_in.roadmap import Roadmap

__all__ = ["EightStep", "FiveStep", "Popt", "Roadmap"]

#: Each framework's module, by the framework's name.
_MODULES = {
    "FiveStep": "five_step",
    "EightStep": "eight_step",
    "Popt": "popt",
    "Roadmap": "roadmap",
}


def __getattr__(name: str) -> Any:
    """Load a built-in framework's module on first use of its name."""
    if name in _MODULES:
        value = getattr(importlib.import_module(f"{__name__}.{_MODULES[name]}"), name)
        globals()[name] = value
        return value
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
