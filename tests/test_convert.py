"""Plans to and from plain data and JSON."""

from __future__ import annotations

import copy
import datetime as dt
import json
import random
import sys
import tomllib
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import smstrategy as sms
from custom_frameworks import ALL_FRAMEWORKS, Sostac, budget_example, sostac_example
from smstrategy import convert
from smstrategy.rules.engine import Index
from smstrategy.strategies import plans

EXAMPLES = [sms.example(k) for k in ("five-step", "eight-step", "popt", "roadmap")]
EXAMPLES += [sostac_example(), budget_example()]


@pytest.mark.parametrize("cls", ALL_FRAMEWORKS, ids=lambda c: c.key)
@given(data=st.data())
def test_dict_round_trip(cls, data):
    """Any valid plan of any framework comes back identical from its dict."""
    plan = data.draw(plans(cls))
    assert sms.from_dict(sms.to_dict(plan)) == plan


@pytest.mark.parametrize("cls", ALL_FRAMEWORKS, ids=lambda c: c.key)
@given(data=st.data())
def test_json_round_trip(cls, data):
    """Any valid plan of any framework comes back identical from its JSON."""
    plan = data.draw(plans(cls))
    assert sms.from_json(sms.to_json(plan)) == plan


@pytest.mark.parametrize("plan", EXAMPLES, ids=lambda p: p.key)
def test_examples_round_trip(plan):
    """The bundled and custom examples round-trip through dicts and JSON."""
    assert sms.from_dict(sms.to_dict(plan)) == plan
    assert sms.from_json(sms.to_json(plan, indent=2)) == plan
    assert sms.from_json(sms.to_json(plan).encode()) == plan


def test_data_names_the_framework_first_then_fields_in_declared_order():
    """The data starts with the framework's key; the fields follow as declared."""
    plan = sms.example("five-step")
    data = sms.to_dict(plan)
    steps = [s.name for s in sms.FiveStep.steps()]
    assert list(data) == ["framework", "title", "stage", "profile", *steps]
    assert data["framework"] == "five-step"
    assert list(data["direction"]["goals"][0]) == ["statement", "kind", "metrics", "deadline"]
    assert list(sms.to_dict(budget_example()))[-1] == "budget"


def test_values_are_plain_json_values():
    """Enums are stored by value, dates as ISO 8601, tuples as lists, platforms by name."""
    data = sms.to_dict(sms.example("roadmap"))
    goal = data["success"]["goals"][0]
    assert goal["kind"] == "awareness"
    assert goal["deadline"] == "2027-06-30"
    assert isinstance(goal["metrics"], list)
    channel = data["action_plan"]["channels"][0]
    assert channel["platform"] == "instagram"
    assert channel["automation"] == "scheduled"
    assert data["action_plan"]["calendar"]["posts"][0]["when"] == "2027-01-04T08:30:00"
    assert json.loads(json.dumps(data)) == data


def test_json_is_stable():
    """The same plan always gives the same JSON, with non-ASCII text as it is."""
    text = sms.to_json(sms.example("eight-step"))
    assert text == sms.to_json(sms.example("eight-step"))
    assert "Cafés" in text
    assert "\\u00e9" in sms.to_json(sms.example("eight-step"), ensure_ascii=True)


def test_framework_can_be_given_instead_of_the_key():
    """from_dict takes the framework as a class or a key when the data has none."""
    data = sms.to_dict(sms.example("popt"))
    del data["framework"]
    assert sms.from_dict(data, sms.Popt) == sms.example("popt")
    assert sms.from_dict(data, "popt") == sms.example("popt")
    assert sms.from_json(json.dumps(data), framework="popt") == sms.example("popt")


def problems(call):
    """Return the problems of the StructureError that *call* raises."""
    with pytest.raises(sms.StructureError) as info:
        call()
    assert isinstance(info.value, ValueError)
    assert str(info.value).splitlines()[1:] == [f"  {p}" for p in info.value.problems]
    return list(info.value.problems)


def test_missing_framework_key_lists_the_known_ones():
    """Data with no framework key, and none given, names the known keys."""
    data = sms.to_dict(sms.example())
    del data["framework"]
    [problem] = problems(lambda: sms.from_dict(data))
    assert problem.startswith('$: missing the "framework" key')
    assert "five-step, eight-step, popt, roadmap" in problem


