"""The Framework base class, ``step()`` and the registry of frameworks.

A framework is a class whose instances are filled-in plans.  Its steps are
annotated attributes declared with :func:`step`; the class is declared with
the :func:`framework` decorator, which makes it a frozen attrs class and
registers it under a key::

    >>> import attrs
    >>> import smstrategy as sms
    >>> @attrs.frozen(kw_only=True)
    ... class Situation:
    ...     summary: str = ""
    >>> @sms.framework("doc-sostac", name="SOSTAC (doc example)")
    ... class DocSostac(sms.Framework):
    ...     situation: Situation = sms.step(
    ...         "Situation", summary="Where the plan starts.", questions=("Where are we now?",)
    ...     )
    >>> [s.title for s in DocSostac.steps()]
    ['Situation']
    >>> sms.get_framework("doc-sostac") is DocSostac
    True
    >>> DocSostac(title="Q1", situation=Situation(summary="A new café"))
    DocSostac(title='Q1', stage=None, profile=None, situation=Situation(summary='A new café'))

Subclassing a framework adds steps, or replaces one by declaring an attribute
of the same name; a replaced step keeps its place in the order.
"""

from __future__ import annotations

import functools
import importlib
import re
import sys
import typing
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar, TypeVar

import attrs

from smstrategy import validators as v
from smstrategy.elements import Profile
from smstrategy.exceptions import (
    DuplicateRegistrationError,
    FrameworkDefinitionError,
    InvalidFieldTypeError,
    InvalidFieldValueError,
    UnknownFrameworkError,
)
from smstrategy.stages import Stage
from smstrategy.step_content import (
    classes_in,
    field_checks,
    holds_blocks,
    resolve_hints,
    shape_error,
)

__all__ = [
    "Framework",
    "Step",
    "framework",
    "frameworks",
    "get_framework",
    "step",
]

_STEP = "smstrategy.step"
_KEY_PATTERN = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*")

F = TypeVar("F", bound="type[Framework]")


@attrs.frozen(kw_only=True)
class _StepSpec:
    """What :func:`step` records on the attribute, before the class is known."""

    title: str
    summary: str
    questions: tuple[str, ...]
    stable: bool


@attrs.frozen(kw_only=True)
class Step:
    """One step of a framework, as declared on its class.

    ``name`` is the attribute that holds the step's content in a plan, and
    ``type`` the class of that content.  A ``stable`` step is expected to
    hold steady from one revision of a plan to the next (rule SMS301).
    """

    name: str
    title: str
    summary: str
    questions: tuple[str, ...]
    type: type
    stable: bool = False


def _check_text(field: str, value: object) -> str:
    v.text().check("step", field, value)
    return typing.cast("str", value)


def step(
    title: str, *, summary: str = "", questions: Iterable[str] = (), stable: bool = False
) -> Any:
    """Declare a step of a framework.

    *title* is shown as the step's heading, *summary* says in a sentence what
    the step is for, and *questions* are the guiding questions a worksheet
    asks.  *stable* marks a step that should change little between revisions,
    like a purpose.  Use it as the value of an annotated attribute whose
    annotation is the step's content type.
    """
    _check_text("title", title)
    v.string().check("step", "summary", summary)
    asked = v.to_tuple(questions)
    v.tuple_of(v.text()).check("step", "questions", asked)
    v.instance(bool).check("step", "stable", stable)
    spec = _StepSpec(title=title, summary=summary, questions=asked, stable=stable)
    return attrs.field(metadata={_STEP: spec})


_REGISTRY: dict[str, type[Framework]] = {}
#: The built-in frameworks' keys and modules, in the order of the source articles.  Each is
#: imported, and so registered, when it is first asked for.
_BUILT_INS = {
    "five-step": "smstrategy.built_in.five_step",
    "eight-step": "smstrategy.built_in.eight_step",
    "popt": "smstrategy.built_in.popt",
    "roadmap": "smstrategy.built_in.roadmap",
}
_STEPS: dict[type[Framework], tuple[Step, ...]] = {}


T = TypeVar("T", bound=type)


