"""JSON Schema of a framework's plan files, for forms, editors and other tools.

:func:`json_schema` describes the data :func:`~smstrategy.to_dict` writes and
:func:`~smstrategy.from_dict` reads, as JSON Schema draft 2020-12: every
field's type, its bounds and its default, with the step's title and summary,
or the field's documentation, as title and description::

    >>> import smstrategy as sms
    >>> schema = sms.json_schema("popt")
    >>> schema["properties"]["framework"]["const"]
    'popt'
    >>> schema["properties"]["purpose"]["title"]
    'Purpose'
    >>> schema["$defs"]["Metric"]["properties"]["agree_from"]["maximum"]
    5

It works the same for frameworks of your own.  What one field cannot say
about another (a content mix that adds up to 100, a range whose upper end is
above its lower end, names that must be unique in a list) is left to
:func:`~smstrategy.from_dict`; the documentation lists each such rule.
"""

from __future__ import annotations

import ast
import datetime as dt
import enum
import functools
import inspect
import textwrap
import types
import typing
from collections.abc import Mapping
from typing import Any

import attrs

from smstrategy import validators as v
from smstrategy.base import Framework, Step, _is_framework_class, get_framework
from smstrategy.convert import (
    _KEY,
    _KIND,
    _KINDS,
    DATE_PATTERN,
    DATETIME_PATTERN,
    Document,
    converter,
)
from smstrategy.elements import Platform
from smstrategy.exceptions import InvalidFieldTypeError
from smstrategy.markdown import label
from smstrategy.views import field_labels

__all__ = ["json_schema"]

_DRAFT = "https://json-schema.org/draft/2020-12/schema"


