"""The command line in CI: locations, SARIF and GitHub output, codes, settings, plugins, input."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import smstrategy as sms
from smstrategy.cli import locations, main
from smstrategy.cli.locations import locate, positions
from smstrategy.nesting import MAX_DEPTH
from smstrategy.strategies import plans

ROOT = Path(__file__).parent.parent
#: The eight-step example's policy: without a hashtag check it draws advice alone (SMS152).
POLICY = "ark.policy"
EXAMPLES = ROOT / "examples"
SARIF_SCHEMA = json.loads(
    (Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)


def run(capsys, *argv):
    """Run the command line; return its status, standard output and standard error."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def weak_toml(tmp_path, name="plan.toml"):
    """Write the five-step example as TOML with a warning each for SMS102, SMS141 and SMS143.

    Its first goal has no deadline, and its first channel 50 posts a week.
    """
    text = (EXAMPLES / "five-step.toml").read_text(encoding="utf-8")
    text = text.replace('deadline = "2027-06-30"\n', "", 1).replace(
        "cadence = 5\n", "cadence = 50\n"
    )
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path, text


def line_of(text, needle, occurrence=1):
    """Return the line (from 1) of the *occurrence*-th line that starts with *needle*."""
    found = [i for i, line in enumerate(text.splitlines(), 1) if line.startswith(needle)]
    return found[occurrence - 1]


# --- locations ------------------------------------------------------------------------------


def test_check_reports_file_line_and_column_in_toml(tmp_path, capsys, monkeypatch):
    """Each finding is `file:line:col: CODE severity message (path)`, at its node in the TOML."""
    monkeypatch.chdir(tmp_path)
    _, text = weak_toml(tmp_path)
    status, out, _ = run(capsys, "check", "plan.toml")
    goal = line_of(text, "[[direction.goals]]")
    channel = line_of(text, "[[technology.channels]]")
    budget = line_of(text, "[technology.time_budget]")
    lines = out.splitlines()
    assert lines[0] == (
        f"plan.toml:{goal}:1: SMS102 warning The goal “Become the coffee that people in Bergen "
        "name first” has no deadline. (direction.goals[0])"
    )
    assert lines[1].startswith(f"plan.toml:{channel}:1: SMS141 warning 50 posts a week")
    assert lines[2].startswith(f"plan.toml:{budget}:1: SMS143 warning ")
    assert lines[3] == "0 errors, 3 warnings, 0 pieces of advice"
    assert status == 0  # warnings fail only with --fail-on warning


def test_check_reports_line_and_column_in_json(tmp_path, capsys, monkeypatch):
    """In indented JSON the finding points at the key or item that holds the node."""
    monkeypatch.chdir(tmp_path)
    plan = sms.evolve_at(sms.example("popt"), "objectives.goals[1]", deadline=None)
    text = sms.to_json(plan, indent=2)
    Path("plan.json").write_text(text, encoding="utf-8")
    _, out, _ = run(capsys, "check", "plan.json", "--format", "json")
    [finding] = json.loads(out)["findings"]
    goals = text.index('"goals"')
    second = text.index('{\n        "statement"', text.index('"statement"', goals) + 1)
    line = text.count("\n", 0, second) + 1
    column = second - text.rfind("\n", 0, second)
    assert (finding["line"], finding["column"]) == (line, column)
    assert finding["path"] == "objectives.goals[1]"


def test_columns_count_characters_not_bytes():
    """A key after non-ASCII text on its line is placed by characters."""
    found = positions('{"title": "Kaffe på Bryggen ☕", "stage": null}', "json")
    assert found["stage"] == (1, 1 + len('{"title": "Kaffe på Bryggen ☕", '))
    found = positions('a = {b = "ø", c = 1}\n', "toml")
    assert found["a.c"] == (1, 1 + len('a = {b = "ø", '))


