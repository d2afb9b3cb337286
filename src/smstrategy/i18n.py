"""Languages: translated text and dates and numbers written the local way.

Everything the library writes in a rendered document (framework and step
titles, guiding questions, field labels, headings, severity words, rule
messages and hints) is an English message looked up in a gettext catalog.
English, Norwegian Bokmål and Finnish catalogs ship with the library::

    >>> import smstrategy as sms
    >>> sms.languages()
    ('en', 'fi', 'nb')
    >>> print(sms.worksheet(sms.FiveStep, lang="nb").splitlines()[0])
    # Femstegsmodellen: arbeidsark

Add a language by passing a catalog of your own, a ``.po`` or ``.mo`` file or
a :class:`gettext.NullTranslations`; :func:`catalog` lists every message to
translate.  Catalogs of languages other than English are read, and their dates
and numbers written, with Babel.

A rule's message is a :class:`Message`: English text that keeps the template
and the values it was made from, so it can be written again in any language.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import functools
import io
import os
import re
from collections.abc import Callable, Hashable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, Self, TypeAlias

from smstrategy.caches import Recent
from smstrategy.exceptions import (
    InvalidFieldTypeError,
    InvalidFieldValueError,
    UnknownLanguageError,
    excerpt,
)
from smstrategy.markdown import MOST_DECIMALS, Markdown, format_value, percent_decimals, rounded
from smstrategy.markdown import escape as markdown_escape

if TYPE_CHECKING:
    from gettext import GNUTranslations, NullTranslations

    from babel.messages.catalog import Catalog

    from smstrategy.base import Framework

__all__ = ["Language", "Message", "catalog", "language", "languages"]

#: The languages whose catalogs ship with the library.
LANGUAGES = ("en", "fi", "nb")
DOMAIN = "smstrategy"

#: What ``catalog=`` takes: a ``.po`` or ``.mo`` file, or translations loaded with gettext.
CatalogSource: TypeAlias = "str | os.PathLike[str] | NullTranslations | None"

_LOCALE = Path(__file__).parent / "locale"
_CACHE: Recent[tuple[object, Language]] = Recent()


class Message(str):
    """English text made from a template, which keeps the template and its values.

    It is a ``str`` and reads as the English text everywhere; a
    :class:`Language` looks the template up in its catalog and fills in the
    values written its own way::

        >>> from smstrategy.i18n import Message, language
        >>> m = Message("The goal \u201c{goal}\u201d has no deadline.", goal="Grow")
        >>> m
        'The goal \u201cGrow\u201d has no deadline.'
        >>> language("nb").text(m)
        'M\u00e5let \u00abGrow\u00bb har ingen frist.'

    Values may be text (written as given), numbers, dates, enums, booleans,
    other messages, or tuples of these (written with commas between them).
    """

    __slots__ = ("args", "template")

    template: str
    args: Mapping[str, object]

    def __new__(cls, template: str, /, **args: object) -> Self:  # noqa: D102
        text = template.format_map({k: _english(v) for k, v in args.items()}) if args else template
        self = super().__new__(cls, text)
        self.template = template
        self.args = args
        return self


def _english(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, tuple):
        return ", ".join(_english(item) for item in value)
    return format_value(value)


def _identity(message: str) -> str:
    return message


class Language:
    """A language to write in: its catalog, and how it writes dates and numbers.

    Get one with :func:`language`.  ``code`` is the language's tag, such as
    ``"nb"``.
    """

    code: str
    #: Translate a message (the English text) through the catalog.
    gettext: Callable[[str], str]
    #: Write a value as text in this language.
    value: Callable[[object], str]

    def __init__(self, code: str, translations: _Translations | None) -> None:
        self.code = code
        self._translations = translations
        plain = translations is None
        self.gettext = _identity if plain else translations.gettext  # type: ignore[union-attr]
        self.value = self._local_value

    def __repr__(self) -> str:
        return f"<Language {self.code!r}>"

    def pgettext(self, context: str, message: str) -> str:
        """Translate a message that reads differently in different places."""
        if self._translations is None:
            return message
        return self._translations.pgettext(context, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """Translate a message whose wording depends on the number *n*."""
        if self._translations is None:
            return singular if n == 1 else plural
        return self._translations.ngettext(singular, plural, n)

    def text(self, text: str) -> str:
        """Translate *text*: a :class:`Message` with its values, or a plain message."""
        if type(text) is Message:
            args = text.args
            if not args:
                return self.gettext(text.template)
            values = {k: self._argument(v) for k, v in args.items()}
            return fill(self.gettext(text.template), text.template, values)
        return self.gettext(text)

    def fill(self, message: str, /, **values: str) -> str:
        """Translate *message* and fill in its ``{name}`` fields with *values* as they are."""
        return fill(self.gettext(message), message, values)

    def markdown(self, message: str, /, **values: str) -> str:
        """Translate *message* into Markdown: its text and *values* escaped, as user text is.

        A value that is :class:`~smstrategy.markdown.Markdown` already goes in
        as it is, so a template can make a value bold and still let a catalog
        word the sentence around it.
        """
        return Markdown(fill(self.gettext(message), message, values, escape=markdown_escape))

    def word(self, value: enum.Enum) -> str:
        """Translate an enum member's value, in the context of its class's name."""
        return self.pgettext(type(value).__name__, str(value.value))

    def _argument(self, value: object) -> str:
        if isinstance(value, Message):
            return self.text(value)
        if isinstance(value, enum.Enum):
            return self.word(value)
        if isinstance(value, str):
            return value
        if isinstance(value, tuple):
            return ", ".join(self._argument(item) for item in value)
        return self.value(value)

    def _local_value(self, value: object) -> str:
        kind = type(value)
        if kind is str:  # the common case first, by exact type
            return value  # type: ignore[return-value]  # a str, as its type says
        if kind is int or kind is float or _a_number(value):
            return self.number(value)  # type: ignore[arg-type]  # a number, as checked
        if isinstance(value, enum.Enum):
            return self.word(value)
        if isinstance(value, bool):
            return self.gettext("yes") if value else self.gettext("no")
        if isinstance(value, dt.date):
            return self._datetime(value) if isinstance(value, dt.datetime) else self._date(value)
        return format_value(value)

    def number(self, value: float) -> str:
        """Write a number as the language does, with the decimals :func:`decimals` asks for."""
        shown, count = rounded(value)
        if -_WRITTEN_EXACTLY[count] < shown < _WRITTEN_EXACTLY[count]:
            # Python writes the digits as Babel's decimal arithmetic would; the symbols
            # are the locale's, from Babel.
            text = f"{abs(shown):,.{count}f}"
            if count:
                text = text.rstrip("0").rstrip(".")
            text = text.translate(self._symbols)
            return "-" + text if shown < 0 else text  # the pattern's own minus, as Babel's
        pattern = "#,##0" + ("." + "#" * count if count else "")
        with decimal.localcontext(prec=_DIGITS):
            return str(_number_pattern(pattern).apply(shown, self._locale))

    @functools.cached_property
    def _symbols(self) -> dict[int, str]:
        """The locale's group and decimal symbols, as a table for ``str.translate``."""
        from babel.numbers import get_decimal_symbol, get_group_symbol

        locale = self._locale
        return {ord(","): get_group_symbol(locale), ord("."): get_decimal_symbol(locale)}

    def percent(self, share: float | None) -> str:
        """Write a share (``0.62``) as a percentage, as the language does; ``None`` as an em dash.

        Whole percentages, but for a share that would read 0 % or 100 % and is
        not (see :func:`~smstrategy.markdown.percent_decimals`).
        """
        if share is None:
            return format_value(None)
        count = percent_decimals(share * 100)
        pattern = str(self._locale.percent_formats[None].pattern)
        if count:
            pattern = pattern.replace("#,##0", "#,##0." + "#" * count, 1)
        with decimal.localcontext(prec=_DIGITS):
            return str(_number_pattern(pattern).apply(share, self._locale))

    def _date(self, value: dt.date) -> str:
        from babel.dates import format_date

        return str(format_date(value, "medium", locale=self._locale)).translate(_UNBROKEN)

    def _datetime(self, value: dt.datetime) -> str:
        from babel.dates import format_date, format_time

        locale = self._locale
        pattern = str(locale.datetime_formats["short"])
        time = format_time(value, "short", locale=locale)
        text = pattern.format(time, format_date(value, "medium", locale=locale))
        return text.translate(_UNBROKEN)

    @functools.cached_property
    def _locale(self) -> Any:
        from babel import Locale

        return Locale.parse(self.code.replace("-", "_"))


