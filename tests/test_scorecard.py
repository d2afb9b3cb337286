"""The scorecard: the pace model, what is working, feedback, the results checks, rendering."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import smstrategy as sms
from custom_frameworks import ALL_FRAMEWORKS, Control, sostac_example
from smstrategy import pace
from smstrategy.__main__ import main
from smstrategy.strategies import plans, results
from test_render import PARSER, assert_tables_are_rectangular, headings, tables

KEYS = ["five-step", "eight-step", "popt", "roadmap"]
START = dt.date(2027, 1, 1)
DEADLINE = dt.date(2027, 12, 31)  # 364 days after START
HALFWAY = START + dt.timedelta(days=182)
POPT = sms.example("popt")


def one_goal(*metrics: sms.Metric, deadline: dt.date | None = DEADLINE) -> sms.Popt:
    """Return the popt example with one goal measured by *metrics*."""
    goal = sms.Goal(statement="Grow", kind=sms.GoalKind.OTHER, metrics=metrics, deadline=deadline)
    return attrs.evolve(POPT, objectives=sms.Objectives(goals=(goal,)))


def observed(metric: str, *points: tuple[dt.date, float], **tags: object) -> list[sms.Observation]:
    return [sms.Observation(metric=metric, on=day, value=value, **tags) for day, value in points]


def score_of(plan, found, as_of):
    card = sms.scorecard(plan, sms.Results(observations=found), as_of=as_of)
    return card.goals[0].metrics[0] if card.goals else card.metrics[0]


REACH = sms.Metric(name="reach", target=100, baseline=0)


# --- the worked example -----------------------------------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_the_example_shows_a_met_goal_on_track_behind_and_stale(key):
    """The example results show a met goal, an on-track metric, one behind and one stale."""
    card = sms.scorecard(sms.example(key), sms.example_results(key))
    assert card.as_of == dt.date(2027, 5, 31)
    awareness, sales = card.goals
    assert awareness.status is sms.Status.MET
    by_name = {s.metric.name: s for s in card.scores}
    assert by_name["subscription conversions from social"].status is sms.Status.ON_TRACK
    assert by_name["cost per subscription from social"].status is sms.Status.BEHIND
    assert by_name["branded searches"].stale
    assert sales.status is sms.Status.BEHIND
    assert [f.code for f in card.findings] == ["SMS602", "SMS601", "SMS606"]


def test_the_example_figures_follow_the_pace_model():
    """Progress, pace, trend and forecast of the example are what the model says."""
    card = sms.scorecard(sms.example("five-step"), sms.example_results("five-step"))
    conversions = card.goals[1].metrics[0]
    assert conversions.start == dt.date(2026, 6, 30)
    assert conversions.baseline == 0  # no baseline in the plan: the first value
    assert conversions.progress == pytest.approx(186 / 300)
    assert conversions.expected == pytest.approx(335 / 549)
    reach = card.goals[0].metrics[0]
    assert reach.baseline == 12_000  # the plan's baseline
    assert reach.latest == 40_800
    assert reach.observations == 12


def test_the_roadmap_scores_metrics_outside_its_goals():
    """The roadmap's survey metrics, outside any goal, are scored without a pace."""
    card = sms.scorecard(sms.example("roadmap"), sms.example_results("roadmap"))
    assert [(s.metric.name, s.status, s.expected) for s in card.metrics] == [
        ("aided brand awareness", sms.Status.ON_TRACK, None),
        ("people planning to buy", sms.Status.MET, None),
    ]


# --- the pace model ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("latest", "status"),
    [
        (100, sms.Status.MET),
        (61, sms.Status.AHEAD),
        (59, sms.Status.ON_TRACK),
        (46, sms.Status.ON_TRACK),
        (44, sms.Status.AT_RISK),
        (31, sms.Status.AT_RISK),
        (29, sms.Status.BEHIND),
        (-5, sms.Status.BEHIND),
    ],
)
def test_status_at_every_threshold_halfway_to_the_deadline(latest, status):
    """Halfway through, progress is held against a pace of 50 % with the guideline margins."""
    found = observed("reach", (START, 0), (HALFWAY, latest))
    score = score_of(one_goal(REACH), found, HALFWAY)
    assert score.expected == 0.5
    assert score.progress == latest / 100
    assert score.status is status


def test_missed_no_data_and_no_target():
    """Past the deadline an unmet target is missed; no value is no data; no target, no status."""
    late = DEADLINE + dt.timedelta(days=1)
    assert score_of(one_goal(REACH), observed("reach", (START, 90)), late).status is (
        sms.Status.MISSED
    )
    assert score_of(one_goal(REACH), observed("reach", (START, 100)), late).status is (
        sms.Status.MET
    )
    assert score_of(one_goal(REACH), [], START).status is sms.Status.NO_DATA
    untargeted = sms.Metric(name="reach")
    score = score_of(one_goal(untargeted), observed("reach", (START, 5)), START)
    assert (score.status, score.progress, score.latest) == (None, None, 5)


