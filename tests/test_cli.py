"""The command line, and the example files it reads."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import smstrategy as sms
from smstrategy.__main__ import main

EXAMPLES = Path(__file__).parent.parent / "examples"
KEYS = ["five-step", "eight-step", "popt", "roadmap"]


def without_none(value):
    """Return *value* with every None left out of its dicts, as TOML has no null."""
    if isinstance(value, dict):
        return {k: without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_none(item) for item in value]
    return value


def run(capsys, *argv):
    """Run the command line; return its status, standard output and standard error."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# --- the example files --------------------------------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_example_files_match_the_bundled_examples(key):
    """examples/ holds each bundled example as JSON, TOML and rendered Markdown, in sync."""
    plan = sms.example(key)
    json_text = (EXAMPLES / f"{key}.json").read_text(encoding="utf-8")
    assert json_text == sms.to_json(plan, indent=2) + "\n"
    toml_data = tomllib.loads((EXAMPLES / f"{key}.toml").read_text(encoding="utf-8"))
    assert toml_data == without_none(sms.to_dict(plan))
    assert sms.from_dict(toml_data) == plan
    assert (EXAMPLES / f"{key}.md").read_text(encoding="utf-8") == sms.render(plan)


def test_example_results_files_match_the_bundled_results():
    """examples/results.csv and results.json hold the five-step example's results, in sync."""
    results = sms.example_results("five-step")
    assert (EXAMPLES / "results.csv").read_bytes() == sms.results_to_csv(results).encode("utf-8")
    assert sms.read_results_csv((EXAMPLES / "results.csv").read_bytes()).observations == (
        results.observations
    )
    assert sms.from_json((EXAMPLES / "results.json").read_text("utf-8"), sms.Results) == results


@pytest.mark.parametrize("suffix", ["json", "toml"])
@pytest.mark.parametrize("key", KEYS)
def test_render_and_check_accept_the_example_files(key, suffix, capsys):
    """`render` and `check` read the example files, JSON and TOML alike."""
    path = str(EXAMPLES / f"{key}.{suffix}")
    status, out, _ = run(capsys, "render", path)
    assert status == 0
    assert out == sms.render(sms.example(key))
    status, out, _ = run(capsys, "check", path)
    assert status == 0
    assert out == "0 errors, 0 warnings, 0 pieces of advice\n"


# --- commands -----------------------------------------------------------------------------


def test_frameworks_lists_keys_names_and_steps(capsys):
    """`frameworks` lists every registered framework with its steps."""
    status, out, _ = run(capsys, "frameworks")
    assert status == 0
    assert out.startswith("five-step: Five-step model\n  1. A Direction\n  2. A Target\n")
    assert "roadmap: Strategy roadmap\n  1. Who are you trying to reach?\n" in out


@pytest.mark.parametrize("key", KEYS)
def test_worksheet_prints_the_worksheet(key, capsys):
    """`worksheet KEY` prints the framework's worksheet."""
    status, out, _ = run(capsys, "worksheet", key)
    assert status == 0
    assert out == sms.worksheet(sms.get_framework(key))


def test_worksheet_of_an_unknown_framework_says_which_exist(capsys):
    """An unknown key is one line on stderr that lists the known keys, and status 2."""
    status, out, err = run(capsys, "worksheet", "six-step")
    assert status == 2
    assert out == ""
    assert err.startswith("smstrategy: no framework is registered as 'six-step'; known keys:")
    assert err.count("\n") == 1


