"""Validators and converters for the fields of smstrategy's value types.

Each validator is a small slotted callable behind a factory function.  When a
value can never be right it raises :class:`~smstrategy.exceptions.InvalidFieldValueError`
or :class:`~smstrategy.exceptions.InvalidFieldTypeError`, whose message names the
class, the field, what was expected and what came.  They are public so that
building blocks of your own can hold the same invariants::

    >>> import attrs
    >>> from smstrategy import validators as v
    >>> @attrs.frozen(kw_only=True)
    ... class Budget:
    ...     currency: str = attrs.field(validator=v.text())
    ...     monthly: float = attrs.field(validator=v.number())
    >>> Budget(currency="NOK", monthly=-1)
    Traceback (most recent call last):
    ...
    smstrategy.exceptions.InvalidFieldValueError: Budget.monthly: expected a number ...
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import zoneinfo
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from smstrategy.exceptions import InvalidFieldTypeError, InvalidFieldValueError

if TYPE_CHECKING:
    from enum import Enum

__all__ = [
    "Check",
    "Name",
    "Validator",
    "a_date",
    "a_datetime",
    "blank",
    "inline",
    "instance",
    "items_of",
    "member_of",
    "number",
    "optional",
    "string",
    "text",
    "to_tuple",
    "tuple_of",
    "unique_by",
    "whole_number",
]


class Check(Protocol):
    """What every validator here offers besides being an attrs validator."""

    def check(self, owner: str, field: str, value: object) -> None:
        """Raise if *value* cannot be held by *owner*'s *field*."""

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Validate *value* as attrs does: with the instance and the attribute."""

    def schema(self) -> dict[str, Any]:
        """Return what the validator asks of a value, as JSON Schema keywords."""


class Validator:
    """The base of the validators here: an attrs validator built on ``check``.

    Subclass it and override :meth:`check` (not ``__call__``) to write a
    validator of your own that reports like the built-in ones and can be used
    inside :func:`tuple_of` and :func:`optional`.
    """

    __slots__ = ()

    def check(self, owner: str, field: str, value: object) -> None:
        """Raise if *value* cannot be held by *owner*'s *field*."""
        raise NotImplementedError

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Validate *value* for attrs, naming *inst*'s class and the attribute."""
        self.check(type(inst).__name__, attribute.name, value)

    def schema(self) -> dict[str, Any]:
        """Return what this validator asks of a value, as JSON Schema keywords.

        :func:`smstrategy.json_schema` adds them to the schema of the field's
        type.  The default asks nothing; override it where the check can be
        said in JSON Schema.
        """
        return {}

    def _inline(self, var: str, name: Name, known: Known = ()) -> str | None:
        """Return a Python expression, true exactly when :meth:`check` passes *var*'s value.

        It may also be false for some values that pass (a subclass of ``str``,
        say): it chooses the fast path of reading data, and the full check
        decides the rest.  *name* gives the name under which written code
        finds an object; *known*, when not empty, the types the value is
        known to be exactly one of.  ``None`` (the default) means the
        validator is called as attrs calls it.
        """
        del var, name, known  # nothing is written for a validator of unknown checks
        return None


#: The types a value is known to be exactly one of; empty when nothing is known.
Known = tuple[type, ...]


class Name(Protocol):
    """Gives the name under which written code finds an object."""

    def __call__(self, value: object, hint: str) -> str:
        """Return the name of *value*; *hint* is a word to begin it with."""


def inline(validator: object, var: str, name: Name, known: Known = ()) -> str | None:
    """Return an expression that is true when *validator* accepts *var*, or ``None``.

    See :meth:`Validator._inline`; validators not made here give ``None``.
    """
    if isinstance(validator, Validator):
        return validator._inline(var, name, known)  # noqa: SLF001
    return None


def _of_type(var: str, kinds: tuple[type, ...], known: Known) -> str:
    """Return a test that *var* is exactly of one of *kinds*: ``True`` when *known* says so."""
    if known and set(known) <= set(kinds):
        return "True"
    return "(" + " or ".join(f"type({var}) is {kind.__name__}" for kind in kinds) + ")"