def test_without_a_deadline_the_trend_decides():
    """A metric with no deadline is on track unless its trend moves away from the target."""
    plan = one_goal(REACH, deadline=None)
    rising = observed("reach", (START, 10), (HALFWAY, 20))
    falling = observed("reach", (START, 20), (HALFWAY, 10))
    assert score_of(plan, rising, HALFWAY).status is sms.Status.ON_TRACK
    assert score_of(plan, falling, HALFWAY).status is sms.Status.AT_RISK
    assert score_of(plan, falling[:1], HALFWAY).status is sms.Status.ON_TRACK


def test_lower_is_better_targets_are_met_from_above():
    """An at-most target is met at or below it, and progress runs downward."""
    cost = sms.Metric(
        name="cost per lead", target=50, comparison=sms.Comparison.AT_MOST, baseline=80
    )
    assert not cost.higher_is_better
    score = score_of(one_goal(cost), observed("cost per lead", (START, 90), (HALFWAY, 65)), HALFWAY)
    assert score.progress == 0.5
    assert score.status is sms.Status.ON_TRACK
    assert score_of(one_goal(cost), observed("cost per lead", (HALFWAY, 50)), HALFWAY).status is (
        sms.Status.MET
    )


def test_a_target_behind_the_baseline_counts_as_all_or_nothing():
    """A target already passed at the start gives progress 1 when met, 0 when not."""
    assert pace.progress(sms.Metric(name="m", target=10), baseline=20, latest=15) == 1.0
    assert pace.progress(sms.Metric(name="m", target=10), baseline=20, latest=5) == 0.0
    assert pace.elapsed(START, START, START) == 1.0
    assert pace.elapsed(START, DEADLINE, START - dt.timedelta(days=9)) == 0.0


def test_trend_is_the_least_squares_change_per_week_and_forecast_follows_it():
    """The trend fits a line to the newest observations; the forecast extends it to the deadline."""
    weeks = [START + dt.timedelta(weeks=i) for i in range(10)]
    points = [(day, 5 * i + (1 if i % 2 else 0)) for i, day in enumerate(weeks)]
    score = score_of(one_goal(REACH), observed("reach", *points), weeks[-1])
    newest = points[-6:]  # trend_observations = 6
    xs = [(d - newest[0][0]).days / 7 for d, _ in newest]
    ys = [v for _, v in newest]
    mx, my = sum(xs) / 6, sum(ys) / 6
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )
    assert score.trend == pytest.approx(slope)
    weeks_left = (DEADLINE - weeks[-1]).days / 7
    assert score.forecast == pytest.approx(points[-1][1] + slope * weeks_left)


def test_a_goals_status_is_the_worst_of_its_metrics():
    """One metric behind makes the goal behind, whatever the others do."""
    other = sms.Metric(name="visits", target=10)
    found = [*observed("reach", (START, 0), (HALFWAY, 10)), *observed("visits", (HALFWAY, 12))]
    card = sms.scorecard(one_goal(REACH, other), sms.Results(observations=found), as_of=HALFWAY)
    assert [s.status for s in card.goals[0].metrics] == [sms.Status.BEHIND, sms.Status.MET]
    assert card.goals[0].status is sms.Status.BEHIND
    assert card.counts[sms.Status.BEHIND] == 1


def test_which_observations_count():
    """Later values do not count; a goal's own values win; parts add up when there is no whole."""
    plan = one_goal(REACH)
    later = observed("reach", (START, 10), (HALFWAY, 99))
    assert score_of(plan, later, START + dt.timedelta(days=1)).latest == 10
    mine = [*observed("reach", (START, 10)), *observed("reach", (START, 30), goal=" grow ")]
    assert score_of(plan, mine, START).latest == 30
    parts = [
        *observed("reach", (START, 10), channel="instagram"),
        *observed("reach", (START, 5), channel="facebook"),
    ]
    assert score_of(plan, parts, START).latest == 15
    assert sms.scorecard(plan, sms.Results(observations=later)).as_of == HALFWAY


# --- properties -------------------------------------------------------------------------------

metric_setups = st.fixed_dictionaries(
    {
        "target": st.integers(0, 10**6),
        "baseline": st.none() | st.integers(0, 10**6),
        "deadline": st.none() | st.dates(dt.date(2026, 1, 1), dt.date(2028, 12, 31)),
        "values": st.lists(
            st.tuples(
                st.dates(dt.date(2025, 1, 1), dt.date(2028, 12, 31)), st.integers(-(10**6), 10**6)
            ),
            min_size=1,
            max_size=12,
            unique_by=lambda point: point[0],
        ),
        "as_of": st.dates(dt.date(2025, 1, 1), dt.date(2029, 12, 31)),
    }
)


