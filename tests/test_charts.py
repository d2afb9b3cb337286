"""Pictures: Mermaid diagrams in Markdown, checked by Mermaid's own parser, and SVG in HTML."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import xml.etree.ElementTree as ET

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import smstrategy as sms
from smstrategy.charts import (
    Lines,
    Pie,
    Stages,
    Timeline,
    calendar_chart,
    chart_of,
    journey_chart,
    mix_chart,
    pace_chart,
    ticks,
)
from smstrategy.charts import mermaid as mermaid_charts
from smstrategy.charts import svg as svg_charts

PARSER = MarkdownIt("commonmark").enable("table")
KEYS = ("five-step", "eight-step", "popt", "roadmap", "council", "community", "nonprofit")
MONDAY = dt.date(2027, 1, 4)
SVG = "{http://www.w3.org/2000/svg}"


def mermaid_blocks(text: str) -> list[str]:
    """Return the content of every fenced Mermaid block, as a Markdown parser finds them."""
    return [
        t.content.rstrip("\n")
        for t in PARSER.parse(text)
        if t.type == "fence" and t.info.strip() == "mermaid"
    ]


def svg_pictures(page: str) -> list[ET.Element]:
    """Parse every inline SVG picture of an HTML page with an XML parser."""
    found = re.findall(r"<svg .*?</svg>", page, flags=re.DOTALL)
    return [ET.fromstring(m) for m in found]  # noqa: S314  # the library's own output


def bare(**steps) -> sms.FiveStep:
    """Return a five-step plan with empty steps but those given."""
    empty = {
        "direction": sms.Direction(),
        "target": sms.Target(),
        "uniqueness": sms.Uniqueness(),
        "technology": sms.Technology(),
        "assessment": sms.Assessment(),
    }
    return sms.FiveStep(title="Bare", **{**empty, **steps})


def calendar_of(plan: sms.Framework, weeks: int = 2) -> sms.Calendar:
    channels = next(sms.node_at(plan, p) for p in ("technology.channels",))
    return sms.build_calendar(channels, plan.technology.content_mix, MONDAY, weeks=weeks)


def everything_rendered() -> list[tuple[str, str]]:
    """Every kind of page the library draws pictures on, in Markdown, for every example."""
    pages = []
    for key in KEYS:
        plan = sms.example(key)
        report = sms.check(plan)
        pages.append((f"{key} plan", sms.render(plan, report=report, as_of=MONDAY)))
        pages.append((f"{key} report", sms.render(report)))
        pages.append((f"{key} journey", sms.render(sms.assess(sms.evidence_from(plan)))))
        results = sms.example_results(key)
        card = sms.scorecard(plan, results)
        pages.append((f"{key} scorecard", sms.render(card)))
    views = sms.assess_views(
        {
            "us": sms.Evidence.of("accounts_in_use", "tactics_tried"),
            "team": sms.Evidence.of("accounts_in_use"),
            "customers": sms.Evidence.of(),
        }
    )
    pages.append(("views", sms.render(views)))
    five = sms.example("five-step")
    pages.append(("calendar", sms.render(calendar_of(five))))
    pages.extend(
        (f"five-step {lang}", sms.render(five, lang=lang, report=sms.check(five)))
        for lang in ("nb", "fi")
    )
    return pages


PAGES = everything_rendered()


def expected_config(diagram: str) -> dict:
    """Return what a diagram may set: a calendar the compact layout; nothing else anything."""
    return {"gantt": {"displayMode": "compact"}} if "\ngantt\n" in diagram else {}


@pytest.mark.parametrize(("name", "text"), PAGES, ids=[name for name, _ in PAGES])
def test_every_mermaid_block_is_accepted_by_mermaid(name, text, mermaid):
    """Each rendered page's Mermaid blocks parse with Mermaid's own parser, as what they are."""
    blocks = mermaid_blocks(text)
    assert blocks or name.endswith(("report", "scorecard")), name
    for block in blocks:
        answer = mermaid.parse(block)
        assert answer["ok"], (answer, block)
        assert answer["type"] in {"pie", "gantt", "flowchart-v2", "xychart"}
        assert answer["config"] == expected_config(block)


def test_pages_carry_the_pictures_of_what_they_show():
    """Plans show their mix, scorecards each measured metric, journeys the stages, and so on."""
    rendered = dict(PAGES)
    first_line = {name: [b.split("\n")[0] for b in mermaid_blocks(t)] for name, t in PAGES}
    assert first_line["five-step plan"] == ["flowchart LR", "pie title Content mix"]
    assert first_line["five-step journey"] == ["flowchart LR"]
    assert first_line["five-step scorecard"] == ["xychart-beta"] * 4
    assert first_line["calendar"] == ["---"]
    assert "gantt" in mermaid_blocks(rendered["calendar"])[0]
    assert first_line["five-step report"] == [] or first_line["five-step report"] == [
        "pie title Findings by severity"
    ]
    views = mermaid_blocks(rendered["views"])[0]
    for name in ("us", "team", "customers"):
        assert f'(["{name}"])' in views


def test_a_check_report_with_findings_has_a_pie_of_severities(mermaid):
    plan = sms.example("five-step")
    [block] = mermaid_blocks(sms.render(sms.check(bare())))
    assert block.startswith("pie title Findings by severity")
    assert mermaid.parse(block)["ok"]
    assert mermaid_blocks(sms.render(sms.check(plan, select="SMS999"))) == []


def test_diagrams_can_be_turned_off():
    """diagrams=False leaves every picture out, in Markdown and in HTML."""
    plan = sms.example("five-step")
    report = sms.check(plan)
    card = sms.scorecard(plan, sms.example_results())
    for value in (plan, card, sms.assess(sms.evidence_from(plan)), calendar_of(plan)):
        on = sms.render(value, report=report if value is plan else None)
        off = sms.render(value, diagrams=False, report=report if value is plan else None)
        assert "```mermaid" in on
        assert "```mermaid" not in off
        assert "<svg" in sms.render(value, "html")
        assert "<svg" not in sms.render(value, "html", diagrams=False)
    with pytest.raises(TypeError, match=r"render\.diagrams: expected True or False, got 'no'"):
        sms.render(plan, diagrams="no")


def test_a_fence_that_a_template_writes_itself_stays_code_in_html():
    """Only the pictures the library drew become SVG; other fences are code blocks."""
    template = "# {{ plan.title|md }}\n\n```mermaid\npie title Mine\n```\n"
    page = sms.render(sms.example("popt"), "html", templates={"plan/popt.md.j2": template})
    assert '<code class="language-mermaid">pie title Mine' in page
    assert "<svg" not in page


# --- hostile text -------------------------------------------------------------------------

#: Text made to break out of a label: quotes, brackets, statement ends, comments, directives,
#: fences, HTML, entity codes, keywords at the start, line breaks, control characters.
HOSTILE = st.one_of(
    st.text(min_size=1, max_size=80),
    st.lists(
        st.sampled_from(
            [
                '"',
                "'",
                "]",
                "[",
                ")",
                "(",
                "}",
                "{",
                ";",
                ":",
                "#",
                "%%",
                "%%{init: {}}%%",
                "```",
                "\n",
                "\r\n",
                "<script>alert(1)</script>",
                "&amp;",
                "#quot;",
                "section ",
                "title ",
                "click ",
                "accTitle: ",
                "-->",
                "|",
                "\\",
                "`",
                "\u2028",
                "\x00",
                "end",
                "style",
                "classDef",
                "x",
                " ",
                "-",
                "\t",
                "é",
                "😀",
            ]
        ),
        min_size=1,
        max_size=12,
    ).map("".join),
)
#: Text that still says something once trimmed, as the building blocks require.
WORDS = HOSTILE.filter(lambda text: text.strip() != "")
NUMBERS = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12)
DAYS = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31))


@st.composite
def charts(draw):
    """Any chart, its every text hostile."""
    kind = draw(st.sampled_from(["pie", "timeline", "stages", "lines"]))
    title, description = draw(HOSTILE), draw(HOSTILE)
    if kind == "pie":
        slices = draw(
            st.lists(
                st.tuples(HOSTILE, st.floats(min_value=0.01, max_value=1e9)), min_size=1, max_size=6
            )
        )
        return Pie(
            title=title,
            slices=tuple(slices),
            legend=tuple(name for name, _ in slices),
            description=description,
        )
    if kind == "timeline":
        rows = draw(
            st.lists(
                st.tuples(
                    WORDS, st.lists(st.tuples(DAYS, WORDS), min_size=1, max_size=4).map(tuple)
                ),
                min_size=1,
                max_size=4,
            )
        )
        return Timeline(
            title=title,
            rows=tuple(rows),
            span=(draw(HOSTILE), draw(HOSTILE)),
            description=description,
        )
    if kind == "stages":
        stages = tuple(draw(st.lists(HOSTILE, min_size=4, max_size=4)))
        marks = draw(st.lists(st.tuples(HOSTILE, st.integers(0, 3)), min_size=1, max_size=5))
        return Stages(title=title, stages=stages, marks=tuple(marks), description=description)
    count = draw(st.integers(1, 8))
    series = draw(
        st.lists(
            st.tuples(HOSTILE, st.lists(NUMBERS, min_size=count, max_size=count).map(tuple)),
            min_size=1,
            max_size=2,
        )
    )
    values = [v for _, s in series for v in s]
    return Lines(
        title=title,
        points=tuple(draw(st.lists(HOSTILE, min_size=count, max_size=count))),
        series=tuple(series),
        unit=draw(st.one_of(st.just(""), HOSTILE)),
        ticks=tuple((t, str(t)) for t in ticks(values)),
        description=description,
    )


@given(chart=charts())
def test_hostile_labels_never_break_or_inject_into_a_diagram(chart, mermaid):
    """Whatever the text, Mermaid accepts the diagram, as the same kind, with no configuration."""
    text = mermaid_charts.write(chart)
    answer = mermaid.parse(text)
    assert answer["ok"], (answer, text)
    assert (
        answer["type"]
        == {"Pie": "pie", "Timeline": "gantt", "Stages": "flowchart-v2", "Lines": "xychart"}[
            type(chart).__name__
        ]
    )
    assert answer["config"] == expected_config(text)
    # One statement per line: no text adds a line, ends the fence or starts a comment.
    lines = text.split("\n")
    assert "```" not in text
    assert not any(line.lstrip().startswith("%%") for line in lines)
    assert len(lines) == len(mermaid_charts.write(_plain(chart)).split("\n"))


def _plain(chart):
    """Return the chart with every text a plain word: the shape it must keep."""

    def word(value):
        if isinstance(value, str):
            return "x" if value.strip() else value
        if isinstance(value, tuple):
            return tuple(word(v) for v in value)
        return value

    return attrs.evolve(
        chart, **{f.name: word(getattr(chart, f.name)) for f in attrs.fields(type(chart))}
    )


@given(text=HOSTILE)
def test_labels_keep_letters_digits_and_spaces_and_encode_the_rest(text):
    """The label filter is one line of letters, digits, spaces, a few marks and entity codes."""
    safe = mermaid_charts.label(text)
    assert re.fullmatch(r"(?:[^\W_]|[ .,\-'/!?+]|#\d+;|\u2026)*", safe), safe
    decoded = re.sub(r"#(\d+);", lambda m: chr(int(m[1])), safe)
    squeezed = " ".join(text.split()) or "\u00a0"
    assert decoded == squeezed or decoded.endswith("\u2026")
    assert len(decoded) <= mermaid_charts.MOST_CHARACTERS


@given(chart=charts())
def test_svg_pictures_are_well_formed_and_inert(chart):
    """Whatever the text, the SVG parses as XML and holds no script, handler or outside link."""
    root = ET.fromstring(svg_charts.write(chart, ident="c1"))  # noqa: S314  # our own output
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c1-title c1-desc"
    assert_inert(root)


def assert_inert(root: ET.Element) -> None:
    for element in root.iter():
        assert element.tag.removeprefix(SVG) not in {"script", "foreignObject", "a", "image", "use"}
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), name
            assert "href" not in name.lower(), name
            assert "url(" not in value
            assert "javascript:" not in value.lower(), value


@pytest.mark.parametrize("key", KEYS)
def test_html_pages_draw_the_pictures_as_inert_svg_with_text_alternatives(key):
    """Each picture of the HTML page is SVG with a title and a description, and nothing active."""
    plan = sms.example(key)
    pages = [
        sms.render(plan, "html", report=sms.check(plan), as_of=MONDAY),
        sms.render(sms.scorecard(plan, sms.example_results(key)), "html"),
    ]
    assert svg_pictures(pages[0])  # the journey at least
    for page in pages:
        assert "<script" not in page
        pictures = svg_pictures(page)
        ids = [e.get("id") for p in pictures for e in p.iter() if e.get("id")]
        assert len(ids) == len(set(ids)) == 2 * len(pictures)
        for picture in pictures:
            assert_inert(picture)
            title = picture.find(f"{SVG}title")
            desc = picture.find(f"{SVG}desc")
            assert title is not None
            assert title.text
            assert desc is not None
            assert desc.text
            assert picture.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


def test_svg_follows_the_page_into_dark_mode_and_print():
    """Text and lines are drawn in currentColor; the page's stylesheet has dark and print rules."""
    page = sms.render(sms.example("five-step"), "html", report=sms.check(sms.example("five-step")))
    picture = svg_pictures(page)[0]
    fills = {e.get("fill") for e in picture.iter(f"{SVG}text")}
    assert fills == {"currentColor"}
    assert "@media (prefers-color-scheme: dark)" in page
    assert "@page { size: A4;" in page
    assert "h2 { break-before: page; }" in page