@typing.dataclass_transform(
    kw_only_default=True, frozen_default=True, field_specifiers=(attrs.field, step)
)
def _plan_class(cls: T) -> T:
    """Let type checkers see the Framework base as they see its subclasses."""
    return cls


@_plan_class
@attrs.frozen(kw_only=True)
class Framework:
    """The base of every framework; an instance is a filled-in plan.

    Subclasses are declared with :func:`framework`.  Every step is an
    annotated attribute set to :func:`step`; attributes declared without it
    (like ``title``) belong to the plan as a whole.  Do not override
    ``__init__``; to hold an invariant across steps, override
    ``__attrs_post_init__`` and call ``super().__attrs_post_init__()``.
    """

    #: The key the framework is registered under, such as ``"five-step"``.
    key: ClassVar[str] = ""
    #: The framework's name as people say it, such as ``"Five-step model"``.
    name: ClassVar[str] = ""
    #: A sentence on what the framework is good for.
    summary: ClassVar[str] = ""
    #: Names for fields of the steps that other frameworks hold too, so that a
    #: crosswalk can carry them over: ``{"uniqueness.differentiator":
    #: "differentiator"}``.  Fields that hold building blocks are matched by
    #: their type and need no name.
    concepts: ClassVar[Mapping[str, str]] = {}

    #: The plan's title, shown as the heading of the rendered plan.
    title: str = attrs.field(validator=v.text())
    #: The journey stage the organisation believes it has reached, if the plan says.
    stage: Stage | None = attrs.field(default=None, validator=v.optional(v.member_of(Stage)))
    #: The kind of organisation the plan is for; the checks apply the advice that fits it
    #: (see :meth:`smstrategy.Guidelines.for_profile`).
    profile: Profile | None = attrs.field(default=None, validator=v.optional(v.member_of(Profile)))

    def __attrs_post_init__(self) -> None:
        owner = type(self).__name__
        for s in self.steps():
            value = getattr(self, s.name)
            if not isinstance(value, s.type):
                raise InvalidFieldTypeError(owner, s.name, f"a {s.type.__name__}", value)
            if _DEFERRED and _is_users(type(value)):
                _check_deferred(value)

    @classmethod
    def __attrs_init_subclass__(cls) -> None:
        if "key" not in cls.__dict__:
            msg = (
                f"{cls.__name__}: declare a framework with "
                "@smstrategy.base(key, name=...), not with attrs alone"
            )
            raise FrameworkDefinitionError(msg)

    @classmethod
    def steps(cls) -> tuple[Step, ...]:
        """Return the framework's steps in declared order.

        Steps of a parent come first; a step replaced by a subclass keeps its
        parent's place, and new steps follow in the order they are written.
        """
        try:
            return _STEPS[cls]
        except KeyError:
            return _resolve_steps(cls, None)

    def empty_steps(self) -> tuple[Step, ...]:
        """Return the steps whose content equals a blank instance of its type.

        A step whose content type cannot be made without arguments is never empty.
        """
        return tuple(s for s in self.steps() if getattr(self, s.name) == _blank(s.type))

    @classmethod
    def parent(cls) -> type[Framework] | None:
        """Return the nearest registered framework this one derives from."""
        for base in cls.__mro__[1:]:
            if base is not Framework and issubclass(base, Framework) and "key" in base.__dict__:
                return base
        return None

    @classmethod
    def lineage(cls) -> tuple[type[Framework], ...]:
        """Return this framework and its registered ancestors, nearest first."""
        chain: list[type[Framework]] = []
        current: type[Framework] | None = cls
        while current is not None:
            chain.append(current)
            current = current.parent()
        return tuple(chain)


_RESERVED = frozenset(dir(Framework))


#: Checks a plan runs on content classes whose fields of building blocks have a
#: converter but no validator of their own: {class: ((field, check), ...)}.
_DEFERRED: dict[type, tuple[tuple[str, v.Check], ...]] = {}


