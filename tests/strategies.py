"""Hypothesis strategies for random valid building blocks and plans.

Every type is built from its annotations, so a framework or building block
defined in a test gets a strategy with no extra code; the few blocks whose
invariants span several fields have a strategy of their own.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
from typing import Any

import attrs
from hypothesis import strategies as st

import smstrategy as sms

#: Text with at least one character that is not white space.
texts = st.text(min_size=1, max_size=12).filter(str.strip)
numbers = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)


@st.composite
def content_mixes(draw: st.DrawFn) -> sms.ContentMix:
    """Shares that add up to 100."""
    promotional = draw(st.floats(min_value=0, max_value=100))
    curated = draw(st.floats(min_value=0, max_value=100 - promotional))
    engagement = max(0.0, 100 - promotional - curated)
    return sms.ContentMix(promotional=promotional, curated=curated, engagement=engagement)


platforms = st.one_of(
    st.sampled_from(sms.Platform.known()),
    st.from_regex(r"[a-z][a-z0-9 ]{0,10}[a-z0-9]", fullmatch=True).map(
        lambda name: sms.Platform(name=name)
    ),
)

_UNIQUE_BY: dict[type, typing.Callable[[Any], Any]] = {
    sms.Audience: lambda audience: audience.name.casefold(),
    sms.Channel: lambda channel: channel.identity,
    sms.Member: lambda member: member.name.casefold(),
}

_OVERRIDES: dict[Any, st.SearchStrategy[Any]] = {
    sms.ContentMix: content_mixes(),
    sms.Platform: platforms,
    str: texts,
    bool: st.booleans(),
    int: st.integers(min_value=1, max_value=10_000),
    float: numbers,
    dt.date: st.dates(),
    dt.datetime: st.datetimes(),
}


@functools.cache
def for_type(kind: Any) -> st.SearchStrategy[Any]:
    """Return a strategy for valid values of *kind*, an annotation."""
    if kind in _OVERRIDES:
        return _OVERRIDES[kind]
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(for_type(arg) for arg in typing.get_args(kind)))
    if origin is tuple:
        item = typing.get_args(kind)[0]
        return st.lists(for_type(item), max_size=3, unique_by=_UNIQUE_BY.get(item)).map(tuple)
    if kind is type(None):
        return st.none()
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return st.sampled_from(kind)
    if attrs.has(kind):
        hints = typing.get_type_hints(kind)
        return st.builds(kind, **{f.name: for_type(hints[f.name]) for f in attrs.fields(kind)})
    msg = f"no strategy for {kind!r}"
    raise TypeError(msg)


def plans(framework: type[sms.Framework]) -> st.SearchStrategy[sms.Framework]:
    """Return a strategy for random valid plans of *framework*."""
    return for_type(framework)


#: The building blocks of the vocabulary, each of which the tests build at random.
BUILDING_BLOCKS = (
    sms.Audience,
    sms.Calendar,
    sms.Channel,
    sms.ContentMix,
    sms.Goal,
    sms.ListeningPanel,
    sms.Member,
    sms.Metric,
    sms.Platform,
    sms.Policy,
    sms.Post,
    sms.Priority,
    sms.Team,
    sms.TimeBudget,
)
