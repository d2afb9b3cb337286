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

import reprlib
from typing import Any

__all__ = [
    "DuplicateRegistrationError",
    "ExportError",
    "FrameworkDefinitionError",
    "InvalidFieldTypeError",
    "InvalidFieldValueError",
    "InvalidPathError",
    "InvalidPlanError",
    "MissingExtraError",
    "RenderError",
    "SmstrategyError",
    "StructureError",
    "TemplateLimitError",
    "TemplateSecurityError",
    "UnknownFrameworkError",
    "UnknownLanguageError",
]


class SmstrategyError(Exception):
    """The root of every error raised by smstrategy."""


class _Excerpt(reprlib.Repr):
    """Python's ``repr``, cut short, that never fails itself."""

    def repr_int(self, x: int, level: int) -> str:
        # An int of more digits than Python will write as text is described instead.
        digits = int(x.bit_length() * _DIGITS_PER_BIT) + 1
        if digits > _WRITTEN_DIGITS:
            return f"<{'a negative' if x < 0 else 'an'} int of about {digits:,} digits>"
        return super().repr_int(x, level)

    def repr1(self, x: object, level: int) -> str:
        try:
            return super().repr1(x, level)
        except Exception:  # noqa: BLE001  # an odd value whose repr fails
            return f"<{type(x).__name__} object>"


_DIGITS_PER_BIT = 0.30103  # log10(2)
_WRITTEN_DIGITS = 4000  # Python's limit (sys.int_info.default_max_str_digits) is 4,300

#: How much of a bad value a message shows: a few items, a few dozen characters.
_EXCERPT = _Excerpt()
_EXCERPT.maxlevel = 2
_EXCERPT.maxtuple = _EXCERPT.maxlist = _EXCERPT.maxdict = _EXCERPT.maxset = 4
_EXCERPT.maxfrozenset = _EXCERPT.maxdeque = _EXCERPT.maxarray = 4
_EXCERPT.maxstring = _EXCERPT.maxother = 60
_EXCERPT.maxlong = 40
#: The most problems a StructureError's message lists; ``problems`` holds them all.
_LISTED = 10


def excerpt(value: object) -> str:
    """Return *value* as Python writes it, cut short: no message repeats a whole bad value.

    >>> excerpt("x" * 1000)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxx...xxxxxxxxxxxxxxxxxxxxxxxxxxxx'"
    >>> excerpt(list(range(100)))
    '[0, 1, 2, 3, ...]'
    """
    return _EXCERPT.repr(value)


class _FieldError(SmstrategyError):
    """A field of a value got something it cannot hold."""

    def __init__(
        self, owner: str, field: str, expected: str, got: Any, *, shown: str | None = None
    ) -> None:
        self.owner = owner
        self.field = field
        self.expected = expected
        self.got = got
        got_text = excerpt(got) if shown is None else shown
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
        super().__init__(
            f"no framework is registered as {excerpt(key)}; known keys: {', '.join(known)}"
        )


class InvalidPathError(SmstrategyError, LookupError):
    """A path names no part of the value it was used on; the message says where it ends.

    ``path`` is the path asked for and ``reason`` what is wrong with it.
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"path {excerpt(path)}: {reason}")


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
            f"cannot render in {excerpt(lang)}: {why}; available languages: {', '.join(available)} "
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


class TemplateLimitError(RenderError):
    """A template you passed went past one of its :class:`~smstrategy.Limits`; it was stopped.

    ``limit`` names the limit: ``"output"``, ``"iterations"`` or ``"depth"``.
    """

    def __init__(self, limit: str, message: str) -> None:
        self.limit = limit
        super().__init__(message)


class TemplateSecurityError(RenderError):
    """A user template tried something the sandbox forbids; nothing of it ran."""


class MissingExtraError(SmstrategyError, ImportError):
    """An optional feature needs an extra that is not installed; the message names it."""


class ExportError(SmstrategyError, ValueError):
    """A value that a format cannot carry; ``problems`` lists each, the message the first ten."""

    def __init__(self, what: str, problems: list[str]) -> None:
        self.problems = tuple(problems)
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        listed = list(problems[:_LISTED])
        if count > _LISTED:
            listed.append(f"... and {count - _LISTED} more")
        super().__init__("\n  ".join([f"{count} {noun} writing {what}:", *listed]))


class StructureError(SmstrategyError, ValueError):
    """Data that does not make a valid plan; ``problems`` lists each with its path.

    The message lists the first ten problems and counts the rest.
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = tuple(problems)
        count = len(problems)
        heading = "1 problem in the data:" if count == 1 else f"{count} problems in the data:"
        listed = list(problems[:_LISTED])
        if count > _LISTED:
            listed.append(f"... and {count - _LISTED} more")
        super().__init__("\n  ".join([heading, *listed]))