def _audit_content(kind: type, localns: Mapping[str, Any] | None, seen: set[type]) -> None:
    """Find how each field of building blocks in *kind* is validated, or refuse it.

    A field with a validator is checked by it.  One with a converter only is
    checked by the plan, from its annotation, when the plan is made.  One
    with neither is refused if it is a sequence, which would stay a list.
    """
    if kind in seen or not _is_users(kind):
        return
    seen.add(kind)
    hints = resolve_hints(kind, localns)
    deferred = []
    for field in _fields(kind):
        hint = hints.get(field.name, field.type)
        if not holds_blocks(hint):
            continue
        found = field_checks(hint)
        if found is None:
            raise shape_error(kind.__name__, field.name, hint)
        converter, check = found
        if field.validator is None:
            if converter is not None and field.converter is None:
                msg = (
                    f"{kind.__name__}.{field.name}: nothing converts and validates the "
                    "building blocks this field holds, so a list would stay mutable and a "
                    f"wrong value would fail later; declare {kind.__name__} with "
                    "@smstrategy.content, which does both from the annotation, or give the "
                    "field a converter and a validator"
                )
                raise FrameworkDefinitionError(msg)
            deferred.append((field.name, check))
        for block in classes_in(hint):
            _audit_content(block, localns, seen)
    if deferred:
        _DEFERRED[kind] = tuple(deferred)


def _check_deferred(value: object) -> None:
    """Run the checks :func:`_audit_content` left to the plan on *value* and what it holds."""
    kind = type(value)
    for name, check in _DEFERRED.get(kind, ()):
        check.check(kind.__name__, name, getattr(value, name))
    for field in _fields(kind):
        held = getattr(value, field.name)
        for item in held if type(held) is tuple else (held,):
            if _is_users(type(item)):
                _check_deferred(item)


def _is_users(kind: type) -> bool:
    """Whether *kind* is an attrs class declared outside the library."""
    return attrs.has(kind) and not kind.__module__.startswith("smstrategy.")


