"""Step content classes whose building blocks are converted and validated from their annotations.

A step's content is a frozen attrs class.  Declared with :func:`content`, every field
whose annotation holds building blocks (a block, an optional block, or a tuple, list
or other sequence of blocks) is converted and validated from that annotation, so a
plan that constructs also checks, renders and round-trips::

    >>> import smstrategy as sms
    >>> @sms.content
    ... class Objectives:
    ...     summary: str = ""
    ...     goals: list[sms.Goal] = []
    ...     mix: sms.ContentMix | None = None
    >>> Objectives(goals=[sms.Goal(statement="Be known in Oslo")]).goals
    (Goal(statement='Be known in Oslo', ...),)
    >>> Objectives(goals=["Oslo"])
    Traceback (most recent call last):
    ...
    smstrategy.exceptions.InvalidFieldTypeError: Objectives.goals[0]: expected a Goal, got 'Oslo'

A sequence of blocks is held as a tuple, whatever sequence the annotation names: a
plan is immutable.  A building block is any attrs class.  A field given a converter
or a validator of its own keeps them.  :func:`~smstrategy.framework` refuses a step
whose content holds building blocks in a field nothing validates, and says how to
fix it.
"""

from __future__ import annotations

import collections.abc
import functools
import sys
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs

from smstrategy import validators as v
from smstrategy.exceptions import FrameworkDefinitionError

__all__ = ["content"]

C = TypeVar("C", bound=type)

#: The annotations of a sequence of blocks; each is held as a tuple.
_SEQUENCES = frozenset(
    {
        tuple,
        list,
        collections.abc.Sequence,
        collections.abc.Iterable,
        collections.abc.Collection,
        typing.Sequence,  # the old spelling, still written
        typing.List,  # noqa: UP006
        typing.Tuple,  # noqa: UP006
    }
)


def _is_block(hint: object) -> bool:
    return isinstance(hint, type) and attrs.has(hint)


def classes_in(hint: object) -> list[type]:
    """Return every class the annotation *hint* names, however deep."""
    if isinstance(hint, type):
        return [hint]
    return [found for arg in typing.get_args(hint) for found in classes_in(arg)]


def holds_blocks(hint: object) -> bool:
    """Return whether the annotation *hint* mentions a building block anywhere."""
    return any(_is_block(kind) for kind in classes_in(hint))


def _optional_part(hint: object) -> object | None:
    """Return ``X`` of ``X | None``, or None when *hint* is not optional."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args: list[object] = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1 and len(typing.get_args(hint)) == 2:  # noqa: PLR2004  # X and None
            return args[0]
    return None


def _sequence_item(hint: object) -> object | None:
    """Return ``B`` of ``tuple[B, ...]``, ``list[B]`` or ``Sequence[B]``, else None."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin not in _SEQUENCES:
        return None
    if origin is tuple:
        item: object = args[0] if len(args) == 2 and args[1] is Ellipsis else None  # noqa: PLR2004
    else:
        item = args[0] if len(args) == 1 else None
    return item


def field_checks(hint: object) -> tuple[Callable[[Any], Any] | None, v.Check] | None:
    """Return the converter and validator a field of building blocks needs, from *hint*.

    None when *hint* is not a shape smstrategy can hold blocks in.
    """
    if _is_block(hint):
        return None, v.instance(typing.cast("type", hint))
    inner = _optional_part(hint)
    if inner is not None:
        found = field_checks(inner)
        if found is None:
            return None
        converter, check = found
        optional_converter = None if converter is None else _optional_converter(converter)
        return optional_converter, v.optional(check)
    item = _sequence_item(hint)
    if _is_block(item):
        return v.to_tuple, v.tuple_of(v.instance(typing.cast("type", item)))
    return None


def _optional_converter(converter: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def convert(value: Any) -> Any:
        return None if value is None else converter(value)

    return convert


def shape_error(owner: str, field: str, hint: object) -> FrameworkDefinitionError:
    """Say that *owner*'s *field* holds blocks in a shape nothing can check."""
    msg = (
        f"{owner}.{field}: building blocks are held alone, optional, or in a tuple, list or "
        f"sequence of one kind; {_spell(hint)} cannot be checked, rendered and saved. "
        f"Annotate the field as one of those shapes."
    )
    return FrameworkDefinitionError(msg)


def _spell(hint: object) -> str:
    return hint.__name__ if isinstance(hint, type) else repr(hint).replace("typing.", "")


def resolve_hints(cls: type, namespace: Mapping[str, Any] | None) -> dict[str, Any]:
    """Return *cls*'s resolved annotations; *namespace* holds the names where it is written."""
    try:
        return typing.get_type_hints(cls, localns=dict(namespace or {}))
    except NameError as e:
        msg = f"{cls.__name__}: an annotation cannot be resolved ({e})"
        raise FrameworkDefinitionError(msg) from None


def _from_annotations(
    cls: type, fields: list[attrs.Attribute[Any]], *, namespace: Mapping[str, Any]
) -> list[attrs.Attribute[Any]]:
    hints = resolve_hints(cls, namespace)
    done = []
    for field in fields:
        hint = hints.get(field.name, field.type)
        if field.converter is None and field.validator is None and holds_blocks(hint):
            found = field_checks(hint)
            if found is None:
                raise shape_error(cls.__name__, field.name, hint)
            converter, check = found
            field = field.evolve(converter=converter, validator=check)  # noqa: PLW2901
        done.append(field)
    return done


@typing.dataclass_transform(
    kw_only_default=True, frozen_default=True, field_specifiers=(attrs.field,)
)
def content(cls: C) -> C:
    """Declare *cls* as a step's content: a frozen, keyword-only attrs class.

    Fields that hold building blocks are converted and validated from their
    annotations; a default of ``[]`` becomes an empty tuple.
    """
    caller = sys._getframe(1)  # noqa: SLF001  # the names visible where the class is written
    namespace = {**caller.f_globals, **caller.f_locals}
    transform = functools.partial(_from_annotations, namespace=namespace)
    return attrs.frozen(kw_only=True, field_transformer=transform)(cls)
