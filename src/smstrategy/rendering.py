"""Render plans, worksheets and check reports to Markdown and HTML.

Templates ship inside the package and are looked up by framework key, then by
the keys of the frameworks it derives from, then as a generic template that
lays out any plan, so a framework of your own renders with no template::

    >>> import smstrategy as sms
    >>> text = sms.render(sms.example("popt"))
    >>> text.splitlines()[0]
    '# Fjord Coffee: social media plan 2027'
    >>> print(sms.worksheet(sms.Popt).splitlines()[0])
    # Purpose, Objectives, Priorities, Tactics: worksheet

Pass ``templates=`` to look in your own templates first: a folder, a Jinja2
loader, or a mapping of template names to template source.  Templates you
pass are rendered in Jinja2's sandbox.  The names are:

* ``plan/<key>.md.j2`` and ``plan/_generic.md.j2`` for plans;
* ``worksheet/<key>.md.j2`` and ``worksheet/_generic.md.j2`` for worksheets;
* ``report.md.j2`` for check reports;
* ``scorecard/<key>.md.j2`` and ``scorecard/_generic.md.j2`` for scorecards,
  looked up by framework key like plans;
* ``journey.md.j2`` for journey positions, ``audit.md.j2`` for audits and
  ``diff.md.j2`` for what changed between two revisions, ``calendar.md.j2`` for
  calendars;
* ``page.html.j2`` for the HTML page around any of them;
* ``_macros.md.j2`` for the shared ``view``, ``table`` and ``summary`` macros.

Pass ``lang=`` to write in another language: ``"nb"`` (Norwegian Bokmål) and
``"fi"`` (Finnish) ship with the library, and ``catalog=`` adds your own (see
:mod:`smstrategy.i18n`)::

    >>> print(sms.worksheet(sms.Popt, lang="fi").splitlines()[0])
    # Tarkoitus, tavoitteet, painopisteet, taktiikat: työpohja

Templates are written with Jinja2's ``i18n`` extension: wrap text in
``{% trans %}`` or ``_()`` and it is looked up in the language's catalog.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Hashable, Mapping
from pathlib import Path
from typing import Any, Literal

import attrs
import jinja2
import markupsafe
from jinja2.exceptions import SecurityError

from smstrategy.audit import Audit
from smstrategy.base import Framework, _is_framework_class, get_framework
from smstrategy.caches import Recent
from smstrategy.calendar import ContentPlan, weeks_of
from smstrategy.charts import CHARTS, Lines, chart_of, findings_chart, journey_chart, pace_chart
from smstrategy.charts.mermaid import write as write_mermaid
from smstrategy.elements import Calendar, ContentCategory
from smstrategy.exceptions import (
    InvalidFieldTypeError,
    InvalidFieldValueError,
    RenderError,
    SmstrategyError,
    TemplateLimitError,
    TemplateSecurityError,
    excerpt,
)
from smstrategy.html import body as html_body
from smstrategy.i18n import ENGLISH, CatalogSource, Language, fill, language
from smstrategy.journey import Position, Views
from smstrategy.markdown import Markdown, cells, escape, label
from smstrategy.revisions import ChangeKind, Diff
from smstrategy.rules.findings import Report
from smstrategy.sandbox import Limits, SandboxedEnvironment, limited
from smstrategy.scorecards import MetricScore, Part, Scorecard
from smstrategy.stages import SIGNS, Sign, Stage
from smstrategy.validators import a_date
from smstrategy.views import field_labels, inline, step_views

__all__ = ["Templates", "render", "worksheet"]

#: What ``templates=`` accepts: a folder, a loader, or template sources by name.
Templates = str | os.PathLike[str] | jinja2.BaseLoader | Mapping[str, str] | None
Format = Literal["markdown", "html"]

_TEMPLATES = Path(__file__).parent / "templates"
_FORMATS = ("markdown", "html")
_BLANK_LINES = re.compile(r"\n{3,}")
_ENVIRONMENTS: Recent[tuple[object, jinja2.Environment]] = Recent()


def _autoescape(name: str | None) -> bool:
    """Escape HTML in HTML templates only; Markdown must not be HTML-escaped."""
    return name is not None and name.endswith(".html.j2")


def _diagram_filter(lang: Language) -> Callable[..., str]:
    @jinja2.pass_context
    def diagram(context: jinja2.runtime.Context, value: object) -> str:
        """Write the picture of *value* (a chart or a building block) as a Mermaid block.

        Nothing is written for a value without a picture, or when pictures are off.
        """
        pictures = context.get("pictures")
        if not isinstance(pictures, dict):  # pictures are off
            return ""
        chart = value if isinstance(value, CHARTS) else chart_of(value, lang)
        if chart is None:
            return ""
        text = write_mermaid(chart)
        pictures[text] = chart
        return f"\n\n```mermaid\n{text}\n```\n\n"

    return diagram


def _strong(text: str) -> Markdown:
    """Make *text* bold: escaped, between ``**``."""
    return Markdown(f"**{escape(text)}**")


def _gettexts(lang: Language) -> dict[str, Callable[..., str]]:
    """Return the translating functions of templates, as Jinja's i18n extension calls them.

    Each fills in ``%(name)s`` fields and nothing else, and escapes the
    translation and its values as user text is: for Markdown, or for HTML in
    templates that escape HTML.
    """

    def put(
        context: jinja2.runtime.Context, text: str, message: str, variables: dict[str, Any]
    ) -> str:
        escaping = markupsafe.escape if context.eval_ctx.autoescape else escape
        values = {k: v if isinstance(v, str) else str(v) for k, v in variables.items()}
        return fill(text, message, values, percent=True, escape=escaping)

    @jinja2.pass_context
    def gettext(context: jinja2.runtime.Context, string: str, /, **variables: Any) -> str:
        return put(context, lang.gettext(string), string, variables)

    @jinja2.pass_context
    def ngettext(
        context: jinja2.runtime.Context, singular: str, plural: str, n: int, /, **variables: Any
    ) -> str:
        variables.setdefault("num", n)
        return put(context, lang.ngettext(singular, plural, n), singular, variables)

    @jinja2.pass_context
    def pgettext(
        context: jinja2.runtime.Context, where: str, string: str, /, **variables: Any
    ) -> str:
        variables.setdefault("context", where)
        return put(context, lang.pgettext(where, string), string, variables)

    return {"gettext": gettext, "ngettext": ngettext, "pgettext": pgettext}


def _configure(env: jinja2.Environment, lang: Language) -> jinja2.Environment:
    env.filters["diagram"] = _diagram_filter(lang)
    env.filters["md"] = escape
    env.filters["strong"] = _strong
    env.filters["cells"] = cells
    env.filters["value"] = lang.value
    env.filters["label"] = label
    env.filters["text"] = lang.text
    env.globals["lang"] = lang.code
    env.globals.update(_gettexts(lang))
    env.newstyle_gettext = True  # type: ignore[attr-defined]  # set by the i18n extension
    return env


def _are_strings(*values: object) -> bool:
    return all(isinstance(value, str) for value in values)


def _user_loader(templates: Templates) -> tuple[Hashable, jinja2.BaseLoader]:
    """Return a cache key and a loader for what a caller passed as ``templates``."""
    if isinstance(templates, jinja2.BaseLoader):
        return ("loader", id(templates)), templates
    if isinstance(templates, str | os.PathLike):
        folder = os.path.abspath(os.fspath(templates))  # noqa: PTH100  # str key for the cache
        if not os.path.isdir(folder):  # noqa: PTH112
            raise InvalidFieldValueError("render", "templates", "an existing folder", templates)
        return ("folder", folder), jinja2.FileSystemLoader(folder)
    if isinstance(templates, Mapping):
        sources = dict(templates)
        for name, source in sources.items():
            if not _are_strings(name, source):
                raise InvalidFieldTypeError(
                    "render", "templates", "template sources (str) by name (str)", templates
                )
        return ("strings", tuple(sorted(sources.items()))), jinja2.DictLoader(sources)
    raise InvalidFieldTypeError(
        "render",
        "templates",
        "a folder, a jinja2 loader or a mapping of template names to sources",
        templates,
    )


def environment(templates: Templates = None, lang: Language = ENGLISH) -> jinja2.Environment:
    """Return the Jinja2 environment for *templates* in *lang*, built once and then reused.

    With no templates of your own it is a plain environment over the package's
    templates.  With yours, it is a sandboxed one that looks in yours first.
    The most recently used :data:`~smstrategy.caches.SIZE` environments are kept.
    """
    if templates is None:
        user_key: Hashable = None
        user = None
    else:
        user_key, user = _user_loader(templates)
    # Languages are made once and kept, so their ids stay their own.
    key = (user_key, id(lang))
    if (cached := _ENVIRONMENTS.get(key)) is not None:
        return cached[1]
    package = jinja2.FileSystemLoader(_TEMPLATES)
    options: dict[str, Any] = {
        "undefined": jinja2.StrictUndefined,
        "autoescape": _autoescape,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
        "auto_reload": False,
        "extensions": ["jinja2.ext.i18n"],
    }
    if user is None:
        plain = jinja2.Environment(loader=package, **options)  # noqa: S701  # escaping per name
        env = _configure(plain, lang)
    else:
        sandboxed = SandboxedEnvironment(loader=jinja2.ChoiceLoader([user, package]), **options)
        _configure(sandboxed, lang)
        sandboxed.guard_filters()  # after the library's filters are in, so they are guarded too
        env = sandboxed
    # The loader is kept with its environment, so the id in its key stays its own.
    _ENVIRONMENTS[key] = (user, env)
    return env


def _template_names(kind: str, framework: type[Framework]) -> list[str]:
    return [f"{kind}/{cls.key}.md.j2" for cls in framework.lineage()] + [f"{kind}/_generic.md.j2"]


def _run(env: jinja2.Environment, names: list[str], context: dict[str, Any], limits: Limits) -> str:
    try:
        with limited(limits):
            return env.select_template(names).render(context)
    except SmstrategyError:
        raise
    except RecursionError:
        msg = "the template passed Limits.depth: it nests deeper than Python allows"
        raise TemplateLimitError("depth", msg) from None
    except SecurityError as e:
        msg = f"a template tried something the sandbox forbids: {e}"
        raise TemplateSecurityError(msg) from None
    except jinja2.TemplateSyntaxError as e:
        msg = f"template {e.name!r}, line {e.lineno}, has a syntax error: {e.message}"
        raise RenderError(msg) from None
    except jinja2.TemplateNotFound as e:
        msg = f"no template found among {names} ({e.message})"
        raise RenderError(msg) from None
    except jinja2.UndefinedError as e:
        msg = f"a template used something that is not defined: {e.message}"
        raise RenderError(msg) from None
    except Exception as e:  # whatever else a template can make Python raise
        msg = f"a template failed: {type(e).__name__}: {excerpt(str(e))}"
        raise RenderError(msg) from e


def _page(  # noqa: PLR0917  # what a page is made of
    env: jinja2.Environment,
    names: list[str],
    context: dict[str, Any],
    kind: str,
    title: str,
    limits: Limits,
) -> str:
    """Render the page's Markdown, then, for HTML, its HTML page.

    What the page showed, and then its Markdown, are let go as soon as they
    are no longer needed: a long calendar's HTML is made without holding them.
    """
    text = _run(env, names, context, limits)
    pictures = context.get("pictures") or {}
    context.clear()
    text = _BLANK_LINES.sub("\n\n", text).strip() + "\n"
    if kind == "markdown":
        return text
    body = html_body(text, pictures)
    del text
    return _run(env, ["page.html.j2"], {"title": title, "body": body}, limits)


_LIMITS = Limits()


def _check_limits(limits: object) -> Limits:
    if limits is None:
        return _LIMITS
    if not isinstance(limits, Limits):
        raise InvalidFieldTypeError("render", "limits", "a Limits value or None", limits)
    return limits


def _check_format(kind: object) -> str:
    if kind not in _FORMATS:
        expected = "one of " + ", ".join(repr(f) for f in _FORMATS)
        raise InvalidFieldValueError("render", "format", expected, kind)
    return str(kind)


Page = tuple[list[str], dict[str, Any], str]


def _introduction(framework: type[Framework], lang: Language) -> dict[str, str]:
    """Return the framework's ``name`` and ``summary``, translated."""
    summary = lang.gettext(framework.summary) if framework.summary else ""
    return {"name": lang.gettext(framework.name), "summary": summary}