def setup_score(setup, comparison, mirror=None):
    """Score one metric set up by *setup*; *mirror* maps targets and values to their mirror."""
    flip = mirror or (lambda x: x)
    metric = sms.Metric(
        name="m",
        target=flip(setup["target"]),
        comparison=comparison,
        baseline=None if setup["baseline"] is None else flip(setup["baseline"]),
    )
    found = observed("m", *((day, flip(value)) for day, value in setup["values"]))
    return score_of(one_goal(metric, deadline=setup["deadline"]), found, setup["as_of"])


@given(
    metric_setups,
    st.integers(0, 10**6),
    st.sampled_from([sms.Comparison.AT_LEAST, sms.Comparison.AT_MOST]),
)
def test_more_progress_never_gives_a_worse_status(setup, gain, comparison):
    """Improving the latest value, in the direction that is better, never worsens the status."""
    before = setup_score(setup, comparison)
    if before.latest_on is None:
        return
    better = [
        (day, value + comparison.direction * gain if day == before.latest_on else value)
        for day, value in setup["values"]
    ]
    after = setup_score({**setup, "values": better}, comparison)
    assert after.status.rank >= before.status.rank


MIRROR = 2 * 10**6


@given(metric_setups)
def test_lower_is_better_mirrors_higher_is_better(setup):
    """An at-most metric scores as the at-least metric of its mirrored values."""
    lower = setup_score(setup, sms.Comparison.AT_MOST)
    higher = setup_score(setup, sms.Comparison.AT_LEAST, mirror=lambda x: MIRROR - x)
    assert lower.status is higher.status
    assert lower.progress == higher.progress
    assert lower.expected == higher.expected
    assert (lower.trend is None) == (higher.trend is None)
    if lower.trend is not None:
        assert lower.trend == pytest.approx(-higher.trend, abs=1e-6)


@settings(max_examples=40)
@given(st.data(), st.sampled_from(ALL_FRAMEWORKS))
def test_the_scorecard_never_raises_on_a_valid_plan_with_valid_results(data, cls):
    """Any plan of any framework, with any results, gets a scorecard and a rendered page."""
    plan = data.draw(plans(cls))
    found = data.draw(results(plan))
    as_of = data.draw(st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2060, 12, 31)))
    if as_of is None and found.latest is None:
        as_of = dt.date(2027, 1, 1)
    card = sms.scorecard(plan, found, as_of=as_of)
    assert len(card.scores) == sum(len(g.goal.metrics) for g in card.goals) + len(card.metrics)
    tokens = PARSER.parse(sms.render(card))
    assert_tables_are_rectangular(tokens)
    assert sms.check(plan, results=found, as_of=card.as_of, select="SMS6").findings == (
        card.findings
    )


def test_a_custom_framework_gets_a_scorecard_with_no_extra_code():
    """SOSTAC, declared as a user would, is scored, checked and rendered like a built-in."""
    plan = attrs.evolve(
        sostac_example(), control=Control(metrics=(sms.Metric(name="web visits", target=900),))
    )
    found = sms.example_results("five-step")
    found = attrs.evolve(
        found, observations=(*found.observations, *observed("web visits", (START, 950)))
    )
    card = sms.scorecard(plan, found)
    assert [g.path for g in card.goals] == ["objectives.goals[0]", "objectives.goals[1]"]
    assert [(s.path, s.status) for s in card.metrics] == [("control.metrics[0]", sms.Status.MET)]
    assert card.working[0].path == "strategy.channels[0]"
    text = sms.render(card)
    assert text.startswith("# Scorecard: Fjord Coffee: SOSTAC")


# --- what is working --------------------------------------------------------------------------


def test_channels_are_compared_per_post_and_per_hour():
    """A channel's outcome a week is set against its cadence and its minutes per post."""
    plan = sms.example("five-step")  # Instagram 5 a week at 30 min, Facebook 3 at 20 min
    months = [dt.date(2027, 1, 31), dt.date(2027, 2, 28), dt.date(2027, 3, 28)]  # 28-day periods
    found = [
        *observed("monthly reach in Bergen", *((d, 2800) for d in months), channel="@fjordcoffee"),
        *observed("monthly reach in Bergen", *((d, 1200) for d in months), channel="Facebook"),
    ]
    card = sms.scorecard(plan, sms.Results(observations=found))
    facebook, instagram = card.working  # best per hour first
    assert (facebook.name, facebook.rank, instagram.rank) == ("Facebook Fjord Coffee Bergen", 1, 2)
    assert instagram.per_week == 700
    assert instagram.per_post == 140
    assert instagram.per_hour == 280
    assert (facebook.per_week, facebook.per_post, facebook.per_hour) == (300, 100, 300)
    assert card.planned_hours == 3.5


