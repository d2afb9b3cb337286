"""The building blocks: construction, conversion and every invariant."""

from __future__ import annotations

import datetime as dt
import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import smstrategy as sms
from smstrategy.exceptions import InvalidFieldTypeError, InvalidFieldValueError
from strategies import BUILDING_BLOCKS, for_type

CHANNEL = sms.Channel(platform=sms.Platform.INSTAGRAM, handle="@a")

# (what to build, the error's class, its exact message)
INVARIANTS = [
    (
        lambda: sms.Goal(statement=""),
        InvalidFieldValueError,
        "Goal.statement: expected text with a visible character, got ''",
    ),
    (
        lambda: sms.Goal(statement="  \n\t"),
        InvalidFieldValueError,
        "Goal.statement: expected text with a visible character, got '  \\n\\t'",
    ),
    (
        lambda: sms.Goal(statement=42),
        InvalidFieldTypeError,
        "Goal.statement: expected a string, got 42",
    ),
    (
        lambda: sms.Goal(statement="Grow", deadline="2027-01-01"),
        InvalidFieldTypeError,
        "Goal.deadline: expected a date (datetime.date), got '2027-01-01'",
    ),
    (
        lambda: sms.Goal(statement="Grow", deadline=dt.datetime(2027, 1, 1)),  # noqa: DTZ001
        InvalidFieldTypeError,
        "Goal.deadline: expected a date (datetime.date), got datetime.datetime(2027, 1, 1, 0, 0)",
    ),
    (
        lambda: sms.Goal(statement="Grow", kind="awareness"),
        InvalidFieldTypeError,
        "Goal.kind: expected a GoalKind (one of 'awareness', ",
    ),
    (
        lambda: sms.Goal(statement="Grow", metrics="reach"),
        InvalidFieldTypeError,
        "Goal.metrics: expected a list or tuple, got 'reach'",
    ),
    (
        lambda: sms.Goal(statement="Grow", metrics=[sms.Metric(name="a"), "b"]),
        InvalidFieldTypeError,
        "Goal.metrics[1]: expected a Metric, got 'b'",
    ),
    (
        lambda: sms.Metric(name="reach", target="lots"),
        InvalidFieldTypeError,
        "Metric.target: expected a number, got 'lots'",
    ),
    (
        lambda: sms.Metric(name="reach", target=True),
        InvalidFieldTypeError,
        "Metric.target: expected a number, got True",
    ),
    (
        lambda: sms.Metric(name="reach", target=float("nan")),
        InvalidFieldValueError,
        "Metric.target: expected a number, got nan",
    ),
    (
        lambda: sms.Metric(name="reach", target=float("inf")),
        InvalidFieldValueError,
        "Metric.target: expected a finite number, got inf",
    ),
    (
        lambda: sms.Metric(name="reach", target=10, comparison=sms.Comparison.BETWEEN),
        InvalidFieldValueError,
        "Metric.target_upper: expected the upper end of the range 'between' sets, got None",
    ),
    (
        lambda: sms.Metric(name="reach", target=10, target_upper=20),
        InvalidFieldValueError,
        "Metric.target_upper: expected no upper end unless the comparison is 'between', got 20",
    ),
    (
        lambda: sms.Metric(
            name="reach", target=10, target_upper=5, comparison=sms.Comparison.BETWEEN
        ),
        InvalidFieldValueError,
        "Metric.target_upper: expected a number of at least the target (10), got 5",
    ),
    (
        lambda: sms.Metric(name="reach", target_upper=5, comparison=sms.Comparison.BETWEEN),
        InvalidFieldValueError,
        "Metric.target_upper: expected a number of at least the target (\u2014), got 5",
    ),
    (
        lambda: sms.Metric(name="complaints", target=-120, relative=sms.Relative.PERCENT_CHANGE),
        InvalidFieldValueError,
        "Metric.target: expected a change of at least -100 per cent, got -120",
    ),
    (
        lambda: sms.Metric(name=" "),
        InvalidFieldValueError,
        "Metric.name: expected text with a visible character, got ' '",
    ),
    (
        lambda: sms.Audience(name=""),
        InvalidFieldValueError,
        "Audience.name: expected text with a visible character, got ''",
    ),
    (
        lambda: sms.Audience(name="Locals", priority=-2),
        InvalidFieldValueError,
        "Audience.priority: expected a whole number of at least 1, got -2",
    ),
    (
        lambda: sms.Audience(name="Locals", priority=1.5),
        InvalidFieldTypeError,
        "Audience.priority: expected a whole number of at least 1, got 1.5",
    ),
    (
        lambda: sms.Audience(name="Locals", demographics=["18-30", ""]),
        InvalidFieldValueError,
        "Audience.demographics[1]: expected text with a visible character, got ''",
    ),
    (
        lambda: sms.Channel(platform="instagram"),
        InvalidFieldTypeError,
        "Channel.platform: expected a Platform, got 'instagram'",
    ),
    (
        lambda: sms.Channel(platform=sms.Platform.X, cadence=-3),
        InvalidFieldValueError,
        "Channel.cadence: expected a number of at least 0, got -3",
    ),
    (
        lambda: sms.Channel(platform=sms.Platform.X, automation="automated"),
        InvalidFieldTypeError,
        (
            "Channel.automation: expected an Automation "
            "(one of 'manual', 'scheduled', 'automated'), got 'automated'"
        ),
    ),
    (
        lambda: sms.Channel(platform=sms.Platform.X, minutes_per_post=-1),
        InvalidFieldValueError,
        "Channel.minutes_per_post: expected a number of at least 0, got -1",
    ),
    (
        lambda: sms.Platform(name="   "),
        InvalidFieldValueError,
        "Platform.name: expected text with a visible character, got ''",
    ),
    (
        lambda: sms.Platform(name=3),
        InvalidFieldTypeError,
        "Platform.name: expected a string, got 3",
    ),
    (
        lambda: sms.ContentMix(promotional=101, curated=0, engagement=-1),
        InvalidFieldValueError,
        "ContentMix.promotional: expected a number from 0 to 100, got 101",
    ),
    (
        lambda: sms.ContentMix(promotional=10, curated=-1, engagement=91),
        InvalidFieldValueError,
        "ContentMix.curated: expected a number from 0 to 100, got -1",
    ),
    (
        lambda: sms.ContentMix(promotional=40, curated=40, engagement=19.98),
        InvalidFieldValueError,
        "ContentMix.shares: expected shares that add up to 100 (within 0.01), got 99.98",
    ),
    (
        lambda: sms.Team(members=[sms.Member(name="Ola"), sms.Member(name="OLA")]),
        InvalidFieldValueError,
        "Team.members: expected each member name at most once, got 'ola' twice",
    ),
    (
        lambda: sms.Member(name="Ola", account_access="yes"),
        InvalidFieldTypeError,
        "Member.account_access: expected a bool, got 'yes'",
    ),
    (
        lambda: sms.TimeBudget(hours_per_week=-1),
        InvalidFieldValueError,
        "TimeBudget.hours_per_week: expected a number of at least 0, got -1",
    ),
    (
        lambda: sms.Priority(activity="Stories", rank=0),
        InvalidFieldValueError,
        "Priority.rank: expected a whole number of at least 1, got 0",
    ),
    (
        lambda: sms.Post(when=dt.date(2027, 1, 1), channel="x", topic="t"),
        InvalidFieldTypeError,
        "Post.when: expected a date and time (datetime.datetime), got datetime.date(2027, 1, 1)",
    ),
    (
        lambda: sms.Target(audiences=[sms.Audience(name="Locals"), sms.Audience(name="locals")]),
        InvalidFieldValueError,
        "Target.audiences: expected each audience name at most once, got 'locals' twice",
    ),
    (
        lambda: sms.Technology(
            channels=[CHANNEL, sms.Channel(platform=sms.Platform.INSTAGRAM, handle="@A")]
        ),
        InvalidFieldValueError,
        (
            "Technology.channels: expected each network and handle at most once, "
            "got ('instagram', '@a') twice"
        ),
    ),
    (
        lambda: sms.Period(every=0, unit=sms.PeriodUnit.MONTH),
        InvalidFieldValueError,
        "Period.every: expected a whole number of at least 1, got 0",
    ),
    (
        lambda: sms.Followers(target_followers=-10),
        InvalidFieldValueError,
        "Followers.target_followers: expected a whole number of at least 0, got -10",
    ),
    (
        lambda: sms.ThePoint(purposes=["sales"]),
        InvalidFieldTypeError,
        "ThePoint.purposes[0]: expected a GoalKind (one of ",
    ),
]


