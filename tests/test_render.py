"""Rendering plans, worksheets and reports to Markdown and HTML."""

from __future__ import annotations

import enum
import re
import subprocess
import sys

import attrs
import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import smstrategy as sms
from custom_frameworks import CUSTOM, FiveStepWithBudget, Sostac, budget_example, sostac_example
from smstrategy import html, markdown, rendering
from smstrategy.__main__ import main
from smstrategy.markdown import Markdown, escape, format_value
from smstrategy.strategies import texts
from smstrategy.validators import REFUSED, blank

PARSER = MarkdownIt("commonmark").enable("table")
BUILT_IN_KEYS = ["five-step", "eight-step", "popt", "roadmap"]


def example_of(cls):
    """Return the example plan of a built-in or custom framework."""
    if cls is Sostac:
        return sostac_example()
    if cls is FiveStepWithBudget:
        return budget_example()
    return sms.example(cls.key)


ALL = [
    (cls.key, example_of(cls))
    for cls in (*sms.frameworks().values(),)
    if cls.key in (*BUILT_IN_KEYS, *(c.key for c in CUSTOM))
]


def inline_text(token) -> str:
    """Return what an inline token reads as, its markup removed."""
    return "".join(c.content for c in token.children or () if c.type in ("text", "text_special"))


def headings(tokens, tag):
    """Return the texts of the headings of one level, in order."""
    return [
        inline_text(tokens[i + 1])
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == tag
    ]


def tables(tokens):
    """Return each table as a list of rows, each row a list of cell texts; header first."""
    found, row = [], None
    for t in tokens:
        if t.type == "table_open":
            found.append([])
        elif t.type == "tr_open":
            row = []
            found[-1].append(row)
        elif t.type == "inline" and row is not None and found:
            row.append(inline_text(t))
        elif t.type == "tr_close":
            row = None
    return found


def assert_tables_are_rectangular(tokens):
    """Every row of every table has as many cells as its header."""
    for table in tables(tokens):
        assert table
        assert all(len(row) == len(table[0]) for row in table), table


@pytest.mark.parametrize(("key", "plan"), ALL, ids=[k for k, _ in ALL])
def test_plan_markdown_has_one_h1_and_an_h2_per_step(key, plan):
    """A plan renders as one H1 with its title and one H2 per step, in declared order."""
    tokens = PARSER.parse(sms.render(plan))
    assert headings(tokens, "h1") == [plan.title]
    assert headings(tokens, "h2") == [s.title for s in type(plan).steps()]
    assert_tables_are_rectangular(tokens)
    assert not [t for t in tokens if t.type in ("html_block", "html_inline")]


@pytest.mark.parametrize(("key", "plan"), ALL, ids=[k for k, _ in ALL])
def test_plan_markdown_shows_the_content(key, plan):
    """The rendered plan carries the plan's goals and audiences as text."""
    tokens = PARSER.parse(sms.render(plan))
    text = " ".join(inline_text(t) for t in tokens if t.type == "inline")
    for path, node in sms.rules.Index(plan).nodes:
        if isinstance(node, sms.Goal):
            assert node.statement in text, path
        if isinstance(node, sms.Audience):
            assert node.name in text, path


def test_tables_hold_collections_of_building_blocks():
    """Goals and channels of the five-step example render as tables with a row each."""
    plan = sms.example("five-step")
    found = tables(PARSER.parse(sms.render(plan)))
    goals = next(t for t in found if t[0][0] == "Statement")
    assert goals[0] == ["Statement", "Kind", "Metrics", "Deadline"]
    assert [row[0] for row in goals[1:]] == [g.statement for g in plan.direction.goals]
    assert goals[1][2] == (
        "monthly reach in Bergen: target 40,000 people (now 12,000); "
        "branded searches: target 1,500 searches a month (now 400)"
    )
    channels = next(t for t in found if t[0][0] == "Platform")
    assert [row[0] for row in channels[1:]] == ["Instagram", "Facebook"]
    assert channels[0][5] == "Posts a week"


