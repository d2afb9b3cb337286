"""The thresholds the checks hold a plan to, in one value a caller can replace.

The articles give the principles (few tools, little promotion, a steady
stream of posts that is not too heavy); the numbers are common practice and
can be changed per check::

    >>> import attrs
    >>> import smstrategy as sms
    >>> strict = attrs.evolve(sms.Guidelines(), max_channels=1)
    >>> sms.check(sms.example("five-step"), guidelines=strict, select="SMS").codes
    ('SMS131',)
    >>> sms.Guidelines().posting_range(sms.Platform.INSTAGRAM)
    (3.0, 7.0)
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from typing import Any

import attrs

from smstrategy import validators as v
from smstrategy.elements import Channel, GoalKind, Period, Platform, Profile
from smstrategy.exceptions import InvalidFieldTypeError, InvalidFieldValueError

__all__ = ["Guidelines", "resolve"]


def _is_mapping(value: object) -> bool:
    """Tell a mapping from the wrong values a converter leaves for the validator."""
    return isinstance(value, Mapping)


def _platform_numbers(value: Mapping[str, float]) -> Mapping[str, float]:
    """Copy a mapping of network names to numbers, folding the names as Platform does."""
    if not _is_mapping(value):
        return value
    return types.MappingProxyType(
        {Platform(name=str(k)).name if str(k).strip() else k: n for k, n in value.items()}
    )


def _kind_words(value: Mapping[GoalKind, tuple[str, ...]]) -> Mapping[GoalKind, tuple[str, ...]]:
    if not _is_mapping(value):
        return value
    return types.MappingProxyType({k: v.to_tuple(words) for k, words in value.items()})


class _NumbersByName(v.Validator):
    __slots__ = ()

    def check(self, owner: str, field: str, value: object) -> None:
        if not isinstance(value, Mapping):
            raise InvalidFieldTypeError(
                owner, field, "a mapping of network names to numbers", value
            )
        for key, number in value.items():
            v.text().check(owner, f"{field}[{key!r}]", key)
            v.number().check(owner, f"{field}[{key!r}]", number)


def _names(value: object) -> object:
    """Make a set of names from any collection of them; leave text and the rest to the validator."""
    if isinstance(value, list | tuple | set | frozenset):
        return frozenset(value)
    return value


class _Names(v.Validator):
    __slots__ = ()

    def check(self, owner: str, field: str, value: object) -> None:
        if not isinstance(value, frozenset):
            raise InvalidFieldTypeError(owner, field, "a collection of names", value)
        for name in sorted(value, key=repr):
            v.text().check(owner, f"{field}[{name!r}]", name)


_NAMES = _Names()


class _WordsByKind(v.Validator):
    __slots__ = ()

    def check(self, owner: str, field: str, value: object) -> None:
        if not isinstance(value, Mapping):
            raise InvalidFieldTypeError(owner, field, "a mapping of GoalKind to words", value)
        for key, words in value.items():
            v.member_of(GoalKind).check(owner, f"{field}[{key!r}]", key)
            v.tuple_of(v.text()).check(owner, f"{field}[{key!r}]", words)


_MAX_POSTS = {
    "facebook": 14,
    "instagram": 7,
    "x": 35,
    "linkedin": 35,
    "threads": 35,
    "pinterest": 35,
    "tiktok": 14,
    "snapchat": 14,
    "youtube": 7,
    "blog": 7,
}
_MIN_POSTS = {"instagram": 3}
_MINUTES = {
    "facebook": 20,
    "instagram": 30,
    "x": 10,
    "linkedin": 20,
    "threads": 10,
    "pinterest": 15,
    "tiktok": 45,
    "snapchat": 15,
    "youtube": 120,
    "blog": 120,
}
#: Words and phrases (English, Norwegian Bokmål, Finnish) in a metric's name that show it fits
#: each kind of goal (SMS103).  Matched as whole words: see :mod:`smstrategy.rules.words`.
_METRIC_WORDS = {
    GoalKind.AWARENESS: (
        *("reach", "impressions", "impression", "awareness", "views", "video views"),
        *("mentions", "branded searches", "brand searches", "searches", "search volume"),
        *("recall", "brand recall", "share of voice"),
        *("rekkevidde", "visninger", "kjennskap", "omtaler", "søk", "merkevaresøk"),
        *("tavoittavuus", "näyttökerrat", "tunnettuus", "maininnat", "haut", "hakumäärä"),
    ),
    GoalKind.ENGAGEMENT: (
        *("engagement", "engagements", "engagement rate", "comments", "shares", "replies"),
        *("saves", "reactions", "interactions"),
        *("engasjement", "kommentarer", "delinger", "svar", "lagringer", "reaksjoner"),
        *("sitoutuminen", "kommentit", "jaot", "jakamiset", "vastaukset", "reaktiot"),
    ),
    GoalKind.TRAFFIC: (
        *("clicks", "click", "link clicks", "click through rate", "visits", "visitors"),
        *("sessions", "traffic", "page views"),
        *("klikk", "besøk", "besøkende", "økter", "trafikk", "sidevisninger"),
        *("klikkaukset", "klikit", "käynnit", "kävijät", "istunnot", "liikenne", "sivunäytöt"),
    ),
    GoalKind.LEADS: (
        *("leads", "lead", "sign ups", "signups", "subscribers", "downloads", "enquiries"),
        *("inquiries", "registrations", "contact requests"),
        *("kundeemner", "påmeldinger", "registreringer", "abonnenter", "nedlastinger"),
        *("henvendelser",),
        *("liidit", "rekisteröitymiset", "tilaajat", "lataukset", "yhteydenotot"),
    ),
    GoalKind.SALES: (
        *("sales", "conversions", "conversion", "revenue", "orders", "purchases"),
        *("subscription", "subscriptions", "bookings"),
        *("salg", "konverteringer", "inntekter", "omsetning", "bestillinger", "kjøp"),
        *("abonnementer",),
        *("myynti", "konversiot", "tulot", "liikevaihto", "tilaukset", "ostot"),
    ),
    GoalKind.CUSTOMER_SERVICE: (
        *("response time", "reply time", "first reply time", "resolution time", "resolution"),
        *("satisfaction", "csat", "answered", "questions answered"),
        *("svartid", "responstid", "løsningstid", "tilfredshet", "besvarte"),
        *("vastausaika", "ratkaisuaika", "tyytyväisyys", "vastatut"),
    ),
    GoalKind.THOUGHT_LEADERSHIP: (
        *("mentions", "press mentions", "shares", "citations", "invitations"),
        *("speaking invitations", "share of voice"),
        *("omtaler", "delinger", "siteringer", "invitasjoner"),
        *("maininnat", "jaot", "viittaukset", "kutsut"),
    ),
    GoalKind.RETENTION: (
        *("retention", "churn", "repeat purchases", "returning customers", "loyalty"),
        *("renewals",),
        *("lojalitet", "gjenkjøp", "frafall", "fornyelser"),
        *("pysyvyys", "asiakaspoistuma", "uusintaostot", "uskollisuus", "uusinnat"),
    ),
    GoalKind.PURCHASE_INTENT: (
        *("purchase intent", "planning to buy", "intention to buy", "likelihood to buy"),
        *("consideration", "wishlist", "wishlists"),
        *("kjøpsintensjon", "kjøpsvilje", "planlegger å kjøpe"),
        *("ostoaikomus", "ostohalukkuus", "aikoo ostaa"),
    ),
    GoalKind.RELATIONSHIPS: (
        *("conversations", "replies", "connections", "contacts", "relationships"),
        *("direct messages",),
        *("samtaler", "svar", "kontakter", "relasjoner", "forbindelser"),
        *("keskustelut", "vastaukset", "yhteydet", "suhteet"),
    ),
    GoalKind.CUSTOMER_INSIGHT: (
        *("feedback", "survey", "survey responses", "insights", "reviews", "ratings"),
        *("tilbakemeldinger", "undersøkelse", "innsikt", "anmeldelser"),
        *("palaute", "kysely", "oivallukset", "arvostelut"),
    ),
}
#: A follower or like count (SMS104), in the three languages.
_VANITY_WORDS = (
    *("followers", "follower", "follower count", "fans", "likes", "page likes"),
    *("følgere", "følger", "fans", "likerklikk"),
    *("seuraajat", "seuraajamäärä", "tykkäykset", "tykkääjät", "fanit"),
)
#: Words that make a metric a rate or a share rather than a count (SMS104).
_RATE_WORDS = (
    *("rate", "ratio", "per", "percent", "percentage", "share of", "average"),
    *("andel", "prosent", "snitt"),
    *("osuus", "prosentti", "keskiarvo"),
)


@attrs.frozen(kw_only=True)
class Guidelines:
    """Every threshold the checks use, with defaults a caller can replace.

    Change one with :func:`attrs.evolve`.  Network names in the mappings are
    folded like :class:`~smstrategy.Platform` names.  Guidelines compare by
    value but are not hashable, since they hold mappings.
    """

    #: The most tools or channels one section of a plan should run (SMS131).
    #: The five-step article prefers one tool done well to three done averagely;
    #: the purpose-to-tactics article starts with two or three.
    max_channels: int = attrs.field(default=3, validator=v.whole_number(minimum=1))
    #: The largest promotional share of the content mix, in per cent (SMS122).
    #: The roadmap article warns against pushing promotion all the time; a third
    #: leaves two thirds for outside material and conversation.
    max_promotional_share: float = attrs.field(default=100 / 3, validator=v.number(0, 100))
    #: The fewest posts a week on any channel (SMS141): a steady stream.
    min_posts_per_week: float = attrs.field(default=1, validator=v.number())
    #: Networks with a higher floor than ``min_posts_per_week`` (SMS141).
    min_posts_by_platform: Mapping[str, float] = attrs.field(
        factory=lambda: _MIN_POSTS, converter=_platform_numbers, validator=_NumbersByName()
    )
    #: The most posts a week per network (SMS141); networks not named have no
    #: ceiling.  Posting too often drives an audience away.
    max_posts_by_platform: Mapping[str, float] = attrs.field(
        factory=lambda: _MAX_POSTS, converter=_platform_numbers, validator=_NumbersByName()
    )
    #: Minutes one post takes per network, writing and answering included (SMS143).
    minutes_per_post: Mapping[str, float] = attrs.field(
        factory=lambda: _MINUTES, converter=_platform_numbers, validator=_NumbersByName()
    )
    #: Minutes one post takes on a network ``minutes_per_post`` does not name.
    default_minutes_per_post: float = attrs.field(default=20, validator=v.number())
    #: The most days a channel may go without a post in a calendar (SMS505).
    max_silent_days: int = attrs.field(default=14, validator=v.whole_number(minimum=1))
    #: How far, in percentage points, a calendar's mix may stray from the plan's (SMS504).
    mix_tolerance: float = attrs.field(default=10, validator=v.number(0, 100))
    #: Days without a post after which an account counts as abandoned (SMS401).
    abandoned_after_days: int = attrs.field(default=90, validator=v.whole_number(minimum=1))
    #: Words and phrases in a metric's name that mark a follower or like count (SMS104),
    #: matched as whole words, in English, Norwegian Bokmål and Finnish.
    vanity_metric_words: tuple[str, ...] = attrs.field(
        default=_VANITY_WORDS, converter=v.to_tuple, validator=v.tuple_of(v.text())
    )
    #: Words that make a metric a rate or a share rather than a count: "engagement rate per
    #: follower" is no vanity metric (SMS104).  A metric whose unit is ``%`` is a rate too.
    rate_words: tuple[str, ...] = attrs.field(
        default=_RATE_WORDS, converter=v.to_tuple, validator=v.tuple_of(v.text())
    )
    #: Words and phrases in a metric's name that fit each kind of goal (SMS103), matched as
    #: whole words, in English, Norwegian Bokmål and Finnish.  Extend a kind's words with
    #: ``attrs.evolve(g, metric_words={**g.metric_words, kind: (*g.metric_words[kind], ...)})``.
    metric_words: Mapping[GoalKind, tuple[str, ...]] = attrs.field(
        factory=lambda: _METRIC_WORDS, converter=_kind_words, validator=_WordsByKind()
    )

    #: How far ahead of the straight pace progress must be to count as ahead: a
    #: share of the way from the baseline to the target (see
    #: :mod:`smstrategy.scorecards`).
    pace_ahead: float = attrs.field(default=0.10, validator=v.number(0, 1))
    #: How far behind the pace a metric may be and still be on track.
    pace_tolerance: float = attrs.field(default=0.05, validator=v.number(0, 1))
    #: How far behind the pace a metric may be and be at risk; further is behind (SMS601).
    pace_at_risk: float = attrs.field(default=0.20, validator=v.number(0, 1))
    #: How many of the newest observations the trend is fitted to.
    trend_observations: int = attrs.field(default=6, validator=v.whole_number(minimum=2))
    #: The review period for a plan that names none (SMS602, SMS607).
    review_period: Period = attrs.field(
        factory=lambda: Period(every=4), validator=v.instance(Period)
    )
    #: How many of the newest answers the scorecard shows per question and voice.
    latest_answers: int = attrs.field(default=3, validator=v.whole_number())

    #: The share of a stage's signs that must hold for the stage to count on the
    #: journey ("mostly": two thirds; see :mod:`smstrategy.journey`).
    journey_share: float = attrs.field(default=2 / 3, validator=v.number(0, 1))
    #: The mean score (on a scale of 1 to 5) at which a voice's answers to a
    #: sign's question show the sign (:func:`smstrategy.views_from`).
    view_score: float = attrs.field(default=4, validator=v.number())

    #: The kind of organisation these guidelines are tuned for (see :meth:`for_profile`).
    profile: Profile = attrs.field(default=Profile.BUSINESS, validator=v.member_of(Profile))
    #: Codes of the rules whose advice does not apply to the organisation; they do not run.
    not_applicable: frozenset[str] = attrs.field(
        default=frozenset(), converter=_names, validator=_NAMES
    )
    #: Steps a plan may leave empty (SMS201): names of the steps' attributes.
    optional_steps: frozenset[str] = attrs.field(
        default=frozenset(), converter=_names, validator=_NAMES
    )

    @classmethod
    def for_profile(cls, profile: Profile | str) -> Guidelines:
        """Return the guidelines for a kind of organisation (a :class:`Profile` or its value).

        A business gets the defaults.  A public body has no competitors to watch
        or to stand apart from: SMS161 does not run, and the five-step
        Uniqueness step may stay empty.  A nonprofit's peers are partners in
        its cause rather than competitors: SMS161 does not run, and donors and
        donations measure its sales goals (SMS103).  An open-source
        community draws people from many employers and has no competitors in
        the market's sense: SMS161 and SMS211 (departments) do not run.  For an
        organisation of your own kind, evolve these guidelines.
        """
        try:
            chosen = Profile(profile)
        except ValueError:
            known = ", ".join(repr(p.value) for p in Profile)
            raise InvalidFieldValueError(
                "Guidelines.for_profile", "profile", f"one of {known}", profile
            ) from None
        base = cls(profile=chosen)
        changes = {
            name: change(base) if callable(change) else change
            for name, change in _PROFILES[chosen].items()
        }
        return attrs.evolve(base, **changes)

    def __attrs_post_init__(self) -> None:
        if self.pace_tolerance > self.pace_at_risk:
            raise InvalidFieldValueError(
                type(self).__name__,
                "pace_at_risk",
                f"at least pace_tolerance ({self.pace_tolerance:g})",
                self.pace_at_risk,
            )

    def posting_range(self, platform: Platform) -> tuple[float, float | None]:
        """Return the fewest and most posts a week for *platform* (``None``: no ceiling)."""
        low = self.min_posts_by_platform.get(platform.name, self.min_posts_per_week)
        high = self.max_posts_by_platform.get(platform.name)
        return (float(low), None if high is None else float(high))

    def minutes_for(self, platform: Platform) -> float:
        """Return the minutes one post on *platform* takes."""
        return float(self.minutes_per_post.get(platform.name, self.default_minutes_per_post))

    def minutes_for_channel(self, channel: Channel) -> float:
        """Return the minutes one post on *channel* takes: its own figure, or its network's."""
        if channel.minutes_per_post is not None:
            return float(channel.minutes_per_post)
        return self.minutes_for(channel.platform)

    def weekly_minutes(self, channel: Channel) -> float:
        """Return the most minutes a week *channel*'s posts take; none for a pace not stated."""
        return (channel.most_per_week or 0) * self.minutes_for_channel(channel)


