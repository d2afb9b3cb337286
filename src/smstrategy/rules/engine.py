"""The checker: one walk over a plan, then every matching rule on every node."""

from __future__ import annotations

import datetime as dt
import functools
import typing
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from smstrategy.audit import Audit
from smstrategy.base import Framework
from smstrategy.calendar import ContentPlan
from smstrategy.elements import Audience, Channel, Member, Period, Policy, Team, fold
from smstrategy.exceptions import InvalidFieldTypeError, InvalidFieldValueError, SmstrategyError
from smstrategy.references import channel_references, find_channel
from smstrategy.results import Results
from smstrategy.rules.findings import Finding, Flag, Report
from smstrategy.rules.guidelines import Guidelines, resolve
from smstrategy.rules.registry import Rule, rules_for

if TYPE_CHECKING:
    from smstrategy.scorecards import Scorecard

__all__ = ["Context", "Index", "RuleError", "check", "run"]

N = TypeVar("N")


def _fields_holding_nodes(kind: type) -> tuple[str, ...] | None:
    """Return the fields of an attrs class that may hold nodes, or ``None`` for non-nodes.

    A field whose annotation can only hold plain values (strings, numbers,
    dates, enums, tuples of them) is never walked into, so a plan with many
    posts is walked quickly; an annotation that cannot be resolved is walked.
    """
    if not attrs.has(kind):
        return None
    try:
        hints = typing.get_type_hints(kind)
    except Exception:  # noqa: BLE001  # names local to a function: walk every field
        hints = {}
    return tuple(f.name for f in attrs.fields(kind) if _may_hold_nodes(hints.get(f.name, Any)))


#: Classes are few and each is looked at once; a plain cache keeps the answers.
_node_fields: Callable[[type], tuple[str, ...] | None] = functools.cache(_fields_holding_nodes)


def _may_hold_nodes(hint: Any) -> bool:
    if hint is Any or hint is object:
        return True
    args = typing.get_args(hint)
    if args:
        return any(_may_hold_nodes(arg) for arg in args if arg is not Ellipsis)
    return not (isinstance(hint, type) and not attrs.has(hint))


def _walk(node: object, path: str, paths: list[str], values: list[Any]) -> None:
    paths.append(path)
    values.append(node)
    for name in _node_fields(type(node)) or ():
        value = getattr(node, name)
        where = f"{path}.{name}" if path else name
        if type(value) is tuple:
            for i, item in enumerate(value):
                if _node_fields(type(item)) is not None:
                    _walk(item, f"{where}[{i}]", paths, values)
        elif _node_fields(type(value)) is not None:
            _walk(value, where, paths, values)


def _parent_path(path: str) -> str:
    """Drop the last ``.name`` or ``[i]`` of a path."""
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else ""


