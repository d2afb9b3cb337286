"""Results: observations and feedback as values, from CSV and through every format."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from hypothesis import given

import smstrategy as sms
from smstrategy.strategies import results

JAN = dt.date(2027, 1, 31)


def test_results_are_frozen_values_apart_from_the_plan():
    """Results hold observations and feedback, are frozen, and leave the plan as it was."""
    plan = sms.example("five-step")
    found = sms.example_results("five-step")
    assert isinstance(found.observations[0], sms.Observation)
    assert isinstance(found.feedback[0], sms.Feedback)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        found.observations = ()  # type: ignore[misc]
    sms.scorecard(plan, found)
    assert plan == sms.example("five-step")


def test_lists_become_tuples_and_latest_is_the_newest_date():
    """Results take lists and know their newest date; empty results have none."""
    found = sms.Results(
        observations=[sms.Observation(metric="reach", on=JAN, value=5)],
        feedback=[sms.Feedback(question="Q?", voice=sms.Voice.US, on=JAN + dt.timedelta(days=3))],
    )
    assert type(found.observations) is tuple
    assert found.latest == dt.date(2027, 2, 3)
    assert sms.Results().latest is None


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda: sms.Observation(metric=" ", on=JAN, value=1),
            "Observation.metric: expected text with a visible character, got ' '",
        ),
        (
            lambda: sms.Observation(metric="reach", on="2027-01-31", value=1),
            "Observation.on: expected a date (datetime.date), got '2027-01-31'",
        ),
        (
            lambda: sms.Observation(metric="reach", on=JAN, value=float("nan")),
            "Observation.value: expected a number, got nan",
        ),
        (
            lambda: sms.Observation(metric="reach", on=JAN, value=1, category="memes"),
            "Observation.category: expected a ContentCategory",
        ),
        (
            lambda: sms.Feedback(question="Q?", voice="customers", on=JAN),
            "Feedback.voice: expected a Voice (one of 'us', 'team', 'customers'), got 'customers'",
        ),
        (
            lambda: sms.Results(
                observations=[
                    sms.Observation(metric="reach", on=JAN, value=1),
                    sms.Observation(metric="Reach ", on=JAN, value=2),
                ]
            ),
            (
                "Results.observations: expected one value per metric, goal, channel, category and "
                "date, got observations[0] and observations[1] both for 'Reach ' on 2027-01-31"
            ),
        ),
    ],
)
def test_values_that_can_never_be_right_raise_naming_the_field(make, message):
    """Bad observations, feedback and results raise, naming the field and what came."""
    with pytest.raises(sms.SmstrategyError) as info:
        make()
    assert isinstance(info.value, ValueError | TypeError)
    assert str(info.value).startswith(message)


def test_negative_values_and_parts_of_one_metric_on_one_day_are_fine():
    """A value may be negative, and a channel's part sits beside the whole on the same day."""
    found = sms.Results(
        observations=[
            sms.Observation(metric="net sentiment", on=JAN, value=-3.5),
            sms.Observation(metric="reach", on=JAN, value=10),
            sms.Observation(metric="reach", on=JAN, value=6, channel="instagram"),
            sms.Observation(metric="reach", on=JAN, value=4, category=sms.ContentCategory.CURATED),
        ]
    )
    assert len(found.observations) == 4


# --- CSV --------------------------------------------------------------------------------------


def test_csv_columns_come_in_any_order_with_a_byte_order_mark():
    """The header names the columns in any order and case; a BOM and blank rows are skipped."""
    text = (
        "\ufeffChannel, VALUE ,metric,date,category,source,goal\r\n"
        "\r\n"
        "instagram,1200.5,reach,2027-01-31,engagement,Insights,\r\n"
        ",40000,reach,2027-01-31,,Meta,Be known\r\n"
    )
    found = sms.read_results_csv(text)
    assert found.observations == (
        sms.Observation(
            metric="reach",
            on=JAN,
            value=1200.5,
            channel="instagram",
            category=sms.ContentCategory.ENGAGEMENT,
            source="Insights",
        ),
        sms.Observation(metric="reach", on=JAN, value=40000, goal="Be known", source="Meta"),
    )
    assert sms.read_results_csv(text.encode("utf-8")) == found


def test_every_bad_row_is_reported_at_once_with_row_column_and_excerpt():
    """One error lists each bad cell by row and column, what was expected and what came."""
    long = "x" * 200
    text = (
        "date,metric,value,category\n"
        "2027-01-31,reach,lots,\n"
        "31/01/2027,,5,\n"
        f"2027-02-28,reach,{long},memes\n"
        "2027-03-31,reach,1,,extra\n"
        "2027-04-30,reach,inf,\n"
    )
    with pytest.raises(sms.StructureError) as info:
        sms.read_results_csv(text)
    assert info.value.problems == (
        "row 2, column 'value': expected a number, got 'lots'",
        "row 3, column 'date': expected a date as YYYY-MM-DD, got '31/01/2027'",
        "row 3, column 'metric': expected a non-empty text, got ''",
        "row 4, column 'value': expected a number, got '" + "x" * 40 + "'\u2026",
        (
            "row 4, column 'category': expected one of 'promotional', 'curated', 'engagement' or "
            "nothing, got 'memes'"
        ),
        "row 5: expected at most 4 cells, got 5",
        "row 6, column 'value': expected a finite number, got 'inf'",
    )
    assert isinstance(info.value, ValueError)


