"""json_schema: the schema of plan files, and its agreement with from_dict."""

from __future__ import annotations

import copy
import datetime as dt
import decimal
import json
import re
import textwrap
import typing
from collections.abc import Mapping
from pathlib import Path

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import smstrategy as sms
from custom_frameworks import FiveStepWithBudget, Sostac
from smstrategy import validators as v
from smstrategy.cli import main

ROOT = Path(__file__).parent.parent
KEYS = ["five-step", "eight-step", "popt", "roadmap"]
DOCUMENTS = [sms.Results, sms.ContentPlan, sms.Calendar]
#: What from_dict refuses that no schema of one field can say: the invariants that tie fields
#: together, listed in docs/conversion.md.  A disagreement must be one of these.
CROSS_FIELD = re.compile(
    "|".join(  # noqa: FLY002  # one alternative a line
        [
            r"shares: expected shares that add up to 100",
            r"expected each [a-z ]+ at most once",
            r"target_upper: expected no upper end unless the comparison is 'between'",
            r"target_upper: expected the upper end of the range 'between' sets",
            r"target_upper: expected a number of at least the target",
            r"expected a change of at least -100 per cent",
            r"cadence_upper: expected a number of at least the cadence",
            r"got '\d{4}-02-29",
            r"expected one value per metric, goal, channel, category and date",
        ]
    )
)


def content_plan():
    """Return a content plan of the five-step example's channels and mix, with a week of posts."""
    plan = sms.example("five-step")
    calendar = sms.build_calendar(
        plan.technology.channels,
        plan.technology.content_mix,
        start=dt.date(2027, 1, 4),
        weeks=1,
    )
    return sms.ContentPlan(
        title="January",
        channels=plan.technology.channels,
        mix=plan.technology.content_mix,
        calendar=calendar,
    )


def validator(schema):
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def accepted(data, cls=None):
    """Return None when from_dict reads the data, or the problems it found."""
    try:
        if cls is None:
            sms.from_dict(data)
        else:
            sms.from_dict(data, cls)
    except sms.StructureError as e:
        return e.problems
    return None


def agree(schema, data, cls=None):
    """Assert that the schema and from_dict agree on *data*, but for what the schema cannot say."""
    valid = validator(schema).is_valid(data)
    problems = accepted(data, cls)
    if valid and problems is not None:
        unsaid = [p for p in problems if not CROSS_FIELD.search(p)]
        assert not unsaid, f"the schema accepts what from_dict refuses: {unsaid}"
    if not valid:
        errors = [e.message for e in validator(schema).iter_errors(data)]
        assert problems is not None, f"from_dict accepts what the schema refuses: {errors}"


# --- the schema itself ----------------------------------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_the_schema_is_draft_2020_12_and_every_example_file_is_valid(key):
    """Every bundled example, as data and as the files in examples/, validates."""
    schema = sms.json_schema(key)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    validator(schema).validate(sms.to_dict(sms.example(key)))
    validator(schema).validate(json.loads((ROOT / "examples" / f"{key}.json").read_text("utf-8")))
    import tomllib

    toml = tomllib.loads((ROOT / "examples" / f"{key}.toml").read_text("utf-8"))
    validator(schema).validate(json.loads(json.dumps(toml, default=str)))


@pytest.mark.parametrize("cls", DOCUMENTS, ids=lambda c: c.__name__)
def test_documents_have_schemas_too(cls):
    """Results, content plans and calendars: their examples validate against their schemas."""
    schema = sms.json_schema(cls)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["kind"] == {
        "const": cls.key,
        "title": "Kind",
        "description": "What the document is.",
    }
    examples = {
        sms.Results: sms.example_results("five-step"),
        sms.ContentPlan: content_plan(),
        sms.Calendar: sms.build_calendar(
            sms.example("five-step").technology.channels,
            sms.example("five-step").technology.content_mix,
            start=dt.date(2027, 1, 4),
            weeks=2,
        ),
    }
    validator(schema).validate(sms.to_dict(examples[cls]))


def test_titles_and_descriptions_come_from_steps_and_field_comments():
    """A step's title, summary and questions; a field's label or its #: comment."""
    schema = sms.json_schema(sms.FiveStep)
    direction = schema["properties"]["direction"]
    step = sms.FiveStep.steps()[0]
    assert direction["title"] == step.title
    assert direction["description"].startswith(step.summary)
    assert step.questions[0] in direction["description"]
    assert direction["$ref"] == "#/$defs/Direction"
    assert schema["properties"]["stage"]["description"].startswith("The journey stage")
    mix = schema["$defs"]["ContentMix"]["properties"]
    assert mix["curated"]["title"] == "Curated (%)"
    assert (mix["curated"]["minimum"], mix["curated"]["maximum"]) == (0, 100)
    assert schema["title"] == sms.FiveStep.name
    assert schema["description"] == sms.FiveStep.summary


