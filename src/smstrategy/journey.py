"""Place an organisation on the social media journey, fairly, and say what moves it on.

:func:`evidence_from` reads the signs of each stage (see
:data:`smstrategy.stages.SIGNS`) from a plan of any framework, and from what
happened: results and an audit.  A plan shows intentions; results and an
audit show facts, and a sign that needs facts is not met by intentions alone.
:class:`Evidence` keeps, for each sign, where it was seen.

:func:`assess` places the evidence.  Each stage scores the share of its signs
that hold; a stage *counts* when that share reaches ``journey_share`` of
:class:`~smstrategy.Guidelines` (two thirds by default) and its defining
sign, if it has one, holds.  The organisation moves one stage along the
journey for each stage that counts.  With every stage before it counting,
that is the highest stage whose signs mostly hold; a stage that falls short
holds the organisation back by one stage, wherever it is.  So one missing
sign never costs more than one stage, and another sign never lowers the
placement::

    >>> import smstrategy as sms
    >>> evidence = sms.Evidence.of("accounts_in_use", "tactics_tried", "some_planning")
    >>> position = sms.assess(evidence)
    >>> position.stage
    <Stage.EXPERIMENTAL: 'experimental'>
    >>> position.next_stage
    <Stage.OPERATIONAL: 'operational'>

:func:`assess_views` places several people's views side by side, the way the
journey asks you, your team and your customers where you stand.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import attrs

from smstrategy import validators as v
from smstrategy.audit import Audit
from smstrategy.base import Framework
from smstrategy.elements import Channel, Goal, GoalKind, ListeningPanel, Policy, Team, fold
from smstrategy.exceptions import InvalidFieldTypeError, InvalidFieldValueError
from smstrategy.pace import Status
from smstrategy.results import Results, Voice
from smstrategy.rules.guidelines import Guidelines, resolve
from smstrategy.stages import SIGNS, Sign, Stage

if TYPE_CHECKING:
    from smstrategy.rules.engine import Context, Index
    from smstrategy.scorecards import Scorecard

__all__ = [
    "Difference",
    "Evidence",
    "Position",
    "Proof",
    "Source",
    "Views",
    "assess",
    "assess_views",
    "evidence_from",
    "views_from",
]

_BY_NAME = {sign.name: sign for sign in SIGNS}


class Source(enum.StrEnum):
    """Where a piece of evidence came from."""

    #: The plan: what the organisation intends, and what it has written down.
    PLAN = "plan"
    #: Results: what was measured.
    RESULTS = "results"
    #: An audit of the accounts.
    AUDIT = "audit"
    #: A person's view, as given in a workshop.
    VIEW = "view"

    @property
    def is_fact(self) -> bool:
        """Whether the source shows what happened rather than what is intended."""
        return self is not Source.PLAN


class _SignName(v.Validator):
    __slots__ = ()

    def check(self, owner: str, field: str, value: object) -> None:
        v.text().check(owner, field, value)
        if value not in _BY_NAME:
            known = ", ".join(_BY_NAME)
            raise InvalidFieldValueError(owner, field, f"one of the signs {known}", value)


@attrs.frozen(kw_only=True)
class Proof:
    """One sign seen in one place: the sign's name, the source and a path into it."""

    sign: str = attrs.field(validator=_SignName())
    source: Source = attrs.field(validator=v.member_of(Source))
    #: Where in the plan, the results or the audit it was seen (``""`` for a view).
    where: str = attrs.field(default="", validator=v.string())


def _sign(sign: Sign | str) -> Sign:
    return sign if isinstance(sign, Sign) else _BY_NAME[sign]


@attrs.frozen(kw_only=True)
class Evidence:
    """What is known of an organisation: each sign seen, with where it was seen.

    ``facts_known`` says whether facts (results, an audit, views) were looked
    at; without them, a sign that needs facts is *unknown* rather than
    missing.  Combine evidence with ``|``.
    """

    proofs: tuple[Proof, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.instance(Proof))
    )
    facts_known: bool = attrs.field(default=True, validator=v.instance(bool))

    @classmethod
    def of(cls, *signs: str, source: Source = Source.VIEW) -> Evidence:
        """Return evidence of the signs named, as a person (or *source*) states them."""
        return cls(proofs=tuple(Proof(sign=name, source=source) for name in signs))

    def sources(self, sign: Sign | str) -> tuple[Source, ...]:
        """Return the sources that show *sign*, each once, in the order they were found."""
        name = _sign(sign).name
        return tuple(dict.fromkeys(p.source for p in self.proofs if p.sign == name))

    def holds(self, sign: Sign | str) -> bool:
        """Whether *sign* holds: seen in a source that counts for it."""
        found = _sign(sign)
        return any(s.is_fact or not found.needs_facts for s in self.sources(found))

    def unknown(self, sign: Sign | str) -> bool:
        """Whether *sign* needs facts that were not looked at, so it may hold or not."""
        found = _sign(sign)
        return found.needs_facts and not self.facts_known and not self.holds(found)

    def __or__(self, other: Evidence) -> Evidence:
        if not isinstance(other, Evidence):
            return NotImplemented
        return Evidence(
            proofs=(*self.proofs, *other.proofs), facts_known=self.facts_known or other.facts_known
        )