class Index:
    """Every node of a plan with its path, in plan order, and lookups built from them.

    Rules use it to resolve cross-references (a channel's audiences, a
    review's goals) with one lookup instead of another walk.
    """

    def __init__(self, plan: Framework | Audit | ContentPlan) -> None:
        paths: list[str] = []
        values: list[Any] = []
        _walk(plan, "", paths, values)
        #: The path of every node, in the order of the plan.
        self.paths: tuple[str, ...] = tuple(paths)
        #: Every node, in the order of the plan: ``values[i]`` is at ``paths[i]``.
        self.values: tuple[Any, ...] = tuple(values)
        self._position = {path: i for i, path in enumerate(paths)}
        # Positions rather than pairs: a plan of many posts makes no object per node here.
        by_type: defaultdict[type, list[int]] = defaultdict(list)
        for i, value in enumerate(values):
            by_type[type(value)].append(i)
        self._by_type = dict(by_type)
        self._of: dict[type, tuple[tuple[str, Any], ...]] = {}
        self._named: dict[str, tuple[str, Channel] | None] = {}

    def pairs(self) -> Iterator[tuple[str, Any]]:
        """Give ``(path, node)`` for every node, in the order of the plan, one at a time."""
        return zip(self.paths, self.values, strict=True)

    @functools.cached_property
    def nodes(self) -> tuple[tuple[str, Any], ...]:
        """``(path, node)`` for every node, in the order of the plan."""
        return tuple(self.pairs())

    def of(self, kind: type[N]) -> tuple[tuple[str, N], ...]:
        """Return ``(path, node)`` for every node that is a *kind*, in plan order."""
        try:
            return self._of[kind]
        except KeyError:
            pass
        found = [i for t, places in self._by_type.items() if issubclass(t, kind) for i in places]
        found.sort()
        paths, values = self.paths, self.values
        result = self._of[kind] = tuple((paths[i], values[i]) for i in found)
        return result

    def position(self, path: str) -> int:
        """Return where *path*, or the nearest node above it, comes in the plan."""
        while path not in self._position:
            path = _parent_path(path)
        return self._position[path]

    @functools.cached_property
    def audience_names(self) -> frozenset[str]:
        """The names of every audience in the plan, folded for comparison."""
        return frozenset(fold(a.name) for _, a in self.of(Audience))

    @functools.cached_property
    def served_audiences(self) -> frozenset[str]:
        """The audience names that some channel serves, folded for comparison."""
        return frozenset(fold(name) for _, c in self.of(Channel) for name in c.audiences)

    @functools.cached_property
    def has_policy(self) -> bool:
        """Whether the plan holds a written social media policy (one with rules) anywhere."""
        return any(policy.written for _, policy in self.of(Policy))

    @functools.cached_property
    def approval_required(self) -> bool:
        """Whether a written policy anywhere in the plan requires posts to be approved."""
        return any(p.written and p.approval_required for _, p in self.of(Policy))

    @functools.cached_property
    def monitors(self) -> frozenset[str]:
        """The people who watch the accounts and answer, named anywhere in the plan."""
        named = {fold(m.name) for _, m in self.of(Member) if m.monitors}
        for node in self.values:
            listed = getattr(node, "monitors", None)
            if type(listed) is tuple:
                named.update(fold(name) for name in listed)
        return frozenset(named)

    @functools.cached_property
    def names_people(self) -> bool:
        """Whether the plan names anyone: team members, monitors or channel owners."""
        members = any(team.members for _, team in self.of(Team))
        owners = any(channel.owner for _, channel in self.of(Channel))
        return members or owners or bool(self.monitors)

    @functools.cached_property
    def review_period(self) -> Period | None:
        """The shortest review or report period the plan names, if any.

        Any :class:`~smstrategy.Period` in any block counts, in custom blocks too.
        """
        found = [period for _, period in self.of(Period)]
        return min(found, key=lambda period: period.days) if found else None

    @functools.cached_property
    def channel_references(self) -> dict[str, tuple[str, Channel]]:
        """Each channel's path and channel by the names results may call it, folded.

        A channel answers to its name (network and handle), to its handle, and
        to its network's name where the plan has one channel on that network.
        Another name of the network serves as well: "Twitter @fjord" is
        "X @fjord" (see :meth:`channel_named`).
        """
        return channel_references(self.of(Channel))

    @functools.cached_property
    def channel_names(self) -> dict[str, str]:
        """Each folded name a channel answers to, with the channel's name as the plan writes it."""
        return {ref: channel.name for ref, (_, channel) in self.channel_references.items()}

    def channel_named(self, name: str) -> tuple[str, Channel] | None:
        """Return the path and channel that *name* refers to (see ``channel_references``).

        When *name* does not match as written, its first words are read as a
        network's name, aliases included, and the rest as the handle.
        """
        try:
            return self._named[name]
        except KeyError:
            pass
        found = find_channel(name, self.channel_references)
        self._named[name] = found
        return found


class Context:
    """What a rule is given besides its node: the plan, the guidelines and the index.

    ``plan`` is the value being checked: a plan, or an audit.  ``previous``
    is the plan's previous revision, when the caller gave one; ``results``
    what happened, and ``as_of`` the date the results are judged on, when the
    caller gave results.
    """

    __slots__ = ("_scorecard", "as_of", "guidelines", "index", "plan", "previous", "results")

    def __init__(
        self,
        plan: Framework | Audit | ContentPlan,
        guidelines: Guidelines,
        index: Index,
        previous: Framework | None = None,
        *,
        results: Results | None = None,
        as_of: dt.date | None = None,
    ) -> None:
        self.plan = plan
        self.guidelines = guidelines
        self.index = index
        self.previous = previous
        self.results = results
        self.as_of = as_of
        self._scorecard: Scorecard | None = None

    @property
    def scorecard(self) -> Scorecard | None:
        """The plan's scorecard against the results, made on first use; ``None`` without results."""
        if self._scorecard is None and self.results is not None:
            from smstrategy.scorecards import measure

            self._scorecard = measure(self)
        return self._scorecard

    @staticmethod
    def key(text: str) -> str:
        """Fold *text* for comparing names: case and runs of white space ignored."""
        return fold(text)


class RuleError(SmstrategyError, RuntimeError):
    """A rule failed while checking a plan; the cause is chained."""


