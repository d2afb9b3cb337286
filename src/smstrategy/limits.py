"""What one render may cost: the :class:`Limits`, and what a render has spent against them.

The templates you pass run in :mod:`smstrategy.sandbox`, which counts what
they spend here; :func:`limited` opens the budget of one render.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

import attrs

from smstrategy import validators as v
from smstrategy.exceptions import RenderError, TemplateLimitError

__all__ = ["Budget", "Limits", "budget", "limited", "passed", "too_long", "too_many_digits"]


@attrs.frozen(kw_only=True)
class Limits:
    """What one render with templates you pass may cost; pass your own as ``limits=``.

    ``output`` is the most characters the templates may write, counting what
    macros and blocks write and every string an operator or a filter makes;
    ``iterations`` the most turns of all their loops together (and the
    longest ``range``); ``depth`` how deeply macros, recursive loops, blocks,
    includes and extends may nest.  The defaults leave room for a calendar
    of 100,000 posts.
    """

    output: int = attrs.field(default=50_000_000, validator=v.whole_number(1))
    iterations: int = attrs.field(default=1_000_000, validator=v.whole_number(1))
    depth: int = attrs.field(default=40, validator=v.whole_number(1, 200))


#: The most digits a number a template makes may have: as many as Python writes as text.
DIGITS = 4300
BITS = int(DIGITS / 0.30103)  # log10(2)


class Budget:
    """What one render has spent so far."""

    __slots__ = ("depth", "iterations", "limits", "written")

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.written = 0
        self.iterations = 0
        self.depth = 0

    def write(self, count: int) -> None:
        """Count *count* characters written."""
        self.written += count
        if self.written > self.limits.output:
            raise passed("output", f"it wrote more than {self.limits.output:,} characters")

    def turn(self) -> None:
        """Count a turn of a loop."""
        self.iterations += 1
        if self.iterations > self.limits.iterations:
            what = f"its loops turned more than {self.limits.iterations:,} times"
            raise passed("iterations", what)

    def enter(self) -> None:
        """Count one more level of nesting."""
        self.depth += 1
        if self.depth > self.limits.depth:
            what = f"macros, blocks, loops or templates nest more than {self.limits.depth} deep"
            raise passed("depth", what)

    def leave(self) -> None:
        """Count one level of nesting less."""
        self.depth -= 1

    def size(self, value: object) -> None:
        """Refuse a string or a list longer than the output limit, or a number too large."""
        if isinstance(value, str | list | tuple):
            if len(value) > self.limits.output:
                raise too_long(self.limits.output)
        elif type(value) is int and value.bit_length() > BITS:
            raise too_many_digits()


_BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("budget", default=None)


def passed(limit: str, what: str) -> TemplateLimitError:
    """Return the error of a template that passed *limit*, saying *what* it did."""
    return TemplateLimitError(limit, f"the template passed Limits.{limit}: {what}")


def too_long(limit: int) -> TemplateLimitError:
    """Return the error of a value longer than the output limit."""
    return passed("output", f"it made a value of more than {limit:,} items")


def too_many_digits() -> RenderError:
    """Return the error of a number of more digits than Python writes as text."""
    return RenderError(f"a template made a number of more than {DIGITS:,} digits")


@contextlib.contextmanager
def limited(limits: Limits) -> Iterator[None]:
    """Count what the templates rendered inside the block spend, against *limits*."""
    token = _BUDGET.set(Budget(limits))
    try:
        yield
    finally:
        _BUDGET.reset(token)


def budget() -> Budget:
    """Return what the render under way has spent so far."""
    budget = _BUDGET.get()
    if budget is None:  # a sandboxed template rendered outside render(): the defaults hold
        budget = Budget(Limits())
        _BUDGET.set(budget)
    return budget
