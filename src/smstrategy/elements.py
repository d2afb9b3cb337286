"""The building blocks that every framework's steps are made of.

Each block is a frozen, slotted attrs class with keyword-only arguments.
Collections are tuples (a list passed in is converted), closed vocabularies
are enums, and a value that can never be right raises at construction::

    >>> from datetime import date
    >>> import smstrategy as sms
    >>> goal = sms.Goal(
    ...     statement="Be the coffee people in Bergen think of first",
    ...     kind=sms.GoalKind.AWARENESS,
    ...     metrics=[sms.Metric(name="reach", target=50_000, unit="people")],
    ...     deadline=date(2027, 6, 30),
    ... )
    >>> goal.metrics[0].target
    50000
    >>> try:
    ...     sms.ContentMix(promotional=50, curated=30, engagement=30)
    ... except ValueError as e:
    ...     print(e)
    ContentMix.shares: expected shares that add up to 100 (within 0.01), got 110
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import typing
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, ClassVar

import attrs

from smstrategy import validators as v
from smstrategy.exceptions import InvalidFieldTypeError, InvalidFieldValueError
from smstrategy.i18n import Message
from smstrategy.markdown import format_value

__all__ = [
    "PERCENT_UNITS",
    "PLATFORM_ALIASES",
    "Audience",
    "Automation",
    "Calendar",
    "Channel",
    "ChannelKind",
    "Comparison",
    "ContentCategory",
    "ContentMix",
    "Goal",
    "GoalKind",
    "ListeningPanel",
    "Member",
    "Metric",
    "MoneyBudget",
    "Period",
    "PeriodUnit",
    "Platform",
    "Policy",
    "Post",
    "PostStatus",
    "Priority",
    "Profile",
    "Relative",
    "Review",
    "Spend",
    "Team",
    "TimeBudget",
    "fold",
]


class GoalKind(enum.StrEnum):
    """What a goal sets out to achieve."""

    AWARENESS = "awareness"
    ENGAGEMENT = "engagement"
    TRAFFIC = "traffic"
    LEADS = "leads"
    SALES = "sales"
    CUSTOMER_SERVICE = "customer service"
    THOUGHT_LEADERSHIP = "thought leadership"
    RETENTION = "retention"
    PURCHASE_INTENT = "purchase intent"
    RELATIONSHIPS = "relationships"
    CUSTOMER_INSIGHT = "customer insight"
    INFORMATION_SHARING = "information sharing"
    OTHER = "other"


class Automation(enum.StrEnum):
    """How posts reach a channel."""

    #: A person publishes each post by hand.
    MANUAL = "manual"
    #: A person writes each post and a tool publishes it at a set time.
    SCHEDULED = "scheduled"
    #: A tool writes or picks posts and publishes them with no person involved.
    AUTOMATED = "automated"


class Profile(enum.StrEnum):
    """What kind of organisation a plan is for, which decides what advice applies to it."""

    BUSINESS = "business"
    PUBLIC_BODY = "public body"
    NONPROFIT = "nonprofit"
    COMMUNITY = "open-source community"


class ChannelKind(enum.StrEnum):
    """What a channel is: a social network, or another way of reaching people."""

    SOCIAL = "social network"
    NEWSLETTER = "newsletter"
    MAILING_LIST = "mailing list"
    CHAT = "chat"


class ContentCategory(enum.StrEnum):
    """The three kinds of content a content mix balances."""

    #: About the organisation's own products and offers.
    PROMOTIONAL = "promotional"
    #: Useful material from other sources that the audience cares about.
    CURATED = "curated"
    #: Conversation with followers: questions, answers, replies.
    ENGAGEMENT = "engagement"


class PostStatus(enum.StrEnum):
    """Where a post stands on its way to publication."""

    IDEA = "idea"
    DRAFT = "draft"
    APPROVED = "approved"
    PUBLISHED = "published"


class Comparison(enum.StrEnum):
    """How a metric's value is held against its target."""

    #: The target is a floor: higher is better (reach, sign-ups, sales).
    AT_LEAST = "at least"
    #: The target is a ceiling: lower is better (response time, cost per lead).
    AT_MOST = "at most"
    #: The target is one value, neither more nor less (posts a week, a share to hold).
    EXACTLY = "exactly"
    #: The target is a range, from ``target`` to ``target_upper``, both included.
    BETWEEN = "between"

    @property
    def direction(self) -> int:
        """``-1`` where lower is better, else ``1``."""
        return -1 if self is Comparison.AT_MOST else 1

    def met(self, value: float, target: float, upper: float | None = None) -> bool:
        """Whether *value* meets *target* (and *upper*, for a range) under this comparison."""
        if self is Comparison.AT_LEAST:
            return value >= target
        if self is Comparison.AT_MOST:
            return value <= target
        if self is Comparison.EXACTLY:
            return math.isclose(value, target, rel_tol=1e-9, abs_tol=1e-9)
        return target <= value <= (target if upper is None else upper)