#: Characters no text field holds: controls but tab and the line endings (LF, CR), the
#: Unicode line and paragraph separators, and lone surrogates, which no file can carry.
REFUSED = "\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\u2028\\u2029\\ud800-\\udfff"
#: Characters that show nothing: white space, controls and format characters such as the
#: zero-width space.  Text needs one character outside these to count as not blank.
INVISIBLE = (
    "\\x00-\\x20\\x7f-\\xa0\\xad\\u0600-\\u0605\\u061c\\u06dd\\u070f\\u0890\\u0891\\u08e2"
    "\\u1680\\u180e\\u2000-\\u200f\\u2028-\\u202f\\u205f-\\u2064\\u2066-\\u206f\\u3000"
    "\\ufeff\\ufff9-\\ufffb\\ud800-\\udfff"
)
#: What :func:`string` accepts, and :func:`text`, as regular expressions that Python and
#: JSON Schema read alike.
STRING_PATTERN = f"^[^{REFUSED}]*$"
TEXT_PATTERN = f"^[^{REFUSED}]*[^{INVISIBLE}][^{REFUSED}]*$"
_REFUSED = re.compile(f"[{REFUSED}]")
_VISIBLE = re.compile(f"[^{INVISIBLE}]")


def blank(value: str) -> bool:
    r"""Return whether *value* shows nothing: no character but white space or invisible ones.

    >>> blank(" \u200b\n"), blank(" a ")
    (True, False)
    """
    return _VISIBLE.search(value) is None


class _Text(Validator):
    __slots__ = ("blank_ok",)

    def __init__(self, *, blank_ok: bool) -> None:
        self.blank_ok = blank_ok

    def check(self, owner: str, field: str, value: object) -> None:
        if type(value) is str and value.isprintable() and (self.blank_ok or value[:1].isalnum()):
            return  # the common case, decided without searching the text
        if not isinstance(value, str):
            raise InvalidFieldTypeError(owner, field, "a string", value)
        if found := _REFUSED.search(value):
            expected = f"text without control characters (found U+{ord(found[0]):04X})"
            raise InvalidFieldValueError(owner, field, expected, value)
        if not self.blank_ok and blank(value):
            raise InvalidFieldValueError(owner, field, "text with a visible character", value)

    def schema(self) -> dict[str, Any]:
        return {"pattern": STRING_PATTERN if self.blank_ok else TEXT_PATTERN}

    def _inline(self, var: str, name: Name, known: Known = ()) -> str:
        clean = f"({var}.isprintable() or {name(_REFUSED, 'refused')}.search({var}) is None)"
        code = f"{_of_type(var, (str,), known)} and {clean}"
        if not self.blank_ok:
            code += f" and ({var}[:1].isalnum() or not {name(blank, 'blank')}({var}))"
        return f"({code})"

    def __repr__(self) -> str:
        return "string()" if self.blank_ok else "text()"


def text() -> Check:
    """Accept a string with a visible character and no control character but tab and line ends.

    A visible character is one that is not white space, a control or a format
    character such as the zero-width space.
    """
    return _Text(blank_ok=False)


class _OneLine(_Text):
    __slots__ = ()

    def __init__(self) -> None:
        super().__init__(blank_ok=False)

    def check(self, owner: str, field: str, value: object) -> None:
        super().check(owner, field, value)
        if _LINE_BREAK.search(str(value)):
            raise InvalidFieldValueError(owner, field, "one line of text", value)

    def schema(self) -> dict[str, Any]:
        return {"pattern": f"^[^{REFUSED}\\n\\r]*[^{INVISIBLE}][^{REFUSED}\\n\\r]*$"}

    def _inline(self, var: str, name: Name, known: Known = ()) -> str:
        one_line = f"{name(_LINE_BREAK, 'line_break')}.search({var}) is None"
        return f"({super()._inline(var, name, known)} and {one_line})"

    def __repr__(self) -> str:
        return "one_line()"


# Every character that str.splitlines breaks a line at.
_LINE_BREAK = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def one_line() -> Check:
    """Accept text on one line: not blank, with no line break of any kind."""
    return _OneLine()


def string() -> Check:
    """Accept any string with no control character but tab and line ends, the empty one too."""
    return _Text(blank_ok=True)


class _WebLink(Validator):
    __slots__ = ()

    def check(self, owner: str, field: str, value: object) -> None:
        if not isinstance(value, str):
            raise InvalidFieldTypeError(owner, field, "a string", value)
        if not LINK.fullmatch(value):
            expected = "an http:// or https:// link with a host and no spaces"
            raise InvalidFieldValueError(owner, field, expected, value)

    def schema(self) -> dict[str, Any]:
        return {"pattern": LINK.pattern}

    def _inline(self, var: str, name: Name, known: Known = ()) -> str:
        return f"({_of_type(var, (str,), known)} and {name(LINK, 'link')}.fullmatch({var}))"

    def __repr__(self) -> str:
        return "web_link()"


#: A web link: http or https, a host that starts with a letter or digit, no white space or
#: control characters anywhere; written so that JSON Schema and Python read it alike.
LINK = re.compile(
    r"^([hH][tT][tT][pP][sS]?://[A-Za-z0-9][^\s/?#@\[\]\x00-\x1f\x7f-\x9f]*"
    r"([/?#][^\s\x00-\x1f\x7f-\x9f]*)?)?$"
)