def test_two_values_for_one_metric_goal_channel_and_date_name_both_rows():
    """A repeated value is an error that names the row of each."""
    text = "date,metric,value,channel\n2027-01-31,Reach,1,IG\n2027-02-28,reach,2,\n"
    text += "2027-01-31,reach ,3,ig\n"
    with pytest.raises(sms.StructureError) as info:
        sms.read_results_csv(text)
    assert info.value.problems == (
        "row 4: a second value for 'reach ' on 2027-01-31 (row 2 has the first)",
    )


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "row 1: missing the column(s) 'date', 'metric', 'value'"),
        ("date,metric\n", "row 1: missing the column(s) 'value'"),
        (
            "date,metric,value,note,chanel\n",
            (
                "row 1: expected only the columns date, metric, value, goal, channel, category, "
                "source, got 'note', 'chanel'"
            ),
        ),
        ("date,metric,value,date\n", "row 1: expected each column once, got 'date' twice"),
        ('date,metric,value\n"2027-01-31,reach,1\n', "row 2: not CSV (unexpected end of data)"),
        (b"date,metric,value\n\xff", "the file is not UTF-8 text (invalid start byte)"),
    ],
)
def test_bad_headers_and_files_are_refused_clearly(text, problem):
    """A file without the required columns, with unknown ones, or not CSV is refused."""
    with pytest.raises(sms.StructureError) as info:
        sms.read_results_csv(text)
    assert problem in info.value.problems


def test_a_hostile_header_is_reported_briefly():
    """Thousands of unknown columns are named five at a time, with a count of the rest."""
    header = ",".join(f"c{i}" for i in range(5000))
    with pytest.raises(sms.StructureError) as info:
        sms.read_results_csv(f"date,metric,value,{header}\n")
    [problem] = info.value.problems
    assert problem.endswith("got 'c0', 'c1', 'c2', 'c3', 'c4' and 4995 more")


def test_csv_written_is_csv_read():
    """results_to_csv writes every column, and reading it back gives the observations."""
    found = sms.example_results("roadmap")
    text = sms.results_to_csv(found)
    assert text.splitlines()[0] == "date,metric,value,goal,channel,category,source"
    assert sms.read_results_csv(text).observations == found.observations
    with pytest.raises(sms.StructureError):
        sms.results_to_csv(sms.example("roadmap"))  # type: ignore[arg-type]


@given(results())
def test_results_round_trip_through_csv(found):
    """Any observations survive CSV, text with commas, quotes and line breaks included."""
    assert sms.read_results_csv(sms.results_to_csv(found)).observations == found.observations


# --- dicts and JSON -----------------------------------------------------------------------------


@given(results())
def test_results_round_trip_through_dicts_and_json(found):
    """Results travel like plans: to_dict/from_dict and to_json/from_json give them back."""
    data = sms.to_dict(found)
    assert next(iter(data.items())) == ("kind", "results")
    assert sms.from_dict(data, sms.Results) == found
    assert sms.from_json(sms.to_json(found), sms.Results) == found
    assert json.loads(sms.to_json(found)) == data


def test_bad_results_data_lists_every_problem_with_its_path():
    """Results data that does not fit gives one StructureError with a line per problem."""
    data = sms.to_dict(sms.example_results("five-step"))
    data["observations"][3]["value"] = "lots"
    data["observations"][5]["on"] = "May"
    data["feedback"][0]["voice"] = "everyone"
    with pytest.raises(sms.StructureError) as info:
        sms.from_dict(data, sms.Results)
    assert info.value.problems == (
        "$.observations[3].value: expected a number, got 'lots'",
        "$.observations[5].on: expected a date as YYYY-MM-DD, got 'May'",
        "$.feedback[0].voice: expected one of 'us', 'team', 'customers', got 'everyone'",
    )


def test_the_kind_of_data_must_agree():
    """Plans are not results, results are not plans, and the messages say which is which."""
    data = sms.to_dict(sms.example_results("five-step"))
    with pytest.raises(sms.StructureError, match=r"this is results; read it with from_dict\("):
        sms.from_dict(data)
    with pytest.raises(sms.StructureError, match=r"\$.kind: expected 'results', got 'x'"):
        sms.from_dict({**data, "kind": "x"}, sms.Results)
    with pytest.raises(sms.StructureError, match="unknown key"):
        sms.from_dict(sms.to_dict(sms.example("popt")), sms.Results)
