"""Plans to and from plain data and JSON.

The data of a plan is a dict that names its framework first, then holds the
plan's fields in declared order; enums are stored by value, dates as ISO 8601
strings and tuples as lists::

    >>> import smstrategy as sms
    >>> data = sms.to_dict(sms.example("popt"))
    >>> list(data)[:5]
    ['framework', 'title', 'stage', 'profile', 'purpose']
    >>> sms.from_dict(data) == sms.example("popt")
    True

Results (see :mod:`smstrategy.results`), content plans and calendars (see
:mod:`smstrategy.calendar`) travel the same way; their data names their kind
first, ``{"kind": "results", ...}``, ``"content-plan"`` or ``"calendar"``.
Read them by passing their class: ``from_dict(data, sms.ContentPlan)``.

Data that does not make a plan raises one :class:`StructureError` that lists
every problem with its path::

    >>> data["objectives"]["goals"][0]["metrics"] = [{"name": "reach", "target": "lots"}]
    >>> del data["tactics"]
    >>> sms.from_dict(data)
    Traceback (most recent call last):
    ...
    smstrategy.exceptions.StructureError: 2 problems in the data:
      $.objectives.goals[0].metrics[0].target: expected a number, got 'lots'
      $.tactics: missing
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import re
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Any, overload

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn

from smstrategy.base import Framework, _is_framework_class, frameworks, get_framework
from smstrategy.calendar import ContentPlan
from smstrategy.compiled import optional_inner, structurer
from smstrategy.elements import Calendar, Platform
from smstrategy.exceptions import StructureError, UnknownFrameworkError, _FieldError, excerpt
from smstrategy.nesting import parse_json, refuse_deep
from smstrategy.results import Results
from smstrategy.validators import blank

__all__ = ["StructureError", "from_dict", "from_json", "to_dict", "to_json"]

_KEY = "framework"
#: The key that names what other documents are, and the classes they name.
_KIND = "kind"
_KINDS: dict[str, type[Results | ContentPlan | Calendar]] = {
    kind.key: kind for kind in (Results, ContentPlan, Calendar)
}
#: The most unknown keys a problem names; the rest are counted.
_KEYS_LISTED = 5
#: What can be written as data: plans, and the documents that name their kind.
Document = Framework | Results | ContentPlan | Calendar


class _Mismatch(Exception):  # noqa: N818  # internal: never leaves this module
    """A value of the wrong kind, found while structuring."""

    def __init__(self, expected: str, got: object) -> None:
        super().__init__(f"expected {expected}, got {excerpt(got)}")


class _Problems(Exception):  # noqa: N818  # internal: never leaves this module
    """Problems found inside a list, each at its index."""

    def __init__(self, found: list[tuple[str, BaseException]]) -> None:
        super().__init__(f"{len(found)} problem(s)")
        self.found = found


# --- strict scalars -------------------------------------------------------------------------


def _string(value: object, kind: type[str]) -> str:
    if issubclass(kind, enum.Enum):  # a string enum: the hook for str is found for it first
        return _enum(value, kind)  # type: ignore[return-value]
    if not isinstance(value, str):
        raise _Mismatch("a string", value)
    return value if kind is str else kind(value)  # a subclass of str of the user's


def _boolean(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise _Mismatch("true or false", value)
    return value


def _integer(value: object, kind: type) -> int:
    if issubclass(kind, enum.Enum):  # an enum of numbers: the hook for int is found first
        return _enum(value, kind)  # type: ignore[return-value]
    if type(value) is float and value.is_integer():  # JSON does not tell 2.0 from 2
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Mismatch("a whole number", value)
    return value


def _number(value: object, kind: type) -> float:
    if issubclass(kind, enum.Enum):  # an enum of floats: the hook for float is found first
        return _enum(value, kind)  # type: ignore[return-value]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Mismatch("a number", value)
    return value


_MONTH_DAY = (
    r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    r"|02-(?:0[1-9]|1[0-9]|2[0-9]))"
)
_YEAR = r"(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"  # year 1 on, as Python
#: A date as data holds it: YYYY-MM-DD.  Digits are ASCII ([0-9]: \d is wider in Python).
DATE_PATTERN = rf"^{_YEAR}-{_MONTH_DAY}(?!\n)$"  # Python's $ would allow a last newline
#: A date and time as data holds it: YYYY-MM-DDTHH:MM, with optional seconds, fraction
#: of a second and offset from UTC.
DATETIME_PATTERN = (
    rf"^{_YEAR}-{_MONTH_DAY}[T ](?:[01][0-9]|2[0-3]):[0-5][0-9]"
    r"(?::[0-5][0-9](?:\.[0-9]{1,6})?)?(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])?(?!\n)$"
)


def _iso(kind: type[dt.date], expected: str, pattern: str) -> Callable[[object, type], dt.date]:
    """Return a hook that reads *kind* (a date or a date and time) from ISO 8601 text.

    Only the forms *pattern* matches are read.  A value that already is one
    (as TOML's dates are) is taken as it is.
    """
    form = re.compile(pattern)

    def structure(value: object, _: type) -> dt.date:
        if type(value) is kind:
            return value
        if isinstance(value, str) and form.match(value):
            try:
                return kind.fromisoformat(value)
            except ValueError:
                pass
        raise _Mismatch(expected, value)

    return structure


def _platform(value: object, _: type) -> Platform:
    if not isinstance(value, str) or blank(value):
        raise _Mismatch("a network name", value)
    return Platform(name=value)


#: Classes read from data by a hook of their own rather than from an object of their fields.
OWN_HOOKS: Mapping[type, Callable[[object, type], Any]] = {Platform: _platform}


def _enum(value: object, kind: type[enum.Enum]) -> enum.Enum:
    try:
        return kind(value)
    except (ValueError, TypeError):
        expected = "one of " + ", ".join(repr(m.value) for m in kind)
        raise _Mismatch(expected, value) from None


def _is_optional(kind: Any) -> bool:
    return optional_inner(kind) is not None


def _optional_hook(converter: cattrs.Converter, kind: Any) -> Callable[[object, type], Any]:
    inner = optional_inner(kind)
    structure_inner = converter.get_structure_hook(inner)

    def structure(value: object, _: type) -> Any:
        return None if value is None else structure_inner(value, inner)

    return structure


def _is_tuple(kind: Any) -> bool:
    return typing.get_origin(kind) is tuple


def _is_mapping(kind: Any) -> bool:
    return typing.get_origin(kind) in (Mapping, dict)


def _mapping_hook(converter: cattrs.Converter, kind: Any) -> Callable[[object, type], Any]:
    key_type, value_type = typing.get_args(kind)
    structure_key = converter.get_structure_hook(key_type)
    structure_value = converter.get_structure_hook(value_type)

    def structure(value: object, _: type) -> dict[Any, Any]:
        if not isinstance(value, Mapping):
            raise _Mismatch("an object", value)
        items = {}
        found: list[tuple[str, BaseException]] = []
        for key, item in value.items():
            try:
                structured = structure_key(key, key_type)
                items[structured] = structure_value(item, value_type)
            except Exception as e:  # noqa: BLE001  # every problem is collected, then raised
                found.append((f"[{excerpt(key)}]", e))
        if found:
            raise _Problems(found)
        return items

    return structure


def _tuple_hook(
    converter: cattrs.Converter, kind: Any
) -> Callable[[object, type], tuple[Any, ...]]:
    item_type = typing.get_args(kind)[0]
    structure_item = converter.get_structure_hook(item_type)

    def structure(value: object, _: type) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise _Mismatch("a list", value)
        items = []
        found: list[tuple[str, BaseException]] = []
        for index, item in enumerate(value):
            try:
                items.append(structure_item(item, item_type))
            except Exception as e:  # noqa: BLE001  # every problem is collected, then raised
                found.append((f"[{index}]", e))
        if found:
            raise _Problems(found)
        return tuple(items)

    return structure


def _attrs_hook(converter: cattrs.Converter, kind: type) -> Callable[[object, type], Any]:
    build: Callable[[Mapping[str, Any], Any], Any] = make_dict_structure_fn(
        kind, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )
    # Fields saved under another name by earlier versions: (field, old name, how to read it).
    renamed = [
        (f.name, *f.metadata["formerly"]) for f in attrs.fields(kind) if "formerly" in f.metadata
    ]

    def structure(value: object, _: type) -> Any:
        if type(value) is not dict and not isinstance(value, Mapping):
            raise _Mismatch(f"an object (a {kind.__name__})", value)
        for name, old, read in renamed:
            if old in value and name not in value:
                value = {**value, name: read(value[old])}
                del value[old]
        return build(value, kind)

    return structure


def _unstructure_tuple(converter: cattrs.Converter) -> Callable[[tuple[Any, ...]], list[Any]]:
    def unstructure(value: tuple[Any, ...]) -> list[Any]:
        return [converter.unstructure(item) for item in value]

    return unstructure


@functools.cache
def converter() -> cattrs.Converter:
    """Return the library's own cattrs converter, made on first use."""
    c = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    # Hooks registered later win, so the general one for attrs classes comes first.
    c.register_structure_hook_factory(attrs.has, lambda t: _attrs_hook(c, t))
    # These are found by class and its bases before any other hook, so the hook
    # for str also receives string enums (see _string).
    c.register_structure_hook(str, _string)
    c.register_structure_hook(bool, _boolean)
    c.register_structure_hook(int, _integer)
    c.register_structure_hook(float, _number)
    c.register_structure_hook(
        dt.datetime,
        _iso(
            dt.datetime,
            "a date and time in ISO 8601, such as 2027-01-04T08:30",
            DATETIME_PATTERN,
        ),
    )
    c.register_structure_hook(dt.date, _iso(dt.date, "a date as YYYY-MM-DD", DATE_PATTERN))
    for kind, hook in OWN_HOOKS.items():
        c.register_structure_hook(kind, hook)
    c.register_structure_hook(enum.Enum, _enum)
    c.register_unstructure_hook(Platform, lambda p: p.name)
    c.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    c.register_unstructure_hook(dt.datetime, lambda d: d.isoformat())
    c.register_structure_hook_factory(_is_tuple, lambda t: _tuple_hook(c, t))
    c.register_structure_hook_factory(_is_mapping, lambda t: _mapping_hook(c, t))
    c.register_structure_hook_factory(_is_optional, lambda t: _optional_hook(c, t))
    c.register_unstructure_hook_factory(
        lambda t: t is tuple or _is_tuple(t), lambda _: _unstructure_tuple(c)
    )
    return c


# --- errors with paths ----------------------------------------------------------------------


def _problems(error: BaseException, path: str) -> Iterator[str]:
    """Yield one line per problem inside *error*, each with its path."""
    # Lists are structured by _tuple_hook, which raises _Problems, so the only
    # cattrs errors are those of attrs classes, each noted with its attribute.
    if isinstance(error, ClassValidationError):
        with_notes, without_notes = error.group_exceptions()
        for inner, note in with_notes:
            yield from _problems(inner, f"{path}.{note.name}")
        for unplaced in without_notes:
            yield from _problems(unplaced, path)
    elif isinstance(error, _Problems):
        for step, found in error.found:
            yield from _problems(found, path + step)
    elif isinstance(error, ForbiddenExtraKeysError):
        extra = sorted(error.extra_fields, key=str)
        names = ", ".join(excerpt(k) for k in extra[:_KEYS_LISTED])
        if len(extra) > _KEYS_LISTED:
            names += f" and {len(extra) - _KEYS_LISTED} more"
        yield f"{path}: unknown key(s) {names}"
    elif isinstance(error, KeyError):
        yield f"{path}: missing"
    elif isinstance(error, _FieldError):
        where = error.field if error.field.startswith("[") else f".{error.field}"
        yield f"{path}{where}: {str(error).split(': ', 1)[1]}"
    else:
        yield f"{path}: {error}"


def _class_of(
    data: Mapping[str, Any], framework: type[Document] | str | None
) -> tuple[type[Document], str]:
    """Return the class the data makes, and the key that names it in the data."""
    if framework in _KINDS.values():
        other = typing.cast("type[Results | ContentPlan | Calendar]", framework)
        kind = data.get(_KIND, other.key)
        if kind != other.key:
            raise StructureError([f"$.{_KIND}: expected {other.key!r}, got {excerpt(kind)}"])
        return other, _KIND
    named = data.get(_KEY)
    if framework is None:
        if named is None and data.get(_KIND) in _KINDS:
            name = _KINDS[data[_KIND]].__name__
            msg = f"$.{_KIND}: this is {data[_KIND]}; read it with from_dict(data, {name})"
            raise StructureError([msg])
        if named is None:
            known = ", ".join(frameworks())
            msg = (
                f'$: missing the "{_KEY}" key, which names the framework (one of: {known}), '
                f'or the "{_KIND}" key of other documents (one of: {", ".join(_KINDS)})'
            )
            raise StructureError([msg])
        return _lookup(named, f"$.{_KEY}"), _KEY
    cls = (
        typing.cast("type[Framework]", framework)
        if _is_framework_class(framework)
        else _lookup(framework, "framework")
    )
    if named is not None and named != cls.key:
        msg = f"$.{_KEY}: expected {cls.key!r}, got {excerpt(named)}"
        raise StructureError([msg])
    return cls, _KEY


def _lookup(key: object, path: str) -> type[Framework]:
    try:
        return get_framework(key)  # type: ignore[arg-type]  # the lookup reports any key
    except UnknownFrameworkError as e:
        raise StructureError([f"{path}: {e}"]) from None


@overload
def from_dict(data: Mapping[str, Any], framework: type[Results]) -> Results: ...
@overload
def from_dict(data: Mapping[str, Any], framework: type[ContentPlan]) -> ContentPlan: ...
@overload
def from_dict(data: Mapping[str, Any], framework: type[Calendar]) -> Calendar: ...
@overload
def from_dict(
    data: Mapping[str, Any], framework: type[Framework] | str | None = None
) -> Framework: ...
def from_dict(data: Mapping[str, Any], framework: type[Document] | str | None = None) -> Document:
    """Build a plan, or another document, from plain data, as :func:`to_dict` writes it.

    The framework comes from the data's ``"framework"`` key, or from
    *framework* (a class or a key), which the key must then agree with.  Pass
    :class:`~smstrategy.Results`, :class:`~smstrategy.ContentPlan` or
    :class:`~smstrategy.Calendar` as *framework* to read one of those (their
    data names its ``"kind"``).  Any problem raises :class:`StructureError`
    listing every problem with its path.
    """
    if not isinstance(data, Mapping):
        raise StructureError([f"$: expected an object, got {excerpt(data)}"])
    try:  # the fast path: it gives up at anything unexpected, and then says nothing
        cls, key = _class_of(data, framework)
        read = structurer(typing.cast("type", cls))
        if read is not None:
            return typing.cast("Document", read({k: v for k, v in data.items() if k != key}))
    except Exception:  # noqa: BLE001, S110  # the detailed path below says what is wrong
        pass
    refuse_deep(data)
    cls, key = _class_of(data, framework)
    body = {k: v for k, v in data.items() if k != key}
    try:
        document: Document = converter().structure(body, cls)
    except Exception as e:  # noqa: BLE001  # every failure becomes one StructureError
        raise StructureError(list(_problems(e, "$"))) from None
    return document


def to_dict(document: Document) -> dict[str, Any]:
    """Return a plan, or another document, as plain data: dicts, lists, text and numbers."""
    if isinstance(document, tuple(_KINDS.values())):
        data: dict[str, Any] = {_KIND: document.key}
    elif isinstance(document, Framework):
        data = {_KEY: document.key}
    else:
        expected = "a plan (a Framework instance), Results, a ContentPlan or a Calendar"
        raise StructureError([f"$: expected {expected}, got {excerpt(document)}"])
    data.update(converter().unstructure(document))
    return data


def to_json(document: Document, **json_options: Any) -> str:
    """Return a plan, or another document, as JSON; *json_options* go to :func:`json.dumps`.

    Unless told otherwise, non-ASCII text is written as it is.
    """
    options: dict[str, Any] = {"ensure_ascii": False, **json_options}
    return json.dumps(to_dict(document), **options)


@overload
def from_json(text: str | bytes, framework: type[Results]) -> Results: ...
@overload
def from_json(text: str | bytes, framework: type[ContentPlan]) -> ContentPlan: ...
@overload
def from_json(text: str | bytes, framework: type[Calendar]) -> Calendar: ...
@overload
def from_json(text: str | bytes, framework: type[Framework] | str | None = None) -> Framework: ...
def from_json(text: str | bytes, framework: type[Document] | str | None = None) -> Document:
    """Build a plan, or another document, from JSON, as :func:`to_json` writes it.

    See :func:`from_dict`.
    """
    return from_dict(parse_json(text), framework)