def test_lower_is_better_parts_rank_lowest_first_and_categories_use_the_mix():
    """For a cost, the cheapest part ranks first; categories take their share of the posts."""
    plan = sms.example("five-step")
    cost = "cost per subscription from social"
    found = [
        *observed(cost, (START, 300), category=sms.ContentCategory.PROMOTIONAL),
        *observed(cost, (START, 100), category=sms.ContentCategory.ENGAGEMENT),
        *observed(cost, (START, 200), channel="instagram"),
    ]
    card = sms.scorecard(plan, sms.Results(observations=found), as_of=START)
    categories = [p for p in card.working if p.by == "category"]
    assert [(p.name, p.rank) for p in categories] == [("engagement", 1), ("promotional", 2)]
    promotional = categories[1]
    assert promotional.posts_per_week == 8 * 0.25  # 8 posts a week, 25 % promotional
    assert promotional.hours_per_week == pytest.approx((5 * 30 + 3 * 20) * 0.25 / 60)
    assert promotional.per_week == 300 * 7 / 28  # one value: the review period is the period


def test_a_silent_channel_has_no_rate_and_ranks_last():
    """A channel with no cadence has no rate per post or hour, and ranks after those with one."""
    plan = sms.example("five-step")
    silent = attrs.evolve(plan.technology.channels[1], cadence=0)
    plan = attrs.evolve(
        plan,
        technology=attrs.evolve(plan.technology, channels=(plan.technology.channels[0], silent)),
    )
    found = [
        *observed("monthly reach in Bergen", (START, 9000), channel="facebook"),
        *observed("monthly reach in Bergen", (START, 100), channel="instagram"),
    ]
    card = sms.scorecard(plan, sms.Results(observations=found), as_of=START)
    assert [(p.name, p.per_hour is None, p.rank) for p in card.working] == [
        ("Instagram @fjordcoffee", False, 1),
        ("Facebook Fjord Coffee Bergen", True, 2),
    ]
    assert sms.check(plan, results=sms.Results(observations=found), select="SMS606").codes == ()


# --- feedback ---------------------------------------------------------------------------------


def test_feedback_is_summarised_per_question_and_voice():
    """Count, mean score and the newest answers, per question and voice, in voice order."""
    card = sms.scorecard(sms.example("five-step"), sms.example_results("five-step"))
    summaries = {(f.question, f.voice): f for f in card.feedback}
    enjoy = summaries["What do you enjoy in our posts?", sms.Voice.CUSTOMERS]
    assert (enjoy.answers, enjoy.mean_score) == (2, 4.5)
    assert [a.on for a in enjoy.latest] == [dt.date(2027, 5, 20), dt.date(2027, 4, 18)]
    assert [f.voice for f in card.feedback] == [
        sms.Voice.US,
        sms.Voice.TEAM,
        sms.Voice.CUSTOMERS,
        sms.Voice.CUSTOMERS,
    ]
    assert (
        summaries["Which posts started conversations, and why?", sms.Voice.TEAM].mean_score is None
    )


# --- the results checks -----------------------------------------------------------------------

FIVE = sms.example("five-step")
RESULTS = sms.example_results("five-step")
MAY = dt.date(2027, 5, 31)


def with_observations(*extra, drop=()):
    kept = [o for o in RESULTS.observations if o.metric not in drop]
    return attrs.evolve(RESULTS, observations=(*kept, *extra))


BREAKING = [
    ("SMS601", RESULTS, "direction.goals[1].metrics[1]"),
    ("SMS602", RESULTS, "direction.goals[0].metrics[1]"),
    (
        "SMS603",
        with_observations(drop=("subscription conversions from social",)),
        "direction.goals[1].metrics[0]",
    ),
    (
        "SMS605",
        with_observations(*observed("monthly rech in Bergen", (MAY, 5))),
        f"results.observations[{len(RESULTS.observations)}]",
    ),
    ("SMS606", RESULTS, "technology.channels[1]"),
    (
        "SMS607",
        attrs.evolve(RESULTS, feedback=RESULTS.feedback[:3]),
        "assessment.questions_for_customers[1]",
    ),
]


@pytest.mark.parametrize(("code", "found", "path"), BREAKING, ids=[c for c, _, _ in BREAKING])
def test_each_results_check_fires_where_it_should(code, found, path):
    """Each SMS6xx rule reports its finding at the path it concerns, with the rule's severity."""
    report = sms.check(FIVE, results=found, select=code)
    assert [(f.code, f.path) for f in report] == [(code, path)]
    rule = {r.code: r for r in sms.registered_rules()}[code]
    assert report.findings[0].severity is rule.severity