@attrs.frozen(kw_only=True)
class Position:
    """Where the evidence places an organisation, and what would move it on."""

    stage: Stage
    evidence: Evidence
    #: The share of each stage's signs that hold, in journey order (traditional has none: 1).
    scores: tuple[float, ...]
    #: The stages whose signs count, in journey order.
    counting: tuple[Stage, ...]
    #: The signs that hold, in journey order.
    holding: tuple[Sign, ...]
    #: Signs missing from the stages that count: what weakens the placement.
    gaps: tuple[Sign, ...]
    #: Signs missing from the first stage that does not count: what moves it on.
    to_next: tuple[Sign, ...]
    #: Signs that need facts nobody looked at.
    unknown: tuple[Sign, ...]

    def score(self, stage: Stage) -> float:
        """Return the share of *stage*'s signs that hold."""
        return self.scores[stage.rank]

    @property
    def missing(self) -> tuple[Sign, ...]:
        """Every sign to work on: the gaps first, then what moves the organisation on."""
        return (*self.gaps, *self.to_next)

    @property
    def next_stage(self) -> Stage | None:
        """The stage that follows, or ``None`` at high impact."""
        return self.stage.next

    @property
    def next_steps(self) -> tuple[str, ...]:
        """What to do, in order: close the gaps, then reach the next stage."""
        return tuple(sign.next_step for sign in self.missing)


def _counts(stage: Stage, evidence: Evidence, share: float) -> tuple[float, bool]:
    """Return *stage*'s score and whether the stage counts."""
    signs = stage.signs
    score = sum(evidence.holds(sign) for sign in signs) / len(signs)
    defining = all(evidence.holds(sign) for sign in signs if sign.defining)
    # A hair of slack, so that two signs of three meet a share of 2/3 written as a float.
    return score, defining and score >= share - 1e-9


def assess(evidence: Evidence, *, guidelines: Guidelines | None = None) -> Position:
    """Place *evidence* on the journey; see the module's description."""
    if not isinstance(evidence, Evidence):
        raise InvalidFieldTypeError("assess", "evidence", "an Evidence value", evidence)
    share = resolve("assess", guidelines).journey_share
    scores = [1.0]
    counting: list[Stage] = []
    for stage in tuple(Stage)[1:]:
        score, counts = _counts(stage, evidence, share)
        scores.append(score)
        if counts:
            counting.append(stage)
    placed = tuple(Stage)[len(counting)]
    missing = [sign for sign in SIGNS if not evidence.holds(sign)]
    short = next((s for s in tuple(Stage)[1:] if s not in counting), None)
    return Position(
        stage=placed,
        evidence=evidence,
        scores=tuple(scores),
        counting=tuple(counting),
        holding=tuple(sign for sign in SIGNS if evidence.holds(sign)),
        gaps=tuple(sign for sign in missing if sign.stage in counting),
        to_next=tuple(sign for sign in missing if sign.stage is short),
        unknown=tuple(sign for sign in SIGNS if evidence.unknown(sign)),
    )


# --- reading the evidence -----------------------------------------------------------------------

_BUSINESS = frozenset(
    {GoalKind.SALES, GoalKind.LEADS, GoalKind.RETENTION, GoalKind.PURCHASE_INTENT}
)
_GOOD = frozenset({Status.MET, Status.AHEAD, Status.ON_TRACK})
#: Fields that name the tools a plan uses, in any building block or step.
_TOOL_FIELDS = ("tools", "scheduling_tool", "methods")


def evidence_from(
    plan: Framework,
    results: Results | None = None,
    audit: Audit | None = None,
    as_of: dt.date | None = None,
    *,
    guidelines: Guidelines | None = None,
) -> Evidence:
    """Read what a plan, its results and an audit show of the organisation behind them.

    Building blocks are found wherever the plan holds them, so every framework,
    built-in or your own, is read alike.  *results* are judged on *as_of* (by
    default their newest date); the audit on its own date.  Each sign's
    ``shown_by`` (see :data:`~smstrategy.stages.SIGNS`) says what shows it.
    """
    from smstrategy.rules.engine import Context, Index

    if not isinstance(plan, Framework):
        raise InvalidFieldTypeError("evidence_from", "plan", "a plan", plan)
    if results is not None and not isinstance(results, Results):
        raise InvalidFieldTypeError("evidence_from", "results", "a Results value", results)
    if audit is not None and not isinstance(audit, Audit):
        raise InvalidFieldTypeError("evidence_from", "audit", "an Audit", audit)
    rules = resolve("evidence_from", guidelines, plan.profile)
    index = Index(plan)
    context = None
    if results is not None:
        from smstrategy.scorecards import resolve_as_of

        when = resolve_as_of("evidence_from", results, as_of)
        context = Context(plan, rules, index, results=results, as_of=when)
    return plan_evidence(context or Context(plan, rules, index), audit)