def test_toml_positions_follow_arrays_of_tables_dotted_and_quoted_keys():
    """Headers of arrays of tables count their items; a header inside one refers to the latest."""
    text = textwrap.dedent(
        """\
        # a comment
        a.b = 1
        [[x.y]]
        k = 2
        [[x.y]]
        k = 3
        [x.y.z]
        "quoted \\u00e9" = [1, {m = 2}]
        [[x.y.w]]
        """
    )
    found = positions(text, "toml")
    assert found["a"] == found["a.b"] == (2, 1)
    assert found["x.y[0]"] == (3, 1)
    assert (found["x.y[1]"], found["x.y[1].k"]) == ((5, 1), (6, 1))
    assert found["x.y[1].z"] == (7, 1)
    assert found["x.y[1].z.quoted é"] == (8, 1)
    assert found["x.y[1].z.quoted é[1].m"] == (8, len('"quoted \\u00e9" = [1, {') + 1)
    assert found["x.y[1].w[0]"] == (9, 1)


def test_a_path_the_file_does_not_write_is_placed_at_the_nearest_part_above():
    """Fields left to their defaults are placed where their parent is written."""
    found = {"direction": (3, 1), "direction.goals": (5, 1), "direction.goals[0]": (5, 1)}
    assert locate(found, "direction.goals[0].metrics[2]") == (5, 1)
    assert locate(found, "technology") == (1, 1)
    assert locate(found, "") == (1, 1)
    assert locate(None, "direction") is None


def paths_of(data, path=""):
    """Yield the path of every key and item in *data*, as findings write them."""
    if isinstance(data, dict):
        for key, value in data.items():
            inner = f"{path}.{key}" if path else key
            yield inner
            yield from paths_of(value, inner)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            inner = f"{path}[{index}]"
            yield inner
            yield from paths_of(value, inner)


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.toml")))
def test_every_key_and_item_of_the_example_files_is_placed(name):
    """Each path of an example file's data has a position, on the line that writes its key."""
    import tomllib

    text = (EXAMPLES / name).read_text(encoding="utf-8")
    found = positions(text, "toml")
    lines = text.split("\n")  # as editors count lines: not at \x85 or \u2028
    for path in paths_of(tomllib.loads(text)):
        line, column = found[path]
        last = path.rsplit(".", 1)[-1]
        written = lines[line - 1][column - 1 :]
        if written.startswith("["):  # a table's header, [name] or [[name]]
            key = re.escape(last.split("[")[0])
            assert re.search(rf"[.\[]{key}[.\]]", written), (path, line)
        elif "[" not in last:
            assert written.startswith(last), (path, line)
    data = json.loads((EXAMPLES / name.replace(".toml", ".json")).read_text(encoding="utf-8"))
    assert set(positions(sms.to_json(sms.from_dict(data), indent=2), "json")) == set(paths_of(data))


@given(plan=st.sampled_from([sms.FiveStep, sms.EightStep, sms.Popt, sms.Roadmap]).flatmap(plans))
@settings(max_examples=25, deadline=None)
def test_every_key_and_item_of_generated_plans_is_placed(plan):
    """Any plan written as JSON: each key's position is where the key is written."""
    text = sms.to_json(plan, indent=1)
    found = positions(text, "json")
    lines = text.split("\n")  # as editors count lines: not at \x85 or \u2028
    for path in paths_of(json.loads(text)):
        line, column = found[path]
        last = path.rsplit(".", 1)[-1]
        if "[" not in last:
            assert lines[line - 1][column - 1 :].startswith(json.dumps(last, ensure_ascii=False))


def test_without_tree_sitter_findings_name_the_file_only(tmp_path, capsys, monkeypatch):
    """Without the `cli` extra the check still runs; findings name the file and the path."""
    monkeypatch.chdir(tmp_path)
    weak_toml(tmp_path)
    monkeypatch.setattr(locations, "_parser", lambda _: None)
    _, out, _ = run(capsys, "check", "plan.toml")
    assert out.splitlines()[0].startswith("plan.toml: SMS102 warning The goal ")
    _, out, _ = run(capsys, "check", "plan.toml", "--format", "json")
    finding = json.loads(out)["findings"][0]
    assert (finding["line"], finding["column"]) == (None, None)
    _, out, _ = run(capsys, "check", "plan.toml", "--format", "github")
    assert out.startswith("::warning file=plan.toml,title=SMS102::")
    _, out, _ = run(capsys, "check", "plan.toml", "--format", "sarif")
    region = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert region["region"] == {"startLine": 1, "startColumn": 1}