class Relative(enum.StrEnum):
    """What a metric's target counts from: zero, or the baseline."""

    #: The target is the value itself.
    ABSOLUTE = "absolute"
    #: The target is an amount added to the baseline (negative for a planned cut).
    CHANGE = "change"
    #: The target is a change of the baseline in per cent (``10`` is up a tenth).
    PERCENT_CHANGE = "percent change"


#: Units that mean a share in per cent.
PERCENT_UNITS = frozenset({"%", "percent", "per cent", "prosent", "prosenttia"})


#: Other names people give the known networks, folded; each reads as the network's own name.
PLATFORM_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "twitter": "x",
        "x (twitter)": "x",
        "x / twitter": "x",
        "x/twitter": "x",
        "twitter / x": "x",
        "twitter/x": "x",
        "x.com": "x",
        "twitter.com": "x",
        "fb": "facebook",
        "facebook.com": "facebook",
        "ig": "instagram",
        "insta": "instagram",
        "instagram.com": "instagram",
        "linked in": "linkedin",
        "linkedin.com": "linkedin",
        "tik tok": "tiktok",
        "tiktok.com": "tiktok",
        "you tube": "youtube",
        "youtube.com": "youtube",
    }
)

#: How the known networks write their own names.
_BRANDS = MappingProxyType(
    {"linkedin": "LinkedIn", "x": "X", "tiktok": "TikTok", "youtube": "YouTube"}
)


def _platform_name(name: object) -> object:
    """Fold case and white space, so that "Tik Tok" and "tik  tok" are one network.

    Another name of a known network (``PLATFORM_ALIASES``) reads as its own:
    "Twitter" is X.
    """
    if not isinstance(name, str):
        return name
    folded = " ".join(name.split()).lower()
    return PLATFORM_ALIASES.get(folded, folded)


@attrs.frozen(kw_only=True)
class Platform:
    """A social network.

    The common networks are class attributes (``Platform.INSTAGRAM``, …); any
    other network is made by name and compares equal to the same name in any
    case.  Other names of a known network (``PLATFORM_ALIASES``) make that
    network, and a network is written as its brand writes it::

        >>> import smstrategy as sms
        >>> sms.Platform(name="Mastodon") == sms.Platform(name="mastodon")
        True
        >>> sms.Platform.INSTAGRAM.is_custom, sms.Platform(name="Mastodon").is_custom
        (False, True)
        >>> sms.Platform(name="Twitter") == sms.Platform.X
        True
        >>> str(sms.Platform.X), str(sms.Platform.LINKEDIN), str(sms.Platform(name="mastodon"))
        ('X', 'LinkedIn', 'Mastodon')
    """

    name: str = attrs.field(converter=_platform_name, validator=v.text())

    FACEBOOK: ClassVar[Platform]
    INSTAGRAM: ClassVar[Platform]
    LINKEDIN: ClassVar[Platform]
    X: ClassVar[Platform]
    TIKTOK: ClassVar[Platform]
    YOUTUBE: ClassVar[Platform]
    PINTEREST: ClassVar[Platform]
    SNAPCHAT: ClassVar[Platform]
    THREADS: ClassVar[Platform]
    BLOG: ClassVar[Platform]

    @classmethod
    def known(cls) -> tuple[Platform, ...]:
        """Return the networks the library knows by name."""
        return _KNOWN_PLATFORMS

    @property
    def is_custom(self) -> bool:
        """Whether this network is not one of :meth:`known`."""
        return self not in _KNOWN_PLATFORMS

    @property
    def title(self) -> str:
        """The network's name as its brand writes it: ``X``, ``LinkedIn``, ``Mastodon``."""
        return _BRANDS.get(self.name) or self.name[:1].upper() + self.name[1:]

    def __str__(self) -> str:
        return self.title


