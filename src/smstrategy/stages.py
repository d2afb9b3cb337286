"""The four stages of the social media journey, in order.

>>> from smstrategy import Stage
>>> Stage.EXPERIMENTAL < Stage.HIGH_IMPACT
True
>>> Stage.HIGH_IMPACT.label
'High impact'
>>> [sign.name for sign in Stage.EXPERIMENTAL.signs]
['active', 'listening']
>>> Stage.TRADITIONAL.next
<Stage.EXPERIMENTAL: 'experimental'>
"""

from __future__ import annotations

import enum

import attrs

__all__ = ["SIGNS", "Sign", "Stage"]


class Stage(enum.StrEnum):
    """Where an organisation stands on its social media journey.

    Stages compare by their order on the journey, not by their names.
    """

    TRADITIONAL = "traditional"
    EXPERIMENTAL = "experimental"
    OPERATIONAL = "operational"
    HIGH_IMPACT = "high impact"

    @property
    def rank(self) -> int:
        """0 for traditional up to 3 for high impact."""
        return _ORDER.index(self)

    @property
    def next(self) -> Stage | None:
        """The stage that follows, or ``None`` after high impact."""
        rank = self.rank
        return _ORDER[rank + 1] if rank + 1 < len(_ORDER) else None

    @property
    def label(self) -> str:
        """The stage's name as a heading: ``High impact``."""
        return self.value[:1].upper() + self.value[1:]

    @property
    def signs(self) -> tuple[Sign, ...]:
        """The signs that an organisation has reached this stage."""
        return tuple(sign for sign in SIGNS if sign.stage is self)

    @property
    def description(self) -> str:
        """What the stage looks like, in a sentence or two."""
        return _TEXTS[self][0]

    @property
    def risks(self) -> str:
        """What tends to go wrong at this stage."""
        return _TEXTS[self][1]

    def __lt__(self, other: object) -> bool:
        return self.rank < _rank(other)

    def __le__(self, other: object) -> bool:
        return self.rank <= _rank(other)

    def __gt__(self, other: object) -> bool:
        return self.rank > _rank(other)

    def __ge__(self, other: object) -> bool:
        return self.rank >= _rank(other)


_ORDER = tuple(Stage)


def _rank(other: object) -> int:
    """Return *other*'s rank; stages compare with stages only, never by their names."""
    if not isinstance(other, Stage):
        msg = f"a Stage compares only with another Stage, not with {other!r}"
        raise TypeError(msg)
    return other.rank


_TEXTS = {
    Stage.TRADITIONAL: (
        (
            "Social media is barely part of the plan yet. Hardly anyone listens to what is said "
            "online, nothing is planned, and some people doubt it can help the business at all."
        ),
        (
            "Customers and competitors move on while the organisation waits; the doubt can become "
            "a reason never to start."
        ),
    ),
    Stage.EXPERIMENTAL: (
        (
            "The organisation tries one tactic here and another there. Accounts exist and "
            "something gets posted, but the efforts are not joined up and the results vary."
        ),
        (
            "This is the most exposed stage: efforts pull in different directions, nobody can tell "
            "what works, and a single careless post can do real harm."
        ),
    ),
    Stage.OPERATIONAL: (
        (
            "The engine is warming up. A written strategy with measurable goals guides the work, "
            "people are trained and teams pull together, and the first results show."
        ),
        (
            "Early success invites standing still, and routines can harden before the results are "
            "tied to what the business needs."
        ),
    ),
    Stage.HIGH_IMPACT: (
        (
            "Social media drives business results. The systems and tools are in place, the work is "
            "measured regularly, and the skills are refined across the organisation."
        ),
        "Networks and audiences keep changing; an organisation that stops adjusting slides back.",
    ),
}


@attrs.frozen(kw_only=True)
class Sign:
    """Something that shows an organisation has reached a stage.

    ``name`` is the matching field of :class:`~smstrategy.journey.Evidence`;
    ``next_step`` says what to do while the sign is missing.
    """

    name: str
    stage: Stage
    label: str
    next_step: str


#: Every sign, by stage in journey order.  A stage is reached when its signs and
#: those of every stage before it hold.
SIGNS = (
    Sign(
        name="active",
        stage=Stage.EXPERIMENTAL,
        label="Accounts are in use and tactics are being tried",
        next_step="Open the accounts your audience uses and start posting.",
    ),
    Sign(
        name="listening",
        stage=Stage.EXPERIMENTAL,
        label="Someone listens to what is said about the brand",
        next_step="Set up listening for your brand and your competitors.",
    ),
    Sign(
        name="written_strategy",
        stage=Stage.OPERATIONAL,
        label="A written strategy covers every step of a framework",
        next_step="Write the strategy down, filling in every step of a framework.",
    ),
    Sign(
        name="measurable_goals",
        stage=Stage.OPERATIONAL,
        label="Every goal has a metric with a target",
        next_step="Give every goal a metric with a target number.",
    ),
    Sign(
        name="training",
        stage=Stage.OPERATIONAL,
        label="The people who post are trained",
        next_step="Train the people who post and answer for the organisation.",
    ),
    Sign(
        name="policy",
        stage=Stage.OPERATIONAL,
        label="A social media policy is written down",
        next_step="Write a social media policy that everyone with access follows.",
    ),
    Sign(
        name="aligned_efforts",
        stage=Stage.OPERATIONAL,
        label="Every channel serves a named audience and goal",
        next_step="Tie every channel to the audiences and goals it serves.",
    ),
    Sign(
        name="regular_measurement",
        stage=Stage.HIGH_IMPACT,
        label="Results are measured on a regular schedule",
        next_step="Set a schedule for measuring and reviewing the results.",
    ),
    Sign(
        name="tools_in_place",
        stage=Stage.HIGH_IMPACT,
        label="Tools for scheduling, listening and measuring are in place",
        next_step="Put tools in place for scheduling, listening and measuring.",
    ),
    Sign(
        name="business_results",
        stage=Stage.HIGH_IMPACT,
        label="Results are tied to business goals, with a baseline",
        next_step="Tie a business goal (sales, leads, retention) to a metric with a baseline.",
    ),
)