def test_a_missed_deadline_is_an_error():
    """After the sales deadline, an unmet target is an error: the plan must be revised."""
    late = dt.date(2028, 1, 1)
    extra = observed("subscription conversions from social", (late, 250))
    report = sms.check(FIVE, results=with_observations(*extra), as_of=late, select="SMS604")
    assert [(f.code, f.path, f.severity) for f in report] == [
        ("SMS604", "direction.goals[1].metrics[0]", sms.Severity.ERROR),
        ("SMS604", "direction.goals[1].metrics[1]", sms.Severity.ERROR),
    ]
    assert "2027-12-31" in report.findings[0].message
    assert not report.ok


GOAL_TYPO = "Becom the coffee that people in Bergen name first"


def test_unknown_names_are_errors_with_a_suggestion():
    """A misspelt metric, goal or channel is one error per name, suggesting the closest."""
    found = with_observations(
        *observed("monthly rech in Bergen", (MAY, 5), (START, 6)),
        *observed("reach", (MAY, 5), goal=GOAL_TYPO),
        *observed("monthly reach in Bergen", (MAY, 5), channel="tiktok"),
    )
    report = sms.check(FIVE, results=found, select="SMS605")
    missing = "which the plan does not have."
    assert [f.message for f in report] == [
        f"The results name the metric \u201cmonthly rech in Bergen\u201d, {missing}",
        f"The results name the metric \u201creach\u201d, {missing}",
        f"The results name the goal \u201c{GOAL_TYPO}\u201d, {missing}",
        f"The results name the channel \u201ctiktok\u201d, {missing}",
    ]
    assert report.findings[0].hint == (
        "Did you mean \u201cmonthly reach in Bergen\u201d? "
        "Otherwise correct the name in the results."
    )
    rule = {r.code: r for r in sms.registered_rules()}["SMS605"]
    assert report.findings[3].hint == rule.hint  # nothing close to suggest


def test_the_example_plans_keep_every_results_check_but_the_ones_the_data_shows():
    """With their example results, the plans trip only the stale, behind and per-hour checks."""
    for key in KEYS:
        report = sms.check(sms.example(key), results=sms.example_results(key))
        assert sorted(report.codes) == ["SMS601", "SMS602", "SMS606"], key


def test_results_checks_need_results():
    """Without results the SMS6xx rules say nothing, and as_of alone is refused."""
    assert sms.check(FIVE, select="SMS6").findings == ()
    with pytest.raises(sms.InvalidFieldValueError, match=r"check\.as_of: expected no date"):
        sms.check(FIVE, as_of=MAY)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: sms.scorecard("plan", RESULTS), TypeError, "scorecard.plan: expected a plan"),
        (lambda: sms.scorecard(FIVE, [1]), TypeError, "scorecard.results: expected a Results"),
        (
            lambda: sms.scorecard(FIVE, RESULTS, guidelines={}),
            TypeError,
            "scorecard.guidelines: expected a Guidelines value",
        ),
        (
            lambda: sms.scorecard(FIVE, sms.Results()),
            ValueError,
            "scorecard.as_of: expected a date (the results hold no date to take it from)",
        ),
        (
            lambda: sms.scorecard(FIVE, RESULTS, as_of="2027-05-31"),
            TypeError,
            "scorecard.as_of: expected a date (datetime.date)",
        ),
        (lambda: sms.check(FIVE, results={}), TypeError, "check.results: expected a Results"),
        (
            lambda: sms.check(sms.Audit(accounts=(), as_of=MAY), results=RESULTS),
            TypeError,
            "check.plan: expected a plan, to hold results against",
        ),
        (
            lambda: attrs.evolve(sms.Guidelines(), pace_tolerance=0.3),
            ValueError,
            "Guidelines.pace_at_risk: expected at least pace_tolerance (0.3), got 0.2",
        ),
        (lambda: sms.example_results("sostac"), LookupError, "no framework is registered"),
    ],
)
def test_bad_arguments_raise_clear_errors(call, error, message):
    """Wrong arguments name the function, the argument, what was expected and what came."""
    with pytest.raises(error) as info:
        call()
    assert str(info.value).startswith(message)


def test_an_empty_plan_with_results_is_scored_and_checked():
    """With no metrics and only unknown names, the card is empty and the check lists the names."""
    found = sms.Results(observations=observed("reach", (START, 1)))
    plan = sms.Popt(
        title="Empty",
        purpose=sms.Purpose(),
        objectives=sms.Objectives(),
        priorities=sms.Priorities(),
        tactics=sms.Tactics(),
    )
    card = sms.scorecard(plan, found)
    assert (card.goals, card.metrics, card.working, card.planned_hours) == ((), (), (), None)
    assert sms.check(plan, results=found, select="SMS6").codes == ("SMS605",)
    assert "The plan has no goals." in sms.render(card)


