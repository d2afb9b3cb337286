"""What hostile or careless input can do: only the library's errors, within limits."""

from __future__ import annotations

import builtins
import contextlib
import contextvars
import datetime as dt
import gettext
import json
import re
import sys

import attrs
import jinja2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import smstrategy as sms
from smstrategy import i18n, rendering
from smstrategy.caches import SIZE
from smstrategy.exceptions import excerpt
from test_render import ALL, PARSER, structure

REPORT = sms.check(sms.example("popt"))
WHEN = dt.datetime(2027, 1, 4, 9)  # noqa: DTZ001  # a local time
SMALL = sms.Limits(output=100_000, iterations=10_000, depth=10)


def rendered(source: str, limits: sms.Limits = SMALL) -> str:
    return sms.render(REPORT, templates={"report.md.j2": source}, limits=limits)


# --- templates ------------------------------------------------------------------------------

#: Templates that once escaped as plain Python errors or ran without bound, and the limit
#: each passes (None: a RenderError that is not a limit).
PAYLOADS = [
    ("{% for i in range(10**9) %}{% endfor %}", "iterations"),
    ("{% for i in range(10**30) %}{% endfor %}", "iterations"),
    ("{% for i in range(5000) %}{% for j in range(5000) %}{% endfor %}{% endfor %}", "iterations"),
    ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "depth"),
    ("{% extends 'report.md.j2' %}", "depth"),
    ("{% include 'report.md.j2' %}", "depth"),
    ("{% import 'report.md.j2' as m %}", "depth"),
    ("{% block a %}{{ self.a() }}{% endblock %}", "depth"),
    ("{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}", "depth"),
    ("{{ 10 ** 5000 }}", None),
    (
        (
            "{% set ns = namespace(n=10) %}{% for i in range(40) %}{% set ns.n = ns.n * ns.n %}"
            "{% endfor %}"
        ),
        None,
    ),
    ("{{ 'x' * 10**8 }}", "output"),
    ("{{ [0] * 10**8 }}", "output"),
    ("{{ 'x'|center(10**8) }}", "output"),
    ("{{ 'x'.center(10**8) }}", "output"),
    ("{{ 'x'.ljust(10**8) }}", "output"),
    ("{{ '%100000000s'|format(1) }}", "output"),
    ("{{ '%100000000s' % 1 }}", "output"),
    ("{{ '%*s' % (10**8, 1) }}", "output"),
    ("{{ '{:>300000000}'.format(1) }}", "output"),
    (
        (
            "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}"
            "{% endfor %}"
        ),
        "output",
    ),
    (
        (
            "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}"
            "{% endfor %}"
        ),
        "output",
    ),
    ("{{ ('x' * 1000)|replace('x', 'y' * 1000) }}", "output"),
    ("{{ ('x' * 1000).replace('x', 'y' * 1000) }}", "output"),
    ("{{ ('y' * 1000).join(range(1000)|map('string')|list) }}", "output"),
    ("{{ range(1000)|map('string')|list|join('y' * 1000) }}", "output"),
    ("{% for i in range(1000) %}{{ 'x' * 1000 }}{% endfor %}", "output"),
    (
        (
            "{% macro m() %}{% for i in range(1000) %}{{ 'x' * 1000 }}{% endfor %}{% endmacro %}"
            "{% set x = m() %}"
        ),
        "output",
    ),
    ("{{ 1 / 0 }}", None),
    ("{{ 'a' + 1 }}", None),
    ("{{ (2.0 ** 10000) }}", None),
]


@pytest.mark.parametrize(("source", "limit"), PAYLOADS)
def test_hostile_templates_raise_only_the_librarys_errors(source, limit):
    """Each payload stops with a RenderError; one that passes a limit names it."""
    with pytest.raises(sms.RenderError) as caught:
        rendered(source)
    if limit is None:
        assert not isinstance(caught.value, sms.TemplateLimitError)
    else:
        assert isinstance(caught.value, sms.TemplateLimitError)
        assert caught.value.limit == limit
        assert f"Limits.{limit}" in str(caught.value)