def plan_evidence(context: Context, audit: Audit | None = None) -> Evidence:
    """Read the evidence of a check's context: its plan, and its results if it has them."""
    plan = context.plan
    assert isinstance(plan, Framework)  # noqa: S101  # contexts of plans only
    proofs = [*_from_plan(plan, context.index)]
    card = context.scorecard
    if card is not None and context.results is not None:
        proofs += _from_results(card, context.results)
    if audit is not None:
        proofs += _from_audit(audit, context.guidelines)
    return Evidence(proofs=tuple(proofs), facts_known=card is not None or audit is not None)


def _parent(path: str) -> str:
    """Drop a trailing index: ``technology.channels[0]`` is in ``technology.channels``."""
    return path.rsplit("[", 1)[0]


def _cadence(plan: Framework, index: Index) -> str | None:
    # A channel whose pace is not stated is still an account the plan runs.
    active = (path for path, c in index.of(Channel) if c.cadence is None or c.cadence >= 1)
    return next(active, None)


def _several_channels(plan: Framework, index: Index) -> str | None:
    channels = index.of(Channel)
    return _parent(channels[0][0]) if len(channels) >= 2 else None  # noqa: PLR2004


def _a_step_filled(plan: Framework, index: Index) -> str | None:
    empty = plan.empty_steps()
    return next((s.name for s in plan.steps() if s not in empty), None)


def _no_step_empty(plan: Framework, index: Index) -> str | None:
    return "" if plan.steps() and not plan.empty_steps() else None


def _targets(plan: Framework, index: Index) -> str | None:
    goals = index.of(Goal)
    if goals and all(any(m.target is not None for m in g.metrics) for _, g in goals):
        return _parent(goals[0][0])
    return None


def _listeners(plan: Framework, index: Index) -> str | None:
    panels = [path for path, p in index.of(ListeningPanel) if p.brand_terms or p.competitors]
    if panels:
        return panels[0]
    return "" if index.monitors else None


def _trained(plan: Framework, index: Index) -> str | None:
    return next((path for path, t in index.of(Team) if t.training), None)


def _rules(plan: Framework, index: Index) -> str | None:
    return next((path for path, p in index.of(Policy) if p.written), None)


def _aligned(plan: Framework, index: Index) -> str | None:
    channels = index.of(Channel)
    if channels and all(c.audiences and c.goals for _, c in channels):
        return _parent(channels[0][0])
    return None


def _cadence_of_reviews(plan: Framework, index: Index) -> str | None:
    return "" if index.review_period is not None else None


def _tools(plan: Framework, index: Index) -> str | None:
    for path, node in index.pairs():
        for name in _TOOL_FIELDS:
            if getattr(node, name, None):
                return f"{path}.{name}" if path else name
    return None


def _departments(plan: Framework, index: Index) -> str | None:
    teams = index.of(Team)
    return next((p for p, t in teams if t.training and len(t.departments) >= 2), None)  # noqa: PLR2004


#: What a plan shows of each sign, and where: a reader per sign, returning a path or None.
_PLAN_READERS = (
    ("accounts_in_use", _cadence),
    ("tactics_tried", _several_channels),
    ("some_planning", _a_step_filled),
    ("written_strategy", _no_step_empty),
    ("measurable_goals", _targets),
    ("listening", _listeners),
    ("training", _trained),
    ("policy", _rules),
    ("aligned_efforts", _aligned),
    ("regular_measurement", _cadence_of_reviews),
    ("tools_in_place", _tools),
    ("skills_across", _departments),
)


def _from_plan(plan: Framework, index: Index) -> Iterable[Proof]:
    for sign, read in _PLAN_READERS:
        where = read(plan, index)
        if where is not None:
            yield Proof(sign=sign, source=Source.PLAN, where=where)


