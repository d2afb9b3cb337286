"""Reading plain data quickly: structuring code written for each class.

:func:`~smstrategy.from_dict` reads a document twice only when something is
wrong with it.  First it tries a function written for the document's class
(and the classes inside it): one that checks each value's type and each
field's validator in line and builds the instances as attrs' own ``__init__``
would, without the calls of a general converter.  At the first thing it does
not expect (a wrong type, a missing or unknown key, a value a validator
refuses, a key an earlier version used), it gives up, and the detailed
converter reads the data again, reporting every problem with its path.  So
the fast path never decides what an error says, and what it builds is what
the detailed converter would build::

    >>> import smstrategy as sms
    >>> from smstrategy.compiled import structurer
    >>> data = sms.to_dict(sms.example("popt"))
    >>> del data["framework"]
    >>> structurer(type(sms.example("popt")))(data) == sms.example("popt")
    True

A class gets no such function, and is read by the detailed converter alone,
when its types refer back to it (its data could nest without end) or nest
deeper than :data:`~smstrategy.nesting.MAX_DEPTH`.  A class whose
``__init__`` does more than attrs' usual work (a ``__attrs_pre_init__``,
aliases, converters that take the instance, a class that is not frozen) is
built by calling it, which runs its validators the usual way.
"""

from __future__ import annotations

import enum
import functools
import itertools
import types
import typing
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import Any

import attrs

from smstrategy.caches import SIZE
from smstrategy.nesting import MAX_DEPTH
from smstrategy.validators import Known, inline, items_of, to_tuple

__all__ = ["optional_inner", "structurer"]


class _Unfit(Exception):  # noqa: N818  # internal: never leaves this module
    """The class's types cannot be read by written code; the converter reads it."""


class _Names:
    """The objects written code refers to, each under a name of its own."""

    def __init__(self) -> None:
        self.space: dict[str, Any] = {}
        self._given: dict[int, str] = {}  # the objects are kept in space, so ids stay theirs
        self._count = itertools.count()

    def __call__(self, value: object, hint: str = "o") -> str:
        name = self._given.get(id(value))
        if name is None:
            name = self._given[id(value)] = f"_{hint}{next(self._count)}"
            self.space[name] = value
        return name

    def fresh(self, hint: str = "x") -> str:
        """Return a name for a local variable."""
        return f"{hint}{next(self._count)}"


def optional_inner(hint: Any) -> Any | None:
    """Return ``X`` when *hint* is ``X | None`` (or ``Optional[X]``), else ``None``."""
    args = typing.get_args(hint)
    if (
        typing.get_origin(hint) in (typing.Union, types.UnionType)
        and len(args) == 2  # noqa: PLR2004  # one type and None
        and type(None) in args
    ):
        return next(arg for arg in args if arg is not type(None))
    return None


def _frozen_props(cls: type) -> bool:
    """Whether *cls* is an attrs class that attrs' own ``__init__`` builds plainly."""
    props = cls.__dict__.get("__attrs_props__")
    return (
        props is not None
        and props.added_init
        and props.is_frozen
        and not props.is_exception
        and "__attrs_pre_init__" not in dir(cls)
        and props.hashability.name != "HASHABLE_CACHED"
        and cls.__new__ is _OBJECT_NEW
    )


_OBJECT_NEW: Any = object.__new__


def _plain_field(field: attrs.Attribute[Any]) -> bool:
    default = field.default
    return (
        field.init
        and field.alias == field.name
        and not isinstance(field.converter, attrs.Converter)
        and not getattr(default, "takes_self", False)  # a Factory that takes the instance
    )