def test_the_limits_are_what_is_passed():
    """A template just within a limit renders; one step past it is stopped."""
    loops = "{% for i in range(10) %}{% for j in range(9) %}.{% endfor %}{% endfor %}"
    assert rendered(loops, sms.Limits(iterations=100)).count(".") == 90  # 10 + 90 turns
    with pytest.raises(sms.TemplateLimitError, match="more than 99 times"):
        rendered(loops, sms.Limits(iterations=99))
    assert rendered("{{ 'x' * 50 }}", sms.Limits(output=51)) == "x" * 50 + "\n"
    with pytest.raises(sms.TemplateLimitError, match="more than 49 "):
        rendered("{{ 'x' * 50 }}", sms.Limits(output=49))
    nested = "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(4) }}"
    rendered(nested, sms.Limits(depth=6))  # the template, then five calls
    with pytest.raises(sms.TemplateLimitError, match="more than 5 deep"):
        rendered(nested, sms.Limits(depth=5))


def test_the_default_limits_let_the_librarys_templates_render_a_big_calendar():
    """A page template of one's own puts every built-in template in the sandbox; it still fits."""
    when = WHEN
    posts = [
        sms.Post(when=when + dt.timedelta(hours=i), channel="Instagram", topic=f"Post {i}")
        for i in range(20_000)
    ]
    page = {"page.html.j2": "<title>{{ title }}</title>{{ body }}"}
    text = sms.render(sms.Calendar(posts=posts), templates=page)
    assert text.count("Post ") >= 20_000


def test_limits_are_checked():
    """Limits hold whole numbers of at least one; render refuses anything else as limits."""
    with pytest.raises(sms.InvalidFieldValueError, match=r"^Limits\.output"):
        sms.Limits(output=0)
    with pytest.raises(sms.InvalidFieldValueError, match=r"^Limits\.depth"):
        sms.Limits(depth=1000)
    with pytest.raises(sms.InvalidFieldTypeError, match=r"^render\.limits"):
        sms.render(REPORT, limits={"output": 5})  # type: ignore[arg-type]


FRAGMENTS = st.sampled_from(
    [
        "{{ 1 }}",
        "{{ x }}",
        "{{ 10 ** 99 }}",
        "{{ 'a' * 3 }}",
        "{% for i in range(3) %}",
        "{% endfor %}",
        "{% if 1 %}",
        "{% endif %}",
        "{{ 1 / 0 }}",
        "{{ [] | first }}",
        "{% macro m() %}",
        "{% endmacro %}",
        "{{ m() }}",
        "{% set y = 2 %}",
        "{{ y + 'a' }}",
        "{{ report.title }}",
        "{{ report.__class__ }}",
        "{{ rows | length }}",
        "{% raw %}",
        "{{ 'x' | center(9) }}",
        "{{ _('Code') }}",
        "{% trans %}a %% b{% endtrans %}",
        "{",
        "}}",
        "text",
        "{{ '%s' % 1 }}",
        "{{ range(3) | sum }}",
        "{{ lipsum(2) }}",
    ]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(FRAGMENTS, max_size=8).map("".join))
def test_any_template_renders_or_raises_a_render_error(source):
    """Fragments put together in any order render, or raise RenderError; nothing else."""
    with contextlib.suppress(sms.RenderError):
        rendered(source)


# --- catalogs -------------------------------------------------------------------------------


class Translations(gettext.NullTranslations):
    """A catalog object that translates every message with one function."""

    def __init__(self, translate):
        super().__init__()
        self.translate = translate

    def gettext(self, message):
        return self.translate(message)

    def ngettext(self, singular, plural, n):
        return self.translate(singular if n == 1 else plural)

    def pgettext(self, context, message):  # noqa: ARG002  # gettext's signature
        return self.translate(message)


@pytest.mark.parametrize(
    "translation",
    [
        "{title:>300000000}",
        "{title.__class__.__mro__}",
        "{title!r}",
        "{0}",
        "{}",
        "{title[0]}",
        "{unknown}",
        "a } b",
    ],
)
def test_catalog_objects_fill_in_only_the_named_fields(translation):
    """Whatever catalog object is given, a translation fills in only its message's fields."""
    catalog = Translations(lambda m: translation if m == "Check report: {title}" else m)
    with pytest.raises(sms.InvalidFieldValueError, match="fills in only its message's fields"):
        sms.render(REPORT, lang="nb", catalog=catalog)


