"""The fast path of reading data: what it builds is what the detailed converter builds."""

from __future__ import annotations

import datetime as dt
import enum
import functools
import itertools
import json
import math
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import smstrategy as sms
from custom_frameworks import ALL_FRAMEWORKS
from smstrategy import base
from smstrategy import validators as v
from smstrategy.compiled import structurer
from smstrategy.convert import converter
from smstrategy.nesting import MAX_DEPTH
from smstrategy.strategies import calendars, plans


class Word(str):
    """A string of a subclass: the fast path leaves it to the detailed one."""

    __slots__ = ()


#: Values put in place of others: wrong types, edge numbers, odd text, near-misses.
ODD = st.sampled_from(
    [
        None,
        "",
        " ",
        "\u200b",
        "x\x00",
        "x\ny",
        "a\tb",
        "\u2028",
        Word("x"),
        0,
        -1,
        1,
        2.0,
        1.5,
        -0.5,
        101,
        math.nan,
        math.inf,
        10**400,
        True,
        False,
        [],
        {},
        ["x"],
        [" "],
        [1],
        ("x",),
        {"a": 1},
        "2027-02-30",
        "2027-01-04",
        "2027-01-04T08:30",
        "instagram",
        "Twitter",
        "at least",
        "between",
        "percent change",
        "social network",
        "other",
        "https://example.org",
        "Europe/Oslo",
    ]
)


#: Exceptions that would come from broken written code, not from the data.
_BROKEN = (NameError, AttributeError, SyntaxError, AssertionError)


def _places(data: object, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Return the path of every value inside *data*."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _places(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _places(value, (*path, index))
    return found


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


@st.composite
def _changed(draw: st.DrawFn, data: dict[str, Any]) -> dict[str, Any]:
    """Change one to three places of *data*: a new value, a lost key, an extra key."""
    data = json.loads(json.dumps(data))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_places(data)[1:] or [()]))
        if not path:
            break
        parent, last = _at(data, path[:-1]), path[-1]
        how = draw(st.sampled_from(["value", "value", "drop", "extra", "mapping"]))
        if how == "value":
            parent[last] = draw(ODD)
        elif how == "drop" and isinstance(parent, dict):
            del parent[last]
        elif how == "extra" and isinstance(parent, dict):
            parent["unknown"] = draw(ODD)
        elif how == "mapping" and isinstance(parent[last], dict):
            parent[last] = MappingProxyType(parent[last])
    return data


def _both(cls: type, data: Mapping[str, Any]) -> None:
    """Check the written function against the detailed converter on *data*."""
    read = structurer(cls)
    assert read is not None
    try:
        fast = read(data)
    except Exception as e:  # noqa: BLE001  # giving up is always allowed
        assert not isinstance(e, _BROKEN)  # but not through broken code
        fast = None
    try:
        slow = converter().structure(dict(data), cls)
    except Exception:  # noqa: BLE001
        assert fast is None, f"the fast path built what the detailed one refuses: {fast!r}"
        return
    if fast is not None:
        assert repr(fast) == repr(slow)  # repr tells 1 from 1.0 and True, and a list from a tuple
        assert fast == slow


@pytest.mark.parametrize("cls", ALL_FRAMEWORKS, ids=lambda c: c.key)
@given(data=st.data())
def test_the_fast_path_builds_only_what_the_detailed_one_builds(cls, data):
    """Whatever the data, the fast path builds the same plan as the detailed path, or gives up."""
    plan = data.draw(plans(cls))
    body = sms.to_dict(plan)
    del body["framework"]
    _both(cls, body)
    _both(cls, data.draw(_changed(body)))


@given(calendar=calendars(), data=st.data())
def test_the_fast_path_reads_calendars_as_the_detailed_one(calendar, data):
    """Calendars, posts and their dates and times, changed or not, read the same both ways."""
    body = sms.to_dict(calendar)
    del body["kind"]
    _both(sms.Calendar, body)
    _both(sms.Calendar, data.draw(_changed(body)))


