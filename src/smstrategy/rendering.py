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
from typing import TYPE_CHECKING, Any, Literal

import attrs
import jinja2
import markupsafe
from jinja2.exceptions import SecurityError

from smstrategy.base import Framework, _is_framework_class
from smstrategy.caches import Recent
from smstrategy.charts import CHARTS, chart_of
from smstrategy.charts.mermaid import write as write_mermaid
from smstrategy.exceptions import (
    InvalidFieldTypeError,
    InvalidFieldValueError,
    RenderError,
    SmstrategyError,
    TemplateLimitError,
    TemplateSecurityError,
    excerpt,
)
from smstrategy.i18n import ENGLISH, CatalogSource, Language, fill, language
from smstrategy.limits import Limits, limited
from smstrategy.markdown import cells, escape, label, strong
from smstrategy.pages import introduction, page_of, template_names
from smstrategy.views import field_labels, step_views

if TYPE_CHECKING:
    from smstrategy.audit import Audit
    from smstrategy.calendar import ContentPlan
    from smstrategy.elements import Calendar
    from smstrategy.journey import Position, Views
    from smstrategy.revisions import Diff
    from smstrategy.rules.findings import Report
    from smstrategy.scorecards import Scorecard

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
    env.filters["strong"] = strong
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
        from smstrategy.sandbox import SandboxedEnvironment

        sandboxed = SandboxedEnvironment(loader=jinja2.ChoiceLoader([user, package]), **options)
        _configure(sandboxed, lang)
        sandboxed.guard_filters()  # after the library's filters are in, so they are guarded too
        env = sandboxed
    # The loader is kept with its environment, so the id in its key stays its own.
    _ENVIRONMENTS[key] = (user, env)
    return env


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
    from smstrategy.html import body as html_body

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
    page = page_of(obj)
    if page is None:
        expected = (
            "a plan, a check Report, a Scorecard, a journey Position, an Audit, a Diff"
            " or a Calendar"
        )
        raise InvalidFieldTypeError("render", "obj", expected, obj)
    names, context, title = page(obj, words)
    if report is not None:
        from smstrategy.pages.plans import glance

        assert isinstance(obj, Framework)  # noqa: S101  # refused above otherwise
        context["glance"] = glance(obj, report, as_of or dt.date.today(), words)  # noqa: DTZ011
    context["pictures"] = {} if diagrams else None
    return _page(environment(templates, words), names, context, kind, title, bounds)


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
    intro = introduction(framework, words)
    name = intro["name"]
    context = {
        "framework": framework,
        **intro,
        "steps": steps,
        "questions": {
            s.name: tuple((str(i), q, "") for i, q in enumerate(s.questions, 1)) for s in steps
        },
        "fill_in": {s.name: _fill_in(s.type, words) for s in framework.steps()},
        "heading": words.markdown("{name}: worksheet", name=name),
    }
    title = words.fill("{name}: worksheet", name=name)
    return _page(env, template_names("worksheet", framework), context, kind, title, bounds)


def _fill_in(kind: type, lang: Language) -> tuple[str, ...]:
    if not attrs.has(kind):
        return ()
    return tuple(lang.gettext(text) for _, text in field_labels(kind))