CODE = {"report.md.j2": "{{ _('Code') }}"}


@pytest.mark.parametrize(
    ("translation", "shown"),
    [("50% off", "50% off"), ("%%(x)s", "%(x)s"), ("100 %% sure", "100 % sure")],
)
def test_percent_signs_in_template_messages_are_text(translation, shown):
    """In a template's message a % is text; %% is one percent sign."""
    catalog = Translations(lambda m: translation if m == "Code" else m)
    text = sms.render(REPORT, lang="nb", catalog=catalog, templates=CODE)
    assert text == f"{shown}\n"


@pytest.mark.parametrize("translation", ["%(x)d", "%(num)10s", "%(status)s", "%(count", 5])
def test_template_messages_refuse_conversions_and_other_fields(translation):
    """A %-field that is not one of the message's, or not plain ``s``, is refused."""
    catalog = Translations(lambda m: translation if m == "Code" else m)
    with pytest.raises(sms.SmstrategyError):
        sms.render(REPORT, lang="nb", catalog=catalog, templates=CODE)


def test_po_files_are_checked_for_fields_when_read(tmp_path):
    """A .po file whose translation asks for more than its message's fields is refused."""
    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Check report: {title}"\nmsgstr "{title:>300000000}"\n',
        encoding="utf-8",
    )
    with pytest.raises(sms.InvalidFieldValueError, match="fills in only"):
        sms.render(REPORT, lang="nb", catalog=po)


HOSTILE_WORDS = "# [x](javascript:alert(1)) <script>alert(1)</script> | a | b | **c** `d`"


def hostile(message: str) -> str:
    return f"{HOSTILE_WORDS} {message} ![i](x.png) &amp; <b>"


def plain(message: str) -> str:
    return f"plain words {message} plain words"


def documents(plan):
    report = sms.check(plan)
    yield plan, {"report": report, "as_of": dt.date(2027, 6, 1)}
    yield report, {}
    yield sms.assess(sms.evidence_from(plan)), {}
    yield sms.scorecard(plan, sms.Results(), as_of=dt.date(2027, 6, 1)), {}


@pytest.mark.parametrize(("key", "plan"), ALL, ids=[k for k, _ in ALL])
def test_a_hostile_catalog_adds_no_structure(key, plan):
    """Translations full of Markdown and HTML leave every document's structure as it was."""
    for document, options in documents(plan):
        tokens = PARSER.parse(sms.render(document, catalog=Translations(hostile), **options))
        calm = PARSER.parse(sms.render(document, catalog=Translations(plain), **options))
        assert structure(tokens) == structure(calm)
        found = [t.type for t in tokens if t.type in ("html_block", "html_inline", "link_open")]
        inline = [c.type for t in tokens for c in t.children or ()]
        assert not found
        assert not {"html_inline", "link_open", "image", "code_inline"} & set(inline)
    sheet = sms.worksheet(type(plan), catalog=Translations(hostile))
    calm_sheet = sms.worksheet(type(plan), catalog=Translations(plain))
    assert structure(PARSER.parse(sheet)) == structure(PARSER.parse(calm_sheet))


def test_a_hostile_catalog_cannot_write_html_in_an_html_template():
    """In a template that escapes HTML, translations and their values are escaped too."""
    page = {
        "page.html.j2": "<p>{{ _('Code') }}</p>"
        "<p>{% trans x='<i>' %}Code {{ x }}{% endtrans %}</p>{{ body }}"
    }
    words = {"Code": "<b>Code</b>", "Code %(x)s": "<script>alert(1)</script>%(x)s"}
    catalog = Translations(lambda m: words.get(m, m))
    text = sms.render(REPORT, "html", templates=page, catalog=catalog, lang="nb")
    assert "<script>" not in text
    assert "<p>&lt;b&gt;Code&lt;/b&gt;</p>" in text
    assert "<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;i&gt;</p>" in text


