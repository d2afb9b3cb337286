"""Targets with meaning: floors, ceilings, one value, ranges, and changes of the baseline."""

from __future__ import annotations

import datetime as dt
import math

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import smstrategy as sms
from smstrategy.strategies import metrics
from test_scorecard import DEADLINE, HALFWAY, START, observed, one_goal, score_of

C, R = sms.Comparison, sms.Relative


@pytest.mark.parametrize(
    ("metric", "baseline", "expected"),
    [
        (sms.Metric(name="m", target=10), None, (10, math.inf)),
        (sms.Metric(name="m", target=10, comparison=C.AT_MOST), None, (-math.inf, 10)),
        (sms.Metric(name="m", target=10, comparison=C.EXACTLY), None, (10, 10)),
        (sms.Metric(name="m", target=10, target_upper=20, comparison=C.BETWEEN), 0, (10, 20)),
        (sms.Metric(name="m", target=10, relative=R.CHANGE), 100, (110, math.inf)),
        (sms.Metric(name="m", target=10, relative=R.PERCENT_CHANGE), 200, (220, math.inf)),
        (
            sms.Metric(name="m", target=-20, relative=R.PERCENT_CHANGE, comparison=C.AT_MOST),
            50,
            (-math.inf, 40),
        ),
        (sms.Metric(name="m", target=10, relative=R.CHANGE), None, None),
        (sms.Metric(name="m"), 5, None),
    ],
)
def test_a_target_is_a_range_of_values_that_meet_it(metric, baseline, expected):
    """A floor, a ceiling, one value and a range, absolute or counted from the baseline."""
    assert metric.goal_range(baseline) == expected


def test_what_meets_a_target():
    """Values meet a target inside its range; a relative target needs a baseline."""
    band = sms.Metric(name="posts a week", target=3, target_upper=5, comparison=C.BETWEEN)
    assert [band.met(v) for v in (2, 3, 4, 5, 6)] == [False, True, True, True, False]
    exact = sms.Metric(name="share", target=0.3, comparison=C.EXACTLY, unit="%")
    assert exact.met(0.1 + 0.2)
    assert not exact.met(0.31)
    cut = sms.Metric(name="complaints", target=-20, relative=R.PERCENT_CHANGE, comparison=C.AT_MOST)
    assert cut.met(80, baseline=100)
    assert not cut.met(81, baseline=100)
    assert not cut.met(0)  # no baseline to count from
    assert not sms.Metric(name="m").met(5)


def test_where_a_straight_path_heads():
    """The path from the baseline heads for the near end of the target."""
    band = sms.Metric(name="m", target=10, target_upper=20, comparison=C.BETWEEN)
    assert (band.aim(0), band.aim(15), band.aim(30)) == (10, 15, 20)
    assert sms.Metric(name="m", target=10, comparison=C.AT_MOST).aim(30) == 10
    assert sms.Metric(name="m", target=10, relative=R.CHANGE).aim(5) == 15
    assert sms.Metric(name="m").aim(5) is None
    assert sms.pace.direction(band, 30) == -1
    assert sms.pace.direction(band, 0) == 1


@pytest.mark.parametrize(
    ("metric", "english", "norwegian"),
    [
        (
            sms.Metric(name="reach", target=40_000, unit="people", baseline=12_000),
            "reach: target 40000 people (now 12000)",
            "reach: mål 40\u00a0000 people (nå 12\u00a0000)",
        ),
        (
            sms.Metric(name="posts", target=3, target_upper=5, comparison=C.BETWEEN),
            "posts: target between 3 and 5",
            "posts: mål mellom 3 og 5",
        ),
        (
            sms.Metric(name="share", target=50, comparison=C.EXACTLY, unit="%"),
            "share: target exactly 50 %",
            "share: mål nøyaktig 50 %",
        ),
        (
            sms.Metric(name="followers", target=10, relative=R.PERCENT_CHANGE, baseline=800),
            "followers: target at least 10 % more than the baseline (now 800)",
            "followers: mål minst 10 % høyere enn utgangspunktet (nå 800)",
        ),
        (
            sms.Metric(
                name="complaints",
                target=-20,
                relative=R.CHANGE,
                comparison=C.AT_MOST,
                unit="a month",
            ),
            "complaints: target at most 20 a month less than the baseline",
            "complaints: mål høyst 20 a month mindre enn utgangspunktet",
        ),
    ],
)
def test_a_target_reads_as_people_write_it(metric, english, norwegian):
    """The target is written in words, in English and in the plan's language."""
    assert str(metric) == english
    assert sms.language("nb").text(str(metric)) == norwegian