def test_the_parser_is_none_when_tree_sitter_is_missing(monkeypatch):
    """The extra's absence is found by import, once per syntax."""
    locations._parser.cache_clear()
    monkeypatch.setitem(sys.modules, "tree_sitter", None)
    try:
        assert locations._parser("json") is None
        assert positions("{}", "json") is None
    finally:
        locations._parser.cache_clear()


# --- SARIF and GitHub -----------------------------------------------------------------------


def test_sarif_is_valid_sarif_2_1_0_with_rules_help_and_locations(tmp_path, capsys, monkeypatch):
    """The SARIF log validates against the official schema and carries what code scanning reads."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plans").mkdir()
    _, text = weak_toml(tmp_path, "plans/plan q1.toml")
    status, out, _ = run(capsys, "check", "plans/plan q1.toml", "--format", "sarif")
    log = json.loads(out)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    assert log["version"] == "2.1.0"
    [sarif_run] = log["runs"]
    driver = sarif_run["tool"]["driver"]
    assert driver["name"] == "smstrategy"
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert set(rules) == {rule.code for rule in sms.registered_rules()}
    sms141 = sms.registered_rules()[[r.code for r in sms.registered_rules()].index("SMS141")]
    assert rules["SMS141"]["help"]["text"] == sms141.hint
    assert rules["SMS141"]["shortDescription"]["text"] == sms141.summary
    assert rules["SMS141"]["defaultConfiguration"]["level"] == "warning"
    results = sarif_run["results"]
    assert [r["ruleId"] for r in results] == ["SMS102", "SMS141", "SMS143"]
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    where = results[1]["locations"][0]
    assert where["physicalLocation"]["artifactLocation"]["uri"] == "plans/plan%20q1.toml"
    assert where["physicalLocation"]["region"] == {
        "startLine": line_of(text, "[[technology.channels]]"),
        "startColumn": 1,
    }
    assert where["logicalLocations"][0]["fullyQualifiedName"] == "technology.channels[0]"
    assert status == 0


def test_sarif_levels_follow_severities_and_selection_limits_the_rules(tmp_path, capsys):
    """Errors are errors, advice is a note; --select keeps only the chosen rules in the log."""
    data = sms.to_dict(sms.example("five-step"))
    data["direction"]["goals"][0]["metrics"] = []
    path = tmp_path / "weak.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    status, out, _ = run(capsys, "check", str(path), "--format", "sarif", "--select", "SMS10")
    log = json.loads(out)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    assert status == 1
    assert {rule["id"][:5] for rule in log["runs"][0]["tool"]["driver"]["rules"]} == {"SMS10"}
    assert log["runs"][0]["results"][0]["level"] == "error"
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"] == path.as_uri()  # outside the working directory: an absolute URI
    plan = sms.evolve_at(sms.example("eight-step"), POLICY, hashtag_check=False)
    path.write_text(sms.to_json(plan), encoding="utf-8")
    _, out, _ = run(capsys, "check", str(path), "--format", "sarif")
    levels = {r["ruleId"]: r["level"] for r in json.loads(out)["runs"][0]["results"]}
    assert "note" in levels.values()


def test_github_format_is_one_escaped_workflow_command_per_finding(tmp_path, capsys, monkeypatch):
    """Annotations carry file, line, column and code; %, newlines, commas and colons are escaped."""
    monkeypatch.chdir(tmp_path)
    data = sms.to_dict(sms.example("five-step"))
    data["direction"]["goals"][0]["statement"] = "Grow 50%,\nthen: more"
    data["direction"]["goals"][0]["deadline"] = None
    Path("a,b:c.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    status, out, _ = run(capsys, "check", "a,b:c.json", "--format", "github", "--select", "SMS102")
    [line] = out.splitlines()
    match = re.fullmatch(
        r"::warning file=a%2Cb%3Ac\.json,line=(\d+),col=(\d+),title=SMS102::(.*)", line
    )
    assert match is not None, line
    assert "Grow 50%25,%0Athen: more" in match[3]
    assert match[3].endswith("(direction.goals[0])")
    assert status == 0


# --- choosing rules and failing -------------------------------------------------------------


def test_select_and_ignore_take_comma_lists_and_prefixes(tmp_path, capsys, monkeypatch):
    """Comma lists and repeated options add up; codes are case-insensitive prefixes."""
    monkeypatch.chdir(tmp_path)
    weak_toml(tmp_path)
    _, out, _ = run(capsys, "check", "plan.toml", "--select", "sms102, SMS141")
    assert [line.split()[1] for line in out.splitlines()[:-1]] == ["SMS102", "SMS141"]
    _, out, _ = run(capsys, "check", "plan.toml", "--select", "SMS1", "--ignore", "SMS10,SMS143")
    assert [line.split()[1] for line in out.splitlines()[:-1]] == ["SMS141"]
    _, out, _ = run(capsys, "check", "plan.toml", "--ignore", "SMS1", "--ignore", "SMS2,SMS3")
    assert out == "0 errors, 0 warnings, 0 pieces of advice\n"


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--select", "SMS99", "--select: 'SMS99' matches no rule's code; closest: "),
        ("--ignore", "SMS1O1", "--ignore: 'SMS1O1' matches no rule's code; closest: SMS101"),
        ("--select", "SMS101,XYZ", "--select: 'XYZ' matches no rule's code\n"),
    ],
)
def test_unknown_codes_are_refused_with_the_closest(tmp_path, capsys, option, value, message):
    """A code or prefix that matches no registered rule is exit status 2, with the closest."""
    path = tmp_path / "plan.json"
    path.write_text(sms.to_json(sms.example()), encoding="utf-8")
    status, out, err = run(capsys, "check", str(path), option, value)
    assert (status, out) == (2, "")
    assert err.startswith(f"smstrategy: {message}")


@pytest.mark.parametrize(("fail_on", "status"), [("error", 0), ("warning", 1), ("advice", 1)])
def test_fail_on_sets_what_makes_the_status_1(tmp_path, capsys, monkeypatch, fail_on, status):
    """Warnings fail the check from --fail-on warning on; advice only with --fail-on advice."""
    monkeypatch.chdir(tmp_path)
    weak_toml(tmp_path)
    assert run(capsys, "check", "plan.toml", "--fail-on", fail_on)[0] == status


def test_fail_on_advice_fails_on_advice_alone(tmp_path, capsys):
    """A plan with nothing but advice passes unless --fail-on advice."""
    plan = sms.evolve_at(sms.example("eight-step"), POLICY, hashtag_check=False)
    path = tmp_path / "plan.json"
    path.write_text(sms.to_json(plan), encoding="utf-8")
    report = sms.check(plan)
    assert {f.severity.value for f in report} == {"advice"}
    assert run(capsys, "check", str(path), "--fail-on", "warning")[0] == 0
    assert run(capsys, "check", str(path), "--fail-on", "advice")[0] == 1


# --- settings in pyproject.toml -------------------------------------------------------------


def project(tmp_path, settings):
    """Make a project whose pyproject.toml holds *settings*, with a plan two folders down."""
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n' + textwrap.dedent(settings), encoding="utf-8"
    )
    plans = tmp_path / "strategy" / "plans"
    plans.mkdir(parents=True)
    weak_toml(plans)
    return plans


def test_settings_are_found_upwards_and_options_win(tmp_path, capsys, monkeypatch):
    """[tool.smstrategy] in the nearest pyproject.toml upwards; command-line options win."""
    plans = project(
        tmp_path,
        """\
        [tool.smstrategy]
        select = ["SMS1"]
        ignore = "SMS143, SMS102"
        fail-on = "warning"
        """,
    )
    monkeypatch.chdir(plans)
    status, out, _ = run(capsys, "check", "plan.toml")
    assert [line.split()[1] for line in out.splitlines()[:-1]] == ["SMS141"]
    assert status == 1
    status, out, _ = run(capsys, "check", "plan.toml", "--ignore", "SMS141", "--fail-on", "error")
    assert [line.split()[1] for line in out.splitlines()[:-1]] == ["SMS102", "SMS143"]
    assert status == 0


def test_a_pyproject_without_the_table_is_passed_over(tmp_path, capsys, monkeypatch):
    """Like ruff, the search goes on past a pyproject.toml that has no [tool.smstrategy]."""
    plans = project(tmp_path, '[tool.smstrategy]\nignore = ["SMS1"]\n')
    (plans.parent / "pyproject.toml").write_text("[tool.other]\nx = 1\n", encoding="utf-8")
    monkeypatch.chdir(plans)
    _, out, _ = run(capsys, "check", "plan.toml")
    assert [line.split()[1] for line in out.splitlines()[:-1]] == []


def test_settings_change_guideline_thresholds(tmp_path, capsys, monkeypatch):
    """[tool.smstrategy.guidelines] changes thresholds of the guidelines the plan is held to."""
    plans = project(
        tmp_path,
        """\
        [tool.smstrategy]
        select = ["SMS131"]

        [tool.smstrategy.guidelines]
        max_channels = 1
        """,
    )
    monkeypatch.chdir(plans)
    _, out, _ = run(capsys, "check", "plan.toml")
    assert [line.split()[1] for line in out.splitlines()[:-1]] == ["SMS131"]
    _, out, _ = run(capsys, "check", "plan.toml", "--profile", "nonprofit")
    assert [line.split()[1] for line in out.splitlines()[:-1]] == ["SMS131"]


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ("[tool.smstrategy]\nselct = []\n", "[tool.smstrategy]: unknown key(s) 'selct'; known: "),
        ('[tool.smstrategy]\nfail-on = "never"\n', "fail-on: expected one of error, warning"),
        ("[tool.smstrategy]\nselect = [1]\n", "select: expected a list of strings, got [1]"),
        ("[tool.smstrategy]\nguidelines = 3\n", "guidelines: expected a table, got 3"),
        ("[tool]\nsmstrategy = 3\n", "[tool.smstrategy]: expected a table, got 3"),
        (
            "[tool.smstrategy.guidelines]\nmax_channels = 'two'\nmax_chanels = 1\n",
            (
                "[tool.smstrategy] guidelines.max_channels: expected a whole number, got 'two'; "
                "guidelines: unknown key(s) 'max_chanels'"
            ),
        ),
        ("[tool.smstrategy]\nselect = [\n", "pyproject.toml: cannot be read (Invalid"),
    ],
)
def test_bad_settings_are_one_line_and_status_2(tmp_path, capsys, monkeypatch, settings, message):
    """A setting that cannot be used is named, with what was expected."""
    plans = project(tmp_path, settings)
    monkeypatch.chdir(plans)
    status, out, err = run(capsys, "check", "plan.toml")
    assert (status, out) == (2, "")
    assert message in err
    assert len(err.splitlines()) == 1


# --- plugins --------------------------------------------------------------------------------

SOSTAC = """\
import attrs
import smstrategy as sms