def test_unknown_framework_key_lists_the_known_ones():
    """An unknown framework key is reported with the known ones."""
    data = {**sms.to_dict(sms.example()), "framework": "seven-step"}
    [problem] = problems(lambda: sms.from_dict(data))
    assert problem.startswith("$.framework: no framework is registered as 'seven-step'")
    assert "known keys: " in problem
    [problem] = problems(lambda: sms.from_dict(data, "nine-step"))
    assert problem.startswith("framework: no framework is registered as 'nine-step'")


def test_framework_given_must_agree_with_the_data():
    """A framework passed in that differs from the data's key is reported."""
    data = sms.to_dict(sms.example())
    assert problems(lambda: sms.from_dict(data, sms.Popt)) == [
        "$.framework: expected 'popt', got 'five-step'"
    ]


def test_every_problem_is_listed_with_its_path():
    """One error lists every problem in the data, each with its path."""
    data = sms.to_dict(sms.example())
    data["direction"]["goals"][0]["metrics"][1]["target"] = "lots"
    data["direction"]["goals"][1]["statement"] = ""
    data["direction"]["goals"][1]["kind"] = "fame"
    del data["target"]["audiences"][0]["name"]
    data["target"]["audiences"][1]["values"] = "quality"
    data["technology"]["channels"][0]["platform"] = 5
    data["technology"]["channels"][1]["cadence"] = True
    data["assessment"]["review_every"] = {"every": 0, "unit": "month"}
    data["assessment"]["mood"] = "good"
    data["colour"] = "blue"
    assert problems(lambda: sms.from_dict(data)) == [
        "$.direction.goals[0].metrics[1].target: expected a number, got 'lots'",
        (
            "$.direction.goals[1].kind: expected one of 'awareness', 'engagement', 'traffic', "
            "'leads', 'sales', 'customer service', 'thought leadership', 'retention', "
            "'purchase intent', 'relationships', 'customer insight', 'information sharing', "
            "'other', got 'fame'"
        ),
        "$.target.audiences[0].name: missing",
        "$.target.audiences[1].values: expected a list, got 'quality'",
        "$.technology.channels[0].platform: expected a network name, got 5",
        "$.technology.channels[1].cadence: expected a number, got True",
        "$.assessment.review_every.every: expected a whole number of at least 1, got 0",
        "$.assessment: unknown key(s) 'mood'",
        "$: unknown key(s) 'colour'",
    ]


def test_invariants_are_reported_with_their_path():
    """A value that breaks an invariant is reported at its path, not as a bare message."""
    data = sms.to_dict(sms.example())
    data["direction"]["goals"][1]["statement"] = " "
    data["target"]["audiences"].append(copy.deepcopy(data["target"]["audiences"][0]))
    data["technology"]["content_mix"]["promotional"] = 90
    data["title"] = ""
    assert problems(lambda: sms.from_dict(data)) == [
        "$.direction.goals[1].statement: expected text with a visible character, got ' '",
        (
            "$.target.audiences: expected each audience name at most once, "
            "got 'bergen coffee lovers' twice"
        ),
        (
            "$.technology.content_mix.shares: expected shares that add up to 100 (within 0.01), "
            "got 165"
        ),
    ]
    data = sms.to_dict(sms.example())
    data["title"] = ""
    assert problems(lambda: sms.from_dict(data)) == [
        "$.title: expected text with a visible character, got ''"
    ]


def test_a_missing_step_is_reported():
    """A plan whose data lacks a step says which."""
    data = sms.to_dict(sms.example("roadmap"))
    del data["measurement"]
    del data["reach"]["audiences"][0]["priority"]  # has a default: not a problem
    assert problems(lambda: sms.from_dict(data)) == ["$.measurement: missing"]


def test_wrong_shapes_are_reported():
    """Objects where lists belong, and lists where objects belong, are reported."""
    data = sms.to_dict(sms.example())
    data["direction"] = ["goals"]
    data["target"]["audiences"] = {"name": "x"}
    data["assessment"]["reviewed_goals"] = [1, "ok", None]
    assert problems(lambda: sms.from_dict(data)) == [
        "$.direction: expected an object (a Direction), got ['goals']",
        "$.target.audiences: expected a list, got {'name': 'x'}",
        "$.assessment.reviewed_goals[0]: expected a string, got 1",
        "$.assessment.reviewed_goals[2]: expected a string, got None",
    ]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("{", "$: not valid JSON"),
        ("[1, 2]", "$: expected an object, got [1, 2]"),
        ("null", "$: expected an object, got None"),
        (b"\xff", "$: not valid JSON"),
    ],
)
def test_bad_json_is_a_structure_error(text, start):
    """Text that is not JSON, or not a JSON object, raises StructureError."""
    [problem] = problems(lambda: sms.from_json(text))
    assert problem.startswith(start)


