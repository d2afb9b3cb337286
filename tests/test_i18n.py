"""Rendering in English, Norwegian Bokmål and Finnish, and in languages users add."""

from __future__ import annotations

import datetime as dt
import decimal
import gettext
import io
import pickle
import re
import string
from pathlib import Path

import attrs
import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from hypothesis import given, settings
from hypothesis import strategies as st

import smstrategy as sms
from custom_frameworks import ALL_FRAMEWORKS, Sostac
from smstrategy import i18n, rendering
from smstrategy.__main__ import main
from smstrategy.markdown import format_value
from smstrategy.strategies import plans
from test_calendar import CHANNELS, MIX, MONDAY, content_plan
from test_render import PARSER, assert_tables_are_rectangular, example_of, headings, tables
from test_rules import BREAKING

LOCALE = Path(i18n.__file__).parent / "locale"
SHIPPED = [lang for lang in sms.languages() if lang != "en"]
TEMPLATE = i18n.catalog()


def shipped_catalog(lang: str) -> Catalog:
    """Read a shipped catalog as a translator would: the .po file itself."""
    with (LOCALE / f"{lang}.po").open("rb") as f:
        return read_po(f, locale=lang)


def translated(lang: str, text: str, context: str | None = None) -> str:
    """Look *text* up in the shipped .po file, independently of the library's loading."""
    message = shipped_catalog(lang).get(text, context=context)
    if message is None:
        return text
    return message.string[0] if isinstance(message.string, tuple) else message.string


def placeholders(text: str) -> set[str]:
    """Return the ``{name}`` and ``%(name)s`` fields of a message."""
    braces = {name for _, name, _, _ in string.Formatter().parse(text) if name}
    return braces | set(re.findall(r"%\((\w+)\)s", text))


def keys(catalog: Catalog) -> set[tuple[str | None, object]]:
    return {(m.context, m.id) for m in catalog if m.id}


def inline_texts(markdown: str) -> list[str]:
    return [t.content for t in PARSER.parse(markdown) if t.type == "inline"]


# --- the catalogs -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", SHIPPED)
def test_every_message_has_a_translation_in_every_shipped_language(lang):
    """Each message the library can write has a non-empty, non-fuzzy translation."""
    po = shipped_catalog(lang)
    missing = []
    for message in TEMPLATE:
        if not message.id:
            continue
        entry = po.get(message.id, context=message.context)
        strings = (
            entry.string if entry and isinstance(entry.string, tuple) else (entry and entry.string,)
        )
        if entry is None or entry.fuzzy or not all(strings):
            missing.append((message.context, message.id))
    assert missing == []


