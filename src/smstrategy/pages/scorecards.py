"""The page of a scorecard: how the plan is doing, goal by goal, and what to change."""

from __future__ import annotations

from smstrategy.base import get_framework
from smstrategy.charts import Lines, pace_chart
from smstrategy.elements import ContentCategory
from smstrategy.i18n import Language
from smstrategy.pages import Page, figure, template_names
from smstrategy.pages.reports import findings
from smstrategy.rules.findings import Report
from smstrategy.scorecards import MetricScore, Part, Scorecard

__all__ = ["scorecard_page"]


def _metric_row(score: MetricScore, lang: Language) -> tuple[str, ...]:
    value, metric = lang.value, score.metric
    phrase = metric.target_phrase
    target = value(None) if phrase is None else lang.text(phrase)
    latest_on = value(score.latest_on)
    if score.stale:
        latest_on = lang.fill("{date}, stale", date=latest_on)
    return (
        metric.name,
        value(score.baseline),
        value(score.latest),
        latest_on,
        target,
        lang.percent(score.progress),
        lang.percent(score.expected),
        lang.gettext("no target") if score.status is None else lang.word(score.status),
        figure(score.trend, lang),
        figure(score.forecast, lang),
    )


def _part_row(part: Part, lang: Language) -> tuple[str, ...]:
    name = lang.word(ContentCategory(part.name)) if part.by == "category" else part.name
    return (
        name,
        *(
            figure(number, lang)
            for number in (
                part.posts_per_week,
                part.hours_per_week,
                part.per_week,
                part.per_post,
                part.per_hour,
            )
        ),
        lang.value(part.rank),
    )


def _pace_charts(scores: tuple[MetricScore, ...], lang: Language) -> tuple[Lines, ...]:
    """Return the charts of the metrics that have observations, in order."""
    return tuple(chart for s in scores if (chart := pace_chart(s, lang)) is not None)


def _hours(card: Scorecard, lang: Language) -> str:
    if card.planned_hours is None:
        return ""
    hours = lang.value(round(card.planned_hours, 1))
    if card.budget_hours is None:
        return lang.fill("The channels take about {hours} hours a week.", hours=hours)
    return lang.fill(
        "The channels take about {hours} hours a week; the time budget is {budget}.",
        hours=hours,
        budget=lang.value(card.budget_hours),
    )


def scorecard_page(card: Scorecard, lang: Language) -> Page:
    """Lay out a scorecard: goal by goal, metric by metric, then what works and feedback."""
    value, word = lang.value, lang.word
    working: dict[str, list[tuple[str, ...]]] = {}
    for part in card.working:
        working.setdefault(part.metric, []).append(_part_row(part, lang))
    report = Report(findings=card.findings, framework=card.framework, title=card.title)
    context = {
        "card": card,
        "heading": lang.markdown("Scorecard: {title}", title=card.title),
        "as_of": lang.markdown(
            "As of {date}; the plan is reviewed every {period}.",
            date=value(card.as_of),
            period=lang.text(str(card.review_period)),
        ),
        "goals": tuple(
            (g.goal.statement, value(g.goal.deadline), word(g.status)) for g in card.goals
        ),
        "sections": tuple(
            {
                "statement": g.goal.statement,
                "status": word(g.status),
                "rows": tuple(_metric_row(s, lang) for s in g.metrics),
                "charts": _pace_charts(g.metrics, lang),
            }
            for g in card.goals
        ),
        "metric_headers": (
            lang.gettext("Metric"),
            lang.gettext("Baseline"),
            lang.gettext("Latest"),
            lang.gettext("On"),
            lang.pgettext("Metric", "Target"),
            lang.gettext("Progress"),
            lang.gettext("Pace"),
            lang.gettext("Status"),
            lang.gettext("Trend a week"),
            lang.gettext("Forecast"),
        ),
        "others": tuple(_metric_row(s, lang) for s in card.metrics),
        "other_charts": _pace_charts(card.metrics, lang),
        "working": tuple((metric, tuple(rows)) for metric, rows in working.items()),
        "hours": _hours(card, lang),
        "feedback": tuple(
            (
                f.question,
                word(f.voice),
                value(f.answers),
                figure(f.mean_score, lang),
                " \u00b7 ".join(answer.answer for answer in f.latest),
            )
            for f in card.feedback
        ),
        "rows": findings(report, lang)["rows"],
    }
    names = template_names("scorecard", get_framework(card.framework))
    return names, context, lang.fill("Scorecard: {title}", title=card.title)