@sms.content
class Situation:
    summary: str = attrs.field(validator=sms.validators.text())


@sms.content
class Objectives:
    goals: tuple[sms.Goal, ...] = ()


@sms.framework("plugin-sostac", name="SOSTAC (plugin)")
class Sostac(sms.Framework):
    situation: Situation = sms.step("Situation", questions=("Where are we now?",))
    objectives: Objectives = sms.step("Objectives")


@sms.rule(Situation, code="PLG001", severity="advice", summary="A short situation.",
          hint="Say more about where you stand.", rationale="A situation needs words.")
def short_situation(node, ctx):
    if len(node.summary) < 20:
        yield sms.Flag("The situation is said in fewer than 20 characters.")
"""
SOSTAC_PLAN = """\
framework = "plugin-sostac"
title = "Q3"

[situation]
summary = "New café"

[[objectives.goals]]
statement = "Be known in Bergen"
"""


def subprocess_run(cwd, *argv, env=None):
    return subprocess.run(
        [sys.executable, "-m", "smstrategy", *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_a_plugin_module_adds_a_framework_and_rules(tmp_path):
    """--plugin imports a module from the working directory; its plan files render and check."""
    (tmp_path / "sostac.py").write_text(SOSTAC, encoding="utf-8")
    (tmp_path / "plan.toml").write_text(SOSTAC_PLAN, encoding="utf-8")
    rendered = subprocess_run(tmp_path, "render", "plan.toml", "--plugin", "sostac")
    assert rendered.returncode == 0, rendered.stderr
    assert rendered.stdout.startswith("# Q3\n")
    assert "Be known in Bergen" in rendered.stdout
    checked = subprocess_run(tmp_path, "check", "plan.toml", "--plugin", "sostac")
    assert checked.stdout.splitlines()[0].startswith("plan.toml:4:1: PLG001 advice ")
    assert "SMS101 error" in checked.stdout  # the built-in rules run on its goals too
    assert checked.returncode == 1
    refused = subprocess_run(tmp_path, "check", "plan.toml")
    assert refused.returncode == 2
    assert "no framework is registered as 'plugin-sostac'" in refused.stderr


def test_plugins_named_in_settings_are_imported_from_the_project(tmp_path):
    """Plugins in [tool.smstrategy] are imported from the folder of the pyproject.toml."""
    (tmp_path / "pyproject.toml").write_text(
        '[tool.smstrategy]\nplugins = ["sostac"]\nselect = ["PLG"]\n', encoding="utf-8"
    )
    (tmp_path / "sostac.py").write_text(SOSTAC, encoding="utf-8")
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "plan.toml").write_text(SOSTAC_PLAN, encoding="utf-8")
    checked = subprocess_run(tmp_path / "plans", "check", "plan.toml", "--fail-on", "advice")
    assert checked.returncode == 1, checked.stderr
    assert checked.stdout.splitlines()[0].startswith("plan.toml:4:1: PLG001 advice ")
    schema = subprocess_run(tmp_path / "plans", "schema", "plugin-sostac")
    assert json.loads(schema.stdout)["properties"]["situation"]["title"] == "Situation"


def test_an_entry_point_plugin_is_loaded_by_every_command(tmp_path):
    """A distribution's entry point in the group smstrategy.plugins is imported first."""
    (tmp_path / "sostac.py").write_text(SOSTAC, encoding="utf-8")
    info = tmp_path / "sostac_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: sostac-plugin\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[smstrategy.plugins]\nsostac = sostac\n", encoding="utf-8"
    )
    work = tmp_path / "work"
    work.mkdir()
    (work / "plan.toml").write_text(SOSTAC_PLAN, encoding="utf-8")
    env = {"PYTHONPATH": str(tmp_path)}
    listed = subprocess_run(work, "frameworks", env=env)
    assert "plugin-sostac: SOSTAC (plugin)" in listed.stdout, listed.stderr
    checked = subprocess_run(work, "check", "plan.toml", env=env)
    assert checked.returncode == 1, checked.stderr
    assert "PLG001" in checked.stdout


