"""Hypothesis strategies for random valid plans and building blocks.

Install the ``testing`` extra (``pip install "smstrategy[testing]"``) to use
them in your own property tests, for example to check that a template of
yours renders any valid plan::

    from hypothesis import given
    import smstrategy as sms
    from smstrategy.strategies import plans

    @given(plans(sms.FiveStep))
    def test_my_template_renders_any_plan(plan):
        sms.render(plan, templates="my_templates")

Every attrs class is built from its annotations, so a framework or building
block of your own gets a strategy with no extra code.  A class whose
invariants span several fields (like :class:`~smstrategy.ContentMix`) needs a
strategy of its own: give it with :func:`register`.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from smstrategy import validators as v
from smstrategy.base import Framework
from smstrategy.elements import (
    Audience,
    Calendar,
    Channel,
    Comparison,
    ContentCategory,
    ContentMix,
    Goal,
    ListeningPanel,
    Member,
    Metric,
    Platform,
    Policy,
    Post,
    Priority,
    Relative,
    Team,
    TimeBudget,
    fold,
)
from smstrategy.results import Feedback, Observation, Results

__all__ = [
    "audiences",
    "calendars",
    "channels",
    "content_mixes",
    "for_type",
    "goals",
    "links",
    "listening_panels",
    "members",
    "metrics",
    "one_line_texts",
    "plans",
    "platforms",
    "policies",
    "posts",
    "priorities",
    "register",
    "results",
    "strings",
    "teams",
    "texts",
    "time_budgets",
]

T = TypeVar("T")
F = TypeVar("F", bound=Framework)


def texts(min_size: int = 1, max_size: int = 12) -> st.SearchStrategy[str]:
    """Return text a text field holds: a visible character, no control but tab and line ends."""
    drawn = st.text(_CHARACTERS, min_size=max(min_size, 1), max_size=max_size)
    return drawn.filter(lambda text: not v.blank(text))


def strings(max_size: int = 12) -> st.SearchStrategy[str]:
    """Return text any string field holds, blank or not: no control but tab and line ends."""
    return st.text(_CHARACTERS, max_size=max_size)


#: The characters of text fields: any but controls (tab, LF and CR aside) and separators of
#: lines and paragraphs, and surrogates.
_CHARACTERS = st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")) | st.sampled_from("\t\n\r")


@st.composite
def _content_mixes(draw: st.DrawFn) -> ContentMix:
    promotional = draw(st.floats(min_value=0, max_value=100))
    curated = draw(st.floats(min_value=0, max_value=100 - promotional))
    engagement = max(0.0, 100 - promotional - curated)
    return ContentMix(promotional=promotional, curated=curated, engagement=engagement)


def content_mixes() -> st.SearchStrategy[ContentMix]:
    """Return content mixes whose shares add up to 100."""
    return _content_mixes()


@st.composite
def _metrics(draw: st.DrawFn) -> Metric:
    comparison = draw(st.sampled_from(Comparison))
    relative = draw(st.sampled_from(Relative))
    lowest = {Relative.ABSOLUTE: 0, Relative.CHANGE: -1e6, Relative.PERCENT_CHANGE: -100}
    number = st.floats(min_value=lowest[relative], max_value=1e6)
    target = draw(st.one_of(st.none(), number))
    upper = None
    if comparison is Comparison.BETWEEN and target is not None:
        upper = draw(st.floats(min_value=target, max_value=max(target, 1e6)))
    return Metric(
        name=draw(texts()),
        target=target,
        comparison=comparison,
        unit=draw(st.one_of(st.just(""), st.just("%"), texts())),
        baseline=draw(st.one_of(st.none(), st.floats(min_value=0, max_value=1e6))),
        target_upper=upper,
        relative=relative,
        platform=draw(st.one_of(st.none(), platforms())),
        category=draw(st.one_of(st.none(), st.sampled_from(ContentCategory))),
        awaits_baseline=draw(st.booleans()),
        survey_question=draw(st.one_of(st.just(""), texts())),
        agree_from=draw(st.integers(1, 5)),
    )


@st.composite
def _channels(draw: st.DrawFn) -> Channel:
    hints = typing.get_type_hints(Channel)
    drawn = {
        f.name: draw(for_type(hints[f.name]))
        for f in attrs.fields(Channel)
        if f.name != "cadence_upper"
    }
    cadence = drawn["cadence"]
    upper = None if cadence is None else draw(st.one_of(st.none(), st.floats(0, 1e6)))
    return Channel(**drawn, cadence_upper=None if upper is None else cadence + upper)


def links() -> st.SearchStrategy[str]:
    """Return web links, http or https, and the empty link."""
    return st.from_regex(v.LINK, fullmatch=True)


def one_line_texts() -> st.SearchStrategy[str]:
    """Return text on one line, not blank."""
    return texts().filter(lambda text: len(text.splitlines()) == 1 and text == text.splitlines()[0])


#: Time zones with a daylight-saving change, one without, and none.
TIMEZONES = ("", "Europe/Oslo", "America/New_York", "Australia/Lord_Howe", "UTC", "Asia/Kolkata")


@st.composite
def _posts(draw: st.DrawFn) -> Post:
    hints = typing.get_type_hints(Post)
    special = {"text", "link", "media"}
    drawn = {
        f.name: draw(for_type(hints[f.name])) for f in attrs.fields(Post) if f.name not in special
    }
    return Post(
        **drawn,
        text=draw(strings(max_size=40)),
        link=draw(links()),
        media=tuple(draw(st.lists(one_line_texts(), max_size=2))),
    )


@st.composite
def _calendars(draw: st.DrawFn) -> Calendar:
    posts = draw(st.lists(_posts(), max_size=3))
    return Calendar(posts=tuple(posts), timezone=draw(st.sampled_from(TIMEZONES)))


def platforms() -> st.SearchStrategy[Platform]:
    """Return the networks the library knows, and custom ones by name."""
    return st.one_of(
        st.sampled_from(Platform.known()),
        st.from_regex(r"[a-z][a-z0-9 ]{0,10}[a-z0-9]", fullmatch=True).map(
            lambda name: Platform(name=name)
        ),
    )


_UNIQUE_BY: dict[type, Callable[[Any], Any]] = {
    Observation: lambda observation: (*observation.series, observation.on),
    Audience: lambda audience: fold(audience.name),
    Channel: lambda channel: channel.identity,
    Member: lambda member: fold(member.name),
}
_OVERRIDES: dict[Any, Callable[[], st.SearchStrategy[Any]]] = {
    Calendar: _calendars,
    Post: _posts,
    ContentMix: content_mixes,
    Channel: _channels,
    Metric: _metrics,
    Platform: platforms,
    str: texts,
    bool: st.booleans,
    int: lambda: st.integers(min_value=1, max_value=10_000),
    float: lambda: st.floats(min_value=0, max_value=1e6),
    dt.date: st.dates,
    dt.datetime: st.datetimes,
}


def register(
    kind: type[T], strategy: Callable[[], st.SearchStrategy[T]], *, unique_by: Any = None
) -> None:
    """Use *strategy* (a function returning a strategy) for values of *kind*.

    *unique_by*, a function of an item, keeps the items of a tuple of *kind*
    apart, as sections that refuse duplicates need.
    """
    _OVERRIDES[kind] = strategy
    if unique_by is not None:
        _UNIQUE_BY[kind] = unique_by
    for_type.cache_clear()


@functools.cache
def for_type(kind: Any) -> st.SearchStrategy[Any]:
    """Return a strategy for valid values of *kind*, a class or an annotation."""
    if kind in _OVERRIDES:
        return _OVERRIDES[kind]()
    generic = _for_generic(kind)
    if generic is not None:
        return generic
    if kind is type(None):
        return st.none()
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return st.sampled_from(kind)
    if attrs.has(kind):
        hints = typing.get_type_hints(kind)
        return st.builds(kind, **{f.name: for_type(hints[f.name]) for f in attrs.fields(kind)})
    msg = f"no strategy for {kind!r}: register one with smstrategy.strategies.register"
    raise TypeError(msg)


def _for_generic(kind: Any) -> st.SearchStrategy[Any] | None:
    """Return a strategy for a union, a mapping or a tuple of items; else ``None``."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(for_type(arg) for arg in typing.get_args(kind)))
    if origin in (Mapping, dict):
        key, value = typing.get_args(kind)
        return st.dictionaries(for_type(key), for_type(value), max_size=3)
    if origin is tuple:
        item = typing.get_args(kind)[0]
        return st.lists(for_type(item), max_size=3, unique_by=_UNIQUE_BY.get(item)).map(tuple)
    return None


