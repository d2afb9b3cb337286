"""The sandbox that templates you pass run in, within limits on what they may cost.

Templates given to :func:`~smstrategy.render` or :func:`~smstrategy.worksheet`
with ``templates=`` run in Jinja2's immutable sandbox, which keeps them from
reaching Python's internals, and within :class:`~smstrategy.Limits` on what they write,
how many times their loops turn and how deeply they nest.  Passing a limit
stops the render with a :class:`~smstrategy.TemplateLimitError` that names it::

    >>> import smstrategy as sms
    >>> loops = {"report.md.j2": "{% for i in range(9) %}{% for j in range(9) %}.{% endfor %}"
    ...          "{% endfor %}"}
    >>> report = sms.check(sms.example("popt"))
    >>> sms.render(report, templates=loops, limits=sms.Limits(iterations=50))
    Traceback (most recent call last):
    ...
    smstrategy.exceptions.TemplateLimitError: the template passed Limits.iterations: its loops ...

The library's own templates, used alone, are trusted and run without limits.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import BlockReference, LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment

from smstrategy import limits
from smstrategy.limits import BITS, Budget, passed, too_long, too_many_digits

__all__ = ["SandboxedEnvironment"]


@jinja2.pass_context
def _counted(_: jinja2.runtime.Context, items: Iterable[Any]) -> Iterator[Any]:
    """Pass on *items*, counting each as a turn of a loop."""
    budget = limits.budget()
    for item in items:
        budget.turn()
        yield item


@jinja2.pass_context
def _written(_: jinja2.runtime.Context, value: Any) -> Any:
    """Pass on *value*, counting what it writes."""
    limits.budget().write(len(value) if isinstance(value, str) else len(str(value)))
    return value


class _GuardedCode(CodeGenerator):
    """Jinja's code generator, with every loop, every output and every ``~`` counted."""

    def visit_Template(  # noqa: N802  # Jinja's name
        self, node: nodes.Template, frame: Frame | None = None
    ) -> None:
        for loop in list(node.find_all(nodes.For)):
            loop.iter = _filter(loop.iter, "_counted")  # type: ignore[arg-type]  # an expression
        for output in list(node.find_all(nodes.Output)):
            output.nodes = [_filter(child, "_written") for child in output.nodes]
        super().visit_Template(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:  # noqa: N802
        self.write("environment.sized(")
        super().visit_Concat(node, frame)
        self.write(")")


def _filter(node: nodes.Expr, name: str) -> nodes.Filter:
    return nodes.Filter(node, name, [], [], None, None, lineno=node.lineno)


class _NestedTemplate(jinja2.Template):
    """A template whose rendering counts as a level of nesting: include, extends, import."""

    @classmethod
    def _from_namespace(
        cls,
        environment: jinja2.Environment,
        namespace: Any,
        globals: Any,  # noqa: A002  # Jinja's name
    ) -> jinja2.Template:
        template = super()._from_namespace(environment, namespace, globals)
        root = template.root_render_func

        def nested(context: jinja2.runtime.Context) -> Iterator[str]:
            budget = limits.budget()
            budget.enter()
            try:
                yield from root(context)
            finally:
                budget.leave()

        template.root_render_func = nested
        return template


#: A width or a precision in a %-format or a format spec: it can ask for any amount of padding.
_WIDTHS = re.compile(r"%[-#0 +]*(\d+)(?:\.(\d+))?|%[-#0 +]*\.(\d+)|:[^{}]*?(\d+)[^{}]*\}")


def _refuse_widths(text: str, limit: int) -> None:
    for match in _WIDTHS.finditer(text):
        if any(g and (len(g) > len(str(limit)) or int(g) > limit) for g in match.groups()):
            raise passed("output", f"a format asks for more than {limit:,} characters")


class SandboxedEnvironment(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, within the :class:`Limits` of the render that uses it."""

    code_generator_class = _GuardedCode
    template_class = _NestedTemplate
    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.filters["_counted"] = _counted
        self.filters["_written"] = _written
        self.globals["range"] = _range

    def guard_filters(self) -> None:
        """Wrap each filter (but the counting ones) so its arguments and result are checked."""
        for name, function in list(self.filters.items()):
            if name not in ("_counted", "_written"):
                self.filters[name] = _guarded(name, function)

    def sized(self, value: Any) -> Any:
        """Pass on *value*, refusing it if it is larger than the limits allow."""
        limits.budget().size(value)
        return value

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        """Run an operator, refusing first what would pass the limits: text repeated, powers."""
        budget = limits.budget()
        if operator == "*":
            _refuse_repeat(budget, left, right)
        elif operator == "**":
            _refuse_power(left, right)
        elif operator == "%" and isinstance(left, str):
            _refuse_widths(left, budget.limits.output)
            _refuse_numbers(budget, right if isinstance(right, tuple) else (right,))
        result = super().call_binop(context, operator, left, right)
        budget.size(result)
        return result

    def call(self, context: jinja2.runtime.Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        """Call *obj* for a template, counting nesting and checking what methods are asked."""
        budget = limits.budget()
        nests = isinstance(obj, Macro | LoopContext | BlockReference)
        owner = getattr(getattr(obj, "__wrapped__", obj), "__self__", None)
        if isinstance(owner, str | list | tuple | dict):  # a method of a built-in value
            _refuse_numbers(budget, (*args, *kwargs.values()))
            if isinstance(owner, str):
                _refuse_widths(owner, budget.limits.output)
                _refuse_growth(budget, owner, obj, args)
        if nests:
            budget.enter()
        try:
            result = super().call(context, obj, *args, **kwargs)
        finally:
            if nests:
                budget.leave()
        budget.size(result)
        return result


def _range(*args: int) -> range:
    """Python's range, no longer than the iterations a render may turn."""
    found = range(*args)
    limit = limits.budget().limits.iterations
    try:
        too_long = len(found) > limit
    except OverflowError:  # longer than Python can count
        too_long = True
    if too_long:
        raise passed("iterations", f"a range has more than {limit:,} items")
    return found


def _refuse_repeat(budget: Budget, left: Any, right: Any) -> None:
    """Refuse ``text * n`` (or ``n * text``) longer than the output limit, before it is made."""
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, str | list | tuple) and type(times) is int:
            if len(seq) * times > budget.limits.output:
                raise too_long(budget.limits.output)
            return
    if type(left) is int and type(right) is int and left.bit_length() + right.bit_length() > BITS:
        raise too_many_digits()


def _refuse_power(left: Any, right: Any) -> None:
    whole = type(left) is int and type(right) is int
    if whole and right > 0 and abs(left) > 1 and right * (abs(left).bit_length() - 1) > BITS:
        raise too_many_digits()


def _refuse_numbers(budget: Budget, values: Iterable[Any]) -> None:
    """Refuse a number asked of a built-in method (a width, a count) larger than the output."""
    limit = budget.limits.output
    for value in values:
        if type(value) is int and abs(value) > limit:
            raise passed("output", f"a method was asked for {value:,} characters or items")


def _refuse_growth(budget: Budget, owner: str, method: Any, args: tuple[Any, ...]) -> None:
    """Refuse ``replace`` and ``join`` whose result would pass the output limit."""
    name = getattr(method, "__name__", "")
    limit = budget.limits.output
    texts = [a for a in args[:2] if isinstance(a, str)]
    if name == "replace" and len(texts) == 2:  # noqa: PLR2004  # old and new
        count = owner.count(args[0]) if args[0] else len(owner) + 1
        size = len(owner) + count * (len(args[1]) - len(args[0]))
    elif name == "join" and args and isinstance(args[0], list | tuple):
        size = len(owner) * len(args[0])
    else:
        return
    if size > limit:
        raise too_long(limit)


def _guarded(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a filter so that numbers it is asked for and what it returns stay within limits.

    ``replace``, ``join`` and ``format``, which can make text far longer than
    what they are given, are checked before they run.
    """

    @functools.wraps(function)
    def filter_within_limits(*args: Any, **kwargs: Any) -> Any:
        budget = limits.budget()
        _refuse_numbers(budget, (*args, *kwargs.values()))
        texts = [a for a in args if isinstance(a, str)]
        if name == "format" and texts:
            _refuse_widths(texts[0], budget.limits.output)
        elif name == "replace" and len(texts) >= 3:  # noqa: PLR2004  # the value, old and new
            _refuse_growth(budget, texts[0], str.replace, tuple(texts[1:3]))
        elif name == "join":
            items = [a for a in args if isinstance(a, list | tuple)]
            separator = texts[0] if texts else ""
            if items:
                _refuse_growth(budget, separator, str.join, (items[0],))
        result = function(*args, **kwargs)
        budget.size(result)
        return result

    return filter_within_limits