# --- what the charts say ----------------------------------------------------------------


def test_the_content_mix_pie_has_a_slice_for_each_share():
    pie = mix_chart(sms.ContentMix(promotional=0, curated=40, engagement=60), sms.language("nb"))
    assert [name for name, _ in pie.slices] == ["Kuratert", "Engasjement"]
    assert pie.legend == ("Kuratert: 40\u00a0%", "Engasjement: 60\u00a0%")
    assert chart_of("not a block") is None


def test_the_calendar_picture_shows_the_first_posts_and_counts_them_all():
    plan = sms.example("five-step")
    calendar = calendar_of(plan, weeks=12)
    chart = calendar_chart(calendar)
    assert chart is not None
    shown = sum(len(events) for _, events in chart.rows)
    assert shown == 60 < len(calendar.posts)
    assert f"{len(calendar.posts)} posts on 2 channels" in chart.description
    assert "The picture shows the first 60." in chart.description
    assert calendar_chart(sms.Calendar()) is None
    assert "No posts are planned." in sms.render(sms.Calendar())


def test_the_journey_picture_marks_each_voice():
    views = sms.assess_views({"us": sms.Evidence.of("accounts_in_use"), "team": sms.Evidence.of()})
    chart = journey_chart(views)
    assert chart.marks == (("us", 0), ("team", 0))
    assert chart.stages == ("Traditional", "Experimental", "Operational", "High impact")