def test_to_dict_refuses_what_is_not_a_plan():
    """to_dict names what it got when it is not a plan."""
    [problem] = problems(lambda: sms.to_dict({"title": "x"}))
    assert problem == (
        "$: expected a plan (a Framework instance), Results, a ContentPlan or a Calendar, "
        "got {'title': 'x'}"
    )


def test_dates_and_times_are_checked():
    """Dates and times must be ISO 8601 strings."""
    data = sms.to_dict(sms.example("roadmap"))
    data["success"]["goals"][0]["deadline"] = "30/06/2027"
    data["action_plan"]["calendar"]["posts"][0]["when"] = 20270104
    data["action_plan"]["calendar"]["posts"][1]["when"] = "monday"
    assert problems(lambda: sms.from_dict(data)) == [
        "$.success.goals[0].deadline: expected a date as YYYY-MM-DD, got '30/06/2027'",
        (
            "$.action_plan.calendar.posts[0].when: expected a date and time in ISO 8601, "
            "such as 2027-01-04T08:30, got 20270104"
        ),
        (
            "$.action_plan.calendar.posts[1].when: expected a date and time in ISO 8601, "
            "such as 2027-01-04T08:30, got 'monday'"
        ),
    ]


def test_huge_numbers_are_refused_by_the_invariants():
    """A number too large for a float is refused as not finite."""
    data = sms.to_dict(sms.example())
    data["technology"]["channels"][0]["cadence"] = 10**400
    [problem] = problems(lambda: sms.from_dict(data))
    assert problem.startswith("$.technology.channels[0].cadence: expected a finite number")


def test_converter_is_made_once_and_is_not_the_global_one():
    """One converter serves every call, and it is the library's own."""
    import cattrs

    assert convert.converter() is convert.converter()
    assert convert.converter() is not cattrs.global_converter


def test_custom_framework_data():
    """A custom framework's plans go to data and back by its key."""
    data = sms.to_dict(sostac_example())
    assert data["framework"] == "test-sostac"
    assert isinstance(sms.from_dict(data), Sostac)


# --- fuzzing ----------------------------------------------------------------------------------

ODD_VALUES = [
    None,
    True,
    False,
    0,
    -1,
    1.5,
    float("nan"),
    float("inf"),
    10**30,
    "",
    " ",
    "x",
    "2027-01-01",
    "instagram",
    "awareness",
    [],
    [1],
    ["x"],
    {},
    {"name": "x"},
]


def containers(node, found):
    """Collect every dict and list inside *node*."""
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            containers(value, found)
    elif isinstance(node, list):
        found.append(node)
        for value in node:
            containers(value, found)
    return found


def mutate(data, rng):
    """Delete, retype, duplicate or insert one key or value somewhere in *data*."""
    target = rng.choice(containers(data, []))
    action = rng.choice(["delete", "retype", "duplicate", "insert"])
    if isinstance(target, dict):
        keys = list(target)
        if action == "insert" or not keys:
            target[rng.choice(["extra", "name", "title", "framework", 3])] = rng.choice(ODD_VALUES)
        elif action == "delete":
            del target[rng.choice(keys)]
        elif action == "retype":
            target[rng.choice(keys)] = copy.deepcopy(rng.choice(ODD_VALUES))
        else:
            key = rng.choice(keys)
            target[key] = [target[key], target[key]]
    elif target:
        index = rng.randrange(len(target))
        if action == "delete":
            del target[index]
        elif action == "retype":
            target[index] = copy.deepcopy(rng.choice(ODD_VALUES))
        else:
            target.insert(index, copy.deepcopy(target[index]))
    else:
        target.append(copy.deepcopy(rng.choice(ODD_VALUES)))


@pytest.mark.parametrize("plan", EXAMPLES, ids=lambda p: p.key)
def test_fuzzed_data_gives_a_plan_or_one_structure_error(plan):
    """Thousands of damaged copies of the examples give a plan or a StructureError, nothing else."""
    rng = random.Random(f"{plan.key}-fuzz")
    original = sms.to_dict(plan)
    outcomes = {"plan": 0, "error": 0}
    for _ in range(800):
        data = copy.deepcopy(original)
        for _ in range(rng.randint(1, 4)):
            mutate(data, rng)
        try:
            result = sms.from_dict(data)
        except sms.StructureError as e:
            assert e.problems
            assert all(p.startswith("$") for p in e.problems), e.problems
            outcomes["error"] += 1
        else:
            assert isinstance(result, sms.Framework)
            outcomes["plan"] += 1
    assert outcomes["error"] > 400
    assert outcomes["plan"] > 0