def _from_results(card: Scorecard, results: Results) -> Iterable[Proof]:
    def proof(sign: str, where: str) -> Proof:
        return Proof(sign=sign, source=Source.RESULTS, where=where)

    days = card.review_period.days
    # Which review periods, counted back from as_of (0 the newest), hold a record.
    periods = {(card.as_of - o.on).days // days for o in results.observations if o.on <= card.as_of}
    if periods & {0, 1}:
        yield proof("accounts_in_use", "results")
    parts = {(p.by, p.name) for p in card.working}
    if len(parts) >= 2:  # noqa: PLR2004  # "several": two or more
        yield proof("tactics_tried", "results")
    good = [s for s in card.scores if s.status in _GOOD]
    if good:
        yield proof("first_results", good[0].path)
    for goal in card.goals:
        if goal.goal.kind in _BUSINESS and goal.status in _GOOD:
            yield proof("business_results", goal.path)
            break
    if periods >= {0, 1, 2}:
        yield proof("regular_measurement", "results")
    for i, o in enumerate(results.observations):
        if not v.blank(o.source):
            yield proof("tools_in_place", f"results.observations[{i}].source")
            break


def _from_audit(audit: Audit, guidelines: Guidelines) -> Iterable[Proof]:
    def proof(sign: str, where: str) -> Proof:
        return Proof(sign=sign, source=Source.AUDIT, where=where)

    limit = guidelines.abandoned_after_days
    for i, account in enumerate(audit.accounts):
        if account.last_post is not None and (audit.as_of - account.last_post).days <= limit:
            yield proof("accounts_in_use", f"accounts[{i}]")
            break
    if len(audit.accounts) >= 2:  # noqa: PLR2004  # "several": two or more
        yield proof("tactics_tried", "accounts")


# --- several voices -----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Difference:
    """A sign on which the views differ: the names of those who see it and who do not."""

    sign: Sign
    holding: tuple[str, ...]
    lacking: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Views:
    """Several views of one organisation, each placed on the journey."""

    #: Each view's name and position, in the order given.
    positions: tuple[tuple[str, Position], ...]

    @property
    def names(self) -> tuple[str, ...]:
        """The names of the views."""
        return tuple(name for name, _ in self.positions)

    def position(self, name: str) -> Position:
        """Return the position of the view called *name*."""
        return dict(self.positions)[name]

    @property
    def agree(self) -> bool:
        """Whether every view places the organisation at the same stage."""
        return len({p.stage for _, p in self.positions}) <= 1

    @property
    def shared(self) -> tuple[Sign, ...]:
        """The signs every view sees."""
        return tuple(s for s in SIGNS if all(p.evidence.holds(s) for _, p in self.positions))

    @property
    def differences(self) -> tuple[Difference, ...]:
        """The signs some views see and others do not, in journey order."""
        found = []
        for sign in SIGNS:
            holding = tuple(n for n, p in self.positions if p.evidence.holds(sign))
            if holding and len(holding) < len(self.positions):
                lacking = tuple(n for n, _ in self.positions if n not in holding)
                found.append(Difference(sign=sign, holding=holding, lacking=lacking))
        return tuple(found)


def assess_views(views: Mapping[str, Evidence], *, guidelines: Guidelines | None = None) -> Views:
    """Place each named view (``{"us": ..., "team": ..., "customers": ...}``, any names)."""
    if not isinstance(views, Mapping):
        raise InvalidFieldTypeError(
            "assess_views", "views", "a mapping of names to Evidence", views
        )
    if not views:
        raise InvalidFieldValueError("assess_views", "views", "at least one view", views)
    positions = []
    for name, evidence in views.items():
        v.text().check("assess_views", "views", name)
        if not isinstance(evidence, Evidence):
            raise InvalidFieldTypeError(
                "assess_views", f"views[{name!r}]", "an Evidence value", evidence
            )
        positions.append((name, assess(evidence, guidelines=guidelines)))
    return Views(positions=tuple(positions))


_QUESTIONS = {fold(sign.question): sign for sign in SIGNS}


def views_from(results: Results, *, guidelines: Guidelines | None = None) -> dict[str, Evidence]:
    """Return each voice's view from its answers to the signs' questions in *results*.

    A voice sees a sign when the mean score of its answers to the sign's
    ``question`` reaches ``view_score`` of the guidelines (4, on a scale of
    1 to 5).  Voices that answered none of the questions are left out.
    """
    if not isinstance(results, Results):
        raise InvalidFieldTypeError("views_from", "results", "a Results value", results)
    enough = resolve("views_from", guidelines).view_score
    scores: dict[Voice, dict[str, list[float]]] = {}
    for item in results.feedback:
        sign = _QUESTIONS.get(fold(item.question))
        if sign is not None and item.score is not None:
            scores.setdefault(item.voice, {}).setdefault(sign.name, []).append(item.score)
    return {
        voice.value: Evidence.of(
            *(name for name, found in scores[voice].items() if sum(found) / len(found) >= enough)
        )
        for voice in Voice
        if voice in scores
    }