def test_the_pace_line_runs_from_the_baseline_to_the_target_by_the_deadline():
    """The pace is the straight line the scorecard judges by; no target, no pace line."""
    plan = sms.example("five-step")
    card = sms.scorecard(plan, sms.example_results())
    reach = card.goals[0].metrics[0]
    chart = pace_chart(reach)
    assert chart is not None
    observed, pace = chart.series
    assert observed[1] == tuple(v for _, v in reach.history)
    assert pace[1][0] == reach.baseline == 12_000
    days = (reach.deadline - reach.start).days
    last = (reach.history[-1][0] - reach.start).days
    assert pace[1][-1] == pytest.approx(12_000 + (40_000 - 12_000) * last / days)
    assert chart.ticks[0][0] <= min(observed[1])
    assert chart.ticks[-1][0] >= max(observed[1])
    untargeted = sms.scorecard(
        bare(
            direction=sms.Direction(goals=[sms.Goal(statement="g", metrics=[sms.Metric(name="m")])])
        ),
        sms.Results(observations=[sms.Observation(metric="m", on=MONDAY, value=3)]),
    )
    chart = pace_chart(untargeted.goals[0].metrics[0])
    assert chart is not None
    assert [name for name, _ in chart.series] == ["Observed"]
    assert pace_chart(attrs.evolve(reach, history=())) is None