class _Writer:
    """Writes the functions for one class and the classes inside it."""

    def __init__(self, converter: Any, own_hooks: Collection[type]) -> None:
        self.converter = converter
        self.own_hooks = own_hooks
        self.names = _Names()
        self.lines: list[str] = []
        self.functions: dict[type, str] = {}
        self.writing: list[type] = []

    def function(self, cls: type, depth: int) -> str:
        """Return the name of the function that reads *cls*, writing it first if need be."""
        if cls in self.writing:
            msg = f"{cls.__name__} refers back to itself"
            raise _Unfit(msg)
        if depth >= MAX_DEPTH:
            msg = f"{cls.__name__} nests deeper than {MAX_DEPTH} levels"
            raise _Unfit(msg)
        if cls in self.functions:
            return self.functions[cls]
        self.writing.append(cls)
        try:
            body = list(self._body(cls, depth))
        finally:
            self.writing.pop()
        name = self.names.fresh(f"read_{cls.__name__}_")
        self.functions[cls] = name
        self.lines += [f"def {name}(d):", *(f"    {line}" for line in body), ""]
        return name

    def _body(self, cls: type, depth: int) -> Iterator[str]:
        every = attrs.fields(attrs.resolve_types(cls))
        fields = [f for f in every if f.init]
        keys = self.names(frozenset(f.name for f in fields), "keys")
        yield f"if type(d) is not dict or not d.keys() <= {keys}: raise _SLOW"
        built = _frozen_props(cls) and all(_plain_field(f) for f in every)
        if not built:
            yield "kw = {}"
        called: list[tuple[str, attrs.Attribute[Any]]] = []
        values: list[tuple[attrs.Attribute[Any], str]] = []
        for field in fields:
            var = self.names.fresh("v")
            if built:
                yield from self._checked_field(field, var, depth, called)
            else:  # the class's own __init__ fills in defaults, converts and validates
                yield f"if {field.name!r} in d:"
                yield f"    {var} = d[{field.name!r}]"
                yield from _indented(self.value(field.type, var, depth + 1))
                yield f"    kw[{field.alias!r}] = {var}"
            values.append((field, var))
        if not built:
            yield f"return {self.names(cls, 'cls')}(**kw)"
            return
        yield f"o = _new({self.names(cls, 'cls')})"
        for field, var in values:
            slot = getattr(cls, field.name, None)
            if isinstance(slot, types.MemberDescriptorType):  # a slot: filled the fastest way
                yield f"{self.names(slot.__set__, 'set')}(o, {var})"
            else:
                yield f"_set(o, {field.name!r}, {var})"
        for name, field in called:
            yield f"{name}(o, {self.names(field, 'attribute')}, o.{field.name})"
        if hasattr(cls, "__attrs_post_init__"):
            yield "o.__attrs_post_init__()"
        yield "return o"

    def _default(self, field: attrs.Attribute[Any]) -> str:
        if field.default is attrs.NOTHING:
            return "_missing()"
        if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            factory = typing.cast("Any", field.default).factory
            return f"{self.names(factory, 'factory')}()"
        return self.names(field.default, "default")

    def _checked_field(
        self,
        field: attrs.Attribute[Any],
        var: str,
        depth: int,
        called: list[tuple[str, attrs.Attribute[Any]]],
    ) -> Iterator[str]:
        """Yield lines that read, convert and check one field as attrs' ``__init__`` would."""
        validators = _flat(field.validator)
        converter: Any = field.converter
        each = None
        if _is_list(field.type) and converter in (None, to_tuple):
            # The value is a tuple made here, which to_tuple leaves as it is; the check a
            # tuple_of validator makes of each item is made in the loop that reads the items.
            converter = None
            item_known = self.known(typing.get_args(field.type)[0])
            for validator in validators:
                inner = items_of(validator)
                if inner is not None and inline(inner, var, self.names) is not None:
                    each = functools.partial(inline, inner, name=self.names, known=item_known)
                    validators = [v for v in validators if v is not validator]
                    break
        everything = _flat(field.validator)
        yield "try:"
        yield f"    {var} = d[{field.name!r}]"
        yield "except KeyError:"
        yield f"    {var} = {self._default(field)}"
        default = field.default
        plain = default is not attrs.NOTHING and not isinstance(default, attrs.Factory)  # type: ignore[arg-type]
        known: Known = (type(default),) if plain and field.converter is None else ()
        lines = self._converted_and_checked(field.converter, everything, var, known)
        yield from _indented(lines)
        yield "else:"
        yield from _indented(self.value(field.type, var, depth + 1, each))
        known = self.known(field.type) if converter is None else ()
        yield from _indented(self._converted_and_checked(converter, validators, var, known))
        called.extend(
            (self.names(validator, "validator"), field)
            for validator in everything
            if inline(validator, var, self.names) is None
        )

    def _converted_and_checked(
        self, converter: Any, validators: list[Any], var: str, known: Known
    ) -> Iterator[str]:
        if converter is not None:
            yield f"{var} = {self.names(converter, 'convert')}({var})"
        written = [inline(validator, var, self.names, known) for validator in validators]
        needed = [w for w in written if w and w != "True"]
        if needed:
            yield f"if not ({' and '.join(needed)}): raise _SLOW"

    def known(self, hint: Any) -> Known:
        """Return the types a value of *hint* read by :meth:`value` is exactly one of."""
        inner = optional_inner(hint)
        if hint in _PLAIN:
            return (float, int) if hint is float else (hint,)
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return (hint,)
        if inner is not None:
            found = self.known(inner)
            return (*found, type(None)) if found else ()
        if _is_list(hint):
            return (tuple,)
        if attrs.has(hint) and hint not in self.own_hooks:
            return (hint,)
        return ()

    def value(
        self, hint: Any, var: str, depth: int, each: Callable[[str], str | None] | None = None
    ) -> Iterator[str]:
        """Yield lines that turn the data in *var* into a value of *hint*, or raise.

        *each*, for a tuple, writes a check of an item, given the item's variable.
        """
        inner = optional_inner(hint)
        if hint is str:
            yield f"if type({var}) is not str: raise _SLOW"
        elif hint is bool:
            yield f"if type({var}) is not bool: raise _SLOW"
        elif hint is int:
            yield f"if type({var}) is not int: raise _SLOW"
        elif hint is float:
            yield f"if type({var}) is not float and type({var}) is not int: raise _SLOW"
        elif isinstance(hint, type) and issubclass(hint, enum.Enum):
            members = self.names(hint._value2member_map_, "members")
            yield f"{var} = {members}.get({var})"
            yield f"if {var} is None: raise _SLOW"
        elif inner is not None:
            yield f"if {var} is not None:"
            yield from (f"    {line}" for line in self.value(inner, var, depth))
        elif _is_list(hint):
            item_type = typing.get_args(hint)[0]
            item = self.names.fresh("i")
            written = each(item) if each else None
            check = [f"if not ({written}): raise _SLOW"] if written and written != "True" else []
            if item_type in _PLAIN:  # checked, not changed: the list becomes the tuple
                yield f"if type({var}) is not list: raise _SLOW"
                yield f"for {item} in {var}:"
                yield from _indented([*self.value(item_type, item, depth + 1), *check])
                yield f"{var} = tuple({var})"
                return
            items = self.names.fresh("l")
            yield f"if type({var}) is not list: raise _SLOW"
            yield f"{items} = []"
            yield f"for {item} in {var}:"
            yield from _indented([*self.value(item_type, item, depth + 1), *check])
            yield f"    {items}.append({item})"
            yield f"{var} = tuple({items})"
        elif attrs.has(hint) and hint not in self.own_hooks:
            yield f"{var} = {self.function(hint, depth)}({var})"
        else:
            hook = self.names(self.converter.get_structure_hook(hint), "hook")
            yield f"{var} = {hook}({var}, {self.names(hint, 'type')})"