# --- filling in a translation's fields ---------------------------------------------------

#: A message's fields: ``{name}`` in the library's messages, ``%(name)s`` in templates'.
_BRACES = re.compile(r"(?P<literal>\{\{|\}\})|\{(?P<field>[^{}]*)\}(?P<kind>)|(?P<bad>[{}])")
_PERCENTS = re.compile(r"(?P<literal>%%)|%\((?P<field>[^()]*)\)(?P<kind>s?)|(?P<bad>%\()")
#: Where a value goes while the text around it is escaped: private-use characters, which
#: the escaping leaves alone and a translation cannot forge (its own are replaced first).
_OPEN, _CLOSE = "\ue000", "\ue001"
_SLOT = re.compile(f"{_OPEN}(\\d+){_CLOSE}")
#: What completes inline Markdown with the text just before a value: escaped there
#: in Markdown.
_BEFORE_SLOT = re.compile(f"(?<!\\\\)([<&\\]!])(?={_OPEN})")


def _a_number(value: object) -> bool:
    """Whether *value* is written as a number: an int or float, but not a bool or an enum."""
    return isinstance(value, int | float) and not isinstance(value, bool | enum.Enum)


@functools.lru_cache(maxsize=64)
def _number_pattern(pattern: str) -> Any:
    """Return Babel's reading of a number *pattern*: read once, applied to every number.

    ``pattern.apply(number, locale)`` is what ``format_decimal`` and
    ``format_percent`` do after reading the pattern.
    """
    from babel.numbers import parse_pattern

    return parse_pattern(pattern)