@pytest.mark.parametrize(("build", "error", "message"), INVARIANTS)
def test_invariant_raises_naming_class_field_expectation_and_value(build, error, message):
    """A value that can never be right raises the library's error with a precise message."""
    with pytest.raises(error, match="^" + re.escape(message)):
        build()


@pytest.mark.parametrize(("build", "error", "message"), INVARIANTS)
def test_errors_are_also_builtin_errors(build, error, message):
    """Every invariant error is a SmstrategyError and a ValueError or TypeError."""
    with pytest.raises(sms.SmstrategyError) as info:
        build()
    assert isinstance(info.value, ValueError | TypeError)


def test_field_errors_carry_their_parts():
    """The owner, field, expectation and value are attributes of the error."""
    with pytest.raises(InvalidFieldValueError) as info:
        sms.Channel(platform=sms.Platform.X, cadence=-1)
    error = info.value
    assert (error.owner, error.field, error.expected, error.got) == (
        "Channel",
        "cadence",
        "a number of at least 0",
        -1,
    )


def test_content_mix_within_tolerance_constructs():
    """Shares that miss 100 by less than the tolerance are accepted."""
    mix = sms.ContentMix(promotional=33.333, curated=33.333, engagement=33.333)
    assert mix.share(sms.ContentCategory.CURATED) == 33.333