@pytest.mark.parametrize("lang", SHIPPED)
def test_translations_keep_the_placeholders(lang):
    """A translation fills in exactly the values its English message does."""
    for message in shipped_catalog(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set().union(*(placeholders(i) for i in ids))
        for text in strings:
            assert placeholders(text) == expected, (message.id, text)


@pytest.mark.parametrize("lang", SHIPPED)
def test_catalogs_hold_no_message_the_library_no_longer_writes(lang):
    """The shipped catalogs and the messages the library writes are the same set."""
    assert keys(shipped_catalog(lang)) == keys(TEMPLATE)


def test_a_missing_translation_is_caught(tmp_path):
    """The completeness check notices a message whose translation was removed."""
    po = shipped_catalog("nb")
    po["Plan title:"].string = ""
    missing = [m.id for m in po if m.id and not m.string]
    assert missing == ["Plan title:"]


def test_the_catalog_gathers_every_kind_of_message():
    """Templates, rules, steps, labels, enum words, stages and plurals are all listed."""
    found = keys(TEMPLATE)
    for key in [
        (None, "Plan title:"),  # a template
        (None, "The goal \u201c{goal}\u201d has no deadline."),  # a rule message
        (None, "Give the goal a date by which it should be met."),  # a rule hint
        (None, "Which result do we want social media to bring us?"),  # a guiding question
        (None, "Reviewed goals"),  # a field label
        ("GoalKind", "awareness"),  # an enum word
        ("Severity", "advice"),
        (None, sms.Stage.EXPERIMENTAL.description),
        (None, ("%(count)s error", "%(count)s errors")),
    ]:
        assert key in found


def test_the_catalog_of_a_custom_framework_adds_its_texts():
    """Passing your own framework adds its name, steps, questions and labels."""
    found = keys(i18n.catalog(Sostac))
    assert (None, Sostac.name) in found
    assert {(None, s.title) for s in Sostac.steps()} <= found
    assert (None, "Situation") in found
    assert keys(TEMPLATE) < found


@pytest.mark.parametrize("lang", SHIPPED)
def test_the_shipped_catalogs_are_what_the_update_script_writes(lang):
    """Updating the catalogs from the current messages would change nothing."""
    import runpy

    script = runpy.run_path(str(Path(__file__).parent.parent / "scripts" / "catalogs.py"))
    text, left = script["updated"](lang, i18n.catalog())
    assert left == 0
    assert text == (script["LOCALE"] / f"{lang}.po").read_bytes()
    assert text == (LOCALE / f"{lang}.po").read_bytes()


# --- rendering in a language --------------------------------------------------------------


@pytest.mark.parametrize("lang", SHIPPED)
@pytest.mark.parametrize("cls", ALL_FRAMEWORKS, ids=lambda c: c.key)
def test_plans_render_with_translated_steps_and_labels(lang, cls):
    """A plan's H2s are the translated step titles; its labels are translated too."""
    plan = example_of(cls)
    tokens = PARSER.parse(sms.render(plan, lang=lang))
    assert headings(tokens, "h1") == [plan.title]
    # A custom framework's own titles stay as written; those it shares are translated.
    assert headings(tokens, "h2") == [translated(lang, s.title) for s in cls.steps()]
    assert_tables_are_rectangular(tokens)


@pytest.mark.parametrize("lang", SHIPPED)
def test_no_english_message_is_left_in_a_rendered_document(lang):
    """No heading, label or cell of a rendered plan, worksheet or map reads in English."""
    english = {
        m.id
        for m in shipped_catalog(lang)
        if isinstance(m.id, str) and m.id and m.string != m.id and not placeholders(m.id)
    }
    built_in = (sms.FiveStep, sms.EightStep, sms.Popt, sms.Roadmap)
    documents = [sms.render(sms.example(cls.key), lang=lang) for cls in built_in]
    documents += [sms.worksheet(cls, lang=lang) for cls in built_in]
    documents.append(sms.render(sms.assess(sms.evidence_from(sms.example("popt"))), lang=lang))
    for document in documents:
        tokens = PARSER.parse(document)
        # What the library writes: headings, labels, table headers and the questions;
        # the rest is the plan's own content, which stays as its authors wrote it.
        written = [text for level in range(1, 7) for text in headings(tokens, f"h{level}")]
        written += re.findall(r"\*\*([^*]+?):\*\*", document)
        for table in tables(tokens):
            written += table[0]
            if table[0][0] == "#":
                written += [row[1] for row in table[1:]]
        assert set(written) & english == set()


@pytest.mark.parametrize("lang", SHIPPED)
def test_worksheets_ask_the_questions_in_the_language(lang):
    """A worksheet's title, steps and questions are the catalog's translations."""
    for cls in (sms.FiveStep, sms.EightStep, sms.Popt, sms.Roadmap):
        tokens = PARSER.parse(sms.worksheet(cls, lang=lang))
        name = translated(lang, cls.name)
        assert headings(tokens, "h1") == [translated(lang, "{name}: worksheet").format(name=name)]
        questions = [row[1] for table in tables(tokens) for row in table[1:]]
        assert questions == [translated(lang, q) for s in cls.steps() for q in s.questions]


@pytest.mark.parametrize("lang", SHIPPED)
@pytest.mark.parametrize(("code", "plan", "path"), BREAKING, ids=[c for c, _, _ in BREAKING])
def test_rule_messages_and_hints_are_translated(lang, code, plan, path):
    """Every finding's severity, message and hint read in the language, values filled in."""
    report = sms.check(plan)
    tokens = PARSER.parse(sms.render(report, lang=lang))
    [_, *rows] = tables(tokens)[-1]
    [finding] = report.findings
    [row] = rows
    assert row[0] == translated(lang, finding.severity.value, context="Severity")
    assert row[-1] == translated(lang, finding.hint)
    message = row[-2]
    assert message != finding.message
    assert "{" not in message
    template = translated(lang, finding.message.template)
    assert message.startswith(template.split("{", 1)[0])


def test_a_rule_message_reads_naturally_in_each_language():
    """One message, three languages: values quoted the local way."""
    goal = sms.example("popt").objectives.goals[0]
    plan = sms.example("popt")
    broken = attrs.evolve(
        plan,
        objectives=attrs.evolve(plan.objectives, goals=(attrs.evolve(goal, deadline=None),)),
    )
    [finding] = sms.check(broken, select="SMS102")
    expected = {
        "en": f"The goal \u201c{goal.statement}\u201d has no deadline.",
        "nb": f"Målet «{goal.statement}» har ingen frist.",
        "fi": f"Tavoitteella \u201d{goal.statement}\u201d ei ole määräaikaa.",
    }
    for lang, text in expected.items():
        assert sms.language(lang).text(finding.message) == text
        assert text in sms.render(sms.check(broken), lang=lang)


@pytest.mark.parametrize(
    ("code", "nb", "fi"),
    [
        ("SMS103", "(type: kjennskap) måler kjennskap", "(laji: tunnettuus)"),
        ("SMS212", "({names}); velg ett", "({names}); valitse yksi"),
        (
            "SMS241",
            "oppgir stadiet stor gjennomslagskraft",
            "ilmoittaa vaiheeksi suuri vaikuttavuus",
        ),
    ],
)
def test_words_inside_messages_are_translated(code, nb, fi):
    """Goal kinds and stages named in a message are written in the language too."""
    plan = next(plan for c, plan, _ in BREAKING if c == code)
    [finding] = sms.check(plan).findings
    for lang, expected in (("nb", nb), ("fi", fi)):
        names = ", ".join(
            translated(lang, kind, context="GoalKind") for kind in ("awareness", "sales")
        )
        assert expected.format(names=names) in sms.language(lang).text(finding.message)


@pytest.mark.parametrize("lang", SHIPPED)
def test_report_counts_use_the_plural_forms_of_the_language(lang):
    """The summary line of a report says one error and two warnings the language's way."""
    paragraphs = inline_texts(sms.render(sms.check(BREAKING[0][1]), lang=lang))
    counts = paragraphs[1]
    assert counts.split(", ")[0] == translated(lang, "%(count)s error") % {"count": 1}


def test_journey_maps_mark_the_stage_in_the_language():
    """The journey map's stages, evidence and next steps are translated."""
    position = sms.assess(sms.evidence_from(sms.example("popt")))
    tokens = PARSER.parse(sms.render(position, lang="nb"))
    [stages, evidence] = tables(tokens)
    assert [row[0] for row in stages[1:]] == [translated("nb", s.label) for s in sms.Stage]
    here = [row[2] for row in stages[1:]]
    assert here[position.stage.rank] == "\u25b6 du er her"
    plan = translated("nb", "plan", context="Source")
    yes = translated("nb", "yes ({sources})").format(sources=plan)
    assert {row[2] for row in evidence[1:]} == {yes, "nei", translated("nb", "not known")}
    steps = [t.content for t in tokens if t.type == "inline"][-len(position.next_steps) :]
    assert steps == [translated("nb", step) for step in position.next_steps]


@pytest.mark.parametrize(
    ("lang", "heading", "first_row"),
    [
        (
            "en",
            "Week 1: Jan\u00a04,\u00a02027 to Jan\u00a010,\u00a02027",
            "Jan\u00a04,\u00a02027,\u00a09:00\u202fAM",
        ),
        (
            "nb",
            "Uke 1: 4.\u00a0jan.\u00a02027 til 10.\u00a0jan.\u00a02027",
            "4.\u00a0jan.\u00a02027,\u00a009:00",
        ),
        ("fi", "Viikko 1: 4.1.2027\u201310.1.2027", "4.1.2027\u00a09.00"),
    ],
)
def test_calendars_write_dates_and_words_the_local_way(lang, heading, first_row):
    """Calendar weeks and post times are formatted for the language, words translated."""
    calendar = sms.build_calendar(CHANNELS, MIX, MONDAY, weeks=1)
    tokens = PARSER.parse(sms.render(content_plan(calendar), lang=lang))
    assert headings(tokens, "h2")[0] == heading
    [table] = tables(tokens)
    assert table[1][0] == first_row
    post = calendar.posts[0]
    assert table[1][2] == (
        post.category.value
        if lang == "en"
        else translated(lang, post.category.value, context="ContentCategory")
    )


def test_calendar_findings_are_translated():
    """Calendar rules speak the language too, with dates written the local way."""
    calendar = sms.build_calendar(CHANNELS, MIX, MONDAY, weeks=1)
    plan = content_plan(calendar, time_budget=sms.TimeBudget(hours_per_week=2))
    text = sms.render(sms.check(plan, select="SMS503"), lang="nb")
    assert "Uke 1 (fra 4.\u00a0jan.\u00a02027) krever omtrent 3,5 timer; budsjettet er 2." in text


@pytest.mark.parametrize(
    ("lang", "number", "date", "share"),
    [
        ("en", "40,000", "Jun\u00a030,\u00a02027", "33.5"),
        ("nb", "40\xa0000", "30.\u00a0juni\u00a02027", "33,5"),
        ("fi", "40\xa0000", "30.6.2027", "33,5"),
    ],
)
def test_numbers_and_dates_are_written_for_the_language(lang, number, date, share):
    """Thousands, decimals and dates follow the language's conventions."""
    words = sms.language(lang)
    assert words.value(40000) == number
    assert words.value(dt.date(2027, 6, 30)) == date
    assert words.value(33.5) == share
    yes = {"en": "yes", "nb": "ja", "fi": "kyllä"}[lang]
    assert words.value(True) == yes  # noqa: FBT003  # the value to write
    assert words.value(None) == "\u2014"
    assert words.value(sms.GoalKind.SALES) == {"en": "sales", "nb": "salg", "fi": "myynti"}[lang]
    assert words.value(Path("x")) == "x"


@pytest.mark.parametrize(
    ("value", "en", "nb"),
    [
        (2.999, "2.999", "2,999"),
        (0.004, "0.004", "0,004"),
        (-0.004, "-0.004", "-0,004"),
        (1.5, "1.5", "1,5"),
        (1234.5678, "1,234.57", "1\xa0234,57"),
        (40000.0, "40,000", "40\xa0000"),
        (-0.0, "0", "0"),
        (1e-9, "0.000000001", "0,000000001"),
        (1e-15, "0", "0"),  # past the most decimals written
    ],
)
def test_numbers_are_never_written_as_what_they_are_not(value, en, nb):
    """No trailing point, no false zero, no false whole number: 2.999 is not 3."""
    assert sms.language("en").value(value) == en
    assert sms.language("nb").value(value) == nb
    plain = format_value(value)
    assert not plain.endswith(".")
    assert plain == en.replace(",", "")


@pytest.mark.parametrize(
    ("share", "en", "fi"),
    [
        (0.62, "62%", "62\xa0%"),
        (0.625, "62%", "62\xa0%"),  # half to even, as Babel rounds
        (0.004, "0.4%", "0,4\xa0%"),
        (0.00004, "0.004%", "0,004\xa0%"),
        (0.9996, "99.96%", "99,96\xa0%"),
        (0.99999999, "100%", "100\xa0%"),  # past the most decimals written
        (1.0, "100%", "100\xa0%"),
        (0.0, "0%", "0\xa0%"),
        (1.5, "150%", "150\xa0%"),
    ],
)
def test_percentages_never_read_nothing_or_all_when_they_are_not(share, en, fi):
    """A share is whole per cent unless that reads 0 % or 100 % and it is not."""
    assert sms.language("en").percent(share) == en
    assert sms.language("fi").percent(share) == fi


@pytest.mark.parametrize("lang", ["en", "nb", "fi"])
def test_the_largest_and_smallest_numbers_are_written(lang):
    """Babel rounds in enough digits for any float: no error at the ends of the range."""
    words = sms.language(lang)
    largest = words.number(1.7976931348623157e308)
    assert largest.startswith("179")
    assert len(largest.replace("\xa0", "").replace(",", "")) == 309
    assert words.number(5e-324) == "0"
    assert words.percent(1e300).startswith("100")


@given(st.floats(-1e12, 1e12, allow_nan=False))
def test_a_number_is_written_as_what_it_is(value):
    """Zero only for zero, a whole number only for a whole number (within the decimals kept)."""
    text = sms.language("en").number(value)
    number = float(text.replace(",", ""))
    if abs(value) >= 1e-11:
        assert (number == 0) == (value == 0)
        assert number.is_integer() == (round(value, 11).is_integer())
    assert not text.endswith(".")
    assert text != "-0"


def test_metrics_are_written_in_the_language():
    """A metric's target and baseline read in the language, numbers formatted."""
    metric = sms.Metric(name="reach", target=40000, unit="people", baseline=12000.5)
    assert str(metric) == "reach: target 40000 people (now 12000.5)"
    assert sms.language("nb").text(str(metric)) == "reach: mål 40\xa0000 people (nå 12\xa0000,5)"
    assert str(sms.Metric(name="reach")) == "reach"
    assert str(sms.Metric(name="reach", baseline=3)) == "reach (now 3)"
    assert str(sms.Metric(name="reach", target=3)) == "reach: target 3"
    assert str(sms.Metric(name="reach", target=3, baseline=1)) == "reach: target 3 (now 1)"


def test_english_is_the_default_and_unchanged():
    """Rendering with lang='en' is the same as with no language at all."""
    for key in ("five-step", "eight-step", "popt", "roadmap"):
        plan = sms.example(key)
        assert sms.render(plan, lang="en") == sms.render(plan)
    assert sms.worksheet(sms.Popt, lang="en") == sms.worksheet(sms.Popt)


def test_html_pages_name_their_language():
    """The HTML page declares the language it is written in."""
    page = sms.render(sms.example("popt"), "html", lang="fi")
    assert '<html lang="fi">' in page
    assert "<h2>Tarkoitus</h2>" in page


def test_diffs_and_audits_render_in_the_language():
    """What changed and an audit's findings are translated as well."""
    old = sms.example("popt")
    new = attrs.evolve(old, title="Fjord Coffee 2028")
    text = sms.render(sms.diff(old, new), lang="nb")
    assert "1 endring siden forrige versjon" in text
    assert "## Planen som helhet" in text
    audit = sms.Audit(
        accounts=[sms.Account(platform=sms.Platform.TIKTOK, handle="@old", owner="")],
        as_of=dt.date(2027, 1, 1),
    )
    text = sms.render(audit, lang="fi")
    assert "Tilillä \u201d@old\u201d ei ole omistajaa." in text
    assert "## Tilit" in text


@settings(max_examples=40, deadline=None)
@given(data=st.data(), cls=st.sampled_from(ALL_FRAMEWORKS), lang=st.sampled_from(sms.languages()))
def test_render_never_fails_on_a_valid_plan_in_any_language(data, cls, lang):
    """Any valid plan, in any shipped language, renders to well-formed Markdown and a report."""
    plan = data.draw(plans(cls))
    tokens = PARSER.parse(sms.render(plan, lang=lang))
    assert len(headings(tokens, "h1")) == 1
    assert_tables_are_rectangular(tokens)
    report = PARSER.parse(sms.render(sms.check(plan), lang=lang))
    assert len(headings(report, "h1")) == 1
    for table in tables(report):
        assert all(len(row) == len(table[0]) for row in table)


# --- languages of your own ------------------------------------------------------------------


def swedish(tmp_path: Path, suffix: str = ".po") -> Path:
    """Write a small Swedish catalog: a few messages of the catalog template translated."""
    po = Catalog(locale="sv", domain="smstrategy")
    for msgid, text in [
        ("Purpose", "Syfte"),
        ("{name}: worksheet", "{name}: arbetsblad"),
        ("Purpose, Objectives, Priorities, Tactics", "Syfte, mål, prioriteringar, taktik"),
    ]:
        po.add(msgid, text)
    path = tmp_path / f"sv{suffix}"
    with path.open("wb") as f:
        (write_po if suffix == ".po" else write_mo)(f, po)
    return path


@pytest.mark.parametrize("suffix", [".po", ".mo"])
def test_a_user_adds_a_language_with_a_catalog_file(tmp_path, suffix):
    """A .po or .mo file of your own adds a language; untranslated messages stay English."""
    path = swedish(tmp_path, suffix)
    tokens = PARSER.parse(sms.worksheet(sms.Popt, lang="sv", catalog=path))
    assert headings(tokens, "h1") == ["Syfte, mål, prioriteringar, taktik: arbetsblad"]
    assert headings(tokens, "h2")[:2] == ["Syfte", "Objectives"]
    assert (
        sms.language("sv", catalog=str(path)).value(dt.date(2027, 6, 30))
        == "30\u00a0juni\u00a02027"
    )


def test_a_user_adds_a_language_with_loaded_translations(tmp_path):
    """Translations already loaded with gettext work as a catalog too."""
    with swedish(tmp_path, ".mo").open("rb") as f:
        translations = gettext.GNUTranslations(f)
    text = sms.render(sms.example("popt"), lang="sv", catalog=translations)
    assert "## Syfte" in text
    assert sms.language("sv", catalog=translations) is sms.language("sv", catalog=translations)


def test_a_user_catalog_overrides_a_shipped_language(tmp_path):
    """A catalog for a shipped language wins where it has a message; the shipped one fills in."""
    po = Catalog(locale="nb", domain="smstrategy")
    po.add("Purpose", "Hensikt")
    path = tmp_path / "nb.po"
    with path.open("wb") as f:
        write_po(f, po)
    tokens = PARSER.parse(sms.render(sms.example("popt"), lang="nb", catalog=path))
    assert headings(tokens, "h2")[:2] == ["Hensikt", "Delmål"]


def test_a_user_catalog_can_reword_english(tmp_path):
    """English can take a catalog of its own; its dates and numbers stay as they are."""
    po = Catalog(locale="en", domain="smstrategy")
    po.add("Purpose", "Why we are here")
    po.add("sales", "revenue", context="GoalKind")
    path = tmp_path / "en.po"
    with path.open("wb") as f:
        write_po(f, po)
    words = sms.language("en", catalog=path)
    assert words.value(sms.GoalKind.SALES) == "revenue"
    assert words.value(40000) == "40,000"
    assert words.value(dt.date(2027, 6, 30)) == "Jun\u00a030,\u00a02027"
    assert "## Why we are here" in sms.render(sms.example("popt"), lang="en", catalog=path)


def test_user_templates_translate_with_the_language(tmp_path):
    """A template of your own can use {% trans %} and _() and gets the language's words."""
    templates = {
        "plan/popt.md.j2": (
            "# {{ plan.title|md }}\n\n{{ _('Purpose') }} / {% trans %}Objectives{% endtrans %}\n"
        )
    }
    text = sms.render(sms.example("popt"), lang="fi", templates=templates)
    assert "Tarkoitus / Tavoitteet" in text


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: sms.render(sms.example("popt"), lang="sv"),
        lambda: sms.worksheet(sms.Popt, lang="de"),
        lambda: sms.language("klingon"),
    ],
)
def test_an_unknown_language_lists_the_available_ones(call):
    """Asking for a language with no catalog names it and lists those that ship."""
    with pytest.raises(sms.UnknownLanguageError, match=r"available languages: en, fi, nb") as e:
        call()
    assert isinstance(e.value, LookupError)
    assert e.value.available == ("en", "fi", "nb")


