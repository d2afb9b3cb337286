"""Bring the shipped catalogs up to date with the messages the library writes.

Run from the repository root after changing any text that is rendered::

    python -m pip install -e ".[dev]"
    python scripts/catalogs.py

Every message the library can write (see ``smstrategy.i18n.catalog``) is
added to ``src/smstrategy/locale/<lang>.po`` with an empty translation, and
messages the library no longer writes are dropped.  Then translate the new
entries; the test suite fails while any is left empty.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from smstrategy.i18n import LANGUAGES, catalog

LOCALE = Path(__file__).resolve().parent.parent / "src" / "smstrategy" / "locale"
#: The header line that names the version of Babel that wrote a file: left out, so that
#: a new release of Babel changes no file.
GENERATED_BY = re.compile(rb'^"Generated-By: [^"]*"\n', re.MULTILINE)


def updated(lang: str, template: Catalog) -> tuple[bytes, int]:
    """Return *lang*'s catalog updated from *template*, and how many entries lack text."""
    path = LOCALE / f"{lang}.po"
    if path.exists():
        with path.open("rb") as f:
            po = read_po(f, locale=lang)
    else:
        po = Catalog(locale=lang, domain="smstrategy", project="smstrategy", fuzzy=False)
    # Keep the header stable, so that a file changes only when its messages do.
    template.creation_date = po.creation_date
    po.update(template, no_fuzzy_matching=True)
    po.copyright_holder = "the smstrategy authors"
    po.msgid_bugs_address = ""
    po.last_translator = "the smstrategy authors"
    po.language_team = "smstrategy"
    po.version = ""
    po.revision_date = po.creation_date
    po.header_comment = (
        f"# Messages of smstrategy in {po.locale.english_name}.\n"
        "# Distributed under the same license as smstrategy."
    )
    out = io.BytesIO()
    write_po(out, po, width=100, ignore_obsolete=True, include_lineno=False)
    left = sum(
        1 for m in po if m.id and not all(m.string if isinstance(m.string, tuple) else [m.string])
    )
    return GENERATED_BY.sub(b"", out.getvalue(), count=1), left


def main() -> int:
    """Update every shipped catalog but English; exit 1 while any entry lacks text."""
    template = catalog()
    LOCALE.mkdir(exist_ok=True)
    missing = 0
    for lang in LANGUAGES:
        if lang != "en":
            text, left = updated(lang, template)
            (LOCALE / f"{lang}.po").write_bytes(text)
            print(f"{lang}: {len(template)} messages, {left} without a translation")
            missing += left
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