@pytest.mark.parametrize("cls", [sms.FiveStep, sms.EightStep, sms.Popt, sms.Roadmap, *CUSTOM])
def test_worksheet_lists_every_step_with_its_questions(cls):
    """A worksheet has every step with its summary and a table of questions with room to answer."""
    text = sms.worksheet(cls)
    tokens = PARSER.parse(text)
    assert headings(tokens, "h1") == [f"{cls.name}: worksheet"]
    assert headings(tokens, "h2") == [s.title for s in cls.steps()]
    assert_tables_are_rectangular(tokens)
    found = tables(tokens)
    asked = [row[1] for table in found for row in table[1:]]
    assert asked == [q for s in cls.steps() for q in s.questions]
    assert all(table[0] == ["#", "Question", "Answer"] for table in found)
    assert all(row[2] == "" for table in found for row in table[1:])
    for s in cls.steps():
        if s.summary:
            assert s.summary in text


def test_report_renders_findings_as_a_table():
    """A report renders its findings in plan order, with a count of each severity."""
    plan = sms.example("five-step")
    goal = attrs.evolve(plan.direction.goals[0], metrics=(), deadline=None)
    plan = attrs.evolve(plan, direction=attrs.evolve(plan.direction, goals=(goal,)))
    report = sms.check(plan)
    tokens = PARSER.parse(sms.render(report))
    assert headings(tokens, "h1") == [f"Check report: {plan.title}"]
    [table] = tables(tokens)
    assert table[0] == ["Severity", "Code", "Step", "Where", "Finding", "What to do"]
    assert [(row[0], row[1], row[3]) for row in table[1:]] == [
        (f.severity.value, f.code, f.path) for f in report
    ]
    paragraphs = [inline_text(t) for t in tokens if t.type == "inline"]
    assert "1 error, 1 warning, 0 pieces of advice." in paragraphs


def test_clean_report_says_so():
    """A report with no findings says the plan follows the rules."""
    text = sms.render(sms.check(sms.example("popt")))
    assert "No findings: the plan follows every rule that was checked." in text
    assert not tables(PARSER.parse(text))


# --- escaping -----------------------------------------------------------------------------

HOSTILE = [
    "# heading",
    "| pipe | cell |",
    "*bold* and _under_",
    "`code` ``more``",
    "[x](javascript:alert(1))",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "> quoted",
    "- listed",
    "+ plus",
    "1. numbered",
    "2) numbered",
    "line\nbreak\r\nand\rmore",
    "===",
    "---",
    "&amp; &#60; &copy;",
    "<https://example.com>",
    "![image](x.png)",
    "trailing backslash\\",
    "\\*not bold\\*",
    "~~strike~~",
    "    indented code",
    "[ref]: https://example.com",
    "<!-- comment -->",
    "zero\u200bwidth",
]
hostile_texts = st.one_of(
    st.sampled_from(HOSTILE),
    texts(max_size=30),
    st.lists(st.sampled_from(HOSTILE), min_size=2, max_size=4).map(" ".join),
).filter(lambda text: not blank(text))


#: String fields that hold an address or a name of a fixed list, not text a person writes.
NOT_TEXT = frozenset({(sms.Post, "link"), (sms.Calendar, "timezone")})


def replace_texts(value, texts):
    """Return *value* with every text field replaced by the next of *texts*."""
    if isinstance(value, sms.Platform):
        return value
    if attrs.has(type(value)):
        changes = {}
        for field in attrs.fields(type(value)):
            if (type(value), field.name) in NOT_TEXT:
                continue
            item = getattr(value, field.name)
            changes[field.name] = replace_texts(item, texts)
        return attrs.evolve(value, **changes)
    if type(value) is tuple:
        return tuple(replace_texts(item, texts) for item in value)
    if isinstance(value, str) and not isinstance(value, enum.Enum):
        return next(texts)
    return value


def count_strings(value) -> int:
    """Count the string fields that replace_texts would replace."""
    counter = iter(range(10**6))
    replace_texts(value, (f"s{next(counter)}" for _ in iter(int, 1)))
    return next(counter)


def structure(tokens):
    """Return the shape of a parsed document: block tokens and inline markup, not text."""
    shape = []
    for t in tokens:
        if t.type == "inline":
            kinds = []
            for child in t.children or ():
                kind = "text" if child.type == "text_special" else child.type
                if not (kinds and kind == "text" and kinds[-1] == "text"):
                    kinds.append(kind)
            shape.append(("inline", tuple(kinds)))
        else:
            shape.append((t.type, t.tag))
    return shape