def test_a_language_without_locale_data_is_refused(tmp_path):
    """A catalog for a language Babel has no data for cannot write its dates and numbers."""
    with pytest.raises(sms.UnknownLanguageError, match="no locale data"):
        sms.language("xx-nowhere", catalog=swedish(tmp_path))


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"lang": 3}, sms.InvalidFieldTypeError, "render.lang: expected a language code"),
        (
            {"lang": "sv", "catalog": "missing.po"},
            sms.InvalidFieldValueError,
            "existing .po or .mo",
        ),
        ({"lang": "sv", "catalog": 3}, sms.InvalidFieldTypeError, "gettext.NullTranslations"),
    ],
)
def test_bad_languages_and_catalogs_name_the_field(kwargs, error, message):
    """A wrong language or catalog names the field, what was expected and what came."""
    with pytest.raises(error, match=re.escape(message)):
        sms.render(sms.example("popt"), **kwargs)


@pytest.mark.parametrize("suffix", [".po", ".mo"])
def test_a_damaged_catalog_is_refused(tmp_path, suffix):
    """A catalog file that does not parse is refused with its name."""
    path = tmp_path / f"broken{suffix}"
    path.write_bytes(b'msgid "a"\nmsgstr "b" "\n\x00\xff' if suffix == ".po" else b"\x00" * 8)
    with pytest.raises(sms.InvalidFieldValueError, match=r"a readable \.po or \.mo catalog"):
        sms.language("sv", catalog=path)


