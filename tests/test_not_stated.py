"""A fact a plan does not state is not a zero: the checks ask for it instead of judging it."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import smstrategy as sms

FIVE = sms.example("five-step")
ADVICE, WARNING, ERROR = sms.Severity.ADVICE, sms.Severity.WARNING, sms.Severity.ERROR


def channel_with(**changes):
    return sms.evolve_at(FIVE, "technology.channels[1]", **changes)


def team_of(*members):
    """Return the eight-step example with no channel owners and the team replaced."""
    plan = sms.example("eight-step")
    channels = tuple(attrs.evolve(c, owner=None) for c in plan.channels.channels)
    plan = sms.evolve_at(plan, "channels", channels=channels)
    return sms.evolve_at(plan, "ark", team=sms.Team(members=members), policy=None)


# (code, the fact not stated, the fact stated as zero or nobody, what each yields)
CASES = [
    (
        "SMS141",
        channel_with(cadence=None),
        channel_with(cadence=0),
        [(ADVICE, "How often \u201cFacebook Fjord Coffee Bergen\u201d posts is not stated.")],
        [
            (
                WARNING,
                (
                    "0 posts a week on \u201cFacebook Fjord Coffee Bergen\u201d is below the "
                    "guideline of at least 1."
                ),
            )
        ],
    ),
    (
        "SMS134",
        channel_with(owner=None),
        channel_with(owner=""),
        [(ADVICE, "Who owns the channel \u201cFacebook Fjord Coffee Bergen\u201d is not stated.")],
        [(WARNING, "Nobody owns the channel \u201cFacebook Fjord Coffee Bergen\u201d.")],
    ),
    (
        "SMS153",
        team_of(),
        team_of(sms.Member(name="Ingrid Dahl", account_access=True)),
        [(ADVICE, "Who monitors the channels and answers is not stated.")],
        [(WARNING, "The plan names nobody who monitors the channels and answers.")],
    ),
    (
        "SMS143",
        sms.evolve_at(
            sms.evolve_at(FIVE, "technology.channels[0]", cadence=None),
            "technology.time_budget",
            hours_per_week=1,
        ),
        sms.evolve_at(
            sms.evolve_at(FIVE, "technology.channels[0]", cadence=0),
            "technology.time_budget",
            hours_per_week=1,
        ),
        # Only Facebook's stated pace counts: 3 posts of 20 minutes fit in an hour either way.
        [],
        [],
    ),
    (
        "SMS101",
        sms.evolve_at(FIVE, "direction.goals[0]", metrics=[sms.Metric(name="reach")]),
        sms.evolve_at(FIVE, "direction.goals[0]", metrics=[sms.Metric(name="reach", target=0)]),
        [
            (
                ERROR,
                (
                    "The goal \u201cBecome the coffee that people in Bergen name first\u201d "
                    "has no metric with a target."
                ),
            )
        ],
        [],
    ),
]


@pytest.mark.parametrize(
    ("code", "not_stated", "zero", "unstated_yields", "zero_yields"),
    CASES,
    ids=[case[0] for case in CASES],
)
def test_not_stated_and_stated_as_zero_differ(code, not_stated, zero, unstated_yields, zero_yields):
    """A fact left out asks to be filled in; a fact stated as zero or nobody is judged."""
    found = [(f.severity, f.message) for f in sms.check(not_stated, select=code)]
    assert found == unstated_yields
    found = [(f.severity, f.message) for f in sms.check(zero, select=code)]
    assert found == zero_yields
    assert not any("0 posts" in message for _, message in unstated_yields)


def test_a_pace_not_stated_adds_no_effort_but_a_stated_one_does():
    """SMS143 counts only stated paces; five Instagram posts do not fit in an hour."""
    stated = sms.evolve_at(FIVE, "technology.time_budget", hours_per_week=1)
    assert sms.check(stated, select="SMS143").codes == ("SMS143",)


def test_the_journey_counts_a_channel_with_no_stated_pace_as_in_use():
    """Six accounts whose pace a document leaves out are accounts in use, not silence."""
    channels = [
        sms.Channel(platform=sms.Platform(name=name), handle="Council")
        for name in ("Facebook", "Instagram", "X", "LinkedIn", "YouTube", "TikTok")
    ]
    plan = sms.FiveStep(
        title="A council",
        direction=sms.Direction(),
        target=sms.Target(),
        uniqueness=sms.Uniqueness(),
        technology=sms.Technology(channels=channels),
        assessment=sms.Assessment(),
    )

    def intended(plan):
        return "accounts_in_use" in {proof.sign for proof in sms.evidence_from(plan).proofs}

    assert intended(plan)
    assert sms.assess(sms.evidence_from(plan)).stage is not sms.Stage.TRADITIONAL
    silent = sms.evolve_at(
        plan, "technology", channels=[attrs.evolve(c, cadence=0) for c in channels]
    )
    assert not intended(silent)
    report = sms.check(plan, select=["SMS134", "SMS141", "SMS153"])
    assert {f.severity for f in report} == {ADVICE}


def test_a_channel_with_no_stated_pace_gets_no_posts_in_a_built_calendar():
    """The calendar builder plans only what a pace says."""
    unknown = sms.Channel(platform=sms.Platform.X, handle="@fjord")
    known = sms.Channel(platform=sms.Platform.INSTAGRAM, handle="@fjord", cadence=3)
    mix = sms.ContentMix(promotional=30, curated=30, engagement=40)
    calendar = sms.build_calendar([unknown, known], mix, dt.date(2027, 1, 4), weeks=1)
    assert {p.channel for p in calendar.posts} == {"Instagram @fjord"}
    assert {p.owner for p in calendar.posts} == {""}


def test_old_files_that_wrote_zero_keep_meaning_zero():
    """Data written before facts could be left out says 0 and blank, which stay stated."""
    data = sms.to_dict(FIVE)
    data["technology"]["channels"][1].update(cadence=0, owner="")
    plan = sms.from_dict(data)
    assert (plan.technology.channels[1].cadence, plan.technology.channels[1].owner) == (0, "")
    del data["technology"]["channels"][1]["cadence"]
    assert sms.from_dict(data).technology.channels[1].cadence is None