def normalise(text: str) -> str:
    """Fold text as a reader sees it: controls as the replacement character, spaces collapsed."""
    return " ".join(re.sub(f"[{REFUSED}]", "\ufffd", text).split())


@pytest.mark.parametrize(("key", "plan"), ALL, ids=[k for k, _ in ALL])
@settings(max_examples=25)
@given(data=st.data())
def test_hostile_text_keeps_the_structure_and_reads_the_same(key, plan, data):
    """Any text in every text field leaves the document's structure as it was, and reads as is."""
    n = count_strings(plan)
    drawn = [data.draw(hostile_texts) for _ in range(n)]
    # A number keeps names that must differ (audiences, members, channels) apart.
    texts = [f"{text} {i}" for i, text in enumerate(drawn)]
    hostile = replace_texts(plan, iter(texts))
    plain = replace_texts(plan, iter(f"plain {i}" for i in range(n)))
    hostile_tokens = PARSER.parse(sms.render(hostile))
    assert structure(hostile_tokens) == structure(PARSER.parse(sms.render(plain)))
    assert not [t for t in hostile_tokens if t.type in ("html_block", "html_inline", "link_open")]
    reading = normalise(" ".join(inline_text(t) for t in hostile_tokens if t.type == "inline"))
    for text in texts:
        assert normalise(text) in reading


@given(st.text())
def test_escape_is_one_line_and_never_makes_markup(text):
    """Escaped text is a single line that parses to plain text reading the same."""
    escaped = escape(text)
    assert "\n" not in escaped
    assert "\r" not in escaped
    tokens = PARSER.parse(f"- **Label:** {escaped}\n")
    kinds = {c.type for t in tokens if t.type == "inline" for c in t.children or ()}
    assert kinds <= {"text", "text_special", "strong_open", "strong_close"}
    read = normalise("".join(inline_text(t) for t in tokens if t.type == "inline"))
    assert read == normalise("Label: " + text.replace("\r\n", " ").replace("\r", " "))


STRUCTURAL = st.text(alphabet="#*_[]()<>&;!|`~\\-+=.:)0123456789 ab\u00e9\u2615", max_size=24)


@settings(max_examples=600)
@given(STRUCTURAL)
def test_escape_makes_no_markup_where_the_library_writes_text(text):
    """In a heading, a list item, a paragraph and a table cell, escaped text stays text."""
    escaped = escape(text)
    for document in (
        f"## {escaped}\n",
        f"- **Label:** {escaped}\n",
        f"{escaped}\n",
        f"intro\n{escaped}\n",
        f"| a | b |\n| --- | --- |\n| {escaped} | x |\n",
    ):
        tokens = PARSER.parse(document)
        blocks = {t.type for t in tokens} - {"inline"}
        assert blocks <= {
            "heading_open",
            "heading_close",
            "bullet_list_open",
            "bullet_list_close",
            "list_item_open",
            "list_item_close",
            "paragraph_open",
            "paragraph_close",
            *(
                f"{part}_{end}"
                for part in ("table", "thead", "tbody", "tr", "th", "td")
                for end in ("open", "close")
            ),
        }, (document, blocks)
        if document.startswith("intro"):
            assert "heading_open" not in blocks, document
        kinds = {c.type for t in tokens if t.type == "inline" for c in t.children or ()}
        assert kinds <= {"text", "text_special", "strong_open", "strong_close", "softbreak"}, (
            document,
            kinds,
        )


@settings(max_examples=1000)
@given(st.one_of(STRUCTURAL, st.text(), st.text(alphabet=f"\r\n\t \u00a0\u00b2\u2460a#{REFUSED}")))
def test_escape_skips_only_text_with_nothing_to_escape(text):
    """Text that escape() gives back after one scan is what escaping step by step gives."""
    assert escape(text) == markdown._escape_all(text)
    assert type(escape(text)) is Markdown


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("goals[0]", "goals[0]"),
        ("review_every", "review_every"),
        ("#hashtag and C#", "#hashtag and C#"),
        ("5 < 6 & 7 > 3", "5 < 6 & 7 > 3"),
        ("1.5 kg", "1.5 kg"),
        ("-5 degrees", "-5 degrees"),
        ("[x] (y)", "[x] (y)"),
        ("# Title #", "\\# Title \\#"),
        ("_emphasis_", "\\_emphasis\\_"),
        ("[link](x)", "[link\\](x)"),
        ("<b>", "\\<b>"),
        ("&amp;", "\\&amp;"),
        ("1. first", "1\\. first"),
        ("---", "\\---"),
    ],
)
def test_escape_is_quiet(text, escaped):
    """Only what could open structure where it stands is escaped."""
    assert escape(text) == escaped


