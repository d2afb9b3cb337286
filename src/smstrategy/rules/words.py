"""Whole words and phrases in names: how the checks read what a metric measures.

A name is split into words (letters and digits, in any script), folded as
:func:`~smstrategy.elements.fold` folds names.  A phrase is found when its
words stand together, in order, in the name's words, so ``"reach"`` is in
``"Monthly reach in Bergen"`` but ``"view"`` is not in ``"product reviews"``.
Words are compared without a final plural ``s`` (on words of four letters or
more), so ``"visit"`` finds ``"visits"``::

    >>> from smstrategy.rules.words import mentions, words
    >>> words("Sign-ups from the Newsletter")
    ('sign', 'ups', 'from', 'the', 'newsletter')
    >>> mentions(words("Monthly reach in Bergen"), "reach")
    True
    >>> mentions(words("product reviews"), "view")
    False
    >>> mentions(words("people planning to buy"), "planning to buy")
    True
    >>> mentions(words("followers who visit the shop"), "visits")
    True
    >>> mentions(words("followers"), "--")  # a phrase with no words matches nothing
    False
    >>> sorted(significant("We roast in Bergen every week"))
    ['bergen', 'roast', 'week']

:func:`closest` finds the name a misspelt reference most likely meant::

    >>> closest("Instagram @fjordcofee", {"instagram @fjordcoffee": "Instagram @fjordcoffee"})
    'Instagram @fjordcoffee'
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable

from smstrategy.elements import fold

__all__ = ["closest", "mentions", "mentions_any", "significant", "words"]

_WORD = re.compile(r"[^\W_]+")


@functools.lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """Return the folded words of *text*, in order."""
    return tuple(_WORD.findall(fold(text)))


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word  # noqa: PLR2004


@functools.lru_cache(maxsize=4096)
def _stems(found: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_stem(word) for word in found)


def mentions(name: tuple[str, ...], phrase: str) -> bool:
    """Whether the words of *phrase* stand together, in order, among the words *name*."""
    wanted = _stems(words(phrase))
    if not wanted:
        return False
    have = _stems(name)
    size = len(wanted)
    return any(have[i : i + size] == wanted for i in range(len(have) - size + 1))


def mentions_any(name: tuple[str, ...], phrases: Iterable[str]) -> bool:
    """Whether *name* mentions any of *phrases*."""
    return any(mentions(name, phrase) for phrase in phrases)


#: The fewest letters of a word that can say what a text is about.
_SIGNIFICANT = 4
#: Common words that say nothing of what a text is about, in the three languages.
_COMMON = frozenset(
    (
        *("about", "also", "every", "from", "have", "into", "more", "most", "only", "over"),
        *("than", "that", "their", "them", "then", "they", "this", "what", "when", "with"),
        *("your", "ours", "will", "where", "which", "while"),
        *("ikke", "eller", "også", "over", "hver", "være", "vårt", "våre", "deres", "hvor"),
        *("kanssa", "joka", "jotka", "että", "myös", "sekä", "kuin", "tämä", "meidän"),
    )
)


def significant(text: str) -> frozenset[str]:
    """Return the words of *text* that say what it is about: four letters or more, not common.

    Words are compared as :func:`mentions` compares them, without a plural ``s``.
    """
    kept = tuple(w for w in words(text) if len(w) >= _SIGNIFICANT and w not in _COMMON)
    return frozenset(_stems(kept))


def closest(name: str, known: dict[str, str]) -> str | None:
    """Return the known name closest to *name*, if any is close.

    *known* maps folded names to the names as the plan writes them.
    """
    found = difflib.get_close_matches(fold(name), list(known), n=1, cutoff=0.6)
    return known[found[0]] if found else None