def test_lists_become_tuples():
    """A list given for a collection is stored as a tuple."""
    goal = sms.Goal(statement="Grow", metrics=[sms.Metric(name="reach", target=1)])
    audience = sms.Audience(name="Locals", values=["taste"])
    assert goal.metrics == (sms.Metric(name="reach", target=1),)
    assert audience.values == ("taste",)


def test_generators_become_tuples():
    """Any iterable other than a string is stored as a tuple."""
    panel = sms.ListeningPanel(competitors=(name for name in ["A", "B"]))
    assert panel.competitors == ("A", "B")


def test_values_are_frozen():
    """Building blocks cannot be changed after construction."""
    goal = sms.Goal(statement="Grow")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        goal.statement = "Shrink"  # type: ignore[misc]


def test_values_are_slotted():
    """Building blocks are slotted classes."""
    assert not hasattr(sms.Goal(statement="Grow"), "__dict__")


def test_weak_values_construct():
    """Valid but weak values construct fine; judging them is for the checks."""
    goal = sms.Goal(statement="Be big")
    assert goal.metrics == ()
    assert goal.deadline is None
    assert sms.Metric(name="likes").target is None


def test_platform_accepts_custom_networks_by_name():
    """A network the library does not know is made by name, folded to lowercase."""
    mastodon = sms.Platform(name="  Mastodon ")
    assert mastodon == sms.Platform(name="mastodon")
    assert mastodon.is_custom
    assert (mastodon.name, str(mastodon)) == ("mastodon", "Mastodon")
    assert sms.Platform(name="Bl ue  Sky") == sms.Platform(name="bl ue sky")


@pytest.mark.parametrize(
    ("written", "network"),
    [
        ("Twitter", sms.Platform.X),
        ("X (Twitter)", sms.Platform.X),
        ("twitter.com", sms.Platform.X),
        ("X", sms.Platform.X),
        ("Tik   Tok", sms.Platform.TIKTOK),
        ("Linked In", sms.Platform.LINKEDIN),
        ("IG", sms.Platform.INSTAGRAM),
        ("YouTube", sms.Platform.YOUTUBE),
    ],
)
def test_other_names_of_a_known_network_make_that_network(written, network):
    """Twitter is X: its posting ceiling and effort apply, and it is not a custom network."""
    platform = sms.Platform(name=written)
    assert platform == network
    assert not platform.is_custom
    assert sms.Guidelines().posting_range(platform) == sms.Guidelines().posting_range(network)