def test_answers_count_only_within_the_review_period_even_near_the_first_date():
    """SMS607 looks back one review period, and copes with dates at the start of the calendar."""
    early = dt.date(1, 1, 5)
    found = sms.Results(feedback=[sms.Feedback(question="Q?", voice=sms.Voice.CUSTOMERS, on=early)])
    assert sms.check(FIVE, results=found, select="SMS607").codes == ("SMS607", "SMS607")


# --- rendering --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "nb", "fi"])
@pytest.mark.parametrize("key", KEYS)
def test_the_scorecard_renders_as_markdown_in_every_language(key, lang):
    """One H1, a section per goal, rectangular tables, in each shipped language."""
    card = sms.scorecard(sms.example(key), sms.example_results(key))
    tokens = PARSER.parse(sms.render(card, lang=lang))
    assert len(headings(tokens, "h1")) == 1
    assert [g.goal.statement for g in card.goals] == headings(tokens, "h3")[:2]
    assert_tables_are_rectangular(tokens)
    goals_table = tables(tokens)[0]
    assert len(goals_table) == 1 + len(card.goals)
    word = sms.language(lang).word
    assert goals_table[1][2] == word(sms.Status.MET)


def test_the_scorecard_page_shows_the_figures():
    """Progress, pace, status and the stale mark are written where a reader looks for them."""
    text = sms.render(sms.scorecard(sms.example("five-step"), sms.example_results("five-step")))
    rows = {row[0]: row for table in tables(PARSER.parse(text)) for row in table}
    assert rows["cost per subscription from social"][4:8] == [
        "at most 150 NOK",
        "34%",
        "61%",
        "behind",
    ]
    assert rows["branded searches"][3] == "Apr\u00a030,\u00a02027, stale"
    assert "The channels take about 3.5 hours a week; the time budget is 8." in text
    assert rows["Instagram @fjordcoffee"][-1] == "1"


def test_the_scorecard_is_written_in_norwegian_and_finnish():
    """Headings, statuses and findings come from the catalogs of the language."""
    card = sms.scorecard(sms.example("five-step"), sms.example_results("five-step"))
    nb = sms.render(card, lang="nb")
    fi = sms.render(card, lang="fi")
    assert nb.startswith("# Resultatkort: Fjord Coffee")
    assert fi.startswith("# Tuloskortti: Fjord Coffee")
    assert "| på etterskudd |" in nb
    assert "| jäljessä |" in fi
    assert "har kommet 34\u00a0% av veien" in nb or "har kommet 34 % av veien" in nb
    assert "34\u00a0%" in fi


def test_the_scorecard_renders_as_html_and_through_user_templates():
    """HTML comes from the same Markdown; a user template found by key replaces the layout."""
    card = sms.scorecard(sms.example("popt"), sms.example_results("popt"))
    page = sms.render(card, "html")
    assert page.startswith("<!doctype html>")
    assert "<h1>Scorecard: Fjord Coffee" in page
    mine = {"scorecard/popt.md.j2": "# {{ card.title }}: {{ card.goals|length }} goals"}
    assert sms.render(card, templates=mine) == "# Fjord Coffee: social media plan 2027: 2 goals\n"


def test_hostile_text_in_results_cannot_make_markup():
    """Names and answers that look like Markdown or HTML stay text in every table."""
    evil = "# x | <script>alert(1)</script> [a](javascript:b)"
    found = sms.Results(
        observations=observed("monthly reach in Bergen", (START, 5), channel=evil),
        feedback=[sms.Feedback(question=evil, voice=sms.Voice.CUSTOMERS, on=START, answer=evil)],
    )
    text = sms.render(sms.scorecard(FIVE, found))
    tokens = PARSER.parse(text)
    assert_tables_are_rectangular(tokens)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or ()}
    assert not kinds & {"html_block", "html_inline", "link_open"}
    feedback_table = tables(tokens)[-2]
    assert feedback_table[1][0] == evil
    assert feedback_table[1][4] == evil


# --- the command line -------------------------------------------------------------------------


def run(capsys, *argv):
    status = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def files(tmp_path):
    """Write the five-step plan and its example results, as CSV and as JSON."""
    plan = tmp_path / "plan.json"
    plan.write_text(sms.to_json(FIVE), encoding="utf-8")
    csv = tmp_path / "results.csv"
    csv.write_text(sms.results_to_csv(RESULTS), encoding="utf-8")
    data = tmp_path / "results.json"
    data.write_text(sms.to_json(RESULTS), encoding="utf-8")
    return plan, csv, data