_KNOWN_PLATFORMS = tuple(
    Platform(name=name)
    for name in (
        "facebook",
        "instagram",
        "linkedin",
        "x",
        "tiktok",
        "youtube",
        "pinterest",
        "snapchat",
        "threads",
        "blog",
    )
)
for _platform in _KNOWN_PLATFORMS:
    setattr(Platform, _platform.name.upper(), _platform)


@attrs.frozen(kw_only=True)
class Metric:
    """A number that tells whether a goal is being met.

    ``target`` is what counts as success; leave it out while it is unknown (the
    checks will point that out, and only warn when ``awaits_baseline`` says
    the target will be set once the baseline is known).  ``comparison`` says
    whether the target is a floor (``at least``, the default), a ceiling
    (``at most``), one value (``exactly``) or a range (``between``, up to
    ``target_upper``).  ``relative`` says whether the target counts from zero
    or is a change of the baseline, in the unit or in per cent; a negative
    change is a planned cut.  ``baseline`` is where the number stands now.
    ``platform`` and ``category`` say where the number is measured, when it
    is measured on one network or for one kind of content.  A metric with a
    ``survey_question`` is measured from feedback rather than observations:
    the share of customers' answers on each day that score ``agree_from``
    or more.
    """

    name: str = attrs.field(validator=v.text())
    target: float | None = attrs.field(default=None, validator=v.optional(v.number(minimum=None)))
    comparison: Comparison = attrs.field(
        default=Comparison.AT_LEAST, validator=v.member_of(Comparison)
    )
    unit: str = attrs.field(default="", validator=v.string())
    baseline: float | None = attrs.field(default=None, validator=v.optional(v.number(minimum=None)))
    target_upper: float | None = attrs.field(
        default=None,
        validator=v.optional(v.number(minimum=None)),
        metadata={"label": "Target up to"},
    )
    relative: Relative = attrs.field(default=Relative.ABSOLUTE, validator=v.member_of(Relative))
    platform: Platform | None = attrs.field(
        default=None, validator=v.optional(v.instance(Platform))
    )
    category: ContentCategory | None = attrs.field(
        default=None, validator=v.optional(v.member_of(ContentCategory))
    )
    awaits_baseline: bool = attrs.field(default=False, validator=v.instance(bool))
    #: A question the plan asks customers: the metric is then the share, in per cent, of
    #: the customers' answers to it on each survey day that score at least ``agree_from``.
    survey_question: str = attrs.field(default="", validator=v.string())
    agree_from: int = attrs.field(default=4, validator=v.whole_number(minimum=1, maximum=5))

    def __attrs_post_init__(self) -> None:
        upper = self.target_upper
        if self.comparison is not Comparison.BETWEEN:
            if upper is not None:
                expected = "no upper end unless the comparison is 'between'"
                raise InvalidFieldValueError("Metric", "target_upper", expected, upper)
        elif self.target is not None and upper is None:
            expected = "the upper end of the range 'between' sets"
            raise InvalidFieldValueError("Metric", "target_upper", expected, upper)
        elif upper is not None and (self.target is None or upper < self.target):
            expected = f"a number of at least the target ({format_value(self.target)})"
            raise InvalidFieldValueError("Metric", "target_upper", expected, upper)
        if self.relative is Relative.PERCENT_CHANGE:
            for field, value in (("target", self.target), ("target_upper", upper)):
                if value is not None and value < -100:  # noqa: PLR2004  # a cut of more than all
                    expected = "a change of at least -100 per cent"
                    raise InvalidFieldValueError("Metric", field, expected, value)

    @property
    def higher_is_better(self) -> bool:
        """Whether a higher value is always better: true for a floor."""
        return self.comparison is Comparison.AT_LEAST

    @property
    def is_percent(self) -> bool:
        """Whether the metric is a share in per cent, by its unit."""
        return fold(self.unit) in PERCENT_UNITS

    def _resolve(self, value: float, baseline: float | None) -> float | None:
        if self.relative is Relative.ABSOLUTE:
            return value
        if baseline is None:
            return None
        if self.relative is Relative.CHANGE:
            return baseline + value
        return baseline + baseline * value / 100

    def _ends(self, baseline: float | None) -> tuple[float, float | None] | None:
        """Return the target and its upper end counted from *baseline*, if they can be."""
        if self.target is None:
            return None
        low = self._resolve(self.target, baseline)
        if low is None:
            return None
        upper = self.target_upper
        return low, None if upper is None else self._resolve(upper, baseline)

    def goal_range(self, baseline: float | None = None) -> tuple[float, float] | None:
        """Return the lowest and highest values that meet the target, from *baseline*.

        An open end is infinite.  ``None`` when there is no target, or when a
        relative target has no baseline to count from.
        """
        ends = self._ends(baseline)
        if ends is None:
            return None
        low, high = ends
        if self.comparison is Comparison.AT_LEAST:
            return (low, math.inf)
        if self.comparison is Comparison.AT_MOST:
            return (-math.inf, low)
        return (low, low if high is None else high)

    def met(self, value: float, baseline: float | None = None) -> bool:
        """Whether *value* meets the target, counted from *baseline* where it is relative."""
        ends = self._ends(baseline)
        return ends is not None and self.comparison.met(value, *ends)

    def aim(self, baseline: float) -> float | None:
        """Return the value a straight path from *baseline* heads for: the target's near end."""
        ends = self._ends(baseline)
        if ends is None:
            return None
        low, high = ends
        if self.comparison in (Comparison.AT_LEAST, Comparison.AT_MOST):
            return low  # a floor or a ceiling is the target itself
        return min(max(baseline, low), low if high is None else high)

    @property
    def target_phrase(self) -> Message | None:
        """The target in words, without the metric's name: ``at most 24 hours``."""
        if self.target is None:
            return None
        value = self._phrase(self.target)
        if self.comparison is Comparison.BETWEEN:
            upper = self._phrase(typing.cast("float", self.target_upper))
            return Message("between {low} and {high}", low=value, high=upper)
        if self.comparison is Comparison.EXACTLY:
            return Message("exactly {value}", value=value)
        if self.comparison is Comparison.AT_MOST:
            return Message("at most {target}", target=value)
        if self.relative is Relative.ABSOLUTE:
            return value
        return Message("at least {value}", value=value)

    def _phrase(self, number: float) -> Message:
        """Write one end of the target: an amount, or a change of the baseline."""
        amount = abs(number) if self.relative is not Relative.ABSOLUTE else number
        written = (
            Message("{number} {unit}", number=amount, unit=self.unit)
            if self.unit
            else Message("{number}", number=amount)
        )
        if self.relative is Relative.ABSOLUTE:
            return written
        if self.relative is Relative.CHANGE:
            if number < 0:
                return Message("{amount} less than the baseline", amount=written)
            return Message("{amount} more than the baseline", amount=written)
        if number < 0:
            return Message("{number} % less than the baseline", number=amount)
        return Message("{number} % more than the baseline", number=amount)

    def __str__(self) -> str:
        """Write the metric on one line: name, target and unit, the baseline, the question."""
        text = self._line()
        if v.blank(self.survey_question):
            return text
        return Message(
            "{metric}; from customers' answers to \u201c{question}\u201d",
            metric=text,
            question=self.survey_question,
        )

    def _line(self) -> str:
        name, now = self.name, self.baseline
        if self.target is None:
            if now is None:
                return name
            return Message("{name} (now {now})", name=name, now=now)
        goal = self.target_phrase
        if now is None:
            return Message("{name}: target {goal}", name=name, goal=goal)
        return Message("{name}: target {goal} (now {now})", name=name, goal=goal, now=now)


