"""The journey maturity model and the social media audit."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import smstrategy as sms
from custom_frameworks import ALL_FRAMEWORKS, FiveStepWithOwner, Owner, five_step_contents
from smstrategy.stages import SIGNS
from smstrategy.strategies import plans, results, texts
from test_render import assert_tables_are_rectangular, headings, tables

PARSER = MarkdownIt("commonmark").enable("table")
STAGES = list(sms.Stage)
NAMES = [sign.name for sign in SIGNS]


def up_to(stage: sms.Stage, *, but: str = "") -> sms.Evidence:
    """Return a view holding every sign of *stage* and the stages before it, but *but*."""
    return sms.Evidence.of(*(s.name for s in SIGNS if s.stage <= stage and s.name != but))


def test_stages_are_ordered_along_the_journey():
    """The four stages compare by their place on the journey, not by name."""
    assert [s.value for s in STAGES] == [
        "traditional",
        "experimental",
        "operational",
        "high impact",
    ]
    assert sms.Stage.TRADITIONAL < sms.Stage.EXPERIMENTAL < sms.Stage.OPERATIONAL
    assert sms.Stage.HIGH_IMPACT >= sms.Stage.OPERATIONAL
    assert sms.Stage.TRADITIONAL <= sms.Stage.TRADITIONAL
    assert sms.Stage.HIGH_IMPACT > sms.Stage.TRADITIONAL
    assert [s.next for s in STAGES] == [*STAGES[1:], None]


def test_comparing_a_stage_with_something_else_is_refused():
    """Stages compare only with stages, never by the alphabet of their names."""
    for compare in (
        lambda: sms.Stage.HIGH_IMPACT < "traditional",
        lambda: sms.Stage.HIGH_IMPACT <= "x",
        lambda: sms.Stage.HIGH_IMPACT > 1,
        lambda: sms.Stage.HIGH_IMPACT >= None,
    ):
        with pytest.raises(TypeError, match="compares only with another Stage"):
            compare()


@pytest.mark.parametrize("stage", STAGES)
def test_every_stage_has_a_description_and_risks(stage):
    """Each stage says what it looks like and what tends to go wrong."""
    assert stage.description.strip()
    assert stage.risks.strip()


def test_experimenting_is_described_as_the_most_exposed_stage():
    """The article calls the experimental stage the one where companies are most vulnerable."""
    assert "most exposed" in sms.Stage.EXPERIMENTAL.risks


def test_signs_are_grounded_in_the_article():
    """Traditional has no signs; each later stage has its own, each saying what shows it."""
    assert sms.Stage.TRADITIONAL.signs == ()
    assert [s.name for s in sms.Stage.EXPERIMENTAL.signs] == [
        "accounts_in_use",
        "tactics_tried",
        "some_planning",
    ]
    assert {"listening", "training", "aligned_efforts", "first_results"} <= {
        s.name for s in sms.Stage.OPERATIONAL.signs
    }
    assert [s.name for s in SIGNS if s.defining] == ["business_results"]
    for sign in SIGNS:
        assert sign.label
        assert sign.next_step
        assert sign.shown_by
        assert sign.question.endswith("?")
    facts = {s.name for s in SIGNS if s.needs_facts}
    assert facts == {"accounts_in_use", "first_results", "business_results", "regular_measurement"}


# --- the placement -------------------------------------------------------------------------


@pytest.mark.parametrize("stage", STAGES)
def test_an_organisation_described_by_a_stage_is_placed_there(stage):
    """What the article says of a stage, on the path through the stages before it, places there."""
    position = sms.assess(up_to(stage))
    assert position.stage is stage
    assert position.gaps == ()
    assert [s.name for s in position.to_next] == [
        s.name for s in (stage.next.signs if stage.next else ())
    ]


def test_traditional_is_where_nobody_plans_or_listens():
    """An organisation that only has accounts, with no planning or tactics, stays traditional."""
    assert sms.assess(sms.Evidence()).stage is sms.Stage.TRADITIONAL
    assert sms.assess(sms.Evidence.of("accounts_in_use")).stage is sms.Stage.TRADITIONAL


@pytest.mark.parametrize("stage", STAGES[1:])
@pytest.mark.parametrize("name", NAMES)
def test_one_missing_sign_costs_at_most_one_stage(stage, name):
    """Dropping any one sign from a placed organisation moves it down by one stage at most."""
    whole = sms.assess(up_to(stage))
    short = sms.assess(up_to(stage, but=name))
    assert whole.stage.rank - short.stage.rank <= 1


def test_a_stage_counts_when_its_signs_mostly_hold():
    """Two thirds of a stage's signs are enough; fewer are not; the threshold can change."""
    most = up_to(sms.Stage.EXPERIMENTAL, but="some_planning")
    assert sms.assess(most).stage is sms.Stage.EXPERIMENTAL
    assert sms.assess(most).gaps == (SIGNS[2],)
    half = sms.Evidence.of("accounts_in_use")
    assert sms.assess(half).score(sms.Stage.EXPERIMENTAL) == pytest.approx(1 / 3)
    strict = attrs.evolve(sms.Guidelines(), journey_share=1.0)
    assert sms.assess(most, guidelines=strict).stage is sms.Stage.TRADITIONAL


