"""How the rules read words: folding, plural endings, phrases, significant words, close names."""

from __future__ import annotations

import pytest

from smstrategy.rules.words import closest, mentions, mentions_any, significant, words


def test_words_are_folded_and_split_on_anything_but_letters_and_digits():
    assert words("Café-Latte, 2 BEANS_each") == ("café", "latte", "2", "beans", "each")


@pytest.mark.parametrize(
    ("name", "phrase", "found"),
    [
        ("cats", "cat", True),  # four letters: the plural s goes
        ("cat", "cats", True),
        ("gas prices", "ga", False),  # three letters: "gas" keeps its s
        ("bus", "bu", False),
        ("page likes", "page like", True),
        ("page likes", "likes page", False),  # the words stand in order
        ("likes", "page likes", False),  # all of them
        ("a b", "b", True),  # the last word counts
        ("a b", "a", True),
        ("newsletter sign-ups", "sign ups", True),
        ("anything", "!!!", False),  # a phrase without words mentions nothing
        ("", "", False),
    ],
)
def test_a_name_mentions_a_phrase_by_whole_words_in_order(name, phrase, found):
    assert mentions(words(name), phrase) is found


def test_a_name_mentions_any_of_several_phrases():
    assert mentions_any(words("Instagram followers"), ["likes", "followers"])
    assert not mentions_any(words("Instagram followers"), ["likes", "shares"])
    assert not mentions_any(words("Instagram followers"), [])


def test_significant_words_have_four_letters_or_more_and_are_not_common():
    assert significant("The cafe roasts its own beans with care") == {
        "cafe",
        "roast",
        "bean",
        "care",
    }
    assert significant("it is a day out") == frozenset()
    assert significant("this that with from") == frozenset()


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("Instagram @fjord", "Instagram @fjord"),
        ("instagram @fjorg", "Instagram @fjord"),
        ("Threads", None),
        ("TikTok @elsewhere", None),
    ],
)
def test_the_closest_known_name_is_offered_only_when_it_is_close(name, found):
    known = {"instagram @fjord": "Instagram @fjord", "facebook fjord": "Facebook Fjord"}
    assert closest(name, known) == found