def test_bounds_patterns_defaults_and_enums_follow_the_validators():
    """What each field's validator asks is said in the schema."""
    defs = sms.json_schema("popt")["$defs"]
    metric = defs["Metric"]["properties"]
    assert metric["name"] == {"type": "string", "pattern": v.TEXT_PATTERN, "title": "Name"}
    assert metric["agree_from"]["minimum"] == 1
    assert metric["agree_from"]["default"] == 4
    assert metric["comparison"]["enum"] == [c.value for c in sms.Comparison]
    assert defs["Goal"]["required"] == ["statement"]
    assert defs["Goal"]["additionalProperties"] is False
    deadline = defs["Goal"]["properties"]["deadline"]["anyOf"]
    assert deadline[0]["format"] == "date"
    assert deadline[1] == {"type": "null"}
    audience = defs["Audience"]["properties"]["demographics"]
    assert audience["items"] == {"type": "string", "pattern": v.TEXT_PATTERN}
    assert metric["unit"]["pattern"] == v.STRING_PATTERN


def test_renamed_fields_of_older_files_are_in_the_schema():
    """A field saved under an older name is allowed under it, but not both names at once."""
    schema = sms.json_schema("roadmap")
    effort = schema["$defs"]["EffortMeasurement"]
    assert effort["properties"]["review_every_weeks"]["deprecated"] is True
    data = sms.to_dict(sms.example("roadmap"))
    measuring = data["measurement_of_effort"]
    measuring.pop("review_every", None)
    measuring["review_every_weeks"] = 2
    assert validator(schema).is_valid(data)
    assert accepted(data) is None
    measuring["review_every"] = {"every": 1, "unit": "month"}
    assert not validator(schema).is_valid(data)
    assert accepted(data) is not None


def test_custom_frameworks_have_schemas_without_extra_code():
    """A framework of one's own, and a subclass of a built-in one, get their schema."""
    schema = sms.json_schema(Sostac)
    assert schema["properties"]["framework"]["const"] == "test-sostac"
    assert set(schema["required"]) >= {"framework", "title", "situation"}
    jsonschema.Draft202012Validator.check_schema(schema)
    budgeted = sms.json_schema(FiveStepWithBudget)
    assert "budget" in budgeted["properties"]
    assert "direction" in budgeted["properties"]


@sms.content
class Goal:
    note: str = ""


def test_two_classes_of_one_name_get_two_definitions():
    """A block of one's own named like a built-in one is defined apart from it."""

    @sms.framework("test-two-goals", name="Two goals")
    class TwoGoals(sms.Framework):
        mine: Goal = sms.step("Mine")
        theirs: sms.Goal = sms.step("Theirs")

    try:
        defs = sms.json_schema(TwoGoals)["$defs"]
        assert "Goal" in defs
        assert any(name.endswith(".Goal") and name != "Goal" for name in defs)
    finally:
        sms.base._REGISTRY.pop("test-two-goals")


def test_a_bad_argument_is_refused():
    """Neither a framework nor a document: the error names what came."""
    with pytest.raises(sms.UnknownFrameworkError):
        sms.json_schema("no-such-framework")
    with pytest.raises(TypeError, match=r"json_schema\.framework: expected a framework class"):
        sms.json_schema(sms.Goal)


def test_the_schema_command_prints_the_schema(capsys, tmp_path):
    """`smstrategy schema KEY` prints what json_schema returns, as JSON."""
    assert main(["schema", "roadmap"]) == 0
    assert json.loads(capsys.readouterr().out) == sms.json_schema("roadmap")
    out = tmp_path / "roadmap.schema.json"
    assert main(["schema", "popt", "-o", str(out)]) == 0
    assert json.loads(out.read_text("utf-8")) == sms.json_schema("popt")


# --- agreement with from_dict ---------------------------------------------------------------


