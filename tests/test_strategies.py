"""The public Hypothesis strategies."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import smstrategy as sms
from smstrategy import strategies
from smstrategy import validators as v

BLOCKS = {
    "audiences": sms.Audience,
    "calendars": sms.Calendar,
    "channels": sms.Channel,
    "content_mixes": sms.ContentMix,
    "goals": sms.Goal,
    "listening_panels": sms.ListeningPanel,
    "members": sms.Member,
    "metrics": sms.Metric,
    "platforms": sms.Platform,
    "policies": sms.Policy,
    "posts": sms.Post,
    "priorities": sms.Priority,
    "teams": sms.Team,
    "time_budgets": sms.TimeBudget,
}


@pytest.mark.parametrize(("name", "kind"), BLOCKS.items(), ids=list(BLOCKS))
@given(data=st.data())
def test_each_building_block_has_a_strategy(name, kind, data):
    """Each building block has a strategy of its own name that yields valid instances."""
    value = data.draw(getattr(strategies, name)())
    assert isinstance(value, kind)


@given(strategies.texts())
def test_texts_are_never_blank(text):
    """Texts always hold something other than white space."""
    assert text.strip()


def test_unknown_types_need_a_registered_strategy():
    """A type the strategies cannot build is named in the error."""
    with pytest.raises(TypeError, match="no strategy for <class 'complex'>"):
        strategies.for_type(complex)


@attrs.frozen(kw_only=True)
class Range:
    """A user's block whose fields depend on each other."""

    low: float = attrs.field(validator=v.number())
    high: float = attrs.field(validator=v.number())

    def __attrs_post_init__(self) -> None:
        if self.high < self.low:
            raise ValueError


@attrs.frozen(kw_only=True)
class Holder:
    """A block holding several ranges."""

    ranges: tuple[Range, ...] = ()


def test_register_a_strategy_for_a_type_with_cross_field_invariants():
    """A user's block whose fields depend on each other gets a strategy by register()."""

    @st.composite
    def ranges(draw):
        low = draw(st.floats(min_value=0, max_value=10))
        return Range(low=low, high=low + draw(st.floats(min_value=0, max_value=10)))

    strategies.register(Range, ranges, unique_by=lambda r: r.low)

    @given(strategies.for_type(Holder))
    def check(holder):
        assert all(r.low <= r.high for r in holder.ranges)
        assert len({r.low for r in holder.ranges}) == len(holder.ranges)

    check()


@attrs.frozen(kw_only=True)
class Fixed:
    """A block that a test always builds the same way."""

    size: int = 0


def test_register_without_unique_by():
    """A registered strategy without a uniqueness key is used as it is."""
    strategies.register(Fixed, lambda: st.just(Fixed(size=3)))

    @given(strategies.for_type(tuple[Fixed, ...]))
    def check(items):
        assert all(item == Fixed(size=3) for item in items)

    check()