@pytest.mark.parametrize(("key", "plan"), ALL, ids=[k for k, _ in ALL])
def test_nothing_is_shown_one_way(key, plan):
    """No table cell is blank: nothing (none, empty text, lists or mappings) reads as an em dash."""
    text = sms.render(plan)
    for table in tables(PARSER.parse(text)):
        for row in table[1:]:
            assert all(cell.strip() for cell in row), (key, row)
    assert "{}" not in text


def test_a_mapping_reads_as_pairs():
    """A channel's automation by category reads "category: automation", not as Python writes it."""
    plan = sms.evolve_at(
        sms.example("five-step"),
        "technology.channels[0]",
        automation_by_category={sms.ContentCategory.PROMOTIONAL: sms.Automation.MANUAL},
        reviewer="",
    )
    found = tables(PARSER.parse(sms.render(plan)))
    channels = next(t for t in found if t[0][0] == "Platform")
    row = dict(zip(channels[0], channels[1], strict=True))
    assert row["Reviewer"] == "\u2014"
    assert list(row.values())[-1] == "promotional: manual"


def test_format_value():
    """Values are written as a person reads them."""
    import datetime as dt

    assert format_value(None) == "\u2014"
    assert format_value(value=True) == "yes"
    assert format_value(value=False) == "no"
    assert format_value(sms.GoalKind.SALES) == "sales"
    assert format_value(40000.0) == "40000"
    assert format_value(33.333) == "33.33"
    assert format_value(2.5) == "2.5"
    assert format_value(dt.date(2027, 1, 2)) == "2027-01-02"
    assert format_value(dt.datetime(2027, 1, 2, 8, 30)) == "2027-01-02 08:30"  # noqa: DTZ001
    assert format_value(7) == "7"


# --- HTML ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "plan"), ALL, ids=[k for k, _ in ALL])
def test_html_is_a_page_made_from_the_markdown(key, plan):
    """HTML wraps markdown-it's rendering of the Markdown in a page."""
    page = sms.render(plan, "html", diagrams=False)
    assert page.startswith("<!doctype html>")
    assert f"<title>{jinja2.utils.markupsafe.escape(plan.title)}</title>" in page
    # Each table sits in a box of its own; the rest is markdown-it's rendering.
    unboxed = page.replace('<div class="table">\n', "").replace("</table>\n</div>", "</table>")
    assert PARSER.render(sms.render(plan, diagrams=False)) in unboxed
    assert "<h1>" in page
    assert "<table>" in page


def test_html_escapes_hostile_titles_and_text():
    """No user text reaches the page as HTML."""
    plan = attrs.evolve(sms.example("popt"), title="<script>alert(1)</script> & co")
    page = sms.render(plan, "html")
    assert "<script>alert" not in page
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</title>" in page


def test_html_of_reports_and_worksheets():
    """Reports and worksheets render to HTML pages too."""
    assert "<title>Check report: " in sms.render(sms.check(sms.example()), "html")
    assert "<title>Popt" not in sms.worksheet(sms.Popt, "html")
    assert "<title>Purpose, Objectives, Priorities, Tactics: worksheet</title>" in sms.worksheet(
        sms.Popt, "html"
    )


def test_html_without_the_extra_names_it(monkeypatch):
    """Asking for HTML without markdown-it-py raises an error that names the extra."""
    monkeypatch.setitem(sys.modules, "markdown_it", None)
    html._markdown_it.cache_clear()
    try:
        with pytest.raises(sms.MissingExtraError, match=r"pip install 'smstrategy\[html\]'"):
            sms.render(sms.example(), "html")
    finally:
        html._markdown_it.cache_clear()
    assert isinstance(sms.MissingExtraError("x"), ImportError)