def from_schema(schema, root=None):  # noqa: PLR0911  # one return per keyword
    """Return a strategy for data that *schema* accepts (the keywords json_schema writes)."""
    root = schema if root is None else root
    if "$ref" in schema:
        return from_schema(root["$defs"][schema["$ref"].rsplit("/", 1)[1]], root)
    if "anyOf" in schema:
        return st.one_of([from_schema(option, root) for option in schema["anyOf"]])
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "object" and "properties" in schema:
        wanted = {
            name: from_schema(part, root)
            for name, part in schema["properties"].items()
            if not part.get("deprecated")
        }
        required = set(schema.get("required", ()))
        return st.fixed_dictionaries(
            {name: part for name, part in wanted.items() if name in required},
            optional={name: part for name, part in wanted.items() if name not in required},
        )
    if kind == "object":
        keys = schema.get("propertyNames", {"type": "string"})
        values = schema.get("additionalProperties", {})
        return st.dictionaries(from_schema(keys, root), from_schema(values, root), max_size=3)
    if kind == "array":
        return st.lists(from_schema(schema.get("items", {}), root), max_size=3)
    return scalar(schema)


def scalar(schema):  # noqa: PLR0911  # one return per type
    """Return a strategy for a string, a number, true or false, or null that *schema* accepts."""
    kind = schema.get("type")
    if kind == "string":
        if "pattern" in schema:
            return st.from_regex(schema["pattern"])
        return st.text(max_size=8)
    if kind in ("integer", "number"):
        low, high = schema.get("minimum"), schema.get("maximum")
        if kind == "integer":
            return st.integers(
                None if low is None else int(low), None if high is None else int(high)
            )
        return st.floats(low, high, allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    return st.none()


HYPOTHESIS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def block_schema(key, name):
    """Return the schema of one building block, with the definitions it refers to."""
    schema = sms.json_schema(key)
    return {"$defs": schema["$defs"], **schema["$defs"][name]}


@pytest.mark.parametrize(
    ("key", "name", "cls"),
    [
        ("popt", "Metric", sms.Metric),
        ("popt", "Goal", sms.Goal),
        ("five-step", "Channel", sms.Channel),
        ("five-step", "ContentMix", sms.ContentMix),
        ("eight-step", "Team", sms.Team),
        ("roadmap", "Review", sms.Review),
        ("popt", "Audience", sms.Audience),
    ],
)
def test_generated_blocks_that_the_schema_accepts_are_read(key, name, cls):
    """Data generated from a block's schema is read by the converter, but for cross-field rules."""
    schema = block_schema(key, name)
    converter = __import__("smstrategy.convert", fromlist=["converter"]).converter()

    @HYPOTHESIS
    @given(from_schema(schema))
    def check(data):
        try:
            converter.structure(data, cls)
        except Exception as e:  # noqa: BLE001
            problems = list(
                __import__("smstrategy.convert", fromlist=["_problems"])._problems(e, "$")
            )
            unsaid = [p for p in problems if not CROSS_FIELD.search(p)]
            assert not unsaid, (data, unsaid)

    check()


def mutations(data):
    """Strategies that change one thing in plan data: drop a key, retype a value, add a key."""
    paths = []
    pending = [((), data)]
    while pending:
        path, value = pending.pop()
        paths.append(path)
        if isinstance(value, dict):
            pending.extend(((*path, k), v) for k, v in value.items())
        elif isinstance(value, list):
            pending.extend(((*path, i), v) for i, v in enumerate(value))
    replacement = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-5, 200),
        st.floats(-5, 200, allow_nan=False),
        st.sampled_from(["", " ", "x", "2027-02-30", "2027-06-30", "2027-01-04T08:30", "weekly"]),
        st.lists(st.text(max_size=3), max_size=2),
        st.dictionaries(st.sampled_from(["name", "every", "unit", "x"]), st.integers(0, 3)),
    )
    return st.tuples(st.sampled_from(paths), st.sampled_from(["drop", "set", "add"]), replacement)


def mutated(data, change):
    path, how, value = change
    data = copy.deepcopy(data)
    if not path:
        return data
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if how == "drop":
        del parent[last]
    elif how == "set":
        parent[last] = value
    elif isinstance(parent[last], dict):
        parent[last]["unexpected"] = value
    elif isinstance(parent[last], list):
        parent[last].append(value)
    else:
        parent[last] = value
    return data


@pytest.mark.parametrize("key", KEYS)
def test_schema_and_from_dict_agree_on_mutated_plans(key):
    """One change to a valid plan: the schema and from_dict accept or refuse it alike."""
    schema = sms.json_schema(key)
    data = sms.to_dict(sms.example(key))

    @settings(max_examples=150, deadline=None)
    @given(mutations(data))
    def check(change):
        agree(schema, mutated(data, change))

    check()