def test_top_level_oddities():
    """Data that is not an object at all, or a framework that is not a key, is reported."""
    for data in (None, [], "five-step", 5):
        [problem] = problems(lambda data=data: sms.from_dict(data))
        assert problem.startswith("$: expected an object")
    [problem] = problems(lambda: sms.from_dict({"framework": ["five-step"]}))
    assert problem.startswith("$.framework: no framework is registered as ['five-step']")


def test_conversion_is_not_loaded_by_import():
    """Cattrs loads on first conversion, not on import (checked in a fresh interpreter)."""
    assert "smstrategy.convert" in sys.modules  # loaded by this module's own import
    assert attrs.has(sms.Goal)


class Handle(str):
    """A user's own kind of string."""

    __slots__ = ()


@attrs.frozen(kw_only=True)
class Profile:
    """A block of a user's with a field of that kind."""

    handle: Handle


def test_fields_of_a_str_subclass_are_structured_as_that_class():
    """A field annotated with a subclass of str gets an instance of it, or a clear problem."""
    converter = convert.converter()
    profile = converter.structure({"handle": "@fjord"}, Profile)
    assert type(profile.handle) is Handle
    with pytest.raises(Exception) as info:  # cattrs groups the problem
        converter.structure({"handle": 5}, Profile)
    assert list(convert._problems(info.value, "$")) == ["$.handle: expected a string, got 5"]


def test_native_dates_such_as_toml_writes_are_taken_as_they_are():
    """A date value (TOML's dates are) is taken as it is; a date and time is not a date."""
    data = sms.to_dict(sms.example("popt"))
    data["objectives"]["goals"][0]["deadline"] = dt.date(2027, 6, 30)
    assert sms.from_dict(data) == sms.example("popt")
    data["objectives"]["goals"][0]["deadline"] = dt.datetime(2027, 6, 30, 8, 0, tzinfo=dt.UTC)
    with pytest.raises(sms.StructureError, match="expected a date as YYYY-MM-DD"):
        sms.from_dict(data)


FIRST_EXAMPLES = sorted((Path(__file__).parent / "data" / "first-examples").iterdir())


@pytest.mark.parametrize("path", FIRST_EXAMPLES, ids=lambda p: p.name)
def test_plan_files_written_by_the_first_version_still_load(path):
    """Example files as the first version wrote them load; blocks added since read as empty."""
    text = path.read_text(encoding="utf-8")
    data = json.loads(text) if path.suffix == ".json" else tomllib.loads(text)
    plan = sms.from_dict(data)
    assert plan.title == sms.example(plan.key).title
    reviews = [node for _, node in Index(plan).of(sms.Review)]
    assert len(reviews) == 1
    if plan.key != "five-step":  # the five-step model always had its assessment
        assert reviews[0] == sms.Review()
        # The review is advice for every framework now: the old plans are told to add one.
        assert set(sms.check(plan).codes) == {"SMS171", "SMS172"}
    else:
        assert sms.check(plan).codes == ()


EARLIER = Path(__file__).parent / "data" / "examples-before-periods"


@pytest.mark.parametrize("path", sorted(EARLIER.iterdir()), ids=lambda p: p.name)
def test_example_files_written_before_periods_and_profiles_load_unchanged(path):
    """The example files as written before targets, periods and profiles changed still load.

    Their plain number targets are floors counted from zero, their weeks are periods of weeks,
    and their plans check as cleanly as the bundled examples do today.
    """
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".csv":
        assert sms.read_results_csv(text).observations
        return
    data = json.loads(text) if path.suffix == ".json" else tomllib.loads(text)
    if path.stem == "results":
        assert sms.from_dict(data, sms.Results) == sms.example_results("five-step")
        return
    plan = sms.from_dict(data)
    assert sms.check(plan).codes == ()
    for _, metric in Index(plan).of(sms.Metric):
        assert (metric.relative, metric.target_upper) == (sms.Relative.ABSOLUTE, None)
    periods = [period for _, period in Index(plan).of(sms.Period)]
    assert periods
    assert all(p == sms.Period(every=4) for p in periods)
