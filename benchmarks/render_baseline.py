"""Rendering the five-step example against a hand-written renderer of the same bytes.

The baseline is what a user would write without the library's templates: a
function that walks the five-step plan and joins strings.  It escapes with
the same function, so both do the same work for every string; the benchmark
asserts that the two outputs are the same bytes.  Budget: 1.5x.

    python benchmarks/render_baseline.py
"""

from __future__ import annotations

from _timing import paired, verdict

import smstrategy as sms
from smstrategy.markdown import cells, escape, format_value

BUDGET = 1.5
DASH = "\u2014"


def _metric(m: sms.Metric) -> str:
    return str(m)


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


def _opt(value: object) -> str:
    return format_value(value)


def hand_written(plan: sms.FiveStep) -> str:
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
        ),
        [
            (
                c.platform.name,
                c.handle,
                "; ".join(c.audiences),
                "; ".join(c.goals),
                c.owner,
                format_value(c.cadence),
                c.automation.value,
                c.reviewer,
                _opt(c.minutes_per_post),
            )
            for c in t.channels
        ],
    )
    if t.content_mix is not None:
        mix = t.content_mix
        out += ["", "### Content mix", ""]
        out.append(_field("Promotional (%)", format_value(mix.promotional)))
        out.append(_field("Curated (%)", format_value(mix.curated)))
        out.append(_field("Engagement (%)", format_value(mix.engagement)))
    out.append("")
    a = plan.assessment
    head("assessment")
    out += _list("Questions for us", a.questions_for_us)
    out += _list("Questions for customers", a.questions_for_customers)
    out += _list("Reviewed goals", a.reviewed_goals)
    out.append(_field("Review every (weeks)", _opt(a.review_every_weeks)))
    return "\n".join(out) + "\n"


def main() -> None:
    """Check that both renderers agree to the byte, then time them."""
    plan = sms.example("five-step")
    expected = sms.render(plan)
    got = hand_written(plan)
    assert got == expected, "the hand-written renderer and render() differ"
    library, baseline, ratio = paired(lambda: sms.render(plan), lambda: hand_written(plan))
    print(
        f"render five-step example: {library * 1e6:.0f} us; hand-written str.join: "
        f"{baseline * 1e6:.0f} us; ratio {ratio:.2f}x, {verdict(ratio, BUDGET)}"
    )


if __name__ == "__main__":
    main()