# --- messages -------------------------------------------------------------------------------


def test_messages_are_strings_that_keep_their_template():
    """A Message is its English text, and keeps its template and values."""
    m = sms.Message("{n} posts on {day}", n=3, day=dt.date(2027, 1, 4))
    assert m == "3 posts on 2027-01-04"
    assert isinstance(m, str)
    assert (m.template, dict(m.args)) == (
        "{n} posts on {day}",
        {"n": 3, "day": dt.date(2027, 1, 4)},
    )
    copy = pickle.loads(pickle.dumps(m))  # noqa: S301  # our own bytes
    assert (copy, copy.template) == (m, m.template)
    listed = sms.Message("missing: {items}", items=(sms.Message("who"), sms.Message("why")))
    assert listed == "missing: who, why"
    assert sms.language("nb").text(listed) == "missing: hvem, hvorfor"


def test_findings_serialise_as_plain_text():
    """A report's findings still convert to JSON as plain strings."""
    import json

    [finding] = sms.check(BREAKING[0][1]).findings
    data = json.loads(json.dumps({"message": finding.message}))
    assert data["message"] == str(finding.message)


def test_environments_are_made_once_per_language():
    """Each language gets its own environment, made once."""
    nb = sms.language("nb")
    assert rendering.environment(None, nb) is rendering.environment(None, nb)
    assert rendering.environment(None, nb) is not rendering.environment(None)
    assert sms.language("nb") is nb