# --- templates ------------------------------------------------------------------------------


def test_templates_are_found_by_key_then_parent_then_generic():
    """five-step has its own template, its subclass uses it, other frameworks the generic one."""
    five = sms.render(sms.example("five-step"))
    assert "five parts of equal weight, each tied to the other four." in five
    assert "five parts of equal weight" in sms.render(budget_example())
    sostac = sms.render(sostac_example())
    assert "SOSTAC: Situation to control, in six steps." in sostac


def test_user_template_by_key_is_looked_up_first():
    """A template passed by name replaces the package's for that framework only."""
    templates = {"plan/popt.md.j2": "# {{ plan.title|md }}\n\nCustom: {{ steps|length }} steps\n"}
    assert sms.render(sms.example("popt"), templates=templates) == (
        "# Fjord Coffee: social media plan 2027\n\nCustom: 4 steps\n"
    )
    assert "Custom" not in sms.render(sms.example("roadmap"), templates=templates)


def test_user_template_can_extend_the_generic_one():
    """A user template extends the package's generic template and overrides a block."""
    templates = {
        "plan/test-sostac.md.j2": (
            '{% extends "plan/_generic.md.j2" %}{% block intro %}Our own words.\n\n{% endblock %}'
        )
    }
    text = sms.render(sostac_example(), templates=templates)
    assert "Our own words." in text
    assert headings(PARSER.parse(text), "h2") == [s.title for s in Sostac.steps()]


def test_user_templates_from_a_folder_and_a_loader(tmp_path):
    """A folder or a Jinja2 loader of templates is looked up first."""
    (tmp_path / "report.md.j2").write_text("Findings: {{ report.findings|length }}\n")
    report = sms.check(sms.example())
    assert sms.render(report, templates=tmp_path) == "Findings: 0\n"
    assert sms.render(report, templates=str(tmp_path)) == "Findings: 0\n"
    loader = jinja2.DictLoader({"report.md.j2": "Loaded\n"})
    assert sms.render(report, templates=loader) == "Loaded\n"


def test_user_page_template_is_autoescaped():
    """A user's HTML page template is autoescaped too."""
    templates = {"page.html.j2": "<h1>{{ title }}</h1>{{ body }}"}
    plan = attrs.evolve(sms.example("popt"), title="<b>bold</b>")
    page = sms.render(plan, "html", templates=templates)
    assert page.startswith("<h1>&lt;b&gt;bold&lt;/b&gt;</h1><h1>")


@pytest.mark.parametrize(
    "payload",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ joiner.__init__.__globals__ }}",
        "{{ namespace.__init__.__globals__ }}",
        "{{ lipsum.__globals__['os'].popen('id').read() }}",
        "{{ range.__globals__ }}",
        "{{ ('{0.__class__.__init__.__globals__}'|attr('format'))(plan) }}",
        "{{ '{0.__class__}'.format(plan) }}",
        "{{ plan.__class__.__init__.__globals__ }}",
        "{{ self.__init__.__globals__ }}",
        "{{ request.application.__globals__ }}",
        "{% set x = steps.append(1) %}{{ x }}",
    ],
)
def test_template_injection_payloads_raise_and_never_run(payload):
    """Known template-injection payloads in user templates raise the library's error."""
    with pytest.raises(sms.RenderError):
        sms.render(sms.example(), templates={"plan/five-step.md.j2": payload})


def test_sandbox_violation_is_a_security_error():
    """A sandbox violation raises TemplateSecurityError in particular."""
    with pytest.raises(sms.TemplateSecurityError, match="unsafe"):
        sms.render(sms.example(), templates={"plan/five-step.md.j2": "{{ plan.__class__ }}"})


def test_undefined_variables_raise():
    """A template that uses an undefined name raises instead of printing nothing."""
    with pytest.raises(sms.RenderError, match="'nothing' is undefined"):
        sms.render(sms.example(), templates={"plan/five-step.md.j2": "{{ nothing }}"})


def test_template_syntax_errors_name_the_template():
    """A template that does not compile is reported with its name and line."""
    with pytest.raises(sms.RenderError, match=r"template 'report\.md\.j2', line 2"):
        sms.render(sms.check(sms.example()), templates={"report.md.j2": "ok\n{% if %}"})