@attrs.frozen(kw_only=True)
class Goal:
    """A result the plan is for, with the metrics that show it and a deadline."""

    statement: str = attrs.field(validator=v.text())
    kind: GoalKind = attrs.field(default=GoalKind.OTHER, validator=v.member_of(GoalKind))
    metrics: tuple[Metric, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.instance(Metric))
    )
    deadline: dt.date | None = attrs.field(default=None, validator=v.optional(v.a_date()))


@attrs.frozen(kw_only=True)
class Audience:
    """A group of people the plan wants to reach.

    ``priority`` ranks audiences: 1 is the most important.  ``values`` holds
    what the group cares about and ``motivations`` why it takes part in social
    media at all.
    """

    name: str = attrs.field(validator=v.text())
    priority: int = attrs.field(default=1, validator=v.whole_number(minimum=1))
    demographics: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.text())
    )
    psychographics: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.text())
    )
    values: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.text())
    )
    motivations: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.text())
    )


#: Validators for a tuple of non-empty strings.
TEXTS = (v.tuple_of(v.text()),)


def fold(text: str) -> str:
    """Fold a name for comparison: case and runs of white space do not count."""
    return " ".join(text.split()).casefold()


def _frozen_mapping(value: object) -> object:
    """Copy a mapping into a read-only one; leave anything else to the validator."""
    return MappingProxyType(dict(value)) if isinstance(value, Mapping) else value