def test_a_plugin_that_fails_to_import_is_one_line(tmp_path, capsys, monkeypatch):
    """A missing or broken plugin is status 2, naming it and the error."""
    monkeypatch.chdir(tmp_path)
    status, _, err = run(capsys, "frameworks", "--plugin", "no_such_module_here")
    assert status == 2
    assert err == (
        "smstrategy: plugin 'no_such_module_here': ModuleNotFoundError: "
        "No module named 'no_such_module_here'\n"
    )
    (tmp_path / "broken_plugin.py").write_text("raise RuntimeError('x' * 5000)\n", encoding="utf-8")
    status, _, err = run(capsys, "frameworks", "--plugin", "broken_plugin")
    assert status == 2
    assert err.startswith("smstrategy: plugin 'broken_plugin': RuntimeError: xxx")
    assert len(err) < 300
    assert str(tmp_path) not in sys.path


# --- standard input and output, and the output file -----------------------------------------


def test_dash_reads_standard_input_and_writes_standard_output(capsys, monkeypatch):
    """`-` as the file reads standard input, JSON or TOML; `-o -` writes standard output."""
    import io

    text = (EXAMPLES / "popt.toml").read_text(encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    status, out, _ = run(capsys, "render", "-", "-o", "-")
    assert (status, out) == (0, sms.render(sms.example("popt")))
    monkeypatch.setattr(sys, "stdin", io.StringIO("\ufeff" + sms.to_json(sms.example("popt"))))
    status, out, _ = run(capsys, "check", "-", "--format", "json")
    assert status == 0
    assert json.loads(out)["file"] == "-"
    monkeypatch.setattr(sys, "stdin", io.StringIO("neither = [\n"))
    status, _, err = run(capsys, "check", "-")
    assert (status, err) == (2, "smstrategy: -: neither JSON nor TOML\n")


def test_dash_in_a_pipe(tmp_path):
    """Through a real pipe: standard input in, findings out."""
    text = (EXAMPLES / "five-step.toml").read_text(encoding="utf-8").replace("cadence = 5\n", "")
    done = subprocess.run(
        [sys.executable, "-m", "smstrategy", "check", "-", "--select", "SMS14"],
        input=text,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].startswith("-:")


@pytest.mark.parametrize("command", [["render"], ["check"], ["diff", "other.json"]])
def test_output_never_overwrites_an_input_file(tmp_path, capsys, monkeypatch, command):
    """-o naming an input file is refused before anything is written."""
    monkeypatch.chdir(tmp_path)
    text = sms.to_json(sms.example())
    Path("plan.json").write_text(text, encoding="utf-8")
    Path("other.json").write_text(text, encoding="utf-8")
    argv = [command[0], "plan.json", *command[1:], "-o", "./sub/../plan.json"]
    Path("sub").mkdir()
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert err == (
        "smstrategy: -o ./sub/../plan.json: is the input file plan.json; write to another file\n"
    )
    assert Path("plan.json").read_text(encoding="utf-8") == text


# --- bounded errors and nesting -------------------------------------------------------------

FIFTY_MB = 50 * 1024 * 1024


@pytest.mark.parametrize(
    ("name", "make"),
    [
        (
            "plan.json",
            lambda: '{"framework": "five-step", "title": "' + "x" * FIFTY_MB + '", "stage": 3}',
        ),
        ("plan.json", lambda: '{"framework": "' + "y" * FIFTY_MB + '"}'),
        ("plan.json", lambda: '{"framework": "popt", "title": ' + "1" * FIFTY_MB + "}"),
        (
            "plan.toml",
            lambda: 'framework = "popt"\ntitle = "' + "z" * FIFTY_MB + '"\npurpose = 1\n',
        ),
        ("plan.json", lambda: "[" + "1," * (FIFTY_MB // 2) + "1]"),
        ("plan.txt", lambda: "\x00" * FIFTY_MB),
        (
            "plan.json",
            lambda: (
                '{"framework": "popt", "goals": {'
                + ",".join(f'"k{i}": {i}' for i in range(2_000_000))
                + "}}"
            ),
        ),
    ],
    ids=["long-title", "long-key", "long-number", "long-toml", "long-list", "binary", "many-keys"],
)
def test_a_50_mb_bad_file_gives_a_message_under_1_kb(tmp_path, capsys, name, make):
    """However large the bad input, the message shows a short excerpt of it."""
    path = tmp_path / name
    path.write_text(make(), encoding="utf-8")
    assert path.stat().st_size >= FIFTY_MB / 2
    status, out, err = run(capsys, "check", str(path))
    assert (status, out) == (2, "")
    assert len(err.encode("utf-8")) < 1024, err[:2000]
    assert err.count("\n") == 1


@pytest.mark.parametrize("syntax", ["json", "toml"])
@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 5_000, 200_000])
def test_deep_nesting_is_refused_in_the_command_line(tmp_path, capsys, syntax, depth):
    """Input nested past the limit is one line and status 2, never a RecursionError."""
    nested = "[" * depth + "]" * depth
    text = (
        f'{{"framework": "popt", "title": {nested}}}' if syntax == "json" else f"title = {nested}\n"
    )
    path = tmp_path / f"plan.{syntax}"
    path.write_text(text, encoding="utf-8")
    status, out, err = run(capsys, "check", str(path))
    assert (status, out) == (2, "")
    assert f"nested deeper than {MAX_DEPTH} levels" in err
    assert len(err) < 1024


def test_nesting_just_within_the_limit_is_read_as_data(tmp_path, capsys):
    """At the limit the file is read, and refused for what it holds, not for its depth."""
    nested = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    path = tmp_path / "plan.json"
    path.write_text(f'{{"framework": "popt", "title": {nested}}}', encoding="utf-8")
    status, _, err = run(capsys, "check", str(path))
    assert status == 2
    assert "$.title: expected a string" in err


# --- the pre-commit hook --------------------------------------------------------------------


def test_the_pre_commit_hook_runs_the_check_on_plan_files(tmp_path):
    """.pre-commit-hooks.yaml defines a hook whose entry checks the files it is given."""
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [hook] = hooks
    assert hook["id"] == "smstrategy-check"
    assert hook["language"] == "python"
    assert hook["entry"].split()[0] == "smstrategy"
    assert re.search(hook["files"], "strategy/plan-2027.toml")
    assert re.search(hook["files"], "plans/q1.plan.json")
    assert not re.search(hook["files"], "pyproject.toml")
    argv = [*hook["entry"].split()[1:], *hook.get("args", [])]
    good = subprocess_run(ROOT, *argv, "examples/popt.toml")
    assert good.returncode == 0, good.stderr
    data = sms.to_dict(sms.example("popt"))
    data["objectives"]["goals"][0]["metrics"] = []
    (tmp_path / "plan.json").write_text(json.dumps(data), encoding="utf-8")
    bad = subprocess_run(tmp_path, *argv, "plan.json")
    assert bad.returncode == 1
    assert "SMS101" in bad.stdout


# --- several files, and the edges of the messages -------------------------------------------


def test_several_files_are_checked_one_after_the_other(tmp_path, capsys, monkeypatch):
    """Findings of each file in turn, one summary; JSON gives a list; documents take one file."""
    monkeypatch.chdir(tmp_path)
    weak_toml(tmp_path, "a.toml")
    Path("b.json").write_text(sms.to_json(sms.example("popt")), encoding="utf-8")
    status, out, _ = run(capsys, "check", "a.toml", "b.json", "a.toml")
    assert [line.split(":")[0] for line in out.splitlines()[:-1]] == ["a.toml"] * 6
    assert out.splitlines()[-1] == "0 errors, 6 warnings, 0 pieces of advice"
    assert status == 0
    _, out, _ = run(capsys, "check", "a.toml", "b.json", "--format", "json")
    assert [report["file"] for report in json.loads(out)] == ["a.toml", "b.json"]
    status, out, err = run(capsys, "check", "a.toml", "b.json", "--format", "markdown")
    assert (status, out) == (2, "")
    assert err == "smstrategy: --format markdown writes one report: check one file at a time\n"


def test_standard_input_in_sarif_is_named_stdin(capsys, monkeypatch):
    """A plan from standard input is located in the artifact `stdin`."""
    import io

    data = sms.to_dict(sms.example("popt"))
    data["objectives"]["goals"][0]["deadline"] = None
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(data, indent=2)))
    _, out, _ = run(capsys, "check", "-", "--format", "sarif")
    log = json.loads(out)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    where = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert where["artifactLocation"]["uri"] == "stdin"