def placeholders(text: str) -> set[str]:
    """Return the names of the fields in a message, ``{name}`` or ``%(name)s``.

    >>> sorted(placeholders("Week %(number)s: {first} to {last}"))
    ['first', 'last', 'number']
    """
    found = {m["field"] for m in _BRACES.finditer(text) if m["field"]}
    return found | {m["field"] for m in _PERCENTS.finditer(text) if m["field"]}


def fill(
    template: str,
    message: str,
    values: Mapping[str, str],
    *,
    percent: bool = False,
    escape: Callable[[str], str] | None = None,
) -> str:
    """Fill in *template*, the translation of *message*, with *values*; nothing else runs.

    Only fields named in *values* are filled: ``{name}``, with ``{{`` and ``}}``
    for a brace, or with *percent* ``%(name)s``, with ``%%`` for a percent
    sign (a ``%`` before anything else stays as written).  A field of another
    name, a conversion, a format spec or an attribute raises
    :class:`InvalidFieldValueError`, whatever catalog the translation came from.

    With *escape* (:func:`smstrategy.markdown.escape`, or
    :func:`markupsafe.escape` for HTML) the translation's text and each value
    are escaped, each on its own, and the result is of the type *escape*
    returns; a value that is escaped already is left as it is.
    """
    if not isinstance(template, str):
        raise InvalidFieldTypeError("render", "catalog", "translations that are text", template)
    if escape is not None:
        template = template.replace(_OPEN, "\ufffd").replace(_CLOSE, "\ufffd")
    slots: list[str] = []

    def field(match: re.Match[str]) -> str:
        literal, name = match["literal"], match["field"]
        if literal:
            return literal[0]
        kind = "s" if match.re is _PERCENTS else ""
        if name is not None and match["kind"] == kind and name in values:
            if escape is None:
                return values[name]
            slots.append(values[name])
            return f"{_OPEN}{len(slots) - 1}{_CLOSE}"
        raise _bad_field(template, message, values)

    pattern = _PERCENTS if percent else _BRACES
    text = (
        pattern.sub(field, template)
        if (percent and "%" in template) or (not percent and ("{" in template or "}" in template))
        else template
    )
    if escape is None:
        return text
    escaped = escape(text)
    if escape is markdown_escape:
        escaped = _BEFORE_SLOT.sub(r"\\\1", escaped)
        slots = [_between(escape(value)) for value in slots]
    else:
        slots = [escape(value) for value in slots]
    return type(escaped)(_SLOT.sub(lambda m: slots[int(m[1])], escaped))


