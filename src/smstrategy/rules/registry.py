"""The rule registry: one decorator for built-in and user rules alike.

A rule is a function of a node and the check's context that yields what it
finds, as :class:`~smstrategy.rules.findings.Flag` values or plain strings::

    >>> import smstrategy as sms
    >>> @sms.rule(
    ...     sms.Goal,
    ...     code="DOC001",
    ...     severity="advice",
    ...     summary="A goal statement is very short.",
    ...     hint="Say what should change, for whom.",
    ... )
    ... def short_goal(goal, ctx):
    ...     if len(goal.statement) < 8:
    ...         yield f"The goal {goal.statement!r} says little."
    >>> plan = sms.example("popt")
    >>> sms.check(plan, select=["DOC"]).codes
    ()

A rule registered for a building block runs on every node of that type
anywhere in the plan; one registered for a framework runs once on the whole
plan, for that framework and its subclasses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from smstrategy import validators as v
from smstrategy.exceptions import DuplicateRegistrationError, InvalidFieldValueError
from smstrategy.rules.findings import Flag, Severity

if TYPE_CHECKING:
    from smstrategy.rules.engine import Context

__all__ = ["Rule", "registered_rules", "rule", "unregister_rule"]

_CODE = re.compile(r"[A-Z][A-Z0-9]*[0-9]")

#: What a rule function looks like.
RuleFunction = Callable[[Any, "Context"], Iterable["Flag | str"]]
R = TypeVar("R", bound=RuleFunction)


@attrs.frozen(kw_only=True)
class Rule:
    """A registered rule and what the reference says about it."""

    code: str
    severity: Severity
    #: The type of node the rule runs on (a building block or a framework), or a
    #: tuple of such types.
    applies_to: type | tuple[type, ...]
    #: What the rule checks, in one sentence.
    summary: str
    #: What to do about a finding, unless the finding says otherwise.
    hint: str
    #: Why the advice holds, and where it comes from.
    rationale: str
    function: RuleFunction = attrs.field(eq=False, repr=False)


_RULES: dict[str, Rule] = {}
_BY_TYPE: dict[type, tuple[Rule, ...]] = {}


def rule(
    applies_to: type | tuple[type, ...],
    *,
    code: str,
    severity: Severity | str,
    summary: str,
    hint: str,
    rationale: str = "",
) -> Callable[[R], R]:
    """Register the decorated function as the rule *code* for *applies_to*.

    *applies_to* is a class, or a tuple of classes the rule runs on alike.

    *code* is an uppercase prefix followed by digits (``SMS101``, ``ACME7``);
    registering a code that is taken raises
    :class:`~smstrategy.exceptions.DuplicateRegistrationError`, unless the
    function is the registered one declared again (the same module and
    qualified name, as when a notebook cell runs twice), which replaces it.  *severity* is
    a :class:`~smstrategy.rules.findings.Severity` or its value.
    """
    if not _is_code(code):
        raise InvalidFieldValueError(
            "rule", "code", "capital letters followed by digits, such as 'SMS101'", code
        )
    try:
        level = Severity(severity)
    except ValueError:
        expected = "one of " + ", ".join(repr(s.value) for s in Severity)
        raise InvalidFieldValueError("rule", "severity", expected, severity) from None
    if not _is_types(applies_to):
        raise InvalidFieldValueError(
            "rule", "applies_to", "a class or a tuple of classes", applies_to
        )
    for field, text in (("summary", summary), ("hint", hint)):
        v.text().check("rule", field, text)
    v.string().check("rule", "rationale", rationale)

    def register(function: R) -> R:
        taken = _RULES.get(code)
        if taken is not None and not _same_definition(taken.function, function):
            msg = (
                f"a rule is already registered as {code!r} ({taken.function.__qualname__}); "
                "a function declared again in the same module under the same name replaces "
                "it, any other needs its own code"
            )
            raise DuplicateRegistrationError(msg)
        _RULES[code] = Rule(
            code=code,
            severity=level,
            applies_to=applies_to,
            summary=summary,
            hint=hint,
            rationale=rationale,
            function=function,
        )
        _BY_TYPE.clear()
        return function

    return register


def _same_definition(old: RuleFunction, new: RuleFunction) -> bool:
    """Whether *new* is *old* declared again, as when a notebook cell runs twice."""
    names = ("__module__", "__qualname__")
    return [getattr(old, n, None) for n in names] == [getattr(new, n, None) for n in names]


def _is_types(value: object) -> bool:
    if isinstance(value, tuple):
        return bool(value) and all(isinstance(item, type) for item in value)
    return isinstance(value, type)


def _is_code(code: object) -> bool:
    return isinstance(code, str) and _CODE.fullmatch(code) is not None


def unregister_rule(code: str) -> None:
    """Remove the rule registered as *code*; an unknown code raises ``KeyError``."""
    del _RULES[code]
    _BY_TYPE.clear()


def registered_rules() -> tuple[Rule, ...]:
    """Return every registered rule, sorted by code."""
    return tuple(sorted(_RULES.values(), key=lambda r: r.code))


def rules_for(kind: type) -> tuple[Rule, ...]:
    """Return the rules that run on nodes of *kind*, its base classes' included."""
    try:
        return _BY_TYPE[kind]
    except KeyError:
        pass
    found = tuple(
        sorted(
            (r for r in _RULES.values() if issubclass(kind, r.applies_to)),
            key=lambda r: r.code,
        )
    )
    _BY_TYPE[kind] = found
    return found