def json_schema(framework: type[Document] | str) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of the data of a framework's plans.

    *framework* is a framework class or its key; :class:`~smstrategy.Results`,
    :class:`~smstrategy.ContentPlan` and :class:`~smstrategy.Calendar` give
    the schema of their documents.  The value is plain data, ready for
    :func:`json.dumps`; each call returns a new one.
    """
    if isinstance(framework, str):
        cls: type[Document] = get_framework(framework)
    elif framework in _KINDS.values() or _is_framework_class(framework):
        cls = framework
    else:
        expected = "a framework class or key, Results, ContentPlan or Calendar"
        raise InvalidFieldTypeError("json_schema", "framework", expected, framework)
    builder = _Builder()
    body = builder.object(cls)
    if issubclass(cls, Framework):
        head = {
            _KEY: {
                "const": cls.key,
                "title": "Framework",
                "description": "The key of the plan's framework.",
            }
        }
        required = [_KEY, *body.get("required", ())]
        title, summary = cls.name or cls.__name__, cls.summary
    else:
        head = {
            _KIND: {
                "const": cls.key,
                "title": "Kind",
                "description": "What the document is.",
            }
        }
        required = list(body.get("required", ()))
        title, summary = cls.__name__, body.get("description", "")
    schema: dict[str, Any] = {"$schema": _DRAFT, **body, "title": title}
    if summary:
        schema["description"] = summary
    schema["properties"] = {**head, **body["properties"]}
    schema["required"] = required
    if builder.defs:
        schema["$defs"] = dict(sorted(builder.defs.items()))
    return schema


class _Builder:
    """Builds the schemas of attrs classes, each once, as ``$defs`` referred to by name."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.names: dict[type, str] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        if cls not in self.names:
            name = cls.__name__
            if name in self.defs or name in self.names.values():
                name = f"{cls.__module__}.{cls.__qualname__}"
            self.names[cls] = name
            self.defs[name] = {}  # taken before it is built: a class may hold itself
            self.defs[name] = self.object(cls)
        return {"$ref": f"#/$defs/{self.names[cls]}"}

    def object(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        docs = _field_docs(cls)
        labels = dict(field_labels(cls))
        steps = (
            {s.name: s for s in typing.cast("type[Framework]", cls).steps()}
            if _is_framework_class(cls)
            else {}
        )
        properties: dict[str, Any] = {}
        required: list[str] = []
        exclusive: dict[str, Any] = {}
        for field in attrs.fields(cls):
            if not field.init:
                continue
            schema = _titled(self.field(hints[field.name], field), field, steps, docs, labels)
            if field.default is attrs.NOTHING:
                required.append(field.name)
            else:
                default = _default(field)
                if default is not attrs.NOTHING:
                    schema["default"] = default
            properties[field.name] = schema
            if "formerly" in field.metadata:
                old, older = _formerly(field, schema)
                properties[old] = older
                exclusive[old] = {"not": {"required": [field.name]}}
        schema = {
            "type": "object",
            "title": cls.__name__,
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        described = _summary(cls)
        if described:
            schema["description"] = described
        if exclusive:
            schema["dependentSchemas"] = exclusive
        return schema

    def field(self, kind: Any, field: attrs.Attribute[Any]) -> dict[str, Any]:
        return _constrained(self.of_type(kind), _constraints(field.validator))

    def of_type(self, kind: Any) -> dict[str, Any]:  # one return per kind
        origin = typing.get_origin(kind)
        args = typing.get_args(kind)
        if origin in (typing.Union, types.UnionType):
            options = [self.of_type(arg) for arg in args if arg is not type(None)]
            if type(None) in args:
                options.append({"type": "null"})
            return options[0] if len(options) == 1 else {"anyOf": options}
        if origin is typing.Literal:
            return {"enum": list(args)}
        if origin is tuple or origin in (list, typing.Sequence):
            return {"type": "array", "items": self.of_type(args[0])}
        if origin in (dict, Mapping):
            schema: dict[str, Any] = {
                "type": "object",
                "additionalProperties": self.of_type(args[1]),
            }
            keys = self.of_type(args[0])
            if "enum" in keys:
                schema["propertyNames"] = {"enum": keys["enum"]}
            return schema
        if isinstance(kind, type):
            return self.simple(kind)
        return {}

    def simple(self, kind: type) -> dict[str, Any]:  # noqa: PLR0911  # one return per kind
        if issubclass(kind, enum.Enum):
            return {"enum": [member.value for member in kind]}
        if kind is Platform:
            return {"type": "string", "pattern": v.TEXT_PATTERN}
        if attrs.has(kind):
            return self.ref(kind)
        if kind is bool:
            return {"type": "boolean"}
        if kind is int:
            return {"type": "integer"}
        if kind is float:
            return {"type": "number"}
        if issubclass(kind, str):
            return {"type": "string"}
        if kind is dt.datetime:
            return {"type": "string", "pattern": DATETIME_PATTERN}
        if kind is dt.date:
            return {"type": "string", "format": "date", "pattern": DATE_PATTERN}
        return {}


def _titled(
    schema: dict[str, Any],
    field: attrs.Attribute[Any],
    steps: Mapping[str, Step],
    docs: Mapping[str, str],
    labels: Mapping[str, str],
) -> dict[str, Any]:
    """Give a field's schema its title and description: its step's, or its label and comment."""
    step = steps.get(field.name)
    if step is not None:
        titled = {**schema, "title": step.title}
        described = " ".join([step.summary, *step.questions]).strip()
    else:
        titled = {**schema, "title": labels[field.name]}
        described = docs.get(field.name, "")
    if described:
        titled["description"] = described
    return titled


def _formerly(field: attrs.Attribute[Any], schema: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Return the name a field had in older files, and the schema of what it held there.

    Older files held a number of weeks where a period is held now.
    """
    old = field.metadata["formerly"][0]
    return old, {
        "anyOf": [{"type": "integer", "minimum": 1}, schema],
        "deprecated": True,
        "title": label(old),
        "description": f"Older files' name for {field.name}: a number of weeks.",
    }


def _constraints(validator: Any) -> dict[str, Any]:
    """Return what a field's validator adds to its type's schema: bounds, patterns, items."""
    if validator is None:
        return {}
    if isinstance(validator, v.Validator):
        return validator.schema()
    inner = getattr(validator, "_validators", None)  # attrs.validators.and_()
    if inner is not None:
        merged: dict[str, Any] = {}
        for part in inner:
            merged = _constrained(merged, _constraints(part))
        return merged
    return {}


def _constrained(schema: dict[str, Any], constraints: Mapping[str, Any]) -> dict[str, Any]:
    """Apply *constraints* to *schema*: to its items, or to the branch that is not null."""
    if not constraints:
        return schema
    if "anyOf" in schema:
        return {
            **schema,
            "anyOf": [
                option if option.get("type") == "null" else _constrained(option, constraints)
                for option in schema["anyOf"]
            ],
        }
    result = dict(schema)
    for key, value in constraints.items():
        result[key] = _constrained(result.get(key, {}), value) if key == "items" else value
    return result


def _default(field: attrs.Attribute[Any]) -> Any:
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # Factory is a class
        if default.takes_self:
            return attrs.NOTHING
        default = default.factory()
    if field.converter is not None:
        try:
            default = field.converter(default)  # type: ignore[operator]
        except Exception:  # noqa: BLE001  # a default the converter cannot take is not shown
            return attrs.NOTHING
    return converter().unstructure(default)


def _summary(cls: type) -> str:
    """Return the first paragraph of the class's own docstring, on one line."""
    doc = cls.__dict__.get("__doc__")
    if not doc:
        return ""
    first = inspect.cleandoc(doc).split("\n\n", 1)[0]
    return " ".join(first.split())


@functools.cache
def _field_docs(cls: type) -> Mapping[str, str]:
    """Return the ``#:`` comments written above the class's fields, by field name.

    Base classes are read first, so a field declared again keeps its newest
    comment.  A class whose source cannot be found (declared in a notebook
    or by ``exec``) has none.
    """
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        if klass is object:
            continue
        docs.update(_own_docs(klass))
    return types.MappingProxyType(docs)


def _own_docs(cls: type) -> dict[str, str]:
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return {}
    lines = source.splitlines()
    try:
        tree = ast.parse(source)
    except SyntaxError:  # pragma: no cover - the source of a class that was defined
        return {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    docs: dict[str, str] = {}
    for node in body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            comment: list[str] = []
            row = node.lineno - 2
            while row >= 0 and lines[row].strip().startswith("#:"):
                comment.insert(0, lines[row].strip()[2:].strip())
                row -= 1
            if comment:
                docs[node.target.id] = " ".join(comment)
    return docs