def test_catalog_objects_that_fail_give_the_librarys_error():
    """A catalog object that returns something other than text is reported as the catalog."""
    catalog = Translations(lambda m: 5 if m == "Check report: {title}" else m)
    with pytest.raises(sms.InvalidFieldTypeError, match=r"^render\.catalog"):
        sms.render(REPORT, lang="nb", catalog=catalog)


class FailingError(Exception):
    def __repr__(self):
        raise RuntimeError


def raising(error):
    def translate(message):
        if message.startswith("Check report"):
            raise error
        return message

    return translate


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        (ZeroDivisionError("division by zero"), r"ZeroDivisionError\('division by zero'\)"),
        (KeyError("x"), r"KeyError\('x'\)"),
        (RecursionError(), r"RecursionError\(\)"),
        (FailingError(), "<FailingError instance at 0x[0-9a-f]+>"),
    ],
)
def test_catalog_objects_that_raise_give_the_librarys_error(error, shown):
    """Whatever a catalog object's own code raises is reported as the catalog, with the error."""
    catalog = Translations(raising(error))
    with pytest.raises(sms.InvalidFieldValueError) as caught:
        sms.render(REPORT, lang="nb", catalog=catalog)
    assert re.fullmatch(
        "render\\.catalog: expected a catalog object that answers without failing, "
        f"got {shown} for 'Check report: {{title}}'",
        str(caught.value),
    )
    assert caught.value.__cause__ is error


QUESTIONS = {
    "gettext": ("Goals",),
    "ngettext": ("{count} finding", "{count} findings", 2),
    "pgettext": ("stage", "Experimental"),
}


@pytest.mark.parametrize("method", list(QUESTIONS))
@pytest.mark.parametrize(
    ("answer", "error", "message"),
    [
        (b"bytes", sms.InvalidFieldTypeError, r"^render\.catalog: expected translations that are"),
        (ZeroDivisionError(), sms.InvalidFieldValueError, r"^render\.catalog: .*ZeroDivisionErr"),
    ],
)
def test_every_question_to_a_catalog_object_is_checked(method, answer, error, message):
    """gettext, ngettext and pgettext of a catalog object each answer text or fail clearly."""

    def answering(*_):
        if isinstance(answer, Exception):
            raise answer
        return answer

    broken = type("Broken", (gettext.NullTranslations,), {method: answering})()
    lang = i18n.language("nb", catalog=broken)
    with pytest.raises(error, match=message):
        getattr(lang, method)(*QUESTIONS[method])


def test_a_catalog_object_falls_back_on_the_shipped_catalog():
    """What a catalog object leaves untranslated reads as the library's own translation."""
    nb = i18n.language("nb")
    own = i18n.language("nb", catalog=gettext.NullTranslations())
    assert own.gettext("Goals") == nb.gettext("Goals") != "Goals"
    assert own.pgettext("stage", "Experimental") == nb.pgettext("stage", "Experimental")
    assert own.ngettext("{count} finding", "{count} findings", 2) == nb.ngettext(
        "{count} finding", "{count} findings", 2
    )
    other = i18n.language("sv", catalog=gettext.NullTranslations())
    assert (other.gettext("Goals"), other.ngettext("a", "b", 2), other.pgettext("c", "d")) == (
        "Goals",
        "b",
        "d",
    )
    words = Translations(lambda m: "Mål!" if m == "Goals" else m)
    assert i18n.language("nb", catalog=words).gettext("Goals") == "Mål!"


# --- caches ---------------------------------------------------------------------------------


def test_caches_stay_at_their_size_whatever_is_passed():
    """2,000 renders with fresh catalog objects and fresh loaders keep at most SIZE of each."""
    for i in range(2_000):
        loader = jinja2.DictLoader({"report.md.j2": f"{i}\n"})
        assert (
            sms.render(REPORT, templates=loader, lang="nb", catalog=Translations(plain)) == f"{i}\n"
        )
    assert len(i18n._CACHE) <= SIZE
    assert len(rendering._ENVIRONMENTS) <= SIZE
    assert len(i18n._CACHE) == SIZE  # filled, and then kept at the size