@given(values=st.lists(NUMBERS, min_size=1, max_size=20))
def test_ticks_are_evenly_spaced_and_hold_every_value(values):
    marks = ticks(values)
    assert marks[0] <= min(values)
    assert marks[-1] >= max(values)
    assert 2 <= len(marks) <= 6
    steps = {round(b - a, 6) for a, b in itertools.pairwise(marks)}
    assert len(steps) == 1 or max(steps) - min(steps) <= 1e-6 * max(abs(s) for s in steps)


def test_ticks_at_the_ends_of_what_floats_hold():
    assert ticks([-1.7e308, 1.7e308]) == (-1.7e308, 1.7e308)
    assert ticks([5e-324, 1e-323]) == (5e-324, 1e-323)
    assert ticks([0, 0]) == (-1.0, 0.0, 1.0)
    assert ticks([3, 3]) == (2.0, 3.0, 4.0)
    # Where a float cannot hold the decimals, rounding the first mark may pass the least value.
    low = 746501.0571099999
    marks = ticks([low, low + 1.9e-6])
    assert marks[0] <= low
    assert marks[-1] >= low + 1.9e-6


# --- the summary at the top of a plan ----------------------------------------------------


def test_a_plan_with_its_report_opens_with_a_summary():
    """Counts by severity, the stage of the journey and the next review, then the picture."""
    plan = sms.example("five-step")
    report = sms.check(bare())
    text = sms.render(bare(), report=report, as_of=dt.date(2027, 1, 31))
    tokens = PARSER.parse(text)
    assert [t.content for t in tokens if t.type == "inline"][2] == "At a glance"
    counts = report.counts
    assert (
        f"**Findings:** {counts[sms.Severity.ERROR]} errors, "
        f"{counts[sms.Severity.WARNING]} warnings" in text
    )
    assert "**Journey:** Traditional" in text
    # No review period in the plan: the guidelines' four weeks.
    assert "**Next review:** Feb\u00a028,\u00a02027 (every 4 weeks)" in text
    assert "At a glance" not in sms.render(plan)
    four_weekly = sms.render(plan, report=sms.check(plan), as_of=dt.date(2027, 1, 4))
    assert "**Next review:** Feb\u00a01,\u00a02027 (every 4 weeks)" in four_weekly
    assert "**Journey:** Experimental" in four_weekly
    late = sms.render(plan, report=sms.check(plan), as_of=dt.date(9999, 12, 30))
    assert "**Next review:** \u2014 (every 4 weeks)" in late