def _fields(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    """Return the attrs fields of a framework class, which type checkers see as a dataclass."""
    return attrs.fields(typing.cast("Any", cls))  # type: ignore[no-any-return]


#: The fields every plan has, which no step may take.
_PLAN_FIELDS = frozenset(f.name for f in _fields(Framework))


def _resolve_steps(cls: type[Framework], localns: Mapping[str, Any] | None) -> tuple[Step, ...]:
    """Work out and cache *cls*'s steps; *localns* resolves names local to its definition."""
    if "__attrs_attrs__" not in cls.__dict__:
        msg = f"{cls.__name__} is not a framework class: declare it with @smstrategy.base"
        raise FrameworkDefinitionError(msg)
    try:
        hints = typing.get_type_hints(cls, localns=dict(localns or {}))
    except NameError as e:
        msg = f"{cls.__name__}: a step's type cannot be resolved ({e})"
        raise FrameworkDefinitionError(msg) from None
    order: dict[str, int] = {}
    for klass in reversed(cls.__mro__):
        for field in getattr(klass, "__attrs_attrs__", ()):
            order.setdefault(field.name, len(order))
    found = []
    for field in _fields(cls):
        spec = field.metadata.get(_STEP)
        if spec is None:
            continue
        if field.name in _PLAN_FIELDS:
            msg = (
                f"{cls.__name__}.{field.name}: {field.name!r} belongs to the plan as a whole; "
                "give the step another name"
            )
            raise FrameworkDefinitionError(msg)
        kind = hints.get(field.name)
        if kind is None:
            msg = (
                f"{cls.__name__}.{field.name}: a step needs an annotation naming its content "
                f"class, as in `{field.name}: MyContent = sms.step(...)`"
            )
            raise FrameworkDefinitionError(msg)
        if not isinstance(kind, type):
            msg = f"{cls.__name__}.{field.name}: a step's content must be a class, got {kind!r}"
            raise FrameworkDefinitionError(msg)
        _audit_content(kind, localns, set())
        found.append(
            Step(
                name=field.name,
                title=spec.title,
                summary=spec.summary,
                questions=spec.questions,
                type=kind,
                stable=spec.stable,
            )
        )
    found.sort(key=lambda s: order[s.name])
    result = _STEPS[cls] = tuple(found)
    return result


@typing.dataclass_transform(
    kw_only_default=True, frozen_default=True, field_specifiers=(attrs.field, step)
)
def framework(key: str, *, name: str, summary: str = "") -> Callable[[F], F]:
    """Declare and register a framework class.

    *key* identifies the framework in data and on the command line (lowercase
    letters, digits and single ``-``, ``_`` or ``.`` between them); *name* is
    how people call it; *summary* says in a sentence what it is for.  The class
    must derive from :class:`Framework`, possibly through another framework.
    Registering a key that is taken raises
    :class:`~smstrategy.exceptions.DuplicateRegistrationError`, unless the class
    is the one registered, declared again (the same module and qualified name,
    as when a notebook cell runs twice): the new declaration then replaces it.
    """
    if not _is_key(key):
        raise InvalidFieldValueError(
            "framework",
            "key",
            "lowercase letters and digits, joined by single '-', '_' or '.'",
            key,
        )
    _check_text("name", name)
    v.string().check("framework", "summary", summary)

    def declare(cls: F) -> F:
        _load_built_in(key)  # so that a key taken by a built-in is seen as taken
        if not _is_framework_class(cls):
            msg = f"@framework({key!r}) decorates a subclass of smstrategy.Framework, got {cls!r}"
            raise FrameworkDefinitionError(msg)
        taken = _REGISTRY.get(key)
        if taken is not None and not _same_definition(taken, cls):
            msg = (
                f"a framework is already registered as {key!r} "
                f"({taken.__module__}.{taken.__qualname__}); a class declared again in the "
                "same module under the same name replaces it, any other needs its own key"
            )
            raise DuplicateRegistrationError(msg)
        cls.key = key
        cls.name = name
        cls.summary = summary
        built: F = attrs.frozen(kw_only=True)(cls)
        own = {"title", "stage", "profile"}
        clashes = [f.name for f in _fields(built) if f.name in _RESERVED - own]
        if clashes:
            msg = f"{cls.__name__}: these names belong to Framework itself: {', '.join(clashes)}"
            raise FrameworkDefinitionError(msg)
        # Resolve the steps now, with the names visible where the class is
        # written, so that a step that cannot work fails here and not later.
        _resolve_steps(built, sys._getframe(1).f_locals)  # noqa: SLF001
        _REGISTRY[key] = built
        return built

    return declare


def _same_definition(old: type, new: type) -> bool:
    """Whether *new* is *old* declared again, as when a notebook cell runs twice."""
    return (old.__module__, old.__qualname__) == (new.__module__, new.__qualname__)


def _is_key(key: object) -> bool:
    return isinstance(key, str) and _KEY_PATTERN.fullmatch(key) is not None


def _is_framework_class(cls: object) -> bool:
    return isinstance(cls, type) and issubclass(cls, Framework)


def _load_built_in(key: str) -> None:
    """Import the built-in framework of *key*, which registers it; nothing for other keys."""
    module = _BUILT_INS.get(key)
    if module is not None:
        importlib.import_module(module)


def _load_built_ins() -> None:
    """Import every built-in framework, which registers them (once)."""
    for key in _BUILT_INS:
        _load_built_in(key)


def frameworks() -> Mapping[str, type[Framework]]:
    """Return the registered frameworks by key: the built-in ones, then the rest as registered."""
    _load_built_ins()
    built_in = {key: _REGISTRY[key] for key in _BUILT_INS}
    return built_in | {key: cls for key, cls in _REGISTRY.items() if key not in built_in}


def get_framework(key: str) -> type[Framework]:
    """Return the framework registered as *key*.

    An unknown key raises :class:`~smstrategy.exceptions.UnknownFrameworkError`
    (a :class:`LookupError`) that lists the known keys.
    """
    try:
        _load_built_in(key)
        return _REGISTRY[key]
    except (KeyError, TypeError):
        raise UnknownFrameworkError(key, sorted(frameworks())) from None


class _NoBlank:
    """Stands for the blank instance of a type that cannot be made without arguments."""

    def __eq__(self, other: object) -> bool:
        return False

    __hash__ = object.__hash__


@functools.cache
def _blank(kind: type) -> object:
    """Return a blank instance of *kind*, made once: contents are frozen, so one is shared."""
    try:
        return kind()
    except TypeError:
        return _NoBlank()