def test_equal_configurations_share_one_entry():
    """The same templates given twice, or English with no catalog, make no new entry."""
    before = len(rendering._ENVIRONMENTS)
    sms.render(REPORT, templates={"report.md.j2": "same\n"})
    sms.render(REPORT, templates={"report.md.j2": "same\n"})
    assert len(rendering._ENVIRONMENTS) <= max(before + 1, SIZE)
    assert i18n.language("en") is i18n.ENGLISH


# --- messages about bad values --------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (10**5000, "<an int of about 5,001 digits>"),
        (-(10**5000), "<a negative int of about 5,001 digits>"),
        (("x" * 10**6,), "'xxxxxxxxxxxxxxxxxxxxxxxxxxx...xxxxxxxxxxxxxxxxxxxxxxxxxxxx'"),
        ([10**5000] * 9, "[<an int of about 5,001 digits>, <an int of about 5,001 digits>, "),
    ],
    ids=["huge int", "huge negative int", "long text", "list of huge ints"],
)
def test_messages_show_a_short_excerpt_of_a_bad_value(value, shown):
    """A bad value is cut short in the message, and the message never fails itself."""
    with pytest.raises(sms.InvalidFieldTypeError) as caught:
        sms.Goal(statement=value)
    assert shown in str(caught.value)
    assert len(str(caught.value)) < 200


def test_huge_numbers_keep_their_field_in_the_message():
    """A number too large for a float is refused with the field it was given to."""
    with pytest.raises(sms.InvalidFieldValueError, match=r"^Metric\.target: expected a finite"):
        sms.Metric(name="Reach", target=10**5000)


class list(builtins.list):  # noqa: A001, N801  # a list in name: excerpts dispatch by name
    """A value whose own text fails."""

    def __len__(self):
        raise RuntimeError


def test_odd_values_are_named_by_their_type():
    """A value whose repr raises is shown by its type, and the message is made."""
    assert excerpt(list()) == "<list object>"
    with pytest.raises(sms.InvalidFieldTypeError, match="got <list object>"):
        sms.Goal(statement=list())


# --- text fields ----------------------------------------------------------------------------

REFUSED = [*"\x00\x01\x08\x0b\x0c\x0e\x1b\x1c\x1d\x1e\x1f\x7f\x80\x85\x9f\u2028\u2029", "\ud800"]


@pytest.mark.parametrize("char", REFUSED, ids=[f"U+{ord(c):04X}" for c in REFUSED])
def test_text_fields_refuse_control_characters(char):
    """Controls other than tab and line ends are refused, named by their code point."""
    with pytest.raises(sms.InvalidFieldValueError, match=f"found U\\+{ord(char):04X}"):
        sms.Goal(statement=f"Grow{char}")
    with pytest.raises(sms.InvalidFieldValueError, match=f"found U\\+{ord(char):04X}"):
        sms.Post(when=WHEN, channel="x", topic="t", text=f"a{char}b")


def test_tab_and_line_ends_are_text():
    """Tab, LF, CR and CRLF are allowed where text is."""
    assert sms.Goal(statement="Grow\tnow\r\nand\rlater\n").statement.startswith("Grow\t")


@pytest.mark.parametrize("blank", ["\u200b", "\x00", " \u00a0\u2003", "\u2060\ufeff", "\t\n"])
def test_non_empty_means_a_visible_character(blank):
    """Text of only white space, controls or format characters counts as empty."""
    with pytest.raises(sms.InvalidFieldValueError, match=r"^Goal\.statement"):
        sms.Goal(statement=blank)
    assert sms.validators.blank(blank)


def test_the_schema_says_what_text_fields_hold():
    """The schema's patterns refuse what the validators refuse."""
    import jsonschema

    schema = sms.json_schema("popt")
    data = sms.to_dict(sms.example("popt"))
    for title in ["Plan\x00", "\u200b", "A\u2028B"]:
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({**data, "title": title}, schema)
    jsonschema.validate({**data, "title": "Plan\ttwo"}, schema)


