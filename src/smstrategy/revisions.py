"""What changed between two revisions of a plan.

Items of a list are matched by what they are, not by where they stand: a goal
by its statement, an audience by its name, a channel by its network and
handle.  Reordering a list is therefore no change, and renaming an item shows
as one item removed and one added::

    >>> import attrs
    >>> import smstrategy as sms
    >>> old = sms.example("popt")
    >>> audiences = tuple(reversed(old.purpose.audiences))
    >>> new = attrs.evolve(old, purpose=attrs.evolve(old.purpose, audiences=audiences,
    ...                                              why="Trust grows in conversation."))
    >>> [(c.kind.value, c.path) for c in sms.diff(old, new)]
    [('changed', 'purpose.why')]
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable, Hashable, Iterator
from typing import Any

import attrs

from smstrategy.audit import Account
from smstrategy.base import Framework
from smstrategy.elements import (
    Audience,
    Channel,
    Goal,
    Member,
    Metric,
    Post,
    Priority,
    fold,
)
from smstrategy.exceptions import InvalidFieldTypeError, InvalidFieldValueError

__all__ = ["Change", "ChangeKind", "Diff", "diff", "identity"]


class ChangeKind(enum.StrEnum):
    """What happened to a part of a plan between two revisions."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@attrs.frozen(kw_only=True)
class Change:
    """One difference between two revisions.

    ``path`` leads to the part in the new revision (in the old one for a
    removal).  ``old`` and ``new`` are the values before and after; the one
    that does not exist is ``None``.  ``within`` holds the types of the
    building blocks the path passes through, the changed one included.
    """

    kind: ChangeKind
    path: str
    step: str
    old: Any
    new: Any
    within: frozenset[type] = frozenset()


@attrs.frozen(kw_only=True)
class Diff:
    """The changes between two revisions of a plan, in plan order."""

    framework: str
    old_title: str
    new_title: str
    changes: tuple[Change, ...]

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def by_step(self) -> dict[str, tuple[Change, ...]]:
        """Return the changes grouped by the title of their step, in plan order."""
        groups: dict[str, list[Change]] = {}
        for change in self.changes:
            groups.setdefault(change.step, []).append(change)
        return {step: tuple(changes) for step, changes in groups.items()}


_IDENTITY: dict[type, Callable[[Any], Hashable]] = {
    Goal: lambda goal: fold(goal.statement),
    Audience: lambda audience: fold(audience.name),
    Channel: lambda channel: channel.identity,
    Member: lambda member: fold(member.name),
    Metric: lambda metric: fold(metric.name),
    Priority: lambda priority: fold(priority.activity),
    Post: lambda post: (post.when, fold(post.channel)),
    Account: lambda account: account.identity,
}


def identity(kind: type, key: Callable[[Any], Hashable]) -> None:
    """Match items of *kind* across revisions by ``key(item)``.

    Items of a type with no key are matched by their whole value, so any
    change to one shows as a removal and an addition.
    """
    if not isinstance(kind, type):
        raise InvalidFieldTypeError("identity", "kind", "a class", kind)
    _IDENTITY[kind] = key


def _key_of(item: object) -> Hashable:
    for kind in type(item).__mro__:
        if kind in _IDENTITY:
            return _IDENTITY[kind](item)
    return item


def _keyed(items: tuple[Any, ...]) -> dict[Hashable, tuple[int, Any]]:
    """Key each item; repeated keys are told apart by their occurrence."""
    seen: Counter[Hashable] = Counter()
    keyed: dict[Hashable, tuple[int, Any]] = {}
    for index, item in enumerate(items):
        key = _key_of(item)
        keyed[(key, seen[key])] = (index, item)
        seen[key] += 1
    return keyed


class _Differ:
    __slots__ = ("changes", "titles")

    def __init__(self, titles: dict[str, str]) -> None:
        self.titles = titles
        self.changes: list[Change] = []

    def add(
        self, kind: ChangeKind, path: str, old: object, new: object, within: frozenset[type]
    ) -> None:
        top = path.split(".", 1)[0].split("[", 1)[0]
        self.changes.append(
            Change(
                kind=kind,
                path=path,
                step=self.titles.get(top, ""),
                old=old,
                new=new,
                within=within,
            )
        )

    def compare(self, old: object, new: object, path: str, within: frozenset[type]) -> None:
        if old == new:
            return
        if type(old) is tuple and type(new) is tuple:
            self.compare_items(old, new, path, within)
        elif attrs.has(type(old)) and type(old) is type(new):
            inside = within | {type(new)}
            for field in attrs.fields(type(new)):  # type: ignore[arg-type]  # an attrs class
                where = f"{path}.{field.name}" if path else field.name
                self.compare(getattr(old, field.name), getattr(new, field.name), where, inside)
        else:
            self.add(ChangeKind.CHANGED, path, old, new, within)

    def compare_items(
        self, old: tuple[Any, ...], new: tuple[Any, ...], path: str, within: frozenset[type]
    ) -> None:
        before = _keyed(old)
        after = _keyed(new)
        for key, (index, item) in before.items():
            if key not in after:
                self.add(ChangeKind.REMOVED, f"{path}[{index}]", item, None, _types(item, within))
        for key, (index, item) in after.items():
            where = f"{path}[{index}]"
            if key not in before:
                self.add(ChangeKind.ADDED, where, None, item, _types(item, within))
            else:
                self.compare(before[key][1], item, where, within)


def _types(item: object, within: frozenset[type]) -> frozenset[type]:
    return within | {type(item)} if attrs.has(type(item)) else within


def diff(old: Framework, new: Framework) -> Diff:
    """Return what changed from *old* to *new*, two revisions of a plan of one framework."""
    for name, value in (("old", old), ("new", new)):
        if not isinstance(value, Framework):
            raise InvalidFieldTypeError("diff", name, "a plan (a Framework instance)", value)
    if type(old) is not type(new):
        raise InvalidFieldValueError(
            "diff",
            "new",
            f"a plan of the same framework as the old one ({old.key})",
            new.key,
        )
    differ = _Differ({s.name: s.title for s in old.steps()})
    differ.compare(old, new, "", frozenset())
    return Diff(
        framework=new.key,
        old_title=old.title,
        new_title=new.title,
        changes=tuple(differ.changes),
    )
