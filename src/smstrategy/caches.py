"""A small cache that keeps what was used most recently, up to a fixed number of entries.

Languages and template environments are made once and reused; each is kept
in one of these, so that a program which passes a fresh catalog or loader to
every call holds no more than :data:`SIZE` of them::

    >>> from smstrategy.caches import Recent
    >>> recent = Recent(2)
    >>> for key in "abc":
    ...     recent[key] = key.upper()
    >>> list(recent), recent.get("a"), recent.get("c")
    (['b', 'c'], None, 'C')
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterator
from typing import Generic, TypeVar

__all__ = ["SIZE", "Recent"]

#: How many languages, and how many template environments, are kept.
SIZE = 32

V = TypeVar("V")


class Recent(Generic[V]):
    """A mapping of at most *size* entries that forgets the one used least recently."""

    def __init__(self, size: int = SIZE) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> V | None:
        """Return the value kept for *key*, or ``None``; it is now the most recent."""
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def __setitem__(self, key: Hashable, value: V) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Hashable]:
        return iter(list(self._items))
