"""The pages of a check report and of an account audit: findings as a table."""

from __future__ import annotations

from typing import Any

from smstrategy.audit import Audit
from smstrategy.charts import findings_chart
from smstrategy.i18n import Language
from smstrategy.pages import Page, counts
from smstrategy.rules.findings import Report

__all__ = ["audit_page", "findings", "report_page"]


def findings(report: Report, lang: Language) -> dict[str, Any]:
    """Return the report, its counts by severity, and a row for each finding."""
    text = lang.text
    return {
        "report": report,
        "counts": counts(report),
        "rows": tuple(
            (
                lang.word(f.severity),
                f.code,
                text(f.step),
                f.path or lang.gettext("(plan)"),
                text(f.message),
                text(f.hint),
            )
            for f in report
        ),
    }


def report_page(report: Report, lang: Language) -> Page:
    """Lay out a check report: the findings, counted and pictured by severity."""
    context = findings(report, lang)
    context["heading"] = lang.markdown("Check report: {title}", title=report.title)
    context["chart"] = findings_chart(report, lang)
    return ["report.md.j2"], context, lang.fill("Check report: {title}", title=report.title)


def audit_page(audit: Audit, lang: Language) -> Page:
    """Lay out an audit: the accounts, then what checking them found."""
    from smstrategy.rules.engine import check

    value = lang.value
    accounts = tuple(
        (
            a.platform.name,
            a.handle,
            a.owner or value(None),
            value(a.last_post),
            value(a.followers),
            value(a.on_brand),
        )
        for a in audit.accounts
    )
    context = {"audit": audit, "accounts": accounts, **findings(check(audit), lang)}
    context["rows"] = tuple(row[:2] + row[3:] for row in context["rows"])  # audits have no steps
    return ["audit.md.j2"], context, audit.title