def scored(metric, *points, as_of=HALFWAY):
    return score_of(one_goal(metric), observed(metric.name, *points), as_of)


def test_the_scorecard_honours_ranges_and_single_values():
    """Inside the range is met; short of it is judged by pace; past it is at risk."""
    band = sms.Metric(name="posts", target=10, target_upper=20, comparison=C.BETWEEN)
    assert scored(band, (START, 0), (HALFWAY, 15)).status is sms.Status.MET
    assert scored(band, (START, 0), (HALFWAY, 5)).status is sms.Status.ON_TRACK
    assert scored(band, (START, 0), (HALFWAY, 1)).status is sms.Status.BEHIND
    assert scored(band, (START, 0), (HALFWAY, 25)).status is sms.Status.AT_RISK
    falling = scored(band, (START, 40), (HALFWAY, 30))
    assert falling.progress == pytest.approx(0.5)
    assert falling.status is sms.Status.ON_TRACK
    late = scored(band, (START, 0), (DEADLINE, 5), as_of=DEADLINE + dt.timedelta(days=1))
    assert late.status is sms.Status.MISSED


def test_the_scorecard_counts_a_relative_target_from_the_baseline():
    """Followers up 10 % from the first value; complaints cut by a fifth."""
    growth = sms.Metric(name="followers", target=10, relative=R.PERCENT_CHANGE)
    card = scored(growth, (START, 1000), (HALFWAY, 1050))
    assert (card.baseline, card.progress, card.status) == (1000, 0.5, sms.Status.ON_TRACK)
    assert scored(growth, (START, 1000), (HALFWAY, 1100)).status is sms.Status.MET
    cut = sms.Metric(name="complaints", target=-20, relative=R.PERCENT_CHANGE, comparison=C.AT_MOST)
    assert scored(cut, (START, 50), (HALFWAY, 45)).progress == pytest.approx(0.5)
    assert scored(cut, (START, 50), (HALFWAY, 40)).status is sms.Status.MET
    stated = attrs.evolve(cut, baseline=100)
    assert scored(stated, (START, 50), (HALFWAY, 79)).status is sms.Status.MET


@given(
    baseline=st.integers(0, 10_000),
    change=st.integers(-10_000, 10_000),
    values=st.lists(st.integers(0, 20_000), min_size=1, max_size=6),
    comparison=st.sampled_from([C.AT_LEAST, C.AT_MOST, C.EXACTLY]),
)
def test_a_change_scores_as_the_absolute_target_it_comes_to(baseline, change, values, comparison):
    """A change of the baseline is scored exactly as the target it adds up to."""
    relative = sms.Metric(
        name="m", target=change, relative=R.CHANGE, comparison=comparison, baseline=baseline
    )
    absolute = attrs.evolve(relative, target=baseline + change, relative=R.ABSOLUTE)
    days = [START + dt.timedelta(days=30 * i) for i in range(len(values))]
    points = list(zip(days, values, strict=True))
    one, other = scored(relative, *points), scored(absolute, *points)
    assert (one.status, one.progress) == (other.status, other.progress)


@given(
    low=st.integers(-1000, 1000),
    width=st.integers(0, 1000),
    inside=st.floats(0, 1),
    start=st.integers(-5000, 5000),
)
def test_a_value_inside_the_range_is_met(low, width, inside, start):
    """Whatever the path so far, a latest value inside the range meets the target."""
    band = sms.Metric(name="m", target=low, target_upper=low + width, comparison=C.BETWEEN)
    latest = low + inside * width
    assert scored(band, (START, start), (HALFWAY, latest)).status is sms.Status.MET


@given(metric=metrics(), kind=st.sampled_from(["dict", "json"]))
def test_targets_round_trip_through_dict_and_json(metric, kind):
    """Every kind of target, with its platform and category, comes back equal."""
    goal = sms.Goal(statement="Grow", metrics=[metric], deadline=DEADLINE)
    plan = attrs.evolve(one_goal(), objectives=sms.Objectives(goals=(goal,)))
    back = sms.from_dict(sms.to_dict(plan)) if kind == "dict" else sms.from_json(sms.to_json(plan))
    assert back.objectives.goals[0].metrics == (metric,)