def test_high_impact_needs_business_results():
    """Every other sign of high impact does not make up for missing business results."""
    position = sms.assess(up_to(sms.Stage.HIGH_IMPACT, but="business_results"))
    assert position.stage is sms.Stage.OPERATIONAL
    assert position.score(sms.Stage.HIGH_IMPACT) == 0.75
    assert [s.name for s in position.to_next] == ["business_results"]


def test_a_stage_that_falls_short_holds_back_one_stage_wherever_it_is():
    """Strong later stages still count; a weak earlier one costs one stage, and is a step."""
    later = sms.Evidence.of(*(s.name for s in SIGNS if s.stage >= sms.Stage.OPERATIONAL))
    position = sms.assess(later)
    assert position.stage is sms.Stage.OPERATIONAL
    assert position.counting == (sms.Stage.OPERATIONAL, sms.Stage.HIGH_IMPACT)
    assert [s.stage for s in position.to_next] == [sms.Stage.EXPERIMENTAL] * 3
    assert position.next_steps[0] == SIGNS[0].next_step


signs = st.sets(st.sampled_from(NAMES))


@given(signs, st.sampled_from(NAMES))
def test_adding_a_sign_never_lowers_the_placement(held, extra):
    """Whatever holds, one more sign gives the same stage or a later one."""
    before = sms.assess(sms.Evidence.of(*held)).stage
    after = sms.assess(sms.Evidence.of(*held, extra)).stage
    assert after >= before


@given(signs, st.sampled_from(NAMES))
def test_removing_a_sign_never_costs_more_than_one_stage(held, dropped):
    """Whatever holds, one sign fewer costs at most one stage."""
    before = sms.assess(sms.Evidence.of(*held)).stage
    after = sms.assess(sms.Evidence.of(*(held - {dropped}))).stage
    assert 0 <= before.rank - after.rank <= 1


@given(signs)
def test_the_position_is_consistent(held):
    """Holding, gaps and what comes next partition the signs up to the next stage."""
    position = sms.assess(sms.Evidence.of(*held))
    assert {s.name for s in position.holding} == held
    assert not set(position.missing) & set(position.holding)
    assert all(s.stage in position.counting for s in position.gaps)
    assert position.stage.rank == len(position.counting)
    assert position.next_steps == tuple(s.next_step for s in position.missing)