@pytest.mark.parametrize("cls", DOCUMENTS, ids=lambda c: c.__name__)
def test_schema_and_from_dict_agree_on_mutated_documents(cls):
    """The same for results, content plans and calendars."""
    schema = sms.json_schema(cls)
    data = sms.to_dict(
        {
            sms.Results: lambda: sms.example_results("five-step"),
            sms.ContentPlan: content_plan,
            sms.Calendar: lambda: sms.build_calendar(
                sms.example("five-step").technology.channels,
                sms.example("five-step").technology.content_mix,
                start=dt.date(2027, 1, 4),
                weeks=1,
            ),
        }[cls]()
    )

    @settings(max_examples=60, deadline=None)
    @given(mutations(data))
    def check(change):
        agree(schema, mutated(data, change), cls)

    check()


def test_schema_and_from_dict_agree_on_edge_values():
    """Values at the edges of what each side reads."""
    schema = sms.json_schema("popt")
    data = sms.to_dict(sms.example("popt"))
    goal = data["objectives"]["goals"][0]
    for deadline in [
        "2027-06-30",
        "2027-6-30",
        "20270630",
        "2027-02-29",
        "2028-02-29",
        "2027-13-01",
    ]:
        agree(
            schema,
            {
                **data,
                "objectives": {**data["objectives"], "goals": [{**goal, "deadline": deadline}]},
            },
        )
    for agree_from in [1, 5, 0, 6, 2.0, 2.5, True]:
        metric = {**goal["metrics"][0], "agree_from": agree_from}
        agree(
            schema,
            {
                **data,
                "objectives": {**data["objectives"], "goals": [{**goal, "metrics": [metric]}]},
            },
        )
    for title in ["", " ", "\u00a0", "x", "\u2028", "\x1c"]:
        agree(schema, {**data, "title": title})


# --- the shapes a framework of one's own may hold -------------------------------------------


Ticket = typing.NewType("Ticket", str)


def _upper(value):
    return value.upper()


@attrs.frozen(kw_only=True)
class Notes:
    """Notes of any shape."""

    #: Either a word or a count.
    either: str | int = "x"
    tallies: Mapping[str, int] = attrs.field(factory=dict)
    anything: typing.Any = None
    size: typing.Literal["small", "large"] = "small"
    ticket: Ticket = Ticket("t-1")
    amount: decimal.Decimal = decimal.Decimal(1)
    checked: str = attrs.field(default="a", validator=lambda *_: None)
    loud: str = attrs.field(default=3, converter=_upper)
    copied: str = attrs.field(default=attrs.Factory(lambda self: self.either, takes_self=True))
    hidden: int = attrs.field(init=False, default=0)


@sms.framework("test-schema-notes", name="Notes only")
class NotesOnly(sms.Framework):
    notes: Notes = sms.step("Notes")


def test_fields_of_any_shape_get_a_schema_as_far_as_it_can_say():
    """Unions, mappings, unknown types, plain validators and odd defaults."""
    schema = sms.json_schema(NotesOnly)
    notes = schema["$defs"]["Notes"]
    fields = notes["properties"]
    assert fields["either"]["anyOf"] == [{"type": "string"}, {"type": "integer"}]
    assert fields["either"]["description"] == "Either a word or a count."
    assert fields["tallies"] == {
        "type": "object",
        "additionalProperties": {"type": "integer"},
        "title": "Tallies",
        "default": {},
    }
    assert fields["anything"] == {"title": "Anything", "default": None}
    assert fields["size"] == {"enum": ["small", "large"], "title": "Size", "default": "small"}
    assert fields["ticket"] == {"title": "Ticket", "default": "t-1"}  # a type it cannot say
    assert fields["amount"]["title"] == "Amount"
    assert "type" not in fields["amount"]
    assert fields["checked"] == {"type": "string", "title": "Checked", "default": "a"}
    assert "default" not in fields["loud"]  # the converter refuses its own default
    assert "default" not in fields["copied"]  # made from the instance
    assert "hidden" not in fields
    assert notes["description"] == "Notes of any shape."


def test_a_framework_without_blocks_has_no_definitions():
    """A plan whose steps hold nothing but text needs no $defs."""
    namespace: dict[str, object] = {}
    exec(  # noqa: S102  # declared where no source can be found, as in a notebook
        textwrap.dedent(
            """
            import smstrategy as sms

            @sms.framework("test-schema-bare", name="Bare")
            class Bare(sms.Framework):
                #: Never read: the source of this class cannot be found.
                pass
            """
        ),
        namespace,
    )
    try:
        schema = sms.json_schema("test-schema-bare")
        assert "$defs" not in schema
        assert "description" not in schema  # no summary, and no docstring
        assert schema["properties"]["title"]["description"].startswith("The plan's title")
        assert schema["required"] == ["framework", "title"]
    finally:
        sms.base._REGISTRY.pop("test-schema-bare")