def write_plan(tmp_path, name, plan=None, **changes):
    """Write a plan (the five-step example by default) as JSON, with top-level *changes*."""
    data = sms.to_dict(plan or sms.example("five-step"))
    data.update(changes)
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_check_exits_1_on_errors_and_prints_findings(tmp_path, capsys):
    """`check` prints each finding and exits 1 when the plan has errors."""
    data = sms.to_dict(sms.example("five-step"))
    data["direction"]["goals"][0]["metrics"] = []
    path = tmp_path / "weak.json"
    text = json.dumps(data)
    path.write_text(text, encoding="utf-8")
    status, out, _ = run(capsys, "check", str(path))
    assert status == 1
    column = text.index('{"statement"') + 1  # the goal's object, on the only line
    first = out.splitlines()[0]
    assert first.startswith(f"{path}:1:{column}: SMS101 error The goal ")
    assert first.endswith(" (direction.goals[0])")
    assert out.splitlines()[-1] == "1 error, 0 warnings, 0 pieces of advice"
    status, out, _ = run(capsys, "check", str(path), "--ignore", "SMS101")
    assert status == 0
    status, out, _ = run(capsys, "check", str(path), "--select", "SMS2")
    assert (status, out) == (0, "0 errors, 0 warnings, 0 pieces of advice\n")


def test_check_as_json_markdown_and_html(tmp_path, capsys):
    """`check --format json` prints the report as data; markdown and html render it."""
    path = write_plan(tmp_path, "plan.json")
    status, out, _ = run(capsys, "check", path, "--format", "json")
    data = json.loads(out)
    assert status == 0
    assert data == {
        "framework": "five-step",
        "title": sms.example().title,
        "file": path,
        "ok": True,
        "counts": {"error": 0, "warning": 0, "advice": 0},
        "findings": [],
    }
    weak = write_plan(tmp_path, "weak.json", stage="high impact")
    status, out, _ = run(capsys, "check", weak, "--format", "json")
    [finding] = json.loads(out)["findings"]
    assert (status, finding["code"], finding["path"]) == (0, "SMS241", "stage")
    text = Path(weak).read_text(encoding="utf-8")
    assert (finding["file"], finding["line"]) == (weak, 1)
    assert finding["column"] == text.index('"stage"') + 1
    _, out, _ = run(capsys, "check", path, "--format", "markdown")
    assert out.startswith("# Check report: ")
    _, out, _ = run(capsys, "check", path, "--format", "html")
    assert out.startswith("<!doctype html>")


def test_diff_shows_what_changed(tmp_path, capsys):
    """`diff OLD NEW` prints what changed between two plan files."""
    old = write_plan(tmp_path, "old.json")
    new = write_plan(tmp_path, "new.json", title="Fjord Coffee: 2028")
    status, out, _ = run(capsys, "diff", old, new)
    assert status == 0
    assert out.startswith("# What changed: Fjord Coffee: 2028\n")


def test_diff_of_two_frameworks_is_refused(tmp_path, capsys):
    """Plans of different frameworks cannot be compared: one line, status 2."""
    old = write_plan(tmp_path, "old.json")
    new = write_plan(tmp_path, "new.json", plan=sms.example("popt"))
    status, _, err = run(capsys, "diff", old, new)
    assert status == 2
    assert err.startswith("smstrategy: diff.new: expected a plan of the same framework")


def test_output_goes_to_a_file(tmp_path, capsys):
    """-o writes the output to a file instead of printing it."""
    target = tmp_path / "plan.html"
    status, out, _ = run(capsys, "demo", "--format", "html", "-o", str(target))
    assert (status, out) == (0, "")
    assert target.read_text(encoding="utf-8") == sms.render(sms.example(), "html")