def _prefixes(option: str, value: Iterable[str] | str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    items = (value,) if isinstance(value, str) else tuple(value)
    for item in items:
        if not _is_text(item):
            raise InvalidFieldTypeError(
                "check", option, "rule codes or code prefixes as strings", value
            )
    return tuple(item.strip().upper() for item in items)


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _wanted(rule: Rule, select: tuple[str, ...] | None, ignore: tuple[str, ...] | None) -> bool:
    if select is not None and not rule.code.startswith(select):
        return False
    return not (ignore and rule.code.startswith(ignore))


def check(
    plan: Framework | Audit | ContentPlan,
    *,
    guidelines: Guidelines | None = None,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    previous: Framework | None = None,
    results: Results | None = None,
    as_of: dt.date | None = None,
) -> Report:
    """Check a plan, an :class:`~smstrategy.Audit` or a content plan; return a Report.

    *select* keeps only the rules whose code starts with one of the given
    codes or prefixes; *ignore* then drops those that start with one of its
    own.  *guidelines* replaces the default thresholds; without it a plan
    that names its ``profile`` is held to that kind of organisation's
    guidelines (:meth:`~smstrategy.Guidelines.for_profile`).  *previous*, the
    plan's previous revision, lets the rules compare the two (SMS301).
    *results*, what happened, adds the results checks (SMS6xx), judged on
    *as_of* (by default the newest date in the results).
    """
    if not isinstance(plan, Framework | Audit | ContentPlan):
        raise InvalidFieldTypeError("check", "plan", "a plan (a Framework instance)", plan)
    profile = plan.profile if isinstance(plan, Framework) else None
    guidelines = resolve("check", guidelines, profile)
    if previous is not None and (
        not isinstance(plan, Framework) or type(previous) is not type(plan)
    ):
        expected = "a previous revision: a plan of the same framework"
        raise InvalidFieldTypeError("check", "previous", expected, previous)
    if results is not None:
        if not isinstance(results, Results):
            raise InvalidFieldTypeError("check", "results", "a Results value", results)
        if not isinstance(plan, Framework):
            raise InvalidFieldTypeError("check", "plan", "a plan, to hold results against", plan)
        from smstrategy.scorecards import resolve_as_of

        as_of = resolve_as_of("check", results, as_of)
    elif as_of is not None:
        raise InvalidFieldValueError("check", "as_of", "no date without results", as_of)
    chosen = _prefixes("select", select)
    dropped = _prefixes("ignore", ignore)
    context = Context(plan, guidelines, Index(plan), previous, results=results, as_of=as_of)
    return run(context, chosen, dropped)


def run(context: Context, select: tuple[str, ...] | None, ignore: tuple[str, ...] | None) -> Report:
    """Run the rules whose codes *select* keeps and *ignore* does not drop; return the Report."""
    plan, index = context.plan, context.index
    titles = {s.name: s.title for s in plan.steps()}
    found: list[tuple[int, str, Finding]] = []
    chosen_rules: dict[type, tuple[Rule, ...]] = {}
    for path, node in index.pairs():
        kind = type(node)
        rules = chosen_rules.get(kind)
        if rules is None:
            rules = chosen_rules[kind] = tuple(
                r
                for r in rules_for(kind)
                if _wanted(r, select, ignore) and r.code not in context.guidelines.not_applicable
            )
        for rule in rules:
            flags = _flags_of(rule, node, context, path)
            for flag in flags:
                finding = _finding(rule, flag, path, titles)
                found.append((index.position(finding.path), rule.code, finding))
    found.sort(key=lambda item: (item[0], item[1]))
    return Report(findings=tuple(f for *_, f in found), framework=plan.key, title=plan.title)


def _flags_of(rule: Rule, node: object, context: Context, path: str) -> list[Flag | str]:
    """Run *rule* on *node*; what it gives must be an iterable of Flags or strings."""
    try:
        given: Any = rule.function(node, context)
        flags: list[Any] = [] if given is None or isinstance(given, str) else list(given)
    except Exception as e:
        msg = f"rule {rule.code} failed at {path or '(plan)'}: {e!r}"
        raise RuleError(msg) from e
    if isinstance(given, str):
        msg = (
            f"rule {rule.code} returned a string at {path or '(plan)'}; a rule yields its "
            "findings (use `yield`), or returns a list of them"
        )
        raise RuleError(msg)
    for flag in flags:
        if not isinstance(flag, Flag | str):
            msg = (
                f"rule {rule.code} gave {type(flag).__name__} at {path or '(plan)'}; a rule "
                "yields messages (strings) or smstrategy.Flag values"
            )
            raise RuleError(msg)
    return flags


def _finding(rule: Rule, flag: Flag | str, path: str, titles: dict[str, str]) -> Finding:
    if isinstance(flag, str):
        flag = Flag(flag)
    where = path if flag.path is None else flag.path
    top = where.split(".", 1)[0].split("[", 1)[0]
    return Finding(
        code=rule.code,
        severity=rule.severity if flag.severity is None else flag.severity,
        path=where,
        step=titles.get(top, ""),
        message=flag.message,
        hint=rule.hint if flag.hint is None else flag.hint,
    )