class _AutomationByCategory(v.Validator):
    __slots__ = ()

    def check(self, owner: str, field: str, value: object) -> None:
        if not isinstance(value, Mapping):
            expected = "a mapping of content categories to automations"
            raise InvalidFieldTypeError(owner, field, expected, value)
        for category, automation in value.items():
            v.member_of(ContentCategory).check(owner, f"{field}[{category!r}]", category)
            v.member_of(Automation).check(owner, f"{field}[{category!r}]", automation)


_AUTOMATION_BY_CATEGORY = _AutomationByCategory()


@attrs.frozen(kw_only=True)
class Channel:
    """One account on one network, and how it is run.

    ``audiences`` and ``goals`` name the plan's audiences and goal statements
    the channel serves.  ``cadence`` is the number of posts a week.  An
    ``owner`` or ``cadence`` left as ``None`` is not stated, which the checks
    treat apart from a stated nobody or zero: they ask for the fact rather
    than judge it.
    ``reviewer`` is who looks over automated posts before they go out.
    ``cadence`` to ``cadence_upper`` is a range of posts a week, and
    ``max_per_day`` and ``max_per_hour`` cap them; ``automation_by_category``
    says how posts of one category go out where it differs from ``automation``.
    ``minutes_per_post`` overrides the guideline's effort estimate.  A
    ``kind`` other than a social network (a newsletter, a mailing list, a
    chat) is left out of the rules on the number of tools and on how often
    to post, which are advice about social networks.
    """

    platform: Platform = attrs.field(validator=v.instance(Platform))
    handle: str = attrs.field(default="", validator=v.string())
    audiences: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.text())
    )
    goals: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.text())
    )
    owner: str | None = attrs.field(default=None, validator=v.optional(v.string()))
    cadence: float | None = attrs.field(
        default=None, validator=v.optional(v.number()), metadata={"label": "Posts a week"}
    )
    automation: Automation = attrs.field(
        default=Automation.MANUAL, validator=v.member_of(Automation)
    )
    reviewer: str = attrs.field(default="", validator=v.string())
    minutes_per_post: float | None = attrs.field(
        default=None, validator=v.optional(v.number()), metadata={"label": "Minutes a post"}
    )
    kind: ChannelKind = attrs.field(default=ChannelKind.SOCIAL, validator=v.member_of(ChannelKind))
    #: The high end, when the posts a week are a range: ``cadence`` to ``cadence_upper``.
    cadence_upper: float | None = attrs.field(
        default=None, validator=v.optional(v.number()), metadata={"label": "Posts a week, up to"}
    )
    #: The most posts a day and an hour the channel takes, where the plan caps them.
    max_per_day: int | None = attrs.field(
        default=None, validator=v.optional(v.whole_number(minimum=1))
    )
    max_per_hour: int | None = attrs.field(
        default=None, validator=v.optional(v.whole_number(minimum=1))
    )
    #: How posts of one content category reach the channel, where it differs from ``automation``.
    automation_by_category: Mapping[ContentCategory, Automation] = attrs.field(
        factory=dict,
        converter=_frozen_mapping,
        validator=_AUTOMATION_BY_CATEGORY,
        hash=False,  # a mapping has no hash; equal channels still compare it
    )

    def __attrs_post_init__(self) -> None:
        upper = self.cadence_upper
        if upper is not None and (self.cadence is None or upper < self.cadence):
            expected = f"a number of at least the cadence ({format_value(self.cadence)})"
            raise InvalidFieldValueError("Channel", "cadence_upper", expected, upper)

    def automation_for(self, category: ContentCategory) -> Automation:
        """Return how posts of *category* reach the channel."""
        return self.automation_by_category.get(category, self.automation)

    @property
    def automations(self) -> frozenset[Automation]:
        """Every way posts reach the channel, whatever their category."""
        return frozenset({self.automation, *self.automation_by_category.values()})

    @property
    def most_per_week(self) -> float | None:
        """The most posts a week the plan allows: the high end of a range, or the cadence."""
        return self.cadence if self.cadence_upper is None else self.cadence_upper

    @property
    def name(self) -> str:
        """How the plan refers to this channel: the network, as written, and the handle."""
        return f"{self.platform.title} {self.handle}" if self.handle else self.platform.title

    @property
    def is_social(self) -> bool:
        """Whether the channel is an account on a social network."""
        return self.kind is ChannelKind.SOCIAL

    @property
    def identity(self) -> tuple[str, str]:
        """The network and handle that tell this channel apart from others."""
        return (self.platform.name, fold(self.handle))


