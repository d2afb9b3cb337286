"""Paths into a plan: find the part a finding names, or change it.

A finding's path, such as ``"direction.goals[0].metrics[1]"``, names a part
of the plan by the fields that lead to it, with an index into tuples.
:func:`node_at` returns that part, and :func:`evolve_at` returns a copy of
the plan with that part changed, everything else shared::

    >>> import smstrategy as sms
    >>> plan = sms.example("five-step")
    >>> sms.node_at(plan, "direction.goals[0]").statement
    'Become the coffee that people in Bergen name first'
    >>> later = sms.evolve_at(plan, "direction.goals[0]", deadline=None)
    >>> sms.check(later).codes
    ('SMS102',)
    >>> plan.direction.goals[0].deadline is not None
    True

The empty path is the plan itself.  A path that leads nowhere raises
:class:`~smstrategy.InvalidPathError` naming the part that is missing.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

import attrs

from smstrategy.exceptions import InvalidPathError

__all__ = ["evolve_at", "node_at"]

T = TypeVar("T")

_STEP = re.compile(r"([A-Za-z_]\w*)((?:\[\d+\])*)")
_INDEX = re.compile(r"\[(\d+)\]")


def _steps(path: str) -> list[str | int]:
    """Split *path* into field names and indices."""
    if not isinstance(path, str):
        raise InvalidPathError(repr(path)[:60], "a path is text, such as 'direction.goals[0]'")
    steps: list[str | int] = []
    if not path:
        return steps
    for part in path.split("."):
        match = _STEP.fullmatch(part)
        if match is None:
            expected = "field names joined by '.', each with optional [index]"
            raise InvalidPathError(path, f"{part[:40]!r} is not a step; expected {expected}")
        steps.append(match[1])
        steps += [int(i) for i in _INDEX.findall(match[2])]
    return steps


def _follow(node: Any, step: str | int, walked: str, path: str) -> Any:
    if isinstance(step, int):
        if not isinstance(node, tuple):
            raise InvalidPathError(path, f"{walked or 'the root'} holds no items to index")
        if step >= len(node):
            count = f"{len(node)} item" + ("" if len(node) == 1 else "s")
            raise InvalidPathError(path, f"{walked} has {count}, so no [{step}]")
        return node[step]
    if not attrs.has(type(node)) or step not in attrs.fields_dict(type(node)):
        where = f"{walked or 'the root'} ({_kind(node)})"
        raise InvalidPathError(path, f"{where} has no field {step!r}")
    return getattr(node, step)


def _kind(node: Any) -> str:
    return type(node).__name__


def _walked(walked: str, step: str | int) -> str:
    if isinstance(step, int):
        return f"{walked}[{step}]"
    return f"{walked}.{step}" if walked else step


def node_at(root: Any, path: str) -> Any:
    """Return the part of *root* (a plan, an audit, results…) that *path* names."""
    node, walked = root, ""
    for step in _steps(path):
        node = _follow(node, step, walked, path)
        walked = _walked(walked, step)
    return node


def evolve_at(root: T, path: str, **changes: Any) -> T:
    """Return a copy of *root* whose part at *path* has the fields in *changes* replaced.

    Each part on the way is copied with its new child, so *root* itself is
    unchanged; the changed part's validators run as they do on any new value.
    """
    steps = _steps(path)
    target = node_at(root, path)
    if not attrs.has(type(target)):
        raise InvalidPathError(path, f"it leads to {_kind(target)}, which has no fields to change")
    unknown = sorted(set(changes) - set(attrs.fields_dict(type(target))))
    if unknown:
        names = ", ".join(repr(name) for name in unknown)
        raise InvalidPathError(path, f"{_kind(target)} has no field {names}")
    return _rebuild(root, steps, changes)  # type: ignore[no-any-return]


def _rebuild(node: Any, steps: list[str | int], changes: dict[str, Any]) -> Any:
    if not steps:
        return attrs.evolve(node, **changes)
    step, rest = steps[0], steps[1:]
    if isinstance(step, int):
        items = list(node)
        items[step] = _rebuild(items[step], rest, changes)
        return tuple(items)
    return attrs.evolve(node, **{step: _rebuild(getattr(node, step), rest, changes)})