def test_evidence_needs_known_signs_and_says_where_each_came_from():
    """Proofs name real signs; a sign that needs facts is not met by a plan's intention."""
    with pytest.raises(sms.InvalidFieldValueError, match=r"Proof\.sign: expected one of the signs"):
        sms.Proof(sign="active", source=sms.Source.VIEW)
    intended = sms.Evidence(proofs=[sms.Proof(sign="accounts_in_use", source=sms.Source.PLAN)])
    assert not intended.holds("accounts_in_use")
    assert not intended.unknown("accounts_in_use")  # facts were known, and showed nothing
    guess = attrs.evolve(intended, facts_known=False)
    assert guess.unknown("accounts_in_use")
    both = intended | sms.Evidence.of("accounts_in_use", source=sms.Source.AUDIT)
    assert both.sources("accounts_in_use") == (sms.Source.PLAN, sms.Source.AUDIT)
    assert both.holds("accounts_in_use")
    assert intended.__or__(1) is NotImplemented


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: sms.assess({"active": True}), "assess.evidence: expected an Evidence value"),
        (lambda: sms.assess(sms.Evidence(), guidelines=1), "assess.guidelines: expected"),
        (lambda: sms.evidence_from(sms.Evidence()), "evidence_from.plan: expected a plan"),
        (
            lambda: sms.evidence_from(sms.example("popt"), results=[]),
            "evidence_from.results: expected a Results value",
        ),
        (
            lambda: sms.evidence_from(sms.example("popt"), audit={}),
            "evidence_from.audit: expected an Audit",
        ),
        (lambda: sms.assess_views([]), "assess_views.views: expected a mapping"),
        (lambda: sms.assess_views({}), "assess_views.views: expected at least one view"),
        (lambda: sms.assess_views({"us": 1}), "assess_views.views['us']: expected an Evidence"),
        (
            lambda: sms.assess_views({" ": sms.Evidence()}),
            "assess_views.views: expected text with a visible",
        ),
        (lambda: sms.views_from([]), "views_from.results: expected a Results value"),
    ],
)
def test_bad_arguments_name_what_came(call, message):
    """Wrong arguments raise, naming the function, the argument and what was expected."""
    with pytest.raises(sms.SmstrategyError) as info:
        call()
    assert str(info.value).startswith(message)


# --- evidence from plans, results and audits ------------------------------------------------

#: Where a careful reader of the article places each example: on its plan alone, and with a
#: year of results (see docs/journey.md for the reasons).
PLACEMENTS = [
    ("five-step", sms.Stage.EXPERIMENTAL, sms.Stage.OPERATIONAL),
    ("eight-step", sms.Stage.OPERATIONAL, sms.Stage.OPERATIONAL),
    ("popt", sms.Stage.EXPERIMENTAL, sms.Stage.OPERATIONAL),
    ("roadmap", sms.Stage.OPERATIONAL, sms.Stage.OPERATIONAL),
]


@pytest.mark.parametrize(("key", "alone", "with_results"), PLACEMENTS)
def test_each_example_is_placed_where_a_careful_reader_would(key, alone, with_results):
    """Plans alone show intentions; with results, facts decide."""
    plan = sms.example(key)
    assert sms.assess(sms.evidence_from(plan)).stage is alone
    position = sms.assess(sms.evidence_from(plan, sms.example_results(key)))
    assert position.stage is with_results
    assert position.unknown == ()
    assert "business_results" in {s.name for s in position.to_next}


def test_a_plan_alone_leaves_the_facts_unknown():
    """Without results or an audit, the signs that need facts are unknown, not missing."""
    position = sms.assess(sms.evidence_from(sms.example("five-step")))
    assert {s.name for s in position.unknown} == {
        "accounts_in_use",
        "first_results",
        "business_results",
        "regular_measurement",
    }
    assert position.evidence.sources("accounts_in_use") == (sms.Source.PLAN,)


def test_every_framework_is_read_alike():
    """The five-step plan's monitors show listening; its goals, channels and steps are read."""
    evidence = sms.evidence_from(sms.example("five-step"))
    for name in ("tactics_tried", "written_strategy", "measurable_goals", "listening"):
        assert evidence.holds(name), name
    popt = sms.evidence_from(sms.example("popt"))
    assert popt.holds("listening")
    assert [p.where for p in popt.proofs if p.sign == "tactics_tried"] == ["tactics.channels"]