def test_a_long_message_from_the_library_is_cut(capsys, monkeypatch):
    """Whatever the library says, the command line writes at most a few hundred characters."""

    def refuse(key):
        raise sms.UnknownFrameworkError("k", ["x" * 5000])

    monkeypatch.setattr(sms, "get_framework", refuse)
    status, _, err = run(capsys, "worksheet", "five-step")
    assert status == 2
    assert err.endswith("...\n")
    assert len(err) < 700


def test_deep_data_in_from_dict_and_from_json_names_the_path():
    """The library refuses deep data with a StructureError and the path, JSON bytes too."""
    deep = {"framework": "popt", "title": {"odd key": [[[[1]]]]}}
    for _ in range(MAX_DEPTH):
        deep["title"]["odd key"] = [deep["title"]["odd key"]]
    with pytest.raises(sms.StructureError) as caught:
        sms.from_dict(deep)
    [problem] = caught.value.problems
    assert problem.startswith("$.title['odd key'][0][0]")
    assert problem.endswith(f"[0]: nested deeper than {MAX_DEPTH} levels")
    assert "..." in problem  # the middle of a long path is cut
    nested = b"[" * 100_000 + b"]" * 100_000
    with pytest.raises(sms.StructureError) as caught:
        sms.from_json(nested)
    assert caught.value.problems == (
        f"$: nested deeper than {MAX_DEPTH} levels (line 1, column {MAX_DEPTH + 1})",
    )


def test_a_structure_error_lists_ten_problems_and_counts_the_rest():
    """The message names the first ten problems; problems holds them all."""
    data = sms.to_dict(sms.example("popt"))
    data["objectives"]["goals"] = [{"statement": index} for index in range(12)]
    with pytest.raises(sms.StructureError) as caught:
        sms.from_dict(data)
    assert len(caught.value.problems) == 12
    message = str(caught.value)
    assert message.splitlines()[0] == "12 problems in the data:"
    assert message.splitlines()[-1] == "  ... and 2 more"
    assert len(message.splitlines()) == 12
