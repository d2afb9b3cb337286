"""What each kind of page shows: the context its template reads, found by the value's kind.

:func:`smstrategy.render` asks :func:`page_of` for the layout of what it is
given.  Each kind of value has a module of its own here (plans, reports and
audits, journeys, scorecards, calendars, diffs), loaded on first use, so a
page loads only what it shows.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from smstrategy.base import Framework
    from smstrategy.i18n import Language
    from smstrategy.rules.findings import Report

__all__ = ["Page", "counts", "figure", "introduction", "page_of", "template_names"]

#: A page: the template names to try in turn, the context they read, and the page's title.
Page = tuple[list[str], dict[str, Any], str]

#: Each kind of value by the module and name of its class, and the module here and the
#: function that lays out its page, most specific first.
_PAGES = (
    ("smstrategy.base", "Framework", "plans", "plan_page"),
    ("smstrategy.rules.findings", "Report", "reports", "report_page"),
    ("smstrategy.scorecards", "Scorecard", "scorecards", "scorecard_page"),
    ("smstrategy.journey", "Position", "journeys", "journey_page"),
    ("smstrategy.journey", "Views", "journeys", "journey_page"),
    ("smstrategy.audit", "Audit", "reports", "audit_page"),
    ("smstrategy.revisions", "Diff", "diffs", "diff_page"),
    ("smstrategy.elements", "Calendar", "calendars", "calendar_page"),
    ("smstrategy.calendar", "ContentPlan", "calendars", "calendar_page"),
)


def page_of(value: object) -> Callable[[Any, Language], Page] | None:
    """Return the function that lays out *value*'s page, or ``None`` for a value with none.

    A class's module is loaded before any instance of it can exist, so the
    kinds whose modules are not loaded are passed over without loading them.
    """
    for module, name, layout, function in _PAGES:
        loaded = sys.modules.get(module)
        if loaded is not None and isinstance(value, getattr(loaded, name)):
            found: Callable[[Any, Language], Page] = getattr(
                importlib.import_module(f"{__name__}.{layout}"), function
            )
            return found
    return None


def template_names(kind: str, framework: type[Framework]) -> list[str]:
    """Return the templates of *kind* to try for *framework*: its own, its parents', generic."""
    return [f"{kind}/{cls.key}.md.j2" for cls in framework.lineage()] + [f"{kind}/_generic.md.j2"]


def introduction(framework: type[Framework], lang: Language) -> dict[str, str]:
    """Return the framework's ``name`` and ``summary``, translated."""
    summary = lang.gettext(framework.summary) if framework.summary else ""
    return {"name": lang.gettext(framework.name), "summary": summary}


def counts(report: Report) -> dict[str, int]:
    """Return how many findings of each severity, by the severity's value, as templates use."""
    return {s.value: n for s, n in report.counts.items()}


def figure(number: float | None, lang: Language) -> str:
    """Write a computed figure to two decimals, or a dash when there is none.

    Rounding first keeps a figure such as 2.999 from being written as ``3.``.
    """
    return lang.value(None if number is None else round(number, 2))