@pytest.mark.parametrize("key", ["five-step", "eight-step", "popt", "roadmap"])
def test_the_examples_take_the_fast_path(key):
    """The bundled examples, written as data, are read by the fast path without giving up."""
    plan = sms.example(key)
    body = json.loads(sms.to_json(plan))
    del body["framework"]
    read = structurer(type(plan))
    assert read is not None
    assert repr(read(body)) == repr(plan)


def test_errors_are_those_of_the_detailed_path():
    """Data the fast path gives up on is reported in full, with every path."""
    data = sms.to_dict(sms.example("five-step"))
    data["direction"]["goals"][0]["metrics"][0]["target"] = "lots"
    data["technology"]["channels"][0]["cadence"] = -1
    data["target"]["extra"] = 1
    with pytest.raises(sms.StructureError) as caught:
        sms.from_dict(data)
    assert list(caught.value.problems) == [
        "$.direction.goals[0].metrics[0].target: expected a number, got 'lots'",
        "$.target: unknown key(s) 'extra'",
        "$.technology.channels[0].cadence: expected a number of at least 0, got -1",
    ]


# --- classes the fast path builds by calling them, or leaves to the converter -----------------


@attrs.frozen(kw_only=True)
class Node:
    """A type that refers back to itself: its data could nest without end."""

    name: str = attrs.field(validator=v.text())
    children: tuple[Node, ...] = attrs.field(default=(), converter=v.to_tuple)


def _chain(levels: int) -> type:
    """Return a class whose data nests *levels* objects deep."""
    inner: type = attrs.make_class("Level0", {"name": attrs.field(default="x")}, frozen=True)
    for level in range(1, levels):
        inner = attrs.make_class(
            f"Level{level}", {"inner": attrs.field(type=inner)}, frozen=True, kw_only=True
        )
    return inner


def test_types_that_nest_without_end_or_too_deep_are_left_to_the_converter(monkeypatch):
    """A type that refers back to itself, or nests past the limit, has no written function."""
    monkeypatch.setattr(base, "_REGISTRY", dict(base._REGISTRY))  # the framework is the test's

    @sms.framework("test-tree", name="Tree")
    class TreePlan(sms.Framework):
        tree: Node = sms.step("Tree")

    assert structurer(Node) is None
    assert structurer(TreePlan) is None
    assert structurer(_chain(MAX_DEPTH + 1)) is None
    assert structurer(_chain(MAX_DEPTH - 1)) is not None
    data = {"title": "T", "tree": {"name": "root", "children": [{"name": "leaf"}]}}
    plan = sms.from_dict(data, TreePlan)
    assert plan.tree == Node(name="root", children=(Node(name="leaf"),))


class Colour(enum.IntEnum):
    """An enum of numbers."""

    RED = 1
    GREEN = 2


class Weight(float, enum.Enum):
    """An enum of floats."""

    LIGHT = 0.5
    HEAVY = 2.5


@attrs.frozen(kw_only=True)
class Counted:
    """Counts its builds, through a hook attrs' __init__ runs first."""

    builds = itertools.count()
    name: str = attrs.field(validator=v.text())

    def __attrs_pre_init__(self) -> None:
        next(self.builds)


@attrs.frozen(kw_only=True)
class Private:
    """A private field: its data key is its name, its argument its alias."""

    _secret: str = attrs.field(validator=v.string())


@attrs.frozen(kw_only=True)
class TakesSelf:
    """A converter and a default that take the instance."""

    name: str = attrs.field(
        converter=attrs.Converter(lambda value, _: value.upper(), takes_self=True)
    )
    shout: str = attrs.field(default=attrs.Factory(lambda made: made.name + "!", takes_self=True))


@attrs.define(kw_only=True)
class Mutable:
    """Not frozen: attrs' own __init__ builds it."""

    name: str = attrs.field(validator=v.text())


@attrs.frozen(kw_only=True, cache_hash=True)
class CachedHash:
    """Keeps its hash, which attrs' own __init__ sets up."""

    name: str = attrs.field(validator=v.text())