def _between(value: str) -> str:
    """Escape what a value, put between other text, could complete Markdown with.

    A leading ``.`` or ``)`` makes digits before it a list; a trailing ``<``,
    ``&`` or ``]`` starts HTML, a character reference or a link with what
    follows.
    """
    if value[:1] in (".", ")"):
        value = "\\" + value
    if value[-1:] in ("<", "&", "]") and value[-2:-1] != "\\":
        value = value[:-1] + "\\" + value[-1]
    return value


def _bad_field(template: str, message: str, values: Mapping[str, str]) -> InvalidFieldValueError:
    names = ", ".join(sorted(values)) or "none"
    expected = f"a translation that fills in only its message's fields ({names})"
    shown = f"{excerpt(template)} for {excerpt(message)}"
    return InvalidFieldValueError("render", "catalog", expected, template, shown=shown)


#: Dates are written to stay on one line: no-break spaces and hyphens, which look the same.
_UNBROKEN = str.maketrans({" ": "\u00a0", "-": "\u2011"})

#: Digits enough for Babel to round any float in (the largest has 309 before the point).
_DIGITS = 800
#: Below these, by number of decimals, a rounded number has at most 15 significant digits,
#: which a float holds exactly: Python's formatting then writes the digits Babel would.
_WRITTEN_EXACTLY = tuple(10.0 ** (15 - count) for count in range(MOST_DECIMALS + 1))

#: English, as written with no catalog: the messages as they are, numbers and dates as Babel
#: writes them for English.
ENGLISH = Language("en", None)


def languages() -> tuple[str, ...]:
    """Return the languages whose catalogs ship with the library."""
    return LANGUAGES


def language(lang: str = "en", catalog: CatalogSource = None) -> Language:
    """Return the :class:`Language` for *lang*, made once and then reused.

    The most recently used :data:`~smstrategy.caches.SIZE` languages are kept.

    *lang* is one of :func:`languages`, or any language Babel has data for when
    you pass *catalog*: a ``.po`` or ``.mo`` file, or a
    :class:`gettext.NullTranslations`.  A catalog you pass for a language that
    ships with the library is looked in first, and the shipped one fills in the
    rest.
    """
    if not isinstance(lang, str):
        raise InvalidFieldTypeError("render", "lang", "a language code such as 'nb'", lang)
    if lang == "en" and catalog is None:
        return ENGLISH
    key, source = _source_key(catalog)
    if (cached := _CACHE.get((lang, key))) is not None:
        return cached[1]
    if source is None and lang not in LANGUAGES:
        raise UnknownLanguageError(lang, LANGUAGES)
    translations = _translations(lang, source)
    found = Language(lang, translations)
    if lang != "en":
        _check_locale(lang)
    # The catalog object is kept with its language, so the id in its key stays its own.
    _CACHE[lang, key] = (source, found)
    return found


def _source_key(catalog: object) -> tuple[Hashable, object]:
    if catalog is None:
        return None, None
    if isinstance(catalog, str | os.PathLike):
        path = Path(os.fspath(catalog)).resolve()
        if path.suffix not in (".po", ".mo") or not path.is_file():
            raise InvalidFieldValueError(
                "render", "catalog", "an existing .po or .mo file", catalog
            )
        return ("file", str(path), path.stat().st_mtime_ns), path
    import gettext

    if isinstance(catalog, gettext.NullTranslations):
        return ("object", id(catalog)), catalog
    raise InvalidFieldTypeError(
        "render", "catalog", "a .po or .mo file or a gettext.NullTranslations", catalog
    )