def test_the_summary_speaks_the_language():
    plan = sms.example("five-step")
    text = sms.render(plan, report=sms.check(plan), as_of=dt.date(2027, 1, 4), lang="nb")
    assert "## Kort oppsummert" in text
    assert "**Neste gjennomgang:** 1.\u00a0feb.\u00a02027 (hver 4. uke)" in text


def test_a_summary_needs_a_plan_a_report_and_a_date():
    plan = sms.example("five-step")
    report = sms.check(plan)
    with pytest.raises(TypeError, match=r"render\.report: expected None for anything but a plan"):
        sms.render(report, report=report)
    with pytest.raises(TypeError, match=r"render\.report: expected a check Report, got 'x'"):
        sms.render(plan, report="x")
    with pytest.raises(TypeError, match=r"render\.as_of: expected a date"):
        sms.render(plan, report=report, as_of="2027-01-01")


def test_period_after_adds_calendar_months_and_weeks():
    month, quarter = sms.Period(unit=sms.PeriodUnit.MONTH), sms.Period(unit=sms.PeriodUnit.QUARTER)
    assert month.after(dt.date(2027, 1, 31)) == dt.date(2027, 2, 28)
    assert month.after(dt.date(2027, 12, 15)) == dt.date(2028, 1, 15)
    assert quarter.after(dt.date(2027, 11, 30)) == dt.date(2028, 2, 29)
    assert sms.Period(every=2).after(dt.date(2027, 1, 1)) == dt.date(2027, 1, 15)
    assert sms.Period(unit=sms.PeriodUnit.YEAR).after(dt.date(2028, 2, 29)) == dt.date(2029, 2, 28)
    with pytest.raises(OverflowError, match="month after 9999-12-01 is past the year 9999"):
        month.after(dt.date(9999, 12, 1))
    with pytest.raises(OverflowError, match="1000000 weeks after"):
        sms.Period(every=1_000_000).after(dt.date(2027, 1, 1))
