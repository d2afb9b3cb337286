"""The four stages of the social media journey, in order.

>>> from smstrategy import Stage
>>> Stage.EXPERIMENTAL < Stage.HIGH_IMPACT
True
>>> Stage.HIGH_IMPACT.label
'High impact'
>>> [sign.name for sign in Stage.EXPERIMENTAL.signs]
['accounts_in_use', 'tactics_tried', 'some_planning']
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
            "Social media is barely part of the plan yet. Little or nothing is heard of what "
            "people say online, nothing is planned, and some doubt it can help the organisation."
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
            "people are trained and pull together, and the first results show."
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

    ``name`` identifies the sign in :class:`~smstrategy.journey.Evidence`;
    ``next_step`` says what to do while it is missing, and ``question`` asks
    a person (a workshop's voices) whether it holds.  A sign that
    ``needs_facts`` is shown only by what happened (results, an audit, a
    person's view), never by a plan's intentions alone.  A ``defining`` sign
    must hold for its stage to count at all.  ``shown_by`` says what shows it.
    """

    name: str
    stage: Stage
    label: str
    next_step: str
    question: str
    shown_by: str
    needs_facts: bool = False
    defining: bool = False


#: Every sign, by stage in journey order.  Traditional has none: it is where
#: every organisation starts.
SIGNS = (
    Sign(
        name="accounts_in_use",
        stage=Stage.EXPERIMENTAL,
        label="Accounts are in use and posts go out",
        next_step="Post on the accounts your audience uses, and keep a record of what goes out.",
        question="Do our accounts carry posts week after week?",
        shown_by=(
            "an audited account that posted within the guideline's window, or results recorded "
            "in the last two review periods; a channel's cadence in a plan is only an intention"
        ),
        needs_facts=True,
    ),
    Sign(
        name="tactics_tried",
        stage=Stage.EXPERIMENTAL,
        label="Several tactics or networks are being tried",
        next_step="Try a second tactic or network, and note what each one brings.",
        question="Are we trying more than one tactic or network?",
        shown_by=(
            "two or more channels in the plan, two or more accounts in the audit, or results for "
            "two or more channels or kinds of content"
        ),
    ),
    Sign(
        name="some_planning",
        stage=Stage.EXPERIMENTAL,
        label="Some planning or listening has begun",
        next_step="Write down what social media should do for you, and start listening.",
        question="Have we begun to plan, or to listen to what is said about us?",
        shown_by="a plan with at least one step filled in",
    ),
    Sign(
        name="written_strategy",
        stage=Stage.OPERATIONAL,
        label="A written strategy covers every step of a framework",
        next_step="Write the strategy down, filling in every step of a framework.",
        question="Does a written strategy cover every step of our framework?",
        shown_by="a plan with no step left empty",
    ),
    Sign(
        name="measurable_goals",
        stage=Stage.OPERATIONAL,
        label="Every goal has a metric with a target",
        next_step="Give every goal a metric with a target number.",
        question="Does every goal have a metric with a target?",
        shown_by="goals in the plan, each with a metric that has a target",
    ),
    Sign(
        name="listening",
        stage=Stage.OPERATIONAL,
        label="Someone listens to what is said and answers",
        next_step="Set up listening for your brand and competitors, and name who answers.",
        question="Does someone follow what is said about us, and answer?",
        shown_by="a listening panel that names what to follow, or people named to watch and answer",
    ),
    Sign(
        name="training",
        stage=Stage.OPERATIONAL,
        label="The people who post are trained",
        next_step="Train the people who post and answer for the organisation.",
        question="Are the people who post for us trained to do it?",
        shown_by="a team that lists its training",
    ),
    Sign(
        name="policy",
        stage=Stage.OPERATIONAL,
        label="A social media policy is written down",
        next_step="Write a social media policy that everyone with access follows.",
        question="Do we have a written social media policy that people follow?",
        shown_by="a policy with at least one rule (an empty policy is no policy)",
    ),
    Sign(
        name="aligned_efforts",
        stage=Stage.OPERATIONAL,
        label="Every channel serves a named audience and goal",
        next_step="Tie every channel to the audiences and goals it serves.",
        question="Does every channel serve an audience and a goal we have named?",
        shown_by="channels that each name an audience and a goal",
    ),
    Sign(
        name="first_results",
        stage=Stage.OPERATIONAL,
        label="The first results show",
        next_step="Measure the goals' metrics and see which ones move.",
        question="Can we point to a goal we have met or are on track to meet?",
        shown_by="results in which a metric is met, ahead or on track",
        needs_facts=True,
    ),
    Sign(
        name="business_results",
        stage=Stage.HIGH_IMPACT,
        label="Social media drives business results",
        next_step="Tie a business goal (sales, leads, retention) to metrics, and meet it.",
        question="Does social media bring sales, leads or loyal customers that we can count?",
        shown_by=(
            "results in which a sales, leads, retention or purchase-intent goal is met, ahead or "
            "on track"
        ),
        needs_facts=True,
        defining=True,
    ),
    Sign(
        name="regular_measurement",
        stage=Stage.HIGH_IMPACT,
        label="Results are measured at every review",
        next_step="Record the results at every review, on the schedule the plan sets.",
        question="Do we record our results at every review?",
        shown_by=(
            "results recorded in each of the last three review periods; a review cadence in a "
            "plan is only an intention"
        ),
        needs_facts=True,
    ),
    Sign(
        name="tools_in_place",
        stage=Stage.HIGH_IMPACT,
        label="Tools for scheduling, listening and measuring are in place",
        next_step="Put tools in place for scheduling, listening and measuring.",
        question="Do we use tools to schedule, to listen and to measure?",
        shown_by="tools named in the plan, or the sources results come from",
    ),
    Sign(
        name="skills_across",
        stage=Stage.HIGH_IMPACT,
        label="Skills reach across the organisation",
        next_step="Bring people from other departments into the work, and train them.",
        question="Do people from several departments take part, with the skills to do it?",
        shown_by="a team with trained people from two or more departments",
    ),
)