def plans(framework: type[F]) -> st.SearchStrategy[F]:
    """Return random valid plans of *framework*, built-in or your own."""
    strategy: st.SearchStrategy[F] = for_type(typing.cast("Any", framework))
    return strategy


def audiences() -> st.SearchStrategy[Audience]:
    """Return random valid audiences."""
    return for_type(Audience)


def calendars() -> st.SearchStrategy[Calendar]:
    """Return random valid content calendars."""
    return for_type(Calendar)


def channels() -> st.SearchStrategy[Channel]:
    """Return random valid channels."""
    return for_type(Channel)


def goals() -> st.SearchStrategy[Goal]:
    """Return random valid goals."""
    return for_type(Goal)


def listening_panels() -> st.SearchStrategy[ListeningPanel]:
    """Return random valid listening panels."""
    return for_type(ListeningPanel)


def members() -> st.SearchStrategy[Member]:
    """Return random valid team members."""
    return for_type(Member)


def metrics() -> st.SearchStrategy[Metric]:
    """Return random valid metrics."""
    return for_type(Metric)


def policies() -> st.SearchStrategy[Policy]:
    """Return random valid policies."""
    return for_type(Policy)


def posts() -> st.SearchStrategy[Post]:
    """Return random valid posts."""
    return for_type(Post)