@attrs.frozen(kw_only=True, slots=False)
class WithDict:
    """Keeps its fields in a __dict__, not in slots."""

    name: str = attrs.field(validator=v.text())
    colour: Colour = attrs.field(default=Colour.RED)
    weight: Weight = attrs.field(default=Weight.LIGHT)
    when: dt.date | None = attrs.field(default=None, validator=v.optional(v.a_date()))


def _even(instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if value % 2:
        msg = f"{attribute.name} must be even"
        raise ValueError(msg)


def _first_letter(value: object) -> str:
    return str(value)[:1]


@attrs.frozen(kw_only=True)
class Odds:
    """Types the fast path hands to the converter's hooks, and a validator of the user's."""

    scores: dict[str, int] = attrs.field(factory=dict)
    tags: list[str] = attrs.field(factory=list)
    level: Literal["low", "high"] = "low"
    even: int = attrs.field(default=0, validator=[v.whole_number(), _even])
    word: Word = attrs.field(default=Word("w"))
    flags: tuple[bool, ...] = attrs.field(default=(True,), validator=v.tuple_of(v.instance(bool)))
    ratio: float = attrs.field(default=0.5, validator=v.number(0, 1))
    letters: tuple[str, ...] = attrs.field(
        default=(),
        converter=v.to_tuple,
        validator=[v.unique_by(_first_letter, "first letter"), v.tuple_of(v.text())],
    )


@attrs.frozen(kw_only=True)
class Hidden:
    """A field that is not an argument: attrs' own __init__ sets it."""

    name: str = attrs.field(default="n", validator=v.text())
    hidden: str = attrs.field(default="h", init=False)


@pytest.mark.parametrize(
    ("cls", "data"),
    [
        (Hidden, {}),
        (Counted, {"name": "a"}),
        (Private, {"_secret": "s"}),
        (TakesSelf, {"name": "a"}),
        (TakesSelf, {"name": "a", "shout": "b"}),
        (Mutable, {"name": "a"}),
        (CachedHash, {"name": "a"}),
        (WithDict, {"name": "a", "colour": 2, "when": "2027-01-04"}),
        (WithDict, {"name": "a"}),
        (Odds, {}),
        (Odds, {"scores": {"a": 1}, "tags": ["x"], "level": "high", "even": 2, "word": "w"}),
        (Odds, {"flags": [True, False], "ratio": 1, "letters": ["ab", "b"]}),
    ],
)
def test_classes_of_every_kind_are_read_as_the_converter_reads_them(cls, data):
    """Classes built by calling them, or field by field, come out as the converter makes them."""
    read = structurer(cls)
    assert read is not None
    assert repr(read(data)) == repr(converter().structure(data, cls))
    if cls is CachedHash:
        assert hash(read(data)) == hash(converter().structure(data, cls))


def test_enums_of_numbers_are_read_as_their_members():
    """An enum of numbers comes out as its member both ways, not as the bare number."""
    data = {"name": "a", "colour": 2, "weight": 2.5}
    for read in (functools.partial(converter().structure, cl=WithDict), structurer(WithDict)):
        assert read(data).colour is Colour.GREEN
        assert read(data).weight is Weight.HEAVY


@pytest.mark.parametrize(
    ("cls", "data"),
    [
        (Counted, {}),
        (Counted, {"name": " "}),
        (Private, {"secret": "s"}),
        (Mutable, {"name": 1}),
        (WithDict, {}),
        (WithDict, {"name": "a", "colour": 3}),
        (WithDict, {"name": "a", "weight": 1.0}),
        (WithDict, {"name": "a", "when": "2027-02-30"}),
        (Odds, {"even": 1}),
        (Odds, {"even": 2.0}),
        (Odds, {"scores": {"a": "1"}}),
        (Odds, {"level": "middle"}),
        (Hidden, {"hidden": "x"}),
        (Odds, {"flags": [1]}),
        (Odds, {"ratio": 2}),
        (Odds, {"ratio": math.nan}),
        (Odds, {"letters": ["ab", "a"]}),
        (Odds, {"letters": ["ab", " "]}),
    ],
)
def test_the_fast_path_gives_up_where_the_converter_is_needed(cls, data):
    """Data the fast path cannot take as it is makes it give up, never build something else."""
    read = structurer(cls)
    assert read is not None
    with pytest.raises(Exception) as caught:  # any exception means: read it in full
        read(data)
    assert not isinstance(caught.value, _BROKEN)


def test_classes_built_by_calling_them_run_their_hooks():
    """A class with a __attrs_pre_init__ is built by calling it, so the hook runs."""
    before = next(Counted.builds)
    assert structurer(Counted)({"name": "a"}) == Counted(name="a")
    assert next(Counted.builds) == before + 3  # one for the fast path, one for Counted(...)


# --- validators written in line agree with their checks -------------------------------------


def _passes(check: v.Check, value: object) -> bool:
    try:
        check.check("Owner", "field", value)
    except (sms.InvalidFieldValueError, sms.InvalidFieldTypeError, TypeError):
        return False
    return True


def _written(check: v.Check, value: object, known: tuple[type, ...] = ()) -> bool | None:
    """Evaluate *check* written in line on *value*; None when it is not written in line."""
    space: dict[str, Any] = {}

    def name(obj: object, hint: str) -> str:
        key = f"_{hint}{len(space)}"
        space[key] = obj
        return key

    code = v.inline(check, "value", name, known)
    if code is None:
        return None
    try:
        return bool(eval(code, {**space, "value": value}))  # noqa: S307  # code written here
    except (TypeError, OverflowError, ValueError):
        return False  # written code that raises gives up, as a false test does


CHECKS = [
    v.text(),
    v.string(),
    v.one_line(),
    v.web_link(),
    v.time_zone(),
    v.number(),
    v.number(0, 100),
    v.number(None, None),
    v.whole_number(minimum=1, maximum=5),
    v.instance(sms.Platform),
    v.a_date(),
    v.a_datetime(),
    v.member_of(sms.GoalKind),
    v.optional(v.text()),
    v.tuple_of(v.text()),
    v.tuple_of(v.optional(v.number())),
    v.unique_by(_first_letter, "first letter"),
]

VALUES = st.one_of(
    ODD,
    st.text(max_size=6),
    st.integers(-3, 200),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(),
    st.datetimes(),
    st.tuples(st.text(max_size=3)),
    st.tuples(st.one_of(st.none(), st.integers(-2, 2), st.floats())),
    st.sampled_from([*sms.GoalKind, sms.Platform.X, "Not/AZone", "http://", "https://x y"]),
)


@pytest.mark.parametrize("check", CHECKS, ids=repr)
@given(value=VALUES)
def test_checks_written_in_line_say_what_the_checks_say(check, value):
    """Written in line, a check passes exactly the values the check passes, of exact types."""
    written = _written(check, value)
    assert written is not None
    passes = _passes(check, value)
    if written:
        assert passes
    elif passes:  # only values of a subclass (a str enum, a bool) may be left to the full check
        assert type(value) not in (str, int, float, tuple, type(None))


@given(value=VALUES)
def test_what_is_known_of_a_value_only_spares_tests_of_its_type(value):
    """Told the exact type of a value, a written check skips only the test of its type."""
    for check in CHECKS:
        written = _written(check, value, (type(value),))
        if written:
            assert _passes(check, value)


def test_checks_that_cannot_be_written_in_line_are_called():
    """A bound a float cannot hold exactly, and validators of the user's, are called."""
    assert _written(v.whole_number(minimum=2**60 + 1), 3) is None
    assert _written(_even, 2) is None
    assert _written(v.optional(v.whole_number(minimum=2**60 + 1)), 3) is None
    assert _written(v.tuple_of(v.whole_number(minimum=2**60 + 1)), (3,)) is None
    assert _written(v.instance(bool), value=True, known=(bool,)) is True
