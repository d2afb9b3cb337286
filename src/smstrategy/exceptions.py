"""The errors of smstrategy.

Every error the library raises derives from :class:`SmstrategyError` and also
from the built-in exception a caller would expect, so ``except ValueError``
keeps working::

    >>> import smstrategy as sms
    >>> try:
    ...     sms.Channel(platform=sms.Platform.X, cadence=-5)
    ... except ValueError as e:
    ...     print(e)
    Channel.cadence: expected a number of at least 0, got -5
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "DuplicateRegistrationError",
    "FrameworkDefinitionError",
    "InvalidFieldTypeError",
    "InvalidFieldValueError",
    "InvalidPathError",
    "InvalidPlanError",
    "MissingExtraError",
    "RenderError",
    "SmstrategyError",
    "StructureError",
    "TemplateSecurityError",
    "UnknownFrameworkError",
    "UnknownLanguageError",
]


class SmstrategyError(Exception):
    """The root of every error raised by smstrategy."""


class _FieldError(SmstrategyError):
    """A field of a value got something it cannot hold."""

    def __init__(
        self, owner: str, field: str, expected: str, got: Any, *, shown: str | None = None
    ) -> None:
        self.owner = owner
        self.field = field
        self.expected = expected
        self.got = got
        got_text = repr(got) if shown is None else shown
        super().__init__(f"{owner}.{field}: expected {expected}, got {got_text}")


class InvalidFieldValueError(_FieldError, ValueError):
    """A field got a value of the right type that can never be right.

    ``owner``, ``field``, ``expected`` and ``got`` are kept as attributes.
    """


class InvalidFieldTypeError(_FieldError, TypeError):
    """A field got a value of the wrong type.

    ``owner``, ``field``, ``expected`` and ``got`` are kept as attributes.
    """


class UnknownFrameworkError(SmstrategyError, LookupError):
    """No framework is registered under the key asked for."""

    def __init__(self, key: object, known: list[str]) -> None:
        self.key = key
        self.known = known
        super().__init__(f"no framework is registered as {key!r}; known keys: {', '.join(known)}")


class InvalidPathError(SmstrategyError, LookupError):
    """A path names no part of the value it was used on; the message says where it ends.

    ``path`` is the path asked for and ``reason`` what is wrong with it.
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"path {path!r}: {reason}")


class UnknownLanguageError(SmstrategyError, LookupError):
    """No catalog is available for the language asked for.

    ``lang`` is what was asked for and ``available`` the languages that ship
    with the library; pass a catalog of your own to add another.
    """

    def __init__(self, lang: object, available: tuple[str, ...], *, reason: str = "") -> None:
        self.lang = lang
        self.available = available
        why = reason or "no catalog ships for it"
        super().__init__(
            f"cannot render in {lang!r}: {why}; available languages: {', '.join(available)} "
            "(or pass a catalog of your own)"
        )


class DuplicateRegistrationError(SmstrategyError, ValueError):
    """A key or code is registered a second time."""


class FrameworkDefinitionError(SmstrategyError, TypeError):
    """A framework class is declared in a way that cannot work."""


class InvalidPlanError(SmstrategyError, ValueError):
    """A plan's check found errors; the message lists each with its path.

    ``findings`` holds the error findings.
    """

    def __init__(self, findings: tuple[Any, ...]) -> None:
        self.findings = findings
        lines = [f"{len(findings)} error(s) in the plan:"]
        lines += [f"  {f.path or '(plan)'}: {f.code} {f.message}" for f in findings]
        super().__init__("\n".join(lines))


class RenderError(SmstrategyError, ValueError):
    """A template could not be found, compiled or rendered; the message says which."""


class TemplateSecurityError(RenderError):
    """A user template tried something the sandbox forbids; nothing of it ran."""


class MissingExtraError(SmstrategyError, ImportError):
    """An optional feature needs an extra that is not installed; the message names it."""


class StructureError(SmstrategyError, ValueError):
    """Data that does not make a valid plan; ``problems`` lists each with its path."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = tuple(problems)
        count = len(problems)
        heading = "1 problem in the data:" if count == 1 else f"{count} problems in the data:"
        super().__init__("\n  ".join([heading, *problems]))