def _plan_page(plan: Framework, lang: Language) -> Page:
    framework = type(plan)
    context = {
        "plan": plan,
        "framework": framework,
        **_introduction(framework, lang),
        "steps": step_views(plan, lang),
        "glance": None,
    }
    return _template_names("plan", framework), context, plan.title


def _glance(plan: Framework, report: Report, as_of: dt.date, lang: Language) -> dict[str, Any]:
    """Say at a glance what a check found, where the plan stands and when it is next reviewed."""
    from smstrategy.journey import assess, plan_evidence
    from smstrategy.rules.engine import Context, Index
    from smstrategy.rules.guidelines import resolve

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
        "counts": _counts(report),
        "stage": lang.text(position.stage.label),
        "next_review": lang.fill(
            "{date} (every {period})", date=next_review, period=lang.text(str(period))
        ),
        "journey": journey_chart(position, lang),
    }


def _counts(report: Report) -> dict[str, int]:
    """Return how many findings of each severity, by the severity's value, as templates use."""
    return {s.value: n for s, n in report.counts.items()}


def _report_context(report: Report, lang: Language) -> dict[str, Any]:
    text = lang.text
    return {
        "report": report,
        "counts": _counts(report),
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


def _report_page(report: Report, lang: Language) -> Page:
    context = _report_context(report, lang)
    context["heading"] = lang.markdown("Check report: {title}", title=report.title)
    context["chart"] = findings_chart(report, lang)
    return ["report.md.j2"], context, lang.fill("Check report: {title}", title=report.title)


def _journey_page(value: Position | Views, lang: Language) -> Page:
    """Lay out a journey map: one position, or several views side by side."""
    text = lang.gettext
    several = isinstance(value, Views)
    views = value.positions if isinstance(value, Views) else (("", value),)
    position = views[0][1]
    if several:
        voices = tuple(name for name, _ in views)
        mark = "\u25b6"
        placements = tuple(
            lang.markdown("{name}: {stage}.", name=name, stage=_strong(text(p.stage.label)))
            for name, p in views
        )
    else:
        voices = (lang.gettext("Here"),)
        mark = "\u25b6 " + lang.gettext("you are here")
        stage = _strong(text(position.stage.label))
        placements = (lang.markdown("Stage reached: {stage}.", stage=stage),)
    scores = () if several else (lang.gettext("Signs held"),)
    stages = tuple(
        (
            text(stage.label),
            *(() if several else (lang.percent(position.score(stage)) if stage.signs else "",)),
            *(mark if p.stage is stage else "" for _, p in views),
            text(stage.description),
            text(stage.risks),
        )
        for stage in Stage
    )
    differences = value.differences if isinstance(value, Views) else ()
    context = {
        "views": several,
        "placements": placements,
        "stage_headers": (
            lang.gettext("Stage"),
            *scores,
            *voices,
            lang.gettext("What it looks like"),
            lang.gettext("Risks"),
        ),
        "stages": stages,
        "evidence_headers": (
            lang.gettext("Sign"),
            lang.gettext("Stage"),
            *(voices if several else (lang.gettext("Holds"),)),
        ),
        "evidence": tuple(
            (text(sign.label), text(sign.stage.label), *(_holds(p, sign, lang) for _, p in views))
            for sign in SIGNS
        ),
        "unknown": "" if several else ", ".join(text(s.label) for s in position.unknown),
        "differences": tuple(
            lang.fill(
                "{sign}: seen by {holding}; not by {lacking}.",
                sign=text(d.sign.label),
                holding=", ".join(d.holding),
                lacking=", ".join(d.lacking),
            )
            for d in differences
        ),
        "next_steps": tuple(text(step) for step in position.next_steps),
        "chart": journey_chart(value, lang),
    }
    return ["journey.md.j2"], context, lang.gettext("Social media journey")


def _holds(position: Position, sign: Sign, lang: Language) -> str:
    """Write whether *sign* holds, and where it was seen, or that it is not known."""
    evidence = position.evidence
    seen = evidence.sources(sign)
    if evidence.holds(sign):
        return lang.fill("yes ({sources})", sources=", ".join(lang.word(s) for s in seen))
    if evidence.unknown(sign):
        return lang.gettext("not known")
    if seen:  # seen only as an intention, where facts are needed
        return lang.fill("no: only in the {source}", source=lang.word(seen[0]))
    return lang.gettext("no")


def _audit_page(audit: Audit, lang: Language) -> Page:
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
    context = {"audit": audit, "accounts": accounts, **_report_context(check(audit), lang)}
    context["rows"] = tuple(row[:2] + row[3:] for row in context["rows"])  # audits have no steps
    return ["audit.md.j2"], context, audit.title


def _diff_page(changes: Diff, lang: Language) -> Page:
    groups = tuple(
        (
            lang.gettext(step) if step else lang.gettext("The plan as a whole"),
            tuple(
                (
                    lang.word(c.kind),
                    c.path,
                    "" if c.kind is ChangeKind.ADDED else inline(c.old, lang),
                    "" if c.kind is ChangeKind.REMOVED else inline(c.new, lang),
                )
                for c in items
            ),
        )
        for step, items in changes.by_step().items()
    )
    context = {
        "diff": changes,
        "groups": groups,
        "heading": lang.markdown("What changed: {title}", title=changes.new_title),
    }
    return ["diff.md.j2"], context, lang.fill("What changed: {title}", title=changes.new_title)


def _calendar_page(value: Calendar | ContentPlan, lang: Language) -> Page:
    calendar = value.calendar if isinstance(value, ContentPlan) else value
    title = value.title if isinstance(value, ContentPlan) else lang.gettext("Content calendar")
    word, write = lang.word, lang.value
    weeks = tuple(
        (
            number,
            write(first),
            write(first + dt.timedelta(days=6)),
            tuple(
                (
                    write(p.when),
                    p.channel,
                    word(p.category),
                    p.topic,
                    p.audience,
                    p.owner,
                    word(p.status),
                    word(p.automation),
                )
                for p in posts
            ),
        )
        for number, first, posts in weeks_of(calendar)
    )
    return ["calendar.md.j2"], {"title": title, "weeks": weeks, "calendar": calendar}, title


def _figure(number: float | None, lang: Language) -> str:
    """Write a computed figure to two decimals, or a dash when there is none.

    Rounding first keeps a figure such as 2.999 from being written as ``3.``.
    """
    return lang.value(None if number is None else round(number, 2))


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
        _figure(score.trend, lang),
        _figure(score.forecast, lang),
    )