def test_missing_included_template_is_reported():
    """A template that includes one that does not exist is reported."""
    with pytest.raises(sms.RenderError, match="no template found"):
        sms.render(sms.check(sms.example()), templates={"report.md.j2": '{% include "x" %}'})


def test_environments_are_built_once_per_configuration():
    """The same configuration reuses its environment and its compiled templates."""
    templates = {"report.md.j2": "x\n"}
    assert rendering.environment() is rendering.environment()
    assert rendering.environment(templates) is rendering.environment(dict(templates))
    assert rendering.environment(templates) is not rendering.environment()
    loader = jinja2.DictLoader({})
    assert rendering.environment(loader) is rendering.environment(loader)
    env = rendering.environment()
    sms.render(sms.example())
    compiled = env.get_template("plan/five-step.md.j2")
    sms.render(sms.example())
    assert env.get_template("plan/five-step.md.j2") is compiled
    assert isinstance(rendering.environment(templates), jinja2.sandbox.SandboxedEnvironment)
    assert not isinstance(env, jinja2.sandbox.SandboxedEnvironment)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: sms.render(sms.example(), "pdf"), ValueError, "render.format: expected one of"),
        (lambda: sms.render(42), TypeError, "render.obj: expected a plan, a check Report"),
        (lambda: sms.worksheet(sms.example()), TypeError, "worksheet.framework: expected"),
        (lambda: sms.worksheet(int), TypeError, "worksheet.framework: expected"),
        (lambda: sms.render(sms.example(), templates=42), TypeError, "render.templates: expected"),
        (
            lambda: sms.render(sms.example(), templates="/no/such/folder"),
            ValueError,
            "render.templates: expected an existing folder",
        ),
        (
            lambda: sms.render(sms.example(), templates={"x": 1}),
            TypeError,
            "render.templates: expected template sources",
        ),
    ],
)
def test_bad_arguments_raise_clear_errors(call, error, message):
    """Wrong arguments raise the library's errors naming what was expected."""
    with pytest.raises(error, match="^" + message.replace(".", r"\.")) as info:
        call()
    assert isinstance(info.value, sms.SmstrategyError)


# --- the demo command -----------------------------------------------------------------------


def test_demo_prints_the_five_step_example(capsys):
    """`demo` prints the bundled five-step example as Markdown."""
    assert main(["demo"]) == 0
    assert capsys.readouterr().out == sms.render(sms.example("five-step"))


@pytest.mark.parametrize("key", BUILT_IN_KEYS)
def test_demo_picks_a_framework_and_a_format(key, capsys):
    """`demo --framework KEY --format html` prints that example as HTML."""
    assert main(["demo", "--framework", key, "--format", "html"]) == 0
    assert capsys.readouterr().out == sms.render(sms.example(key), "html")


def test_demo_reports_a_missing_extra(monkeypatch, capsys):
    """Without the html extra, `demo --format html` says what to install and exits 2."""
    monkeypatch.setitem(sys.modules, "markdown_it", None)
    html._markdown_it.cache_clear()
    try:
        assert main(["demo", "--format", "html"]) == 2
    finally:
        html._markdown_it.cache_clear()
    assert "smstrategy[html]" in capsys.readouterr().err


def test_version_and_help(capsys):
    """--version prints the version; no command prints the help and exits 2."""
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == sms.__version__
    assert main([]) == 2
    assert "demo" in capsys.readouterr().out


def test_python_dash_m_runs_the_demo():
    """`python -m smstrategy demo` works as a command."""
    result = subprocess.run(
        [sys.executable, "-m", "smstrategy", "demo"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("# Fjord Coffee: social media plan 2027\n")


def test_inline_writes_any_value_on_one_line():
    """Values inside table cells are written inline: tuples joined, blocks field by field."""
    from smstrategy.views import inline

    member = sms.Member(name="Ingrid", role="Lead")
    assert inline(member) == (
        "Name: Ingrid, Role: Lead, Account access: no, Monitors: no, External: no"
    )
    assert inline((sms.Platform.X, "b")) == "X; b"
    assert inline(sms.Metric(name="reach")) == "reach"
    assert inline(sms.Metric(name="reach", target=2.5, unit="k")) == "reach: target 2.5 k"