def test_score_prints_each_goal_and_what_to_change(capsys, files):
    """`score PLAN RESULTS` prints a line per goal and metric, then the findings."""
    plan, _, data = files
    status, out, err = run(capsys, "score", plan, data)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Scorecard: Fjord Coffee: social media plan 2027"
    assert "Grow online bean subscriptions: behind" in lines
    assert "  cost per subscription from social: 200 (34%) behind" in lines
    assert any(line.startswith("direction.goals[0].metrics[1]: SMS602 [warning]") for line in lines)


@pytest.mark.parametrize("fmt", ["json", "markdown", "html"])
def test_score_writes_json_markdown_and_html(capsys, files, fmt, tmp_path):
    """The scorecard as JSON data, Markdown or HTML, to a file with -o."""
    plan, csv, _ = files
    out_file = tmp_path / f"card.{fmt}"
    status, out, _ = run(capsys, "score", plan, csv, "--format", fmt, "-o", out_file)
    assert (status, out) == (0, "")
    text = out_file.read_text(encoding="utf-8")
    if fmt == "json":
        data = json.loads(text)
        assert data["goals"][1]["status"] == "behind"
        assert data["as_of"] == "2027-05-31"
    else:
        assert "Scorecard: Fjord Coffee" in text


def test_check_with_results_exits_by_the_errors(capsys, files):
    """`check --results` adds the SMS6xx findings; a missed deadline exits 1."""
    plan, csv, _ = files
    status, out, _ = run(capsys, "check", plan, "--results", csv)
    assert status == 0
    assert "SMS601" in out
    assert "SMS607" in out  # a CSV holds no feedback, so no customer has answered
    status, out, _ = run(capsys, "check", plan, "--results", csv, "--as-of", "2028-03-01")
    assert status == 1
    assert "SMS604" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("check", "{plan}", "--as-of", "2027-05-31"), "smstrategy: --as-of needs --results\n"),
        (("score", "{plan}", "{missing}"), "missing.csv: no such file"),
        (("score", "{plan}", "{bad}"), "not valid results: row 2, column 'value'"),
        (("score", "{plan}", "{plan}"), "not a valid set of results: $: unknown key(s)"),
        (("score", "{plan}", "{empty}"), "scorecard.as_of: expected a date"),
    ],
)
def test_bad_score_input_is_one_line_and_status_2(capsys, files, tmp_path, argv, message):
    """Bad results files are one line on standard error, with status 2."""
    plan, _, _ = files
    bad = tmp_path / "bad.csv"
    bad.write_text("date,metric,value\n2027-01-31,reach,lots\n", encoding="utf-8")
    empty = tmp_path / "empty.csv"
    empty.write_text("date,metric,value\n", encoding="utf-8")
    names = {"plan": plan, "missing": tmp_path / "missing.csv", "bad": bad, "empty": empty}
    status, out, err = run(capsys, *(arg.format(**names) for arg in argv))
    assert (status, out) == (2, "")
    assert message in err
    assert err.count("\n") == 1


def test_a_bad_as_of_date_is_refused_by_the_parser(capsys, files):
    """--as-of takes a date as YYYY-MM-DD."""
    plan, csv, _ = files
    with pytest.raises(SystemExit) as info:
        main(["score", str(plan), str(csv), "--as-of", "31.5.2027"])
    assert info.value.code == 2
    assert "expected a date as YYYY-MM-DD, got '31.5.2027'" in capsys.readouterr().err


# --- languages --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nb", "fi"])
def test_results_findings_are_translated(lang):
    """Every SMS6xx message and hint is written in the language, values filled in."""
    words = sms.language(lang)
    late = dt.date(2028, 1, 1)
    cases = [(c, f) for c, f, _ in BREAKING] + [
        ("SMS604", with_observations(*observed("branded searches", (late, 1))))
    ]
    for code, found in cases:
        as_of = late if code == "SMS604" else None
        [finding, *_] = sms.check(FIVE, results=found, as_of=as_of, select=code)
        message, hint = words.text(finding.message), words.text(finding.hint)
        assert message != finding.message, code
        assert hint != finding.hint, code
        assert "{" not in message


# --- smaller pieces ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "baseline", "text"),
    [
        ("", None, "cost: target at most 50"),
        ("NOK", None, "cost: target at most 50 NOK"),
        ("", 80, "cost: target at most 50 (now 80)"),
        ("NOK", 80, "cost: target at most 50 NOK (now 80)"),
    ],
)
def test_an_at_most_metric_reads_as_a_ceiling(unit, baseline, text):
    """A lower-is-better metric is written with its ceiling, in English and translated."""
    metric = sms.Metric(
        name="cost", target=50, comparison=sms.Comparison.AT_MOST, unit=unit, baseline=baseline
    )
    assert str(metric) == text
    assert "h\u00f8yst 50" in sms.language("nb").text(str(metric))


