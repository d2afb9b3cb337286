"""The page of a plan, and the summary that opens it when a check report is given."""

from __future__ import annotations

import datetime as dt
from typing import Any

from smstrategy.base import Framework
from smstrategy.i18n import Language
from smstrategy.pages import Page, counts, introduction, template_names
from smstrategy.views import step_views

__all__ = ["glance", "plan_page"]


def plan_page(plan: Framework, lang: Language) -> Page:
    """Lay out a plan: its steps, each as the view of its content."""
    framework = type(plan)
    context = {
        "plan": plan,
        "framework": framework,
        **introduction(framework, lang),
        "steps": step_views(plan, lang),
        "glance": None,
    }
    return template_names("plan", framework), context, plan.title


def glance(plan: Framework, report: object, as_of: dt.date, lang: Language) -> dict[str, Any]:
    """Say at a glance what a check found, where the plan stands and when it is next reviewed."""
    from smstrategy.charts import journey_chart
    from smstrategy.exceptions import InvalidFieldTypeError
    from smstrategy.journey import assess, plan_evidence
    from smstrategy.rules.engine import Context, Index
    from smstrategy.rules.findings import Report
    from smstrategy.rules.guidelines import resolve
    from smstrategy.validators import a_date

    if not isinstance(report, Report):
        raise InvalidFieldTypeError("render", "report", "a check Report", report)
    a_date().check("render", "as_of", as_of)
    guidelines = resolve("render", None, plan.profile)
    index = Index(plan)  # one walk of the plan, for its review period and its evidence
    period = index.review_period or guidelines.review_period
    position = assess(plan_evidence(Context(plan, guidelines, index)), guidelines=guidelines)
    try:
        next_review = lang.value(period.after(as_of))
    except OverflowError:
        next_review = lang.value(None)
    return {
        "counts": counts(report),
        "stage": lang.text(position.stage.label),
        "next_review": lang.fill(
            "{date} (every {period})", date=next_review, period=lang.text(str(period))
        ),
        "journey": journey_chart(position, lang),
    }