def test_results_show_facts():
    """Results show activity, first and business results, regular measurement and tools."""
    plan = sms.example("five-step")
    found = sms.example_results("five-step")
    evidence = sms.evidence_from(plan, found)
    assert evidence.sources("accounts_in_use") == (sms.Source.PLAN, sms.Source.RESULTS)
    for name in ("first_results", "regular_measurement", "tools_in_place", "tactics_tried"):
        assert sms.Source.RESULTS in evidence.sources(name), name
    assert not evidence.holds("business_results")  # the sales goal is behind
    later = attrs.evolve(
        found,
        observations=(
            *found.observations,
            sms.Observation(
                metric="cost per subscription from social", on=dt.date(2027, 6, 30), value=150
            ),
        ),
    )
    assert sms.evidence_from(plan, later).holds("business_results")
    stale = sms.evidence_from(plan, found, None, dt.date(2027, 9, 30))
    assert not stale.holds("regular_measurement")
    assert not stale.holds("accounts_in_use")


def test_an_audit_shows_accounts_in_use():
    """An account that posted recently is a fact; two accounts show tactics being tried."""
    audit = sms.Audit.of(
        [
            sms.Account(
                platform=sms.Platform.INSTAGRAM, handle="@a", last_post=dt.date(2027, 1, 2)
            ),
            sms.Account(platform=sms.Platform.X, handle="@b"),
        ],
        as_of=dt.date(2027, 1, 10),
    )
    evidence = sms.evidence_from(sms.example("five-step"), audit=audit)
    assert evidence.sources("accounts_in_use") == (sms.Source.PLAN, sms.Source.AUDIT)
    assert [p.where for p in evidence.proofs if p.source is sms.Source.AUDIT] == [
        "accounts[0]",
        "accounts",
    ]
    assert sms.assess(evidence).stage is sms.Stage.EXPERIMENTAL
    idle = attrs.evolve(audit, accounts=(attrs.evolve(audit.accounts[0], last_post=None),))
    assert sms.evidence_from(sms.example("five-step"), audit=idle).sources("accounts_in_use") == (
        sms.Source.PLAN,
    )


def test_an_empty_policy_is_no_policy_and_training_must_be_written():
    """A policy with no rules, or a team without training, shows nothing."""
    plan = sms.example("eight-step")
    bare = attrs.evolve(plan, ark=attrs.evolve(plan.ark, policy=sms.Policy()))
    assert not sms.evidence_from(bare).holds("policy")
    untrained = attrs.evolve(
        plan, ark=attrs.evolve(plan.ark, team=sms.Team(members=plan.ark.team.members))
    )
    evidence = sms.evidence_from(untrained)
    assert not evidence.holds("training")
    assert not evidence.holds("skills_across")


@given(st.data(), st.sampled_from(ALL_FRAMEWORKS))
def test_any_plan_with_any_results_is_placed(data, cls):
    """Evidence is read from any plan of any framework, with any results, and placed."""
    plan = data.draw(plans(cls))
    found = data.draw(results(plan))
    as_of = None if found.latest else dt.date(2027, 1, 1)
    position = sms.assess(sms.evidence_from(plan, found, as_of=as_of))
    assert position.unknown == ()
    assert_tables_are_rectangular(PARSER.parse(sms.render(position)))


# --- the claim a plan makes -----------------------------------------------------------------


def test_claimed_stage_is_checked_against_what_is_known():
    """A claim above the placement is flagged, naming the missing signs; a fair one is not."""
    plan = attrs.evolve(sms.example("five-step"), stage=sms.Stage.OPERATIONAL)
    [finding] = sms.check(plan)
    assert (finding.code, finding.path) == ("SMS241", "stage")
    assert finding.message.startswith(
        "The plan claims the operational stage, but what is known of it shows experimental. "
        "Missing: Accounts are in use and posts go out, The people who post are trained, "
    )
    found = sms.example_results("five-step")
    assert sms.check(plan, results=found, select="SMS241").codes == ()
    for key in ("five-step", "eight-step", "popt", "roadmap"):
        supported = sms.assess(sms.evidence_from(sms.example(key))).stage
        claim = attrs.evolve(sms.example(key), stage=supported)
        assert sms.check(claim, select="SMS241").codes == (), key


@given(st.sampled_from(["five-step", "eight-step", "popt", "roadmap"]), st.sampled_from(STAGES))
def test_a_claim_the_evidence_supports_is_never_flagged(key, stage):
    """SMS241 fires exactly when the claim is above the placement of all that is known."""
    plan = attrs.evolve(sms.example(key), stage=stage)
    found = sms.example_results(key)
    placed = sms.assess(sms.evidence_from(plan, found)).stage
    fired = sms.check(plan, results=found, select="SMS241").codes == ("SMS241",)
    assert fired == (stage > placed)