def _check_locale(lang: str) -> None:
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        reason = "there is no locale data for it to write dates and numbers with"
        raise UnknownLanguageError(lang, LANGUAGES, reason=reason) from None


def _translations(lang: str, source: object) -> _Translations | None:
    import gettext

    shipped = None if lang == "en" or lang not in LANGUAGES else _read(_LOCALE / f"{lang}.po", lang)
    if source is None:
        return shipped
    if isinstance(source, Path):
        own = _read(source, lang)
        if shipped is not None:
            own.add_fallback(shipped)
        return own
    assert isinstance(source, gettext.NullTranslations)  # noqa: S101  # checked by _source_key
    return _Checked(source, shipped)


class _Translations(Protocol):
    """What a language asks of its translations (:class:`gettext.NullTranslations` has it)."""

    def gettext(self, message: str, /) -> str: ...

    def ngettext(self, msgid1: str, msgid2: str, n: int, /) -> str: ...

    def pgettext(self, context: str, message: str, /) -> str: ...


class _Checked:
    """A catalog object of the user's: each answer is text, or the library's error.

    What the object does is its own code; whatever it raises, or an answer that is not
    text, becomes :class:`InvalidFieldValueError` or :class:`InvalidFieldTypeError`
    naming the catalog.  A message it leaves as it is falls back on *shipped*, the
    library's own catalog for the language.
    """

    def __init__(self, own: NullTranslations, shipped: NullTranslations | None) -> None:
        self._own = own
        self._shipped = shipped

    def gettext(self, message: str) -> str:
        return self._ask("gettext", message, (message,), message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self._ask("ngettext", msgid1, (msgid1, msgid2), msgid1, msgid2, n)

    def pgettext(self, context: str, message: str) -> str:
        return self._ask("pgettext", message, (message,), context, message)

    def _ask(self, method: str, message: str, untranslated: tuple[str, ...], *args: Any) -> str:
        try:
            found = getattr(self._own, method)(*args)
        except Exception as e:  # the catalog object is the user's code, and may raise anything
            expected = "a catalog object that answers without failing"
            shown = f"{excerpt(e)} for {excerpt(message)}"
            raise InvalidFieldValueError("render", "catalog", expected, e, shown=shown) from e
        if not isinstance(found, str):
            raise InvalidFieldTypeError("render", "catalog", "translations that are text", found)
        if found in untranslated and self._shipped is not None:
            answer: str = getattr(self._shipped, method)(*args)
            return answer
        return found


def _read(path: Path, lang: str) -> GNUTranslations:
    """Read a ``.po`` or ``.mo`` file with Babel, check it, and compile it into translations."""
    import gettext

    from babel.messages.mofile import read_mo, write_mo
    from babel.messages.pofile import read_po

    try:
        with path.open("rb") as f:
            if path.suffix == ".po":
                found = read_po(f, locale=lang.replace("-", "_"), abort_invalid=True)
            else:
                found = read_mo(f)
    except Exception as e:  # Babel raises several kinds for a damaged file
        expected = "a readable .po or .mo catalog"
        raise InvalidFieldValueError("render", "catalog", expected, str(path)) from e
    for message in found:
        _check_placeholders(message.id, message.string, path)
    compiled = io.BytesIO()
    write_mo(compiled, found)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def _check_placeholders(msgid: object, strings: object, path: Path) -> None:
    """Refuse a translation that fills in anything but the named fields of its message."""
    ids = msgid if isinstance(msgid, tuple) else (msgid,)
    texts = strings if isinstance(strings, tuple) else (strings,)
    known = dict.fromkeys(set().union(*(placeholders(i) for i in ids if i)), "")
    # The library's own messages name fields in braces; templates' (and those with none) in
    # percent signs, as Jinja's i18n extension writes them.
    braces = any(m["field"] is not None for i in ids if i for m in _BRACES.finditer(i))
    where = f"{ids[0]} in {path}"  # named first: an f-string in the call reads as a message
    for text in texts:
        if text:
            fill(text, where, known, percent=not braces)


# --- the messages to translate ---------------------------------------------------------------


def catalog(*frameworks: type[Framework]) -> Catalog:
    """Return a Babel catalog template of every message the library can write.

    It holds the built-in frameworks, blocks, stages, rules and templates,
    plus the *frameworks* you pass (their names, steps, questions and field
    labels).  Write it out with :func:`babel.messages.pofile.write_po`, or
    run ``python -m smstrategy messages``, to start a catalog of your own.
    """
    from babel.messages.catalog import Catalog

    from smstrategy.base import frameworks as registered
    from smstrategy.rules.registry import registered_rules

    result = Catalog(domain=DOMAIN, project="smstrategy", fuzzy=False)
    built_in = [f for f in registered().values() if f.__module__.startswith("smstrategy.")]
    for message, context, where in _source_messages():
        result.add(message, context=context, locations=[where])
    for framework in (*built_in, *frameworks):
        where = (framework.__module__, 0)
        for text in (framework.name, framework.summary):
            _add(result, text, where)
        for step in framework.steps():
            for text in (step.title, step.summary, *step.questions):
                _add(result, text, where)
        for kind in _types(framework):
            _add_type(result, kind)
    for code_rule in registered_rules():
        if code_rule.code.startswith("SMS"):
            _add(result, code_rule.hint, ("smstrategy.rules.catalogue", 0))
    _add_journey(result)
    return result


def _add(result: Catalog, text: str, where: tuple[str, int], context: str | None = None) -> None:
    if text:
        result.add(text, context=context, locations=[where])


def _add_type(result: Catalog, kind: type) -> None:

    where = (kind.__module__, 0)
    if isinstance(kind, enum.EnumMeta):
        member: enum.Enum
        for member in kind:
            _add(result, str(member.value), where, context=kind.__name__)
        return
    from smstrategy.views import field_labels

    for _, text in field_labels(kind):
        _add(result, text, where)


def _types(framework: type) -> list[type]:
    """Return the attrs classes and enums reachable from *framework*'s fields."""
    found: list[type] = []
    _walk(framework, found)
    return found


def _walk(kind: object, found: list[type]) -> None:
    import typing

    import attrs

    if isinstance(kind, type) and kind not in found:
        if isinstance(kind, enum.EnumMeta):
            found.append(kind)
        elif attrs.has(kind):
            found.append(kind)
            for hint in typing.get_type_hints(kind).values():
                _walk(hint, found)
        return
    for arg in typing.get_args(kind):
        _walk(arg, found)


def _add_journey(result: Catalog) -> None:
    from smstrategy.journey import Source
    from smstrategy.pace import Status
    from smstrategy.results import Voice
    from smstrategy.revisions import ChangeKind
    from smstrategy.rules.findings import Severity
    from smstrategy.stages import SIGNS, Stage

    where = ("smstrategy.stages", 0)
    _add_type(result, Stage)
    for stage in Stage:
        for text in (stage.label, stage.description, stage.risks):
            _add(result, text, where)
    for sign in SIGNS:
        for text in (sign.label, sign.next_step, sign.question):
            _add(result, text, where)
    for kind in (Severity, ChangeKind, Status, Voice, Source):
        _add_type(result, kind)


_KEYWORDS = {
    "_": None,
    "fill": None,
    "markdown": None,
    "gettext": None,
    "pgettext": ((1, "c"), 2),
    "ngettext": (1, 2),
    "Message": None,
}


def _source_messages() -> Iterable[tuple[str | tuple[str, ...], str | None, tuple[str, int]]]:
    """Yield the messages written in the package's code and templates, found by Babel."""
    from babel.messages.extract import extract_from_dir

    package = Path(__file__).parent
    method_map = [("**.py", "python"), ("templates/**.j2", "jinja2.ext:babel_extract")]
    options = {"templates/**.j2": {"trim_blocks": "true", "lstrip_blocks": "true"}}
    for filename, line, message, _, context in extract_from_dir(
        package, method_map, options, keywords=_KEYWORDS
    ):
        yield message, context, (filename, line)