def test_a_lone_surrogate_in_a_plan_file_is_the_librarys_error(tmp_path, capsys):
    """A plan file whose text holds a lone surrogate gives a StructureError, and the CLI says so."""
    data = sms.to_dict(sms.example("popt"))
    text = json.dumps({**data, "title": "Plan \ud800"})
    with pytest.raises(sms.StructureError, match=r"title: expected text without control"):
        sms.from_json(text)
    path = tmp_path / "plan.json"
    path.write_text(text, encoding="utf-8")
    from smstrategy.cli import main

    assert main(["render", str(path)]) != 0
    assert "U+D800" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"framework": "popt", "framework": "five-step", "title": "x"}', "$.framework: the key"),
        (
            '{"framework": "popt", "title": "x", "purpose": {"why": "a", "why": "b"}}',
            "$.purpose.why",
        ),
        ('{"a": [{"b": 1}, {"b": 1, "b": 2}]}', "$.a[1].b: the key 'b' is given more than once"),
    ],
)
def test_duplicate_keys_in_json_are_an_error_naming_the_key_and_path(text, problem):
    """JSON readers differ on a key given twice; the library refuses it with its path."""
    with pytest.raises(sms.StructureError) as caught:
        sms.from_json(text)
    assert problem in str(caught.value)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=20))
def test_any_title_builds_or_is_refused_and_output_never_carries_controls(title):
    """Any title makes a plan or a library error; rendered pages carry no refused character."""
    try:
        plan = attrs.evolve(sms.example("popt"), title=title)
    except sms.SmstrategyError:
        return
    for text in (sms.render(plan), sms.render(plan, "html")):
        assert not any(c in text for c in REFUSED)


# --- corners of the sandbox and the catalogs ------------------------------------------------


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ('x{{ "%5s"|format("a") }}|{{ "{:>3}".format("b") }}', "x    a|  b"),
        ("{{ [3, 1].index(1) }} {{ {'a': 1}.get('a') }}", "1 1"),
        ('{{ "abc".replace("a", "bb") }} {{ "abc"|join(",") }}', "bbbc a,b,c"),
        ('{{ pgettext("Stage", "experimental") }}', "eksperimenterende"),
    ],
)
def test_methods_and_filters_within_the_limits_run_as_jinja_runs_them(template, expected):
    text = sms.render(REPORT, templates={"report.md.j2": template}, lang="nb")
    assert text.rstrip("\n") == expected


def test_a_sandboxed_template_rendered_on_its_own_keeps_the_default_limits():
    from smstrategy.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment()
    loops = "{% for i in range(1500) %}{% for j in range(1000) %}{% endfor %}{% endfor %}"
    fresh = contextvars.Context()
    with pytest.raises(sms.TemplateLimitError, match="more than 1,000,000 times"):
        fresh.run(env.from_string(loops).render)
    assert fresh.run(env.from_string("{{ 1 + 1 }}").render) == "2"


def test_a_huge_number_from_a_filter_is_refused():
    from smstrategy.limits import Budget, Limits

    Budget(Limits()).size(10**4000)
    with pytest.raises(sms.RenderError, match="a number of more than 4,300 digits"):
        Budget(Limits()).size(10**5000)


def test_nesting_deeper_than_python_allows_is_the_depth_limit():
    calls = {"report.md.j2": "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}"}
    with pytest.raises(sms.TemplateLimitError) as caught, recursion_limit(300):
        sms.render(REPORT, templates=calls, limits=sms.Limits(depth=200))
    assert caught.value.limit == "depth"
    assert "deeper than Python allows" in str(caught.value)


@contextlib.contextmanager
def recursion_limit(limit):
    before = sys.getrecursionlimit()
    sys.setrecursionlimit(limit)
    try:
        yield
    finally:
        sys.setrecursionlimit(before)


def test_fill_refuses_a_translation_that_is_not_text():
    with pytest.raises(sms.InvalidFieldTypeError, match=r"^render\.catalog: expected translations"):
        i18n.fill(5, "Goals", {})


def test_untranslated_messages_in_a_po_file_are_left_to_english(tmp_path):
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    po = Catalog(locale="sv", domain="smstrategy")
    po.add("Goals", "")
    po.add(
        "The goal \u201c{goal}\u201d has no deadline.",
        "M\u00e5let \u201c{goal}\u201d saknar datum.",
    )
    path = tmp_path / "sv.po"
    with path.open("wb") as f:
        write_po(f, po)
    lang = sms.language("sv", catalog=path)
    assert lang.gettext("Goals") == "Goals"
