"""Paths into a plan: node_at finds what a finding names, evolve_at changes it."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import smstrategy as sms
from custom_frameworks import ALL_FRAMEWORKS
from smstrategy.rules.engine import Index
from strategies import plans

FIVE = sms.example("five-step")


@settings(max_examples=25)
@given(data=st.data())
def test_every_path_of_a_plan_leads_back_to_its_node(data):
    """Every path the checker knows a node by leads to that node, and evolving it is a copy."""
    plan = data.draw(plans(data.draw(st.sampled_from(ALL_FRAMEWORKS))))
    for path, node in Index(plan).nodes:
        assert sms.node_at(plan, path) is node
    path, node = data.draw(st.sampled_from(Index(plan).nodes))
    assert sms.evolve_at(plan, path) == plan


def test_evolve_at_changes_one_part_and_shares_the_rest():
    """The changed part is new, the original is untouched, and untouched parts are shared."""
    changed = sms.evolve_at(FIVE, "direction.goals[1].metrics[0]", target=900)
    assert sms.node_at(changed, "direction.goals[1].metrics[0]").target == 900
    assert FIVE.direction.goals[1].metrics[0].target != 900
    assert changed.direction.goals[0] is FIVE.direction.goals[0]
    assert changed.target is FIVE.target
    assert sms.evolve_at(FIVE, "", title="Another") == sms.evolve_at(FIVE, "", title="Another")
    assert sms.evolve_at(FIVE, "", title="Another").title == "Another"


def test_every_finding_path_leads_to_a_part_of_what_was_checked():
    """A finding's path can be followed with node_at, in a plan and in an audit."""
    plan = sms.evolve_at(FIVE, "technology.channels[0]", owner="", cadence=12)
    report = sms.check(plan)
    assert report.findings
    for finding in report:
        assert sms.node_at(plan, finding.path) is not None
    audit = sms.Audit.of(
        [sms.Account(platform=sms.Platform.TIKTOK, handle="@x", last_post=dt.date(2020, 1, 1))],
        as_of=dt.date(2027, 1, 1),
        plan=FIVE,
    )
    for finding in sms.check(audit):
        assert isinstance(sms.node_at(audit, finding.path), sms.Account)


def test_the_changed_part_is_validated_as_any_new_value():
    """evolve_at builds the new part as its class does, so a bad value raises as usual."""
    with pytest.raises(sms.InvalidFieldValueError, match=r"^Channel\.cadence"):
        sms.evolve_at(FIVE, "technology.channels[0]", cadence=-1)
    changed = sms.evolve_at(FIVE, "target.audiences[0]", demographics=["students"])
    assert changed.target.audiences[0].demographics == ("students",)


@pytest.mark.parametrize(
    ("path", "changes", "message"),
    [
        (
            "direction.goalz",
            {},
            "path 'direction.goalz': direction (Direction) has no field 'goalz'",
        ),
        ("nowhere", {}, "path 'nowhere': the root (FiveStep) has no field 'nowhere'"),
        (
            "direction.goals[7]",
            {},
            "path 'direction.goals[7]': direction.goals has 2 items, so no [7]",
        ),
        (
            "uniqueness.differentiator[0]",
            {},
            (
                "path 'uniqueness.differentiator[0]': "
                "uniqueness.differentiator holds no items to index"
            ),
        ),
        (
            "direction..goals",
            {},
            (
                "path 'direction..goals': '' is not a step; expected field names joined by '.', "
                "each with optional [index]"
            ),
        ),
        (
            "direction.goals[-1]",
            {},
            (
                "path 'direction.goals[-1]': 'goals[-1]' is not a step; expected field names "
                "joined by '.', each with optional [index]"
            ),
        ),
        (
            "direction.goals[0].statement",
            {"x": 1},
            "path 'direction.goals[0].statement': it leads to str, which has no fields to change",
        ),
        (
            "direction.goals[0]",
            {"deadlin": None, "kinds": 1},
            "path 'direction.goals[0]': Goal has no field 'deadlin', 'kinds'",
        ),
    ],
)
def test_a_path_that_leads_nowhere_says_where_it_stops(path, changes, message):
    """The error names the path and the step that has no part behind it."""
    changing = bool(changes) or path.endswith("statement")
    with pytest.raises(sms.InvalidPathError) as caught:
        sms.evolve_at(FIVE, path, **changes) if changing else sms.node_at(FIVE, path)
    assert str(caught.value) == message
    assert caught.value.path == path
    assert isinstance(caught.value, LookupError)


def test_a_path_must_be_text():
    """A path that is not text is refused before anything is looked up."""
    with pytest.raises(sms.InvalidPathError, match=r"^path '3': a path is text"):
        sms.node_at(FIVE, 3)  # type: ignore[arg-type]
    one = sms.evolve_at(FIVE, "direction", goals=FIVE.direction.goals[:1])
    with pytest.raises(sms.InvalidPathError, match=r"has 1 item, so no \[1\]$"):
        sms.node_at(one, "direction.goals[1]")