def _part_row(part: Part, lang: Language) -> tuple[str, ...]:
    name = lang.word(ContentCategory(part.name)) if part.by == "category" else part.name
    return (
        name,
        *(
            _figure(number, lang)
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


def _scorecard_page(card: Scorecard, lang: Language) -> Page:
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
                _figure(f.mean_score, lang),
                " \u00b7 ".join(answer.answer for answer in f.latest),
            )
            for f in card.feedback
        ),
        "rows": _report_context(report, lang)["rows"],
    }
    names = _template_names("scorecard", get_framework(card.framework))
    return names, context, lang.fill("Scorecard: {title}", title=card.title)


_PAGES: tuple[tuple[type, Callable[[Any, Language], Page]], ...] = (
    (Framework, _plan_page),
    (Report, _report_page),
    (Scorecard, _scorecard_page),
    (Position, _journey_page),
    (Views, _journey_page),
    (Audit, _audit_page),
    (Diff, _diff_page),
    (Calendar, _calendar_page),
    (ContentPlan, _calendar_page),
)


def render(
    obj: Framework | Report | Scorecard | Position | Views | Audit | Diff | Calendar | ContentPlan,
    format: Format = "markdown",  # noqa: A002  # the word users expect
    *,
    templates: Templates = None,
    lang: str = "en",
    catalog: CatalogSource = None,
    diagrams: bool = True,
    report: Report | None = None,
    as_of: dt.date | None = None,
    limits: Limits | None = None,
) -> str:
    """Render a plan, a report, a scorecard, a journey map, an audit, a diff or a calendar.

    A journey map shows a :class:`~smstrategy.Position`, or several people's
    :class:`~smstrategy.Views` side by side.

    Markdown is the default; HTML is made from the Markdown by markdown-it-py,
    with raw HTML off, inside a small page, and needs the ``html`` extra.
    *lang* and *catalog* choose the language, as in
    :func:`smstrategy.i18n.language`.

    Pictures (the content mix, a calendar, the journey, each metric against
    its pace, the findings) are drawn as Mermaid diagrams in Markdown and as
    inline SVG in HTML; ``diagrams=False`` leaves them out.  Pass a plan's
    check *report* to open the plan with a summary: the findings by severity,
    the stage of the journey the plan shows, and the next review, one review
    period after *as_of* (today by default).

    Templates you pass run in a sandbox within *limits* (see
    :class:`~smstrategy.Limits`); whatever a template or a catalog does, the
    errors raised are the library's own.
    """
    kind = _check_format(format)
    bounds = _check_limits(limits)
    if not isinstance(diagrams, bool):
        raise InvalidFieldTypeError("render", "diagrams", "True or False", diagrams)
    if report is not None and not isinstance(obj, Framework):
        raise InvalidFieldTypeError("render", "report", "None for anything but a plan", report)
    words = language(lang, catalog)
    for cls, page in _PAGES:
        if isinstance(obj, cls):
            names, context, title = page(obj, words)
            if report is not None:
                assert isinstance(obj, Framework)  # noqa: S101  # refused above otherwise
                context["glance"] = _glance(obj, report, as_of or dt.date.today(), words)  # noqa: DTZ011
            context["pictures"] = {} if diagrams else None
            return _page(environment(templates, words), names, context, kind, title, bounds)
    expected = (
        "a plan, a check Report, a Scorecard, a journey Position, an Audit, a Diff or a Calendar"
    )
    raise InvalidFieldTypeError("render", "obj", expected, obj)


