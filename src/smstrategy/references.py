"""How posts, spending and results name a plan's channels, and how a name finds its channel.

A channel answers to its name (network and handle), to its handle, and to
its network's name where the plan has one channel on that network; names are
compared as :func:`~smstrategy.elements.fold` compares them.  A name that does
not match as written has its first words read as a network's name, aliases
included, so "Twitter @fjord" finds "X @fjord"::

    >>> import smstrategy as sms
    >>> from smstrategy.references import channel_references, find_channel
    >>> x = sms.Channel(platform=sms.Platform.X, handle="@fjord")
    >>> references = channel_references([("x", x)])
    >>> find_channel("twitter  @FJORD", references) == ("x", x)
    True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from smstrategy.elements import Channel, Platform, fold
from smstrategy.validators import blank

__all__ = ["channel_references", "find_channel"]

K = TypeVar("K")


def channel_references(channels: Iterable[tuple[K, Channel]]) -> dict[str, tuple[K, Channel]]:
    """Return each ``(key, channel)`` pair by every folded name the channel answers to."""
    pairs = list(channels)
    per_network: dict[str, int] = {}
    for _, channel in pairs:
        per_network[channel.platform.name] = per_network.get(channel.platform.name, 0) + 1
    found: dict[str, tuple[K, Channel]] = {}
    for key, channel in pairs:
        names = [channel.name, channel.handle]
        if per_network[channel.platform.name] == 1:
            names.append(channel.platform.name)
        for name in names:
            if not blank(name):
                found.setdefault(fold(name), (key, channel))
    return found


def find_channel(name: str, references: dict[str, tuple[K, Channel]]) -> tuple[K, Channel] | None:
    """Return the pair *name* refers to in *references*, or ``None``."""
    found = references.get(fold(name))
    words = name.split()
    for cut in range(1, len(words) + 1):
        if found is not None:
            break
        network = Platform(name=" ".join(words[:cut])).name
        found = references.get(fold(" ".join([network, *words[cut:]])))
    return found