def test_unwritable_output_is_one_line(tmp_path, capsys):
    """An output file that cannot be written is one line on stderr and status 2."""
    target = tmp_path / "missing" / "plan.md"
    status, _, err = run(capsys, "demo", "-o", str(target))
    assert status == 2
    assert err.startswith(f"smstrategy: {target}: cannot be written")


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plan.json", "{", "plan.json: not valid JSON ("),
        ("plan.toml", "title = ", "plan.toml: not valid TOML ("),
        ("plan.txt", "<html>", "plan.txt: neither JSON nor TOML"),
        ("plan.json", "[1, 2]", "plan.json: not a valid plan: $: expected an object, got [1, 2]"),
        ("plan.json", '{"title": "x"}', 'plan.json: not a valid plan: $: missing the "framework"'),
        ("plan.json", b"\xff\xfe", "plan.json: cannot be read ("),
    ],
)
def test_bad_files_are_one_line_and_status_2(tmp_path, capsys, name, content, message):
    """Files that are not plans give one line on stderr, never a traceback, and status 2."""
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    for command in ("render", "check"):
        status, out, err = run(capsys, command, str(path))
        assert (status, out) == (2, "")
        assert err.startswith(f"smstrategy: {tmp_path / message.split(':')[0]}:")
        assert message.split(": ", 1)[1] in err
        assert err.count("\n") == 1


def test_a_plan_that_does_not_structure_names_the_paths(tmp_path, capsys):
    """A plan with bad values is one line naming each problem's path."""
    data = sms.to_dict(sms.example("five-step"))
    data["direction"]["goals"][0]["metrics"][1]["target"] = "lots"
    del data["assessment"]
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    status, _, err = run(capsys, "check", str(path))
    assert status == 2
    assert err == (
        f"smstrategy: {path}: not a valid plan: "
        "$.direction.goals[0].metrics[1].target: expected a number, got 'lots'; "
        "$.assessment: missing\n"
    )


def test_missing_file(capsys):
    """A file that does not exist is one line and status 2."""
    status, _, err = run(capsys, "render", "no-such-plan.json")
    assert (status, err) == (2, "smstrategy: no-such-plan.json: no such file\n")


def test_a_toml_plan_without_suffix_is_read(tmp_path, capsys):
    """A file with another suffix is read as JSON or else as TOML."""
    path = tmp_path / "plan.txt"
    path.write_text((EXAMPLES / "popt.toml").read_text(encoding="utf-8"), encoding="utf-8")
    status, out, _ = run(capsys, "render", str(path))
    assert status == 0
    assert out == sms.render(sms.example("popt"))


def test_console_script_and_module_run_without_a_traceback(tmp_path):
    """The installed command reports a broken file in one line, with no traceback."""
    path = tmp_path / "plan.json"
    path.write_text("{", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "smstrategy", "check", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


# --- pictures and the summary ---------------------------------------------------------------


def test_pictures_are_on_by_default_and_no_diagrams_leaves_them_out(capsys, tmp_path):
    """demo, render, check and score draw pictures unless told --no-diagrams."""
    plan = str(EXAMPLES / "five-step.toml")
    results = str(EXAMPLES / "results.csv")
    bare = tmp_path / "bare.json"
    empty = {"framework": "popt", "title": "Bare"}
    empty |= {step.name: {} for step in sms.Popt.steps()}
    bare.write_text(json.dumps(empty), encoding="utf-8")
    commands = [
        ("demo",),
        ("render", plan),
        ("check", str(bare), "--format", "markdown"),
        ("score", plan, results, "--format", "markdown"),
    ]
    for command in commands:
        _, out, _ = run(capsys, *command)
        assert "```mermaid" in out, command
        _, out, _ = run(capsys, *command, "--no-diagrams")
        assert "```mermaid" not in out, command
        _, out, _ = run(capsys, *command, "--format", "html")
        assert "<svg" in out, command


def test_render_summary_opens_with_the_check(capsys, tmp_path):
    """The render command with --summary checks the plan, as set up, and says so at the top."""
    status, out, _ = run(capsys, "render", str(EXAMPLES / "five-step.toml"), "--summary")
    assert status == 0
    assert out.split("\n## ")[1].startswith("At a glance")
    assert "- **Findings:** 0 errors, 0 warnings, 0 pieces of advice." in out
    assert "- **Journey:** Experimental" in out
    status, out, _ = run(capsys, "render", str(EXAMPLES / "popt.toml"))
    assert "At a glance" not in out