def test_networks_are_written_as_their_brands_write_them():
    """Rendered names use the brands' spelling; the folded name stays the key."""
    titles = [str(p) for p in sms.Platform.known()]
    assert titles == [
        "Facebook",
        "Instagram",
        "LinkedIn",
        "X",
        "TikTok",
        "YouTube",
        "Pinterest",
        "Snapchat",
        "Threads",
        "Blog",
    ]
    channel = sms.Channel(platform=sms.Platform(name="twitter"), handle="@fjord")
    assert channel.name == "X @fjord"
    assert channel.identity == ("x", "@fjord")


def test_known_platforms_are_class_attributes():
    """The common networks are named constants and are not custom."""
    assert sms.Platform(name="Instagram") == sms.Platform.INSTAGRAM
    assert not sms.Platform.LINKEDIN.is_custom
    assert sms.Platform.X in sms.Platform.known()
    assert len(sms.Platform.known()) == len(set(sms.Platform.known()))


def test_channel_name_and_identity():
    """A channel is called by network and handle, and told apart case-blind."""
    assert CHANNEL.name == "Instagram @a"
    assert sms.Channel(platform=sms.Platform.BLOG).name == "Blog"
    assert CHANNEL.identity == sms.Channel(platform=sms.Platform.INSTAGRAM, handle="@A").identity


def test_team_departments():
    """A team knows the departments its members come from."""
    team = sms.Team(
        members=[
            sms.Member(name="A", department="Sales"),
            sms.Member(name="B", department="sales"),
            sms.Member(name="C", department="Cafés"),
            sms.Member(name="D"),
        ]
    )
    assert team.departments == frozenset({"sales", "cafés"})


def test_enums_are_strings():
    """Closed vocabularies are string enums whose values read as words."""
    assert sms.GoalKind.CUSTOMER_SERVICE == "customer service"
    assert sms.Automation("scheduled") is sms.Automation.SCHEDULED
    assert [c.value for c in sms.ContentCategory] == ["promotional", "curated", "engagement"]
    assert sms.PostStatus.PUBLISHED.value == "published"


@pytest.mark.parametrize("block", BUILDING_BLOCKS, ids=lambda b: b.__name__)
@given(data=st.data())
def test_random_valid_building_blocks_construct(block, data):
    """Random valid instances of every building block construct, hash and compare equal."""
    value = data.draw(for_type(block))
    assert isinstance(value, block)
    assert value == attrs.evolve(value)
    assert hash(value) == hash(attrs.evolve(value))


@given(st.lists(for_type(sms.Metric), max_size=4))
def test_any_list_of_metrics_is_kept_in_order(metrics):
    """A goal keeps the metrics it is given, in their order, as a tuple."""
    goal = sms.Goal(statement="Grow", metrics=metrics)
    assert goal.metrics == tuple(metrics)


def test_validator_reprs_read_well():
    """Validators show what they accept when printed."""
    from smstrategy import validators as v

    assert repr(v.text()) == "text()"
    assert repr(v.string()) == "string()"
    assert repr(v.number(0, 100)) == "<validator: a number from 0 to 100>"
    assert repr(v.number(None, 5)) == "<validator: a number of at most 5>"
    assert repr(v.number(None, None)) == "<validator: a number>"
    assert repr(v.optional(v.a_date())) == "optional(<validator: a date (datetime.date)>)"
    assert repr(v.tuple_of(v.text())) == "tuple_of(text())"
    assert repr(v.unique_by(len, "size")) == "<validator: unique size>"


def test_number_with_upper_bound_only():
    """A number validator with only a maximum says so."""
    from smstrategy import validators as v

    with pytest.raises(
        InvalidFieldValueError, match=r"^X\.y: expected a number of at most 5, got 6$"
    ):
        v.number(None, 5).check("X", "y", 6)
    v.number(None, None).check("X", "y", -1e9)