# --- the command line -----------------------------------------------------------------------


def test_the_command_line_writes_in_a_language(capsys, tmp_path):
    """--lang renders, checks and prints worksheets in the language."""
    assert main(["worksheet", "popt", "--lang", "nb"]) == 0
    assert capsys.readouterr().out.startswith(
        "# Formål, delmål, prioriteringer, taktikker: arbeidsark"
    )
    plan = tmp_path / "plan.json"
    plan.write_text(sms.to_json(BREAKING[0][1]), encoding="utf-8")
    assert main(["check", str(plan), "--lang", "fi"]) == 1
    out = capsys.readouterr().out
    assert " SMS101 virhe Tavoitteella " in out
    assert out.splitlines()[-1] == "1 virhe, 0 varoitusta, 0 neuvoa"
    assert main(["render", str(plan), "--lang", "fi", "--catalog", str(swedish(tmp_path))]) == 0
    assert main(["demo", "--lang", "nb"]) == 0
    assert "## A Retning" in capsys.readouterr().out


def test_the_command_line_refuses_an_unknown_language(capsys):
    """An unknown language is one line on standard error and status 2."""
    assert main(["demo", "--lang", "sv"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "available languages: en, fi, nb" in err


def test_the_command_line_prints_the_catalog_template(capsys, tmp_path):
    """'messages' prints a catalog template with every message, ready to translate."""
    assert main(["messages"]) == 0
    template = read_po(io.BytesIO(capsys.readouterr().out.encode()))
    assert keys(template) == keys(TEMPLATE)
    assert all(not any(m.string) for m in template if isinstance(m.id, tuple))
    assert all(not m.string for m in template if isinstance(m.id, str) and m.id)


def test_a_step_of_plain_text_has_nothing_to_fill_in_in_any_language():
    """A step whose content is not an attrs class asks its questions and lists no fields."""

    @sms.framework("test-free-text", name="Free text")
    class FreeText(sms.Framework):
        notes: str = sms.step("Notes", questions=("Anything else?",))

    try:
        text = sms.worksheet(FreeText, lang="nb")
    finally:
        sms.base._REGISTRY.pop("test-free-text")
    assert "Fyll inn:" not in text
    assert "| 1 | Anything else? |  |" in text
    assert repr(sms.language("nb")) == "<Language 'nb'>"


@pytest.mark.parametrize("suffix", [".po", ".mo"])
def test_a_catalog_that_fills_in_unknown_values_is_refused(tmp_path, suffix):
    """A translation naming a placeholder its message lacks is refused when the file is read."""
    po = Catalog(locale="sv", domain="smstrategy")
    po.add("The goal \u201c{goal}\u201d has no deadline.", "M\u00e5let {m\u00e5l} saknar datum.")
    path = tmp_path / f"sv{suffix}"
    with path.open("wb") as f:
        (write_po if suffix == ".po" else write_mo)(f, po)
    message = (
        r"render\.catalog: expected a translation that fills in only its message's fields"
        r" \(goal\), got 'Målet \{mål\} saknar datum\.'"
    )
    with pytest.raises(sms.InvalidFieldValueError, match=message):
        sms.language("sv", catalog=path)


def test_loaded_translations_with_unknown_values_fail_clearly():
    """Translations passed as an object are checked when a message is written."""

    class Broken(gettext.NullTranslations):
        def gettext(self, message):
            return message.replace("{goal}", "{aim}").replace("{title}", "{name}")

    plan = sms.example("popt")
    [finding] = sms.check(BREAKING[1][1]).findings
    with pytest.raises(sms.InvalidFieldValueError, match="aim"):
        sms.language("sv", catalog=Broken()).text(finding.message)
    with pytest.raises(sms.InvalidFieldValueError, match="Check report"):
        sms.render(sms.check(plan), lang="sv", catalog=Broken())


def header_rows(markdown: str) -> list[list[str]]:
    return [table[0] for table in tables(PARSER.parse(markdown))]


@pytest.mark.parametrize("lang", SHIPPED)
def test_every_table_header_of_maps_and_scorecards_is_translated(lang):
    """No header of a journey map, a map of views or a scorecard is left in English.

    This catches a message written where the catalog's extractor cannot see it, which the
    catalog's own completeness check cannot notice.
    """
    plan = sms.example("roadmap")
    found = sms.example_results("roadmap")
    documents = [
        sms.assess(sms.evidence_from(plan)),
        sms.assess_views({"us": sms.evidence_from(plan, found), "they": sms.Evidence()}),
        sms.scorecard(plan, found),
    ]
    same_in_both = {"Status", "us", "they"}
    for document in documents:
        english = header_rows(sms.render(document))
        local = header_rows(sms.render(document, lang=lang))
        for en_row, local_row in zip(english, local, strict=True):
            for en, here in zip(en_row, local_row, strict=True):
                assert en in same_in_both or en != here, (type(document).__name__, en)


def _babel_number(value: float, lang: str) -> str:
    """Write a number as Babel writes it, through the pattern the library asks for."""
    from babel.numbers import format_decimal

    from smstrategy.markdown import rounded

    shown, count = rounded(value)
    pattern = "#,##0" + ("." + "#" * count if count else "")
    with decimal.localcontext(prec=800):
        return str(format_decimal(shown, pattern, locale=i18n.language(lang)._locale))


@pytest.mark.parametrize("lang", ["en", "nb", "fi"])
@given(
    value=st.one_of(
        st.integers(-(10**20), 10**20),
        st.floats(allow_nan=False, allow_infinity=False),
        st.floats(-1e16, 1e16),
        st.floats(-10, 10),
        st.sampled_from([0.004, 2.999, 0.125, 2.5, -0.5, 999_999.995, 1e15 - 0.5, 12.345678901]),
    )
)
def test_numbers_are_written_as_babel_writes_them(lang, value):
    """Whatever the number, the language writes what Babel writes with the locale's symbols."""
    assert i18n.language(lang).number(value) == _babel_number(value, lang)


def test_values_of_every_kind_are_written_by_their_type():
    """Text stays as it is, numbers and enums of numbers are told apart, and so are booleans."""
    en = i18n.language("en")
    assert en.value("abc") == "abc"
    assert en.value(sms.Message("{n} posts", n=2)) == "2 posts"  # a str of a subclass
    assert en.value(40000) == "40,000"
    assert en.value(2.5) == "2.5"
    assert en.value(value=True) == "yes"
    assert en.value(sms.GoalKind.SALES) == "sales"
    assert en.value(None) == "\u2014"
