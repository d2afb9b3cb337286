"""Place an organisation on the social media journey and say what moves it on.

:func:`assess` takes the :class:`Evidence` and returns a :class:`Position`:
the stage reached, the signs that hold, those missing for the next stage,
and the next steps.  The scoring is a ladder: a stage is reached when every
sign of it, and of every stage before it, holds (see
:data:`smstrategy.stages.SIGNS`)::

    >>> import smstrategy as sms
    >>> position = sms.assess(sms.Evidence(active=True, listening=True, policy=True))
    >>> position.stage
    <Stage.EXPERIMENTAL: 'experimental'>
    >>> [sign.name for sign in position.missing]
    ['written_strategy', 'measurable_goals', 'training', 'aligned_efforts']

Evidence can also be read from a plan of any framework with
:func:`evidence_from`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from smstrategy import validators as v
from smstrategy.base import Framework
from smstrategy.elements import Audience, Channel, Goal, GoalKind, ListeningPanel, Policy, Team
from smstrategy.stages import SIGNS, Sign, Stage

if TYPE_CHECKING:
    from smstrategy.rules.engine import Index

__all__ = ["Evidence", "Position", "assess", "evidence_from"]

_BOOL = v.instance(bool)


@attrs.frozen(kw_only=True)
class Evidence:
    """What is true of an organisation's social media work; one field per sign."""

    active: bool = attrs.field(default=False, validator=_BOOL)
    listening: bool = attrs.field(default=False, validator=_BOOL)
    written_strategy: bool = attrs.field(default=False, validator=_BOOL)
    measurable_goals: bool = attrs.field(default=False, validator=_BOOL)
    training: bool = attrs.field(default=False, validator=_BOOL)
    policy: bool = attrs.field(default=False, validator=_BOOL)
    aligned_efforts: bool = attrs.field(default=False, validator=_BOOL)
    regular_measurement: bool = attrs.field(default=False, validator=_BOOL)
    tools_in_place: bool = attrs.field(default=False, validator=_BOOL)
    business_results: bool = attrs.field(default=False, validator=_BOOL)


@attrs.frozen(kw_only=True)
class Position:
    """Where the evidence places an organisation, and what would move it on."""

    stage: Stage
    evidence: Evidence
    #: The signs that hold, in journey order.
    holding: tuple[Sign, ...]
    #: The signs of the next stage (and any earlier one) that do not hold yet.
    missing: tuple[Sign, ...]

    @property
    def next_stage(self) -> Stage | None:
        """The stage that follows, or ``None`` at high impact."""
        return self.stage.next

    @property
    def next_steps(self) -> tuple[str, ...]:
        """What to do, in order, to reach the next stage."""
        return tuple(sign.next_step for sign in self.missing)


def assess(evidence: Evidence) -> Position:
    """Place *evidence* on the journey; deterministic, see the module's description."""
    if not isinstance(evidence, Evidence):
        raise v.InvalidFieldTypeError("assess", "evidence", "an Evidence value", evidence)
    holds = {sign.name for sign in SIGNS if getattr(evidence, sign.name)}
    stage = Stage.TRADITIONAL
    for candidate in tuple(Stage)[1:]:
        if not all(sign.name in holds for sign in candidate.signs):
            break
        stage = candidate
    target = stage.next
    missing = tuple(
        sign
        for sign in SIGNS
        if target is not None and sign.stage <= target and sign.name not in holds
    )
    return Position(
        stage=stage,
        evidence=evidence,
        holding=tuple(sign for sign in SIGNS if sign.name in holds),
        missing=missing,
    )


_BUSINESS = frozenset(
    {GoalKind.SALES, GoalKind.LEADS, GoalKind.RETENTION, GoalKind.PURCHASE_INTENT}
)
#: Fields that name the tools a plan uses, in any building block or step.
_TOOL_FIELDS = ("tools", "scheduling_tool", "methods")


def evidence_from(plan: Framework, *, training: bool | None = None) -> Evidence:
    """Read what a plan shows about the organisation behind it.

    * ``active``: a channel posts at least once a week;
    * ``listening``: a listening panel names what to listen to;
    * ``written_strategy``: no step of the plan is left empty;
    * ``measurable_goals``: the plan has goals, each with a metric with a target;
    * ``training``: a team lists training, unless *training* says otherwise;
    * ``policy``: a policy with at least one rule;
    * ``aligned_efforts``: every channel names an audience and a goal;
    * ``regular_measurement``: some review or report happens every so many weeks;
    * ``tools_in_place``: some field named ``tools``, ``scheduling_tool`` or
      ``methods`` is filled in;
    * ``business_results``: a sales, leads, retention or purchase-intent goal
      has a metric with a target and a baseline.
    """
    from smstrategy.rules.engine import Index

    if not isinstance(plan, Framework):
        raise v.InvalidFieldTypeError("evidence_from", "plan", "a plan", plan)
    return _evidence(plan, Index(plan), training)


def _evidence(plan: Framework, index: Index, training: bool | None) -> Evidence:
    """Read the evidence of *plan* through an index already made of it."""
    channels = [c for _, c in index.of(Channel)]
    goals = [g for _, g in index.of(Goal)]
    nodes = [node for _, node in index.nodes]
    return Evidence(
        active=any(c.cadence >= 1 for c in channels),
        listening=any(
            p.brand_terms or p.competitors or p.sources for _, p in index.of(ListeningPanel)
        ),
        written_strategy=not plan.empty_steps(),
        measurable_goals=bool(goals)
        and all(any(m.target is not None for m in g.metrics) for g in goals),
        training=(any(t.training for _, t in index.of(Team)) if training is None else training),
        policy=any(p.rules for _, p in index.of(Policy)),
        aligned_efforts=bool(channels)
        and bool(index.of(Audience))
        and all(c.audiences and c.goals for c in channels),
        regular_measurement=index.review_weeks is not None,
        tools_in_place=any(getattr(node, name, None) for node in nodes for name in _TOOL_FIELDS),
        business_results=any(
            g.kind in _BUSINESS
            and any(m.target is not None and m.baseline is not None for m in g.metrics)
            for g in goals
        ),
    )
