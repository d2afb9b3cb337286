"""Optional packages that only some features need, loaded when a feature is used.

:func:`load` imports one, or raises
:class:`~smstrategy.exceptions.MissingExtraError` that says which extra of
the library installs it, so every optional feature fails the same way.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from smstrategy.exceptions import MissingExtraError

__all__ = ["load"]


def load(module: str, *, extra: str, feature: str, package: str) -> ModuleType:
    """Import *module*, which *feature* needs; say how to install *package* when it is missing."""
    try:
        return importlib.import_module(module)
    except ImportError:
        msg = (
            f"{feature} needs {package}, which the '{extra}' extra installs: "
            f"pip install 'smstrategy[{extra}]'"
        )
        raise MissingExtraError(msg) from None