@attrs.frozen(kw_only=True)
class ContentMix:
    """The shares, in per cent, of each kind of content; they add up to 100."""

    promotional: float = attrs.field(
        validator=v.number(0, 100), metadata={"label": "Promotional (%)"}
    )
    curated: float = attrs.field(validator=v.number(0, 100), metadata={"label": "Curated (%)"})
    engagement: float = attrs.field(
        validator=v.number(0, 100), metadata={"label": "Engagement (%)"}
    )

    #: How far the sum may stray from 100 before it is refused.
    TOLERANCE: ClassVar[float] = 0.01

    def __attrs_post_init__(self) -> None:
        total = self.promotional + self.curated + self.engagement
        if abs(total - 100) > self.TOLERANCE:
            raise InvalidFieldValueError(
                type(self).__name__,
                "shares",
                f"shares that add up to 100 (within {self.TOLERANCE:g})",
                total,
                shown=f"{total:g}",
            )

    def share(self, category: ContentCategory) -> float:
        """Return the share of *category*, in per cent."""
        return float(getattr(self, category.value))


@attrs.frozen(kw_only=True)
class Member:
    """A person who works on the plan."""

    name: str = attrs.field(validator=v.text())
    role: str = attrs.field(default="", validator=v.string())
    department: str = attrs.field(default="", validator=v.string())
    #: Whether the person can log in to the organisation's accounts.
    account_access: bool = attrs.field(default=False, validator=v.instance(bool))
    #: Whether the person watches the accounts and answers followers.
    monitors: bool = attrs.field(default=False, validator=v.instance(bool))
    #: Whether the person works outside the organisation: an agency or a contractor.
    external: bool = attrs.field(default=False, validator=v.instance(bool))


@attrs.frozen(kw_only=True)
class Team:
    """The people who own and run the accounts."""

    members: tuple[Member, ...] = attrs.field(
        default=(),
        converter=v.to_tuple,
        validator=[
            v.tuple_of(v.instance(Member)),
            v.unique_by(lambda m: fold(m.name), "member name"),
        ],
    )
    #: The training the people who post receive.
    training: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.text())
    )

    @property
    def departments(self) -> frozenset[str]:
        """The departments the members come from."""
        return frozenset(fold(m.department) for m in self.members if not v.blank(m.department))


@attrs.frozen(kw_only=True)
class Policy:
    """The rules people follow when they post for the organisation."""

    rules: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.text())
    )
    #: Whether a hashtag's current use is looked up before the plan joins it.
    hashtag_check: bool = attrs.field(default=False, validator=v.instance(bool))
    #: Whether posts need someone's approval before they go out.
    approval_required: bool = attrs.field(default=False, validator=v.instance(bool))

    @property
    def written(self) -> bool:
        """Whether the policy has at least one rule: an empty policy is no policy."""
        return bool(self.rules)


