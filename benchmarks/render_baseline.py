"""Rendering the five-step example against a lean hand-written renderer of the same bytes.

The baseline is what a user would write without the library's templates: a
function that knows the five-step plan by heart and joins strings, writing
numbers and dates with Python's own formatting (English only, as this
example needs) and escaping every string with :func:`smstrategy.markdown.escape`,
as any renderer of user text into Markdown must.  The benchmark asserts that
the two outputs are the same bytes, then times them in alternating rounds.
Budget: 2.0x.

    python benchmarks/render_baseline.py
"""

from __future__ import annotations

import datetime as dt
import enum

from _timing import Row, paired, show

import smstrategy as sms
from smstrategy.charts import mermaid, mix_chart
from smstrategy.markdown import cells, escape

BUDGET = 2.0
DASH = "\u2014"
NBSP = "\u00a0"


def _number(value: float) -> str:
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _date(day: dt.date) -> str:
    return f"{day:%b}{NBSP}{day.day},{NBSP}{day.year}"


def _opt(value: object) -> str:
    if value is None or value in ("", {}):
        return DASH
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return _number(value)
    if isinstance(value, dt.date):
        return _date(value)
    if isinstance(value, sms.Period):
        return value.unit.value if value.every == 1 else f"{value.every} {value.unit.value}s"
    raise TypeError(value)


def _metric(m: sms.Metric) -> str:
    if m.target is None:
        return m.name
    floor = "" if m.comparison is sms.Comparison.AT_LEAST else f"{m.comparison.value} "
    line = f"{m.name}: target {floor}{_number(m.target)} {m.unit}".rstrip()
    return line if m.baseline is None else f"{line} (now {_number(m.baseline)})"


def _field(label: str, value: str) -> str:
    return f"- **{escape(label)}:** {escape(value)}"


def _list(label: str, items: tuple[str, ...]) -> list[str]:
    if not items:
        return [_field(label, DASH)]
    return [f"- **{escape(label)}:**", *(f"  - {escape(item)}" for item in items)]


def _table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    return [
        "",
        f"| {cells(headers)} |",
        "|" + " --- |" * len(headers),
        *(f"| {cells(row)} |" for row in rows),
    ]


def hand_written(plan: sms.FiveStep) -> str:  # noqa: PLR0915  # one page, written out
    """Render the five-step plan as Markdown by joining strings."""
    steps = {s.name: s for s in sms.FiveStep.steps()}
    out = [f"# {escape(plan.title)}", ""]
    out += [
        f"{escape(sms.FiveStep.name)}: five parts of equal weight, each tied to the other four.",
        "",
    ]

    def head(name: str) -> None:
        step = steps[name]
        out.extend([f"## {escape(step.title)}", "", f"*{escape(step.summary)}*", ""])

    d = plan.direction
    head("direction")
    out.append(_field("Ambition", d.ambition or ""))
    out += ["", "### Goals"]
    out += _table(
        ("Statement", "Kind", "Metrics", "Deadline"),
        [
            (g.statement, g.kind.value, "; ".join(_metric(m) for m in g.metrics), _opt(g.deadline))
            for g in d.goals
        ],
    )
    out.append("")
    head("target")
    out.append("### Audiences")
    out += _table(
        ("Name", "Priority", "Demographics", "Psychographics", "Values", "Motivations"),
        [
            (
                a.name,
                str(a.priority),
                "; ".join(a.demographics),
                "; ".join(a.psychographics),
                "; ".join(a.values),
                "; ".join(a.motivations),
            )
            for a in plan.target.audiences
        ],
    )
    out.append("")
    u = plan.uniqueness
    head("uniqueness")
    out.append(_field("Differentiator", u.differentiator))
    out += _list("Reasons", u.reasons)
    out += _list("Competitors", u.competitors)
    out.append("")
    t = plan.technology
    head("technology")
    out.append(_field("Rationale", t.rationale))
    out += _list("Monitors", t.monitors)
    out += ["", "### Channels"]
    out += _table(
        (
            "Platform",
            "Handle",
            "Audiences",
            "Goals",
            "Owner",
            "Posts a week",
            "Automation",
            "Reviewer",
            "Minutes a post",
            "Kind",
            "Posts a week, up to",
            "Max per day",
            "Max per hour",
            "Automation by category",
        ),
        [
            (
                c.platform.title,
                _opt(c.handle),
                "; ".join(c.audiences),
                "; ".join(c.goals),
                _opt(c.owner),
                _opt(c.cadence),
                c.automation.value,
                c.reviewer or DASH,
                _opt(c.minutes_per_post),
                c.kind.value,
                _opt(c.cadence_upper),
                _opt(c.max_per_day),
                _opt(c.max_per_hour),
                _opt(dict(c.automation_by_category) or None),
            )
            for c in t.channels
        ],
    )
    if t.content_mix is not None:
        mix = t.content_mix
        out += ["", "### Content mix", ""]
        out.append(_field("Promotional (%)", _opt(mix.promotional)))
        out.append(_field("Curated (%)", _opt(mix.curated)))
        out.append(_field("Engagement (%)", _opt(mix.engagement)))
        out += ["", "```mermaid", mermaid.write(mix_chart(mix)).rstrip("\n"), "```"]
    if t.time_budget is not None:
        out += ["", "### Time budget", ""]
        out.append(_field("Hours per week", _opt(t.time_budget.hours_per_week)))
        out += _list("Boundaries", t.time_budget.boundaries)
    if t.money is not None:
        money = t.money
        out += ["", "### Money", ""]
        out.append(_field("Amount", _opt(money.amount)))
        out.append(_field("Currency", money.currency))
        out.append(_field("Period (weeks)", _opt(money.period_weeks)))
        out += ["", "#### Spend"]
        out += _table(
            ("Channel", "Amount"), [(line.channel, _opt(line.amount)) for line in money.spend]
        )
    out.append("")
    a = plan.assessment
    head("assessment")
    out += _list("Questions for us", a.questions_for_us)
    out += _list("Questions for customers", a.questions_for_customers)
    out += _list("Reviewed goals", a.reviewed_goals)
    out.append(_field("Review every", _opt(a.review_every)))
    return "\n".join(out) + "\n"


def rows() -> list[Row]:
    """Check that both renderers agree to the byte, then time them in alternating rounds."""
    plan = sms.example("five-step")
    expected = sms.render(plan)
    got = hand_written(plan)
    assert got == expected, "the hand-written renderer and render() differ"
    library, baseline, ratio = paired(lambda: sms.render(plan), lambda: hand_written(plan))
    return [
        Row(
            "render the five-step example to Markdown",
            f"a lean hand-written renderer of the same {len(expected.encode()):,} bytes",
            ratio,
            BUDGET,
            f"{library * 1e6:.0f} µs against {baseline * 1e6:.0f} µs",
        )
    ]


def main() -> None:
    """Print the row."""
    show(rows())


if __name__ == "__main__":
    main()
