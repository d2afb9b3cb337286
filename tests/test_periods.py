"""Periods in the units people use: reviews and reports every week, month or quarter."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import smstrategy as sms
from test_scorecard import observed

FIVE = sms.example("five-step")
MONTH = sms.Period(unit=sms.PeriodUnit.MONTH)


@pytest.mark.parametrize(
    ("period", "english", "norwegian", "days"),
    [
        (sms.Period(), "week", "uke", 7),
        (sms.Period(every=4), "4 weeks", "4. uke", 28),
        (MONTH, "month", "måned", 31),
        (sms.Period(every=2, unit=sms.PeriodUnit.MONTH), "2 months", "2. måned", 62),
        (sms.Period(unit=sms.PeriodUnit.QUARTER), "quarter", "kvartal", 92),
        (sms.Period(every=3, unit=sms.PeriodUnit.QUARTER), "3 quarters", "3. kvartal", 276),
        (sms.Period(unit=sms.PeriodUnit.YEAR), "year", "år", 366),
        (sms.Period(every=2, unit=sms.PeriodUnit.YEAR), "2 years", "2. år", 732),
    ],
)
def test_a_period_reads_as_people_say_it(period, english, norwegian, days):
    """A period is written as it follows "every", and spans the most days of its unit."""
    assert str(period) == english
    assert sms.language("nb").text(str(period)) == norwegian
    assert period.days == days


def test_a_monthly_review_judges_staleness_by_the_month():
    """A metric measured 30 days ago is stale for a four-week review, not for a monthly one."""
    results = sms.example_results("five-step")
    last = dt.date(2027, 5, 1)
    found = [o for o in results.observations if o.metric != "branded searches" or o.on < last]
    found += observed("branded searches", (last, 1600))
    results = attrs.evolve(results, observations=found)
    as_of = dt.date(2027, 5, 31)
    weekly = sms.check(FIVE, results=results, as_of=as_of, select="SMS602")
    assert [f.path for f in weekly] == ["direction.goals[0].metrics[1]"]
    assert weekly.findings[0].message.endswith("the plan reviews every 4 weeks.")
    monthly = sms.evolve_at(FIVE, "assessment", review_every=MONTH)
    assert sms.check(monthly, results=results, as_of=as_of, select="SMS602").codes == ()
    card = sms.scorecard(monthly, results, as_of=as_of)
    assert card.review_period == MONTH
    text = sms.render(card, lang="nb")
    assert "planen gjennomgås hver måned." in text


def test_the_shortest_period_anywhere_in_a_plan_is_its_review_period():
    """Any Period in any block counts, a report's as well as a review's."""
    roadmap = sms.example("roadmap")
    quarterly = sms.Period(unit=sms.PeriodUnit.QUARTER)
    plan = sms.evolve_at(roadmap, "measurement.review", review_every=quarterly)
    plan = sms.evolve_at(plan, "measurement", report_every=MONTH)
    plan = sms.evolve_at(plan, "measurement_of_effort", review_every=None)
    results = sms.Results(observations=observed("aided brand awareness", (dt.date(2027, 1, 1), 20)))
    assert sms.scorecard(plan, results).review_period == MONTH


def test_reports_name_their_readers_who_are_not_audiences():
    """A report's recipients are people inside the organisation, and no check counts them."""
    roadmap = sms.example("roadmap")
    assert roadmap.measurement.report_to == ("Ingrid Dahl", "the owners")
    readers = sms.evolve_at(roadmap, "measurement", report_to=["The council's directors"])
    assert sms.check(readers).codes == ()
    assert "The council's directors" in sms.render(readers)


def test_files_that_counted_periods_in_weeks_still_load():
    """Data that says review_every_weeks reads as a period of that many weeks."""
    data = sms.to_dict(FIVE)
    del data["assessment"]["review_every"]
    data["assessment"]["review_every_weeks"] = 6
    assert sms.from_dict(data).assessment.review_every == sms.Period(every=6)
    data["assessment"]["review_every"] = {"every": 1, "unit": "month"}
    with pytest.raises(sms.StructureError, match=r"unknown key\(s\) 'review_every_weeks'"):
        sms.from_dict(data)  # one fact written twice is refused, not guessed at
    data = sms.to_dict(sms.example("roadmap"))
    data["measurement"]["report_every_weeks"] = data["measurement"].pop("report_every")["every"]
    data["measurement"]["report_every_weeks"] = "monthly"
    with pytest.raises(sms.StructureError, match=r"\$\.measurement\.report_every: expected"):
        sms.from_dict(data)