def web_link() -> Check:
    """Accept ``""`` or an ``http://`` or ``https://`` link with a host and no white space."""
    return _WebLink()


class _TimeZone(Validator):
    __slots__ = ()

    def check(self, owner: str, field: str, value: object) -> None:
        if not isinstance(value, str):
            raise InvalidFieldTypeError(owner, field, "a string", value)
        if value and zone(value) is None:
            expected = "an IANA time zone such as 'Europe/Oslo', or ''"
            raise InvalidFieldValueError(owner, field, expected, value)

    def schema(self) -> dict[str, Any]:
        names = (name for name in zoneinfo.available_timezones() if zone(name) is not None)
        return {"enum": ["", *sorted(names)]}

    def _inline(self, var: str, name: Name, known: Known = ()) -> str:
        found = f"{name(zone, 'zone')}({var}) is not None"
        return f"({_of_type(var, (str,), known)} and (not {var} or {found}))"

    def __repr__(self) -> str:
        return "time_zone()"


def time_zone() -> Check:
    """Accept ``""`` (no zone) or the name of an IANA time zone, such as ``"Europe/Oslo"``."""
    return _TimeZone()


@functools.cache
def zone(name: str) -> zoneinfo.ZoneInfo | None:
    """Return the IANA time zone *name*, or ``None`` when there is no such zone."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return None


class _Number(Validator):
    __slots__ = ("expected", "maximum", "minimum", "whole")

    def __init__(self, minimum: float | None, maximum: float | None, *, whole: bool) -> None:
        self.minimum = minimum
        self.maximum = maximum
        self.whole = whole
        noun = "a whole number" if whole else "a number"
        if minimum is not None and maximum is not None:
            self.expected = f"{noun} from {minimum:g} to {maximum:g}"
        elif minimum is not None:
            self.expected = f"{noun} of at least {minimum:g}"
        elif maximum is not None:
            self.expected = f"{noun} of at most {maximum:g}"
        else:
            self.expected = noun

    def check(self, owner: str, field: str, value: object) -> None:
        kinds: tuple[type, ...] = (int,) if self.whole else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds):
            raise InvalidFieldTypeError(owner, field, self.expected, value)
        try:
            number = float(value)  # type: ignore[arg-type]  # int or float, checked above
        except OverflowError:  # an int too large for a float
            number = math.inf
        if (
            math.isnan(number)
            or (self.minimum is not None and number < self.minimum)
            or (self.maximum is not None and number > self.maximum)
        ):
            raise InvalidFieldValueError(owner, field, self.expected, value)
        if math.isinf(number):
            raise InvalidFieldValueError(owner, field, f"a finite {self.expected[2:]}", value)

    def schema(self) -> dict[str, Any]:
        bounds: dict[str, Any] = {}
        if self.minimum is not None:
            bounds["minimum"] = self.minimum
        if self.maximum is not None:
            bounds["maximum"] = self.maximum
        return bounds

    def _inline(self, var: str, name: Name, known: Known = ()) -> str | None:
        kind = _of_type(var, (int,) if self.whole else (int, float), known)
        # An int too large for a float makes isfinite raise: the full check then says so.
        code = f"{kind} and {name(math.isfinite, 'isfinite')}({var})"
        for bound, holds in ((self.minimum, ">="), (self.maximum, "<=")):
            if bound is not None:
                if float(bound) != bound:  # compared as the check does, through a float
                    return None
                code += f" and {var} {holds} {name(bound, 'bound')}"
        return f"({code})"

    def __repr__(self) -> str:
        return f"<validator: {self.expected}>"


def number(minimum: float | None = 0, maximum: float | None = None) -> Check:
    """Accept a finite int or float (never a bool) within the bounds given."""
    return _Number(minimum, maximum, whole=False)


def whole_number(minimum: int | None = 0, maximum: int | None = None) -> Check:
    """Accept an int (never a bool) within the bounds given."""
    return _Number(minimum, maximum, whole=True)


class _Instance(Validator):
    __slots__ = ("expected", "kind", "refuse")

    def __init__(self, kind: type, expected: str, refuse: type | None = None) -> None:
        self.kind = kind
        self.expected = expected
        self.refuse = refuse

    def check(self, owner: str, field: str, value: object) -> None:
        if not isinstance(value, self.kind) or (
            self.refuse is not None and isinstance(value, self.refuse)
        ):
            raise InvalidFieldTypeError(owner, field, self.expected, value)

    def _inline(self, var: str, name: Name, known: Known = ()) -> str:
        if known and all(
            issubclass(k, self.kind) and not (self.refuse and issubclass(k, self.refuse))
            for k in known
        ):
            return "True"
        code = f"isinstance({var}, {name(self.kind, 'kind')})"
        if self.refuse is not None:
            code += f" and not isinstance({var}, {name(self.refuse, 'kind')})"
        return f"({code})"

    def __repr__(self) -> str:
        return f"<validator: {self.expected}>"


def _article(name: str) -> str:
    return ("an " if name[:1].lower() in "aeiou" else "a ") + name


def instance(kind: type) -> Check:
    """Accept an instance of *kind* (or of a subclass)."""
    return _Instance(kind, _article(kind.__name__))


def a_date() -> Check:
    """Accept a :class:`datetime.date` that is not a :class:`datetime.datetime`."""
    return _Instance(dt.date, "a date (datetime.date)", refuse=dt.datetime)


def a_datetime() -> Check:
    """Accept a :class:`datetime.datetime`."""
    return _Instance(dt.datetime, "a date and time (datetime.datetime)")


def member_of(enum: type[Enum]) -> Check:
    """Accept a member of *enum*; the message lists the values it has."""
    values = ", ".join(repr(m.value) for m in enum)
    return _Instance(enum, f"{_article(enum.__name__)} (one of {values})")


class _Optional(Validator):
    __slots__ = ("inner",)

    def __init__(self, inner: Check) -> None:
        self.inner = inner

    def check(self, owner: str, field: str, value: object) -> None:
        if value is not None:
            self.inner.check(owner, field, value)

    def schema(self) -> dict[str, Any]:
        return self.inner.schema()

    def _inline(self, var: str, name: Name, known: Known = ()) -> str | None:
        known = tuple(k for k in known if k is not type(None))
        inner = inline(self.inner, var, name, known)
        return None if inner is None else f"({var} is None or {inner})"

    def __repr__(self) -> str:
        return f"optional({self.inner!r})"


def optional(inner: Check) -> Check:
    """Accept ``None`` or whatever *inner* accepts."""
    return _Optional(inner)


class _TupleOf(Validator):
    __slots__ = ("inner",)

    def __init__(self, inner: Check) -> None:
        self.inner = inner

    def check(self, owner: str, field: str, value: object) -> None:
        if not isinstance(value, tuple):
            raise InvalidFieldTypeError(owner, field, "a list or tuple", value)
        for index, item in enumerate(value):
            self.inner.check(owner, f"{field}[{index}]", item)

    def schema(self) -> dict[str, Any]:
        inner = self.inner.schema()
        return {"items": inner} if inner else {}

    def _inline(self, var: str, name: Name, known: Known = ()) -> str | None:
        item = f"{var}_"
        inner = inline(self.inner, item, name)
        if inner is None:
            return None
        return f"({_of_type(var, (tuple,), known)} and all({inner} for {item} in {var}))"

    def __repr__(self) -> str:
        return f"tuple_of({self.inner!r})"


def tuple_of(inner: Check) -> Check:
    """Accept a tuple whose every item *inner* accepts; errors name the index."""
    return _TupleOf(inner)


def items_of(validator: object) -> Check | None:
    """Return the check a :func:`tuple_of` validator makes of each item, or ``None``."""
    return validator.inner if isinstance(validator, _TupleOf) else None


class _UniqueBy(Validator):
    __slots__ = ("key", "what")

    def __init__(self, key: Callable[[Any], Hashable], what: str) -> None:
        self.key = key
        self.what = what

    def check(self, owner: str, field: str, value: object) -> None:
        seen: set[Hashable] = set()
        for item in value:  # type: ignore[attr-defined]  # runs after tuple_of
            key = self.key(item)
            if key in seen:
                raise InvalidFieldValueError(
                    owner, field, f"each {self.what} at most once", key, shown=f"{key!r} twice"
                )
            seen.add(key)

    def _inline(self, var: str, name: Name, known: Known = ()) -> str:
        del known  # a tuple, whatever is known of it
        key = name(self.key, "key")
        return f"(len({{{key}({var}_) for {var}_ in {var}}}) == len({var}))"

    def __repr__(self) -> str:
        return f"<validator: unique {self.what}>"


def unique_by(key: Callable[[Any], Hashable], what: str) -> Check:
    """Accept a tuple in which no two items share ``key(item)``.

    *what* names the key in the message, for example ``"audience name"``.
    Use it after :func:`tuple_of`.
    """
    return _UniqueBy(key, what)


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Convert a list or any other iterable to a tuple.

    Strings, bytes and mappings are left as they are, so that the field's
    validator can reject them by name instead of silently splitting them.
    """
    kind = type(value)
    if kind is tuple:
        return value  # type: ignore[return-value]  # a tuple already
    if kind is list:
        return tuple(value)
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        return value  # type: ignore[return-value]  # the field's validator reports it
    return tuple(value)