#: Types whose values are taken from the data as they are, once their type is checked.
_PLAIN = (str, bool, int, float)


def _indented(lines: Iterable[str]) -> Iterator[str]:
    return (f"    {line}" for line in lines)


def _is_list(hint: Any) -> bool:
    """Whether *hint* is a tuple of any length: ``tuple[X, ...]``."""
    return typing.get_origin(hint) is tuple and typing.get_args(hint)[1:] == (...,)


def _flat(validator: Any) -> list[Any]:
    """Return the validators that *validator* is made of: itself, or those of attrs' ``and_``."""
    if validator is None:
        return []
    if isinstance(validator, type(attrs.validators.and_())):
        parts = typing.cast("Any", validator)._validators  # noqa: SLF001  # what and_() holds
        return [inner for part in parts for inner in _flat(part)]
    return [validator]


def _missing() -> typing.NoReturn:
    raise _SLOW


class _Slow(Exception):  # noqa: N818  # raised by written code; never leaves from_dict
    """The data is not what the written code expects: read it the detailed way."""


_SLOW = _Slow()


@functools.lru_cache(maxsize=SIZE)
def structurer(cls: type) -> Callable[[Mapping[str, Any]], Any] | None:
    """Return a function that reads a dict of *cls*'s fields, or ``None`` if it has none.

    The function raises an exception whenever the data is not exactly what
    it expects; read the data with the detailed converter then.
    """
    from smstrategy.convert import OWN_HOOKS, converter  # it imports this module

    writer = _Writer(converter(), OWN_HOOKS)
    try:
        top = writer.function(cls, 0)
    except _Unfit:
        return None
    space = {
        **writer.names.space,
        "_SLOW": _SLOW,
        "_missing": _missing,
        "_new": object.__new__,
        "_set": object.__setattr__,
    }
    source = "\n".join(writer.lines)
    exec(compile(source, f"<smstrategy structuring {cls.__qualname__}>", "exec"), space)  # noqa: S102
    return typing.cast("Callable[[Mapping[str, Any]], Any]", space[top])