@attrs.frozen(kw_only=True)
class ListeningPanel:
    """What the organisation listens to: its own brand, its competitors, where."""

    brand_terms: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.text())
    )
    competitors: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.text())
    )
    sources: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.text())
    )


@attrs.frozen(kw_only=True)
class TimeBudget:
    """The time the plan may take each week, and the limits that protect it."""

    hours_per_week: float = attrs.field(validator=v.number())
    boundaries: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.text())
    )


@attrs.frozen(kw_only=True)
class Spend:
    """Money planned for one channel in each period of a money budget.

    ``channel`` names one of the plan's channels: by its name, its handle, or
    its network where the plan has one account there.
    """

    channel: str = attrs.field(validator=v.text())
    amount: float = attrs.field(validator=v.number())


@attrs.frozen(kw_only=True)
class MoneyBudget:
    """The money the plan may spend in each period, and how it is spread over channels."""

    amount: float = attrs.field(validator=v.number())
    currency: str = attrs.field(default="", validator=v.string())
    period_weeks: int = attrs.field(
        default=4, validator=v.whole_number(minimum=1), metadata={"label": "Period (weeks)"}
    )
    spend: tuple[Spend, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.instance(Spend))
    )

    @property
    def planned(self) -> float:
        """The money the spend lines plan for one period."""
        return sum(line.amount for line in self.spend)


class PeriodUnit(enum.StrEnum):
    """The unit a period is counted in."""

    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


#: The most days each unit spans, so that "within the last month" never misses a calendar month.
_UNIT_DAYS = MappingProxyType(
    {PeriodUnit.WEEK: 7, PeriodUnit.MONTH: 31, PeriodUnit.QUARTER: 92, PeriodUnit.YEAR: 366}
)
_UNIT_MONTHS = MappingProxyType({PeriodUnit.MONTH: 1, PeriodUnit.QUARTER: 3, PeriodUnit.YEAR: 12})


@attrs.frozen(kw_only=True)
class Period:
    """How often something comes round, in the units people use: weeks, months, quarters.

    >>> import smstrategy as sms
    >>> monthly = sms.Period(unit=sms.PeriodUnit.MONTH)
    >>> str(monthly), monthly.days
    ('month', 31)
    >>> str(sms.Period(every=2, unit=sms.PeriodUnit.QUARTER))
    '2 quarters'
    """

    every: int = attrs.field(default=1, validator=v.whole_number(minimum=1))
    unit: PeriodUnit = attrs.field(default=PeriodUnit.WEEK, validator=v.member_of(PeriodUnit))

    @property
    def days(self) -> int:
        """The most days the period spans (a month counts 31, a quarter 92, a year 366)."""
        return self.every * _UNIT_DAYS[self.unit]

    def after(self, day: dt.date) -> dt.date:
        """Return the day one period after *day*; months end early where they are short.

        >>> import datetime as dt
        >>> import smstrategy as sms
        >>> sms.Period(unit=sms.PeriodUnit.MONTH).after(dt.date(2027, 1, 31))
        datetime.date(2027, 2, 28)

        A day past the last one dates can hold (the year 9999) raises
        :class:`OverflowError`.
        """
        import calendar  # the standard library's, for the length of a month

        try:
            if self.unit is PeriodUnit.WEEK:
                return day + dt.timedelta(weeks=self.every)
            months = self.every * _UNIT_MONTHS[self.unit] + day.month - 1
            year, month = day.year + months // 12, months % 12 + 1
            return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
        except (OverflowError, ValueError):
            msg = f"{self} after {day.isoformat()} is past the year 9999"
            raise OverflowError(msg) from None

    def __str__(self) -> str:
        """Write the period as it follows "every": ``month``, ``4 weeks``."""
        if self.every == 1:
            return _ONE[self.unit]
        return Message(_MANY[self.unit], count=self.every)


_ONE = MappingProxyType(
    {
        PeriodUnit.WEEK: Message("week"),
        PeriodUnit.MONTH: Message("month"),
        PeriodUnit.QUARTER: Message("quarter"),
        PeriodUnit.YEAR: Message("year"),
    }
)
_MANY = MappingProxyType(
    {
        PeriodUnit.WEEK: Message("{count} weeks").template,
        PeriodUnit.MONTH: Message("{count} months").template,
        PeriodUnit.QUARTER: Message("{count} quarters").template,
        PeriodUnit.YEAR: Message("{count} years").template,
    }
)