def test_a_metric_may_name_its_network_and_content_category():
    """Where a number is measured on one network, or for one kind of content, the metric says."""
    metric = sms.Metric(
        name="reach",
        target=5000,
        platform=sms.Platform(name="Twitter"),
        category=sms.ContentCategory.ENGAGEMENT,
    )
    data = sms.to_dict(attrs.evolve(one_goal(metric)))
    assert data["objectives"]["goals"][0]["metrics"][0]["platform"] == "x"
    assert data["objectives"]["goals"][0]["metrics"][0]["category"] == "engagement"
    assert sms.Metric(name="share", unit=" Per  cent").is_percent
    assert not sms.Metric(name="reach", unit="people").is_percent


def test_a_target_that_waits_for_its_baseline_is_a_warning():
    """SMS101 is an error, but a warning where the plan says the target waits for a baseline."""
    waiting = one_goal(sms.Metric(name="reach", awaits_baseline=True))
    [finding] = sms.check(waiting, select="SMS101")
    assert finding.severity is sms.Severity.WARNING
    assert (
        finding.message == "The goal \u201cGrow\u201d has no target yet; it waits for a baseline."
    )
    assert finding.hint == "Set the target as soon as the baseline is measured."
    [finding] = sms.check(one_goal(sms.Metric(name="reach")), select="SMS101")
    assert finding.severity is sms.Severity.ERROR
    assert sms.check(one_goal(sms.Metric(name="reach", target=5)), select="SMS101").codes == ()


def test_plain_number_targets_mean_what_they_always_meant():
    """Data with a bare number target reads as a floor counted from zero."""
    data = sms.to_dict(one_goal(sms.Metric(name="reach", target=5)))
    metric_data = data["objectives"]["goals"][0]["metrics"][0]
    for added in ("target_upper", "relative", "platform", "category", "awaits_baseline"):
        del metric_data[added]
    metric = sms.from_dict(data).objectives.goals[0].metrics[0]
    assert (metric.comparison, metric.relative, metric.target) == (C.AT_LEAST, R.ABSOLUTE, 5)


def test_a_comparison_holds_a_value_against_a_number():
    """Comparison.met works without a metric: floor, ceiling, one value, range."""
    assert C.AT_LEAST.met(5, 5)
    assert not C.AT_LEAST.met(4, 5)
    assert C.AT_MOST.met(5, 5)
    assert not C.AT_MOST.met(6, 5)
    assert C.EXACTLY.met(5.0, 5)
    assert C.BETWEEN.met(7, 5, 9)
    assert not C.BETWEEN.met(7, 5)  # a range with no upper end is the one value


def test_a_share_of_survey_answers_is_measured_from_feedback():
    """A metric on a question counts the customers' answers per survey day that agree."""
    question = "Would you recommend our café to a friend?"
    metric = sms.Metric(
        name="customers who would recommend us",
        target=80,
        unit="%",
        survey_question=question,
        agree_from=4,
        baseline=50,
    )
    plan = one_goal(metric)
    assert str(metric) == (
        "customers who would recommend us: target 80 % (now 50); "
        "from customers' answers to \u201cWould you recommend our café to a friend?\u201d"
    )

    def answer(day, score, voice=sms.Voice.CUSTOMERS):
        return sms.Feedback(question=question, voice=voice, on=day, answer="…", score=score)

    march, june = dt.date(2027, 3, 1), dt.date(2027, 6, 1)
    results = sms.Results(
        feedback=[
            answer(march, 5),
            answer(march, 2),
            answer(june, 5),
            answer(june, 4),
            answer(june, 4),
            answer(june, 3),
            answer(june, 1, voice=sms.Voice.TEAM),  # only customers count
            sms.Feedback(question=question, voice=sms.Voice.CUSTOMERS, on=june, answer="No score"),
        ]
    )
    score = sms.scorecard(plan, results, as_of=june).goals[0].metrics[0]
    assert (score.observations, score.latest, score.latest_on) == (2, 75, june)
    assert score.status is not sms.Status.NO_DATA
    everyone = sms.scorecard(plan, results, as_of=dt.date(2027, 7, 1)).goals[0].metrics[0]
    assert everyone.latest == 75
    early = sms.scorecard(plan, results, as_of=march).goals[0].metrics[0]
    assert early.latest == 50
    unasked = attrs.evolve(metric, survey_question="Is the coffee hot?")
    nobody = sms.scorecard(one_goal(unasked), results, as_of=june).goals[0].metrics[0]
    assert nobody.status is sms.Status.NO_DATA