# --- several voices -------------------------------------------------------------------------


def test_views_are_placed_side_by_side_with_their_differences():
    """Each view is placed; the signs they share and those they differ on are listed."""
    views = sms.assess_views(
        {
            "us": up_to(sms.Stage.OPERATIONAL),
            "team": up_to(sms.Stage.EXPERIMENTAL),
            "customers": sms.Evidence.of("accounts_in_use", "tactics_tried"),
        }
    )
    assert views.names == ("us", "team", "customers")
    assert [views.position(n).stage for n in views.names] == [
        sms.Stage.OPERATIONAL,
        sms.Stage.EXPERIMENTAL,
        sms.Stage.EXPERIMENTAL,
    ]
    assert not views.agree
    assert [s.name for s in views.shared] == ["accounts_in_use", "tactics_tried"]
    first = views.differences[0]
    assert (first.sign.name, first.holding, first.lacking) == (
        "some_planning",
        ("us", "team"),
        ("customers",),
    )
    assert sms.assess_views({"one": sms.Evidence()}).agree


def test_answers_to_the_signs_questions_make_the_voices_views():
    """Scores of 4 or more to a sign's question show the sign in that voice's view."""
    on = dt.date(2027, 5, 1)

    def answer(voice, sign, score):
        return sms.Feedback(question=sign.question, voice=voice, on=on, score=score)

    found = sms.Results(
        feedback=[
            answer(sms.Voice.US, SIGNS[0], 5),
            answer(sms.Voice.US, SIGNS[1], 3),
            answer(sms.Voice.CUSTOMERS, SIGNS[0], 4),
            answer(sms.Voice.CUSTOMERS, SIGNS[0], 5),
            answer(sms.Voice.CUSTOMERS, SIGNS[1], 4),
            sms.Feedback(question="Anything else?", voice=sms.Voice.TEAM, on=on, score=5),
            sms.Feedback(question=SIGNS[2].question, voice=sms.Voice.TEAM, on=on, answer="yes"),
        ]
    )
    views = sms.views_from(found)
    assert list(views) == ["us", "customers"]
    assert views["us"] == sms.Evidence.of("accounts_in_use")
    assert views["customers"] == sms.Evidence.of("accounts_in_use", "tactics_tried")
    lenient = attrs.evolve(sms.Guidelines(), view_score=3)
    assert sms.views_from(found, guidelines=lenient)["us"].holds("tactics_tried")


# --- rendering ------------------------------------------------------------------------------


@pytest.mark.parametrize("reached", STAGES)
def test_journey_map_marks_the_current_stage(reached):
    """The journey map shows every stage with its score, the place, the evidence and steps."""
    position = sms.assess(up_to(reached))
    tokens = PARSER.parse(sms.render(position))
    assert headings(tokens, "h1") == ["Social media journey"]
    assert headings(tokens, "h2") == ["Stages", "Evidence", "Next steps"]
    stages, evidence = tables(tokens)
    assert [row[0] for row in stages[1:]] == [s.label for s in STAGES]
    assert [row[2] for row in stages[1:]] == [
        "\u25b6 you are here" if s is position.stage else "" for s in STAGES
    ]
    assert [row[2] for row in evidence[1:]] == [
        "yes (view)" if s in position.holding else "no" for s in SIGNS
    ]
    items = [t for t in tokens if t.type == "list_item_open"]
    assert len(items) == len(position.next_steps)


def test_journey_map_says_which_signs_are_not_known_or_only_intended():
    """A plan alone leaves facts unknown; a plan's intention where facts are needed says so."""
    alone = sms.render(sms.assess(sms.evidence_from(sms.example("five-step"))))
    assert "| Accounts are in use and posts go out | Experimental | not known |" in alone
    assert "Not known without results or an audit: Accounts are in use" in alone
    found = sms.example_results("five-step")
    late = sms.evidence_from(sms.example("five-step"), found, as_of=dt.date(2027, 9, 30))
    text = sms.render(sms.assess(late))
    assert "| Accounts are in use and posts go out | Experimental | no: only in the plan |" in text