def formerly_weeks(name: str) -> tuple[str, Any]:
    """Say that a period field was once *name*, a whole number of weeks, in saved data."""
    return (name, _weeks_as_period)


def _weeks_as_period(value: object) -> object:
    """Turn a number of weeks from older data into a period's data; leave anything else."""
    if isinstance(value, int) and not isinstance(value, bool):
        return {"every": value, "unit": PeriodUnit.WEEK.value}
    return value


@attrs.frozen(kw_only=True)
class Review:
    """How the plan finds out whether it works: by asking itself and its customers.

    Any framework can hold a review; each built-in one does where its article
    measures.  ``reviewed_goals`` names the goal statements each review looks
    at, and ``review_every`` how often it happens (a :class:`Period`).
    """

    questions_for_us: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=TEXTS
    )
    questions_for_customers: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=TEXTS
    )
    reviewed_goals: tuple[str, ...] = attrs.field(default=(), converter=v.to_tuple, validator=TEXTS)
    review_every: Period | None = attrs.field(
        default=None,
        validator=v.optional(v.instance(Period)),
        metadata={"formerly": formerly_weeks("review_every_weeks")},
    )


@attrs.frozen(kw_only=True)
class Priority:
    """An activity ranked against the others; 1 comes first.

    ``objectives`` names the goal statements the activity supports.
    """

    activity: str = attrs.field(validator=v.text())
    rank: int = attrs.field(default=1, validator=v.whole_number(minimum=1))
    objectives: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.text())
    )


@attrs.frozen(kw_only=True)
class Post:
    """One planned post on one channel."""

    when: dt.datetime = attrs.field(validator=v.a_datetime())
    channel: str = attrs.field(validator=v.text())
    topic: str = attrs.field(validator=v.text())
    category: ContentCategory = attrs.field(
        default=ContentCategory.ENGAGEMENT, validator=v.member_of(ContentCategory)
    )
    audience: str = attrs.field(default="", validator=v.string())
    owner: str = attrs.field(default="", validator=v.string())
    status: PostStatus = attrs.field(default=PostStatus.IDEA, validator=v.member_of(PostStatus))
    automation: Automation = attrs.field(
        default=Automation.MANUAL, validator=v.member_of(Automation)
    )
    #: Who looks over the post before it goes out, when a tool publishes it.
    reviewer: str = attrs.field(default="", validator=v.string())
    #: The words to publish; ``topic`` is what the post is about, for planning.
    text: str = attrs.field(default="", validator=v.string())
    #: A link to publish with the post: ``http://`` or ``https://`` only.
    link: str = attrs.field(default="", validator=v.web_link())
    #: The pictures or videos to publish with it: file names or links, one line each.
    media: tuple[str, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.one_line())
    )


@attrs.frozen(kw_only=True)
class Calendar:
    """Posts planned ahead, in the order they were given.

    ``timezone`` is the IANA time zone (``"Europe/Oslo"``) the posts' times
    are local to; ``""`` leaves them floating, as local times anywhere.  A
    post whose time carries its own zone keeps it.
    """

    #: The kind a calendar's data names when it is saved on its own.
    key: ClassVar[str] = "calendar"

    posts: tuple[Post, ...] = attrs.field(
        default=(), converter=v.to_tuple, validator=v.tuple_of(v.instance(Post))
    )
    #: The IANA time zone of the posts' local times, or ``""`` for none.
    timezone: str = attrs.field(default="", validator=v.time_zone())


#: Validators for a section's audiences: Audience items, each name once.
AUDIENCES = (
    v.tuple_of(v.instance(Audience)),
    v.unique_by(lambda audience: fold(audience.name), "audience name"),
)
#: Validators for a section's channels: Channel items, each network and handle once.
CHANNELS = (
    v.tuple_of(v.instance(Channel)),
    v.unique_by(lambda channel: channel.identity, "network and handle"),
)
#: Validators for a section's goals: Goal items.
GOALS = (v.tuple_of(v.instance(Goal)),)