def priorities() -> st.SearchStrategy[Priority]:
    """Return random valid priorities."""
    return for_type(Priority)


def teams() -> st.SearchStrategy[Team]:
    """Return random valid teams, each member's name once."""
    return for_type(Team)


def time_budgets() -> st.SearchStrategy[TimeBudget]:
    """Return random valid time budgets."""
    return for_type(TimeBudget)


#: Dates results are drawn from: wide enough for deadlines long passed and far ahead.
_FIRST, _LAST = dt.date(2000, 1, 1), dt.date(2060, 12, 31)


@st.composite
def _results(draw: st.DrawFn, plan: Framework | None) -> Results:
    from smstrategy.rules.engine import Index

    metrics: list[str] = []
    goals, channels = [""], [""]
    if plan is not None:
        index = Index(plan)
        metrics = [m.name for _, m in index.of(Metric)]
        goals += [g.statement for _, g in index.of(Goal)]
        channels += [c.name for _, c in index.of(Channel)]
    names = st.sampled_from(metrics) | texts() if metrics else texts()
    observations = st.builds(
        Observation,
        metric=names,
        on=st.dates(_FIRST, _LAST),
        value=st.integers(-(10**6), 10**6) | st.floats(-1e6, 1e6),
        goal=st.sampled_from(goals),
        channel=st.sampled_from(channels),
        category=st.none() | st.sampled_from(ContentCategory),
    )
    return Results(
        observations=draw(st.lists(observations, max_size=25, unique_by=_UNIQUE_BY[Observation])),
        feedback=draw(st.lists(for_type(Feedback), max_size=4)),
    )


def results(plan: Framework | None = None) -> st.SearchStrategy[Results]:
    """Return random valid results; given a *plan*, they mostly name its metrics and channels."""
    return _results(plan)