def test_journey_map_at_high_impact_says_to_keep_adjusting():
    """At the last stage the map has no steps to list, and says so."""
    text = sms.render(sms.assess(up_to(sms.Stage.HIGH_IMPACT)))
    assert "High impact is the last stage" in text


@pytest.mark.parametrize("lang", ["en", "nb", "fi"])
@given(st.lists(st.tuples(texts(max_size=20), signs), min_size=1, max_size=4))
def test_the_map_of_views_renders_for_any_voices(lang, voices):
    """Any names and views give a map with a column per voice, names kept as text."""
    views = {name: sms.Evidence.of(*held) for name, held in voices}
    tokens = PARSER.parse(sms.render(sms.assess_views(views), lang=lang))
    assert_tables_are_rectangular(tokens)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or ()}
    assert not kinds & {"html_block", "html_inline", "link_open", "image"}
    stages, evidence = tables(tokens)
    assert len(stages[0]) == len(views) + 3
    assert len(evidence[0]) == len(views) + 2


def test_hostile_voice_names_stay_text():
    """A voice called like Markdown or HTML is a header and a line, nothing more."""
    evil = "# <b>us</b> | [x](javascript:y)"
    text = sms.render(
        sms.assess_views({evil: sms.Evidence(), "team": up_to(sms.Stage.EXPERIMENTAL)})
    )
    tokens = PARSER.parse(text)
    stages, _ = tables(tokens)
    assert stages[0][1] == evil
    assert headings(tokens, "h2") == ["Stages", "Evidence", "Where the views differ"]
    page = sms.render(sms.assess_views({evil: sms.Evidence()}), "html")
    assert "<b>" not in page
    assert "Every view sees the same signs." in page


# --- the audit ------------------------------------------------------------------------------

AS_OF = dt.date(2027, 1, 10)


def account(**changes):
    """Return a sound account with *changes*."""
    base = sms.Account(
        platform=sms.Platform.INSTAGRAM,
        handle="@fjordcoffee",
        owner="Ingrid Dahl",
        last_post=dt.date(2027, 1, 8),
        followers=2400,
    )
    return attrs.evolve(base, **changes)


def test_abandoned_is_judged_on_the_date_given():
    """An account is abandoned after more days than the guideline, counted to as_of."""
    on_the_day = account(last_post=AS_OF - dt.timedelta(days=90))
    one_more = account(last_post=AS_OF - dt.timedelta(days=91))
    assert sms.check(sms.Audit(accounts=[on_the_day], as_of=AS_OF)).codes == ()
    [finding] = sms.check(sms.Audit(accounts=[one_more], as_of=AS_OF))
    assert finding.code == "SMS401"
    assert finding.message == "The account \u201c@fjordcoffee\u201d has not posted for 91 days."
    later = sms.Audit(accounts=[on_the_day], as_of=AS_OF + dt.timedelta(days=1))
    assert sms.check(later).codes == ("SMS401",)
    lenient = attrs.evolve(sms.Guidelines(), abandoned_after_days=365)
    assert sms.check(sms.Audit(accounts=[one_more], as_of=AS_OF), guidelines=lenient).ok


def test_audit_without_a_plan_does_not_judge_networks():
    """With no plan to compare with, no account is off the plan."""
    audit = sms.Audit(accounts=[account(platform=sms.Platform.TIKTOK)], as_of=AS_OF)
    assert audit.plan_platforms is None
    assert sms.check(audit).codes == ()


def test_audit_of_takes_the_networks_from_the_plan():
    """Audit.of collects the networks of the plan's channels."""
    audit = sms.Audit.of([account()], as_of=AS_OF, plan=sms.example("popt"))
    assert audit.plan_platforms == (sms.Platform.INSTAGRAM, sms.Platform.FACEBOOK)
    assert sms.Audit.of([account()], as_of=AS_OF).plan_platforms is None