def worksheet(
    framework: type[Framework],
    format: Format = "markdown",  # noqa: A002  # the word users expect
    *,
    templates: Templates = None,
    lang: str = "en",
    catalog: CatalogSource = None,
    limits: Limits | None = None,
) -> str:
    """Render a blank worksheet for *framework*: its steps, questions and room to answer.

    *templates*, *lang*, *catalog* and *limits* are as for :func:`render`.
    """
    kind = _check_format(format)
    bounds = _check_limits(limits)
    if not _is_framework_class(framework):
        raise InvalidFieldTypeError("worksheet", "framework", "a Framework class", framework)
    words = language(lang, catalog)
    env = environment(templates, words)
    steps = step_views(framework, words)
    introduction = _introduction(framework, words)
    name = introduction["name"]
    context = {
        "framework": framework,
        **introduction,
        "steps": steps,
        "questions": {
            s.name: tuple((str(i), q, "") for i, q in enumerate(s.questions, 1)) for s in steps
        },
        "fill_in": {s.name: _fill_in(s.type, words) for s in framework.steps()},
        "heading": words.markdown("{name}: worksheet", name=name),
    }
    title = words.fill("{name}: worksheet", name=name)
    return _page(env, _template_names("worksheet", framework), context, kind, title, bounds)


def _fill_in(kind: type, lang: Language) -> tuple[str, ...]:
    if not attrs.has(kind):
        return ()
    return tuple(lang.gettext(text) for _, text in field_labels(kind))