def test_channels_answer_to_their_name_handle_and_lone_network():
    """Results may name a channel by name or handle, or by network where it has one account."""
    plan = sms.example("five-step")
    second = sms.Channel(platform=sms.Platform.INSTAGRAM, handle="@fjord_beans", cadence=2)
    plain = sms.Channel(platform=sms.Platform.LINKEDIN, cadence=1)
    channels = (*plan.technology.channels, second, plain)
    plan = attrs.evolve(plan, technology=attrs.evolve(plan.technology, channels=channels))
    found = sms.Results(
        observations=[
            *observed("monthly reach in Bergen", (START, 1), channel="instagram"),
            *observed("monthly reach in Bergen", (START, 2), channel="@FJORD_BEANS"),
            *observed("monthly reach in Bergen", (START, 3), channel="linkedin"),
            *observed("monthly reach in Bergen", (START, 4), channel="facebook"),
        ]
    )
    card = sms.scorecard(plan, found)
    assert sorted(p.path for p in card.working) == [
        "technology.channels[1]",
        "technology.channels[2]",
        "technology.channels[3]",
    ]
    report = sms.check(plan, results=found, select="SMS605")
    assert [f.message for f in report] == [
        "The results name the channel \u201cinstagram\u201d, which the plan does not have."
    ]


def test_guidelines_set_the_margins_of_the_pace():
    """Wider margins change what counts as on track; the review period comes from them too."""
    found = observed("reach", (START, 0), (HALFWAY, 29))
    plan = one_goal(REACH)
    plan = attrs.evolve(plan, tactics=attrs.evolve(plan.tactics, review=sms.Review()))
    lenient = attrs.evolve(
        sms.Guidelines(),
        pace_tolerance=0.25,
        pace_at_risk=0.3,
        review_period=sms.Period(unit=sms.PeriodUnit.QUARTER),
    )
    card = sms.scorecard(plan, sms.Results(observations=found), as_of=HALFWAY, guidelines=lenient)
    assert card.goals[0].metrics[0].status is sms.Status.ON_TRACK
    assert card.review_period == sms.Period(unit=sms.PeriodUnit.QUARTER)
    default = sms.scorecard(plan, sms.Results(observations=found), as_of=HALFWAY)
    assert default.review_period == sms.Period(every=4)


def test_score_lists_the_metrics_outside_goals(capsys, tmp_path):
    """The roadmap's survey metrics are printed under their own heading; TOML dates are dates."""
    plan = tmp_path / "plan.json"
    plan.write_text(sms.to_json(sms.example("roadmap")), encoding="utf-8")
    found = tmp_path / "results.toml"
    found.write_text(
        "\n".join(
            f'[[observations]]\nmetric = "{o.metric}"\non = {o.on}\nvalue = {o.value}\n'
            f'channel = "{o.channel}"\n'
            for o in sms.example_results("roadmap").observations
        ),
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "score", plan, found)
    assert status == 0
    assert "Other metrics\n  aided brand awareness: 29 (65%) on track\n" in out


def test_a_channels_own_minutes_and_a_plan_without_a_mix():
    """A channel's minutes per post count for its hours; without a mix, categories have no rate."""
    plan = sms.example("popt")  # no content mix
    own = attrs.evolve(plan.tactics.channels[0], minutes_per_post=60)
    plan = attrs.evolve(
        plan, tactics=attrs.evolve(plan.tactics, channels=(own, *plan.tactics.channels[1:]))
    )
    found = [
        *observed("monthly reach in Bergen", (START, 500), channel="instagram"),
        *observed("monthly reach in Bergen", (START, 300), category=sms.ContentCategory.ENGAGEMENT),
    ]
    card = sms.scorecard(plan, sms.Results(observations=found), as_of=START)
    by_name = {p.name: p for p in card.working}
    assert by_name["Instagram @fjordcoffee"].hours_per_week == 5  # 5 posts of 60 minutes
    engagement = by_name["engagement"]
    assert (engagement.posts_per_week, engagement.per_hour) == (None, None)


def test_feedback_after_the_date_does_not_count():
    """Answers given after as_of are left out of the summary, like later observations."""
    answers = [
        sms.Feedback(question="Q?", voice=sms.Voice.US, on=START, score=2),
        sms.Feedback(question="Q?", voice=sms.Voice.US, on=HALFWAY, score=5),
    ]
    card = sms.scorecard(FIVE, sms.Results(feedback=answers), as_of=START)
    assert [(f.answers, f.mean_score) for f in card.feedback] == [(1, 2)]