#: What each kind of organisation changes in the defaults.
_PROFILES: Mapping[Profile, Mapping[str, Any]] = types.MappingProxyType(
    {
        Profile.BUSINESS: {},
        Profile.PUBLIC_BODY: {
            "not_applicable": frozenset({"SMS161"}),
            "optional_steps": frozenset({"uniqueness"}),
        },
        Profile.NONPROFIT: {
            "not_applicable": frozenset({"SMS161"}),
            # A charity's sales are gifts: donors and donations measure them (SMS103).
            "metric_words": lambda g: {
                **g.metric_words,
                GoalKind.SALES: (
                    *g.metric_words[GoalKind.SALES],
                    *("donors", "donations", "gifts", "givere", "gaver", "lahjoittajat"),
                ),
            },
        },
        Profile.COMMUNITY: {"not_applicable": frozenset({"SMS161", "SMS211"})},
    }
)

#: The thresholds used when a caller passes none.
DEFAULT = Guidelines()


def resolve(
    caller: str, guidelines: Guidelines | None, profile: Profile | None = None
) -> Guidelines:
    """Return *guidelines*; refuse anything else, naming *caller*.

    For ``None``, return the defaults of *profile* (the plan's own, where it
    names one), or the defaults.
    """
    if guidelines is None:
        return DEFAULT if profile is None else Guidelines.for_profile(profile)
    if not isinstance(guidelines, Guidelines):
        raise InvalidFieldTypeError(caller, "guidelines", "a Guidelines value", guidelines)
    return guidelines