def test_audit_report_has_the_report_shape():
    """An audit's findings come in a Report, keyed 'audit', in account order."""
    audit = sms.Audit(
        accounts=[account(owner=""), account(handle="@second", last_post=None)], as_of=AS_OF
    )
    report = sms.check(audit)
    assert isinstance(report, sms.Report)
    assert (report.framework, report.title) == ("audit", "Social media audit, 2027-01-10")
    assert [(f.code, f.path) for f in report] == [
        ("SMS403", "accounts[0]"),
        ("SMS401", "accounts[1]"),
        ("SMS402", "accounts[1]"),
    ]


def test_account_rules_need_an_audit_for_dates():
    """Accounts inside a plan are not judged on dates, which only an audit gives."""
    from smstrategy.rules import Context, Index
    from smstrategy.rules.catalogue import _abandoned

    plan = sms.example()
    context = Context(plan, sms.Guidelines(), Index(plan))
    assert list(_abandoned(account(last_post=None), context)) == []


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: sms.Audit(accounts=[account(), account()], as_of=AS_OF), "each network and"),
        (lambda: sms.Audit(accounts=[], as_of="2027-01-10"), "Audit.as_of: expected a date"),
        (lambda: account(handle=""), "Account.handle: expected text with a visible character"),
        (lambda: account(followers=-1), "Account.followers: expected a whole number"),
        (lambda: sms.Audit(accounts=[], as_of=AS_OF, plan_platforms=["x"]), "Audit.plan_platf"),
    ],
)
def test_audit_invariants(build, message):
    """Audits and accounts hold the same kind of invariants as plans."""
    with pytest.raises(sms.SmstrategyError, match=message):
        build()


def test_audit_renders_the_accounts_and_the_findings():
    """An audit renders as a table of accounts and a table of findings."""
    audit = sms.Audit.of(
        [account(), account(platform=sms.Platform.X, handle="@old", owner="", last_post=None)],
        as_of=AS_OF,
        plan=sms.example(),
    )
    tokens = PARSER.parse(sms.render(audit))
    assert headings(tokens, "h1") == ["Social media audit, 2027-01-10"]
    accounts, findings = tables(tokens)
    assert accounts[0] == ["Network", "Handle", "Owner", "Last post", "Followers", "Fits the brand"]
    assert [row[1] for row in accounts[1:]] == ["@fjordcoffee", "@old"]
    assert accounts[2][2:4] == ["\u2014", "\u2014"]
    assert [row[1] for row in findings[1:]] == ["SMS401", "SMS403", "SMS404"]
    assert "<table>" in sms.render(audit, "html")


def test_empty_and_clean_audits_render():
    """An audit with no accounts, or no findings, says so."""
    assert "No accounts were found." in sms.render(sms.Audit(accounts=[], as_of=AS_OF))
    assert "No findings: every account" in sms.render(sms.Audit(accounts=[account()], as_of=AS_OF))


def test_a_step_that_cannot_be_blank_counts_as_written():
    """A step whose content type needs arguments is never an empty step."""
    steps = five_step_contents()
    plan = FiveStepWithOwner(title="t", owner=Owner(name="Ingrid"), **steps)
    assert sms.evidence_from(plan).holds("written_strategy")


def test_what_a_plan_and_thin_results_do_not_show():
    """Untargeted goals, goal-less channels and thin results show none of those signs."""
    plan = sms.example("popt")
    goals = (sms.Goal(statement="Be liked", metrics=(sms.Metric(name="reach"),)),)
    lone = attrs.evolve(plan.tactics.channels[0], goals=())
    plan = attrs.evolve(
        plan,
        objectives=sms.Objectives(goals=goals),
        tactics=attrs.evolve(plan.tactics, channels=(lone,)),
    )
    found = sms.Results(
        observations=[
            sms.Observation(metric="reach", on=dt.date(2027, 1, 31), value=5),
            sms.Observation(metric="reach", on=dt.date(2027, 2, 28), value=4),
        ]
    )
    evidence = sms.evidence_from(plan, found)
    for name in ("measurable_goals", "aligned_efforts", "tactics_tried", "first_results"):
        assert not evidence.holds(name), name
    assert not evidence.holds("tools_in_place")
    assert evidence.holds("accounts_in_use")
