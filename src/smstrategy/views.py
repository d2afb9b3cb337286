"""Plans seen as templates need them: labelled fields, lists, tables and nested blocks.

:func:`describe` turns any attrs value into a :class:`View`, so one template
can lay out every building block, built-in or not, with no template of its
own.  Scalar fields and lists of scalars become ``fields``; collections of
attrs values become tables and nested attrs values become blocks, both in
``parts``.  A class that defines ``__str__`` is written inline as its text
wherever it appears inside a table cell or a field.  A field's label is its
name in words, or the ``"label"`` of its attrs metadata.  Pass a
:class:`~smstrategy.i18n.Language` to have labels, step texts and values
written in it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from smstrategy.base import Framework, Step
from smstrategy.i18n import ENGLISH, Language, Message
from smstrategy.markdown import label

__all__ = ["Entry", "Part", "StepView", "View", "describe", "field_labels", "inline", "step_views"]


class Entry:
    """A labelled field: ``text`` for a single value, ``items`` for a list of them."""

    __slots__ = ("items", "kind", "label", "text")

    def __init__(self, label: str, text: str = "", items: tuple[str, ...] | None = None) -> None:
        self.label = label
        self.kind = "text" if items is None else "list"
        self.text = text
        self.items = items or ()


class Part:
    """A table (``headers`` and ``rows``) or a nested block (``view``) under a heading.

    ``value`` is what the part shows, for a picture of it.
    """

    __slots__ = ("headers", "kind", "label", "rows", "value", "view")

    def __init__(
        self,
        label: str,
        *,
        headers: tuple[str, ...] = (),
        rows: tuple[tuple[str, ...], ...] = (),
        view: View | None = None,
        value: object = None,
    ) -> None:
        self.label = label
        self.kind = "table" if view is None else "block"
        self.headers = headers
        self.rows = rows
        self.view = view
        self.value = value


class View:
    """What a value shows: its ``fields`` first, then its ``parts``."""

    __slots__ = ("fields", "parts")

    def __init__(self, fields: tuple[Entry, ...], parts: tuple[Part, ...]) -> None:
        self.fields = fields
        self.parts = parts


class StepView:
    """A step of a plan: its declaration, the view of its content and the content itself."""

    __slots__ = ("name", "questions", "summary", "title", "value", "view")

    def __init__(
        self, step: Step, view: View | None, lang: Language = ENGLISH, value: object = None
    ) -> None:
        text = lang.gettext
        self.name = step.name
        self.title = text(step.title)
        self.summary = text(step.summary) if step.summary else ""
        self.questions = tuple(text(q) for q in step.questions)
        self.view = view
        self.value = value


_FIELDS: dict[type, tuple[tuple[str, str], ...]] = {}
_HAS_STR: dict[type, bool] = {}
_IS_ATTRS: dict[type, bool] = {}


def _is_attrs(kind: type) -> bool:
    try:
        return _IS_ATTRS[kind]
    except KeyError:
        found = _IS_ATTRS[kind] = attrs.has(kind)
        return found


def field_labels(kind: type) -> tuple[tuple[str, str], ...]:
    """Return ``(name, label)`` for every field of an attrs class, in order; cached."""
    try:
        return _FIELDS[kind]
    except KeyError:
        found = _FIELDS[kind] = tuple(
            (f.name, f.metadata.get("label") or label(f.name)) for f in attrs.fields(kind)
        )
        return found


def _has_str(kind: type) -> bool:
    try:
        return _HAS_STR[kind]
    except KeyError:
        found = _HAS_STR[kind] = getattr(kind, "__str__", None) is not object.__str__
        return found


#: The values that say nothing: shown alike, as an em dash.
_NOTHING: tuple[object, ...] = (None, "", (), {})


def inline(value: object, lang: Language = ENGLISH) -> str:
    """Write any value on one line of plain text (not yet escaped).

    Nothing (``None``, empty text, an empty list or mapping) is written one
    way, as ``lang.value(None)`` writes it: an em dash.
    """
    kind = type(value)
    if kind is str and value:  # the common case first
        return value  # type: ignore[return-value]  # a str, as its type says
    if value in _NOTHING:
        return lang.value(None)
    if kind is tuple or isinstance(value, Mapping):
        return _joined(value, lang)  # type: ignore[arg-type]  # a tuple or a mapping, as checked
    if not _is_attrs(kind):
        return lang.value(value)
    if _has_str(kind):
        text = str(value)
        return lang.text(text) if type(text) is Message else text
    return ", ".join(
        f"{lang.gettext(text)}: {inline(getattr(value, name), lang)}"
        for name, text in field_labels(kind)
        if getattr(value, name) not in ("", (), None)
    )


def _joined(value: tuple[object, ...] | Mapping[object, object], lang: Language) -> str:
    """Write a list, or a mapping's pairs, on one line: ``a; b``, ``key: value; key: value``."""
    if isinstance(value, tuple):
        return "; ".join(inline(item, lang) for item in value)
    return "; ".join(f"{inline(k, lang)}: {inline(v, lang)}" for k, v in value.items())


def describe(value: Any, lang: Language = ENGLISH) -> View:
    """Return the :class:`View` of an attrs value, written in *lang*."""
    fields: list[Entry] = []
    parts: list[Part] = []
    words = lang.gettext
    for name, text in field_labels(type(value)):
        item = getattr(value, name)
        kind = type(item)
        if kind is tuple:
            if item and _is_attrs(type(item[0])) and not _has_str(type(item[0])):
                columns = field_labels(type(item[0]))
                parts.append(
                    Part(
                        words(text),
                        headers=tuple(words(column) for _, column in columns),
                        rows=tuple(
                            tuple(inline(getattr(row, field, ""), lang) for field, _ in columns)
                            for row in item
                        ),
                        value=item,
                    )
                )
            elif item:
                fields.append(Entry(words(text), items=tuple(inline(i, lang) for i in item)))
            else:
                fields.append(Entry(words(text), lang.value(None)))
        elif _is_attrs(kind) and not _has_str(kind):
            parts.append(Part(words(text), view=describe(item, lang), value=item))
        else:
            fields.append(Entry(words(text), inline(item, lang)))
    return View(tuple(fields), tuple(parts))


def step_views(plan: Framework | type[Framework], lang: Language = ENGLISH) -> tuple[StepView, ...]:
    """Return a view of each step of *plan*; a framework class gives steps with no content."""
    if isinstance(plan, type):
        return tuple(StepView(s, None, lang) for s in plan.steps())
    values = ((s, getattr(plan, s.name)) for s in plan.steps())
    return tuple(StepView(s, describe(value, lang), lang, value) for s, value in values)
