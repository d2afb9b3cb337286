"""The council, the open-source community and the charity: examples of other organisations."""

from __future__ import annotations

import pytest

import smstrategy as sms

KEYS = ["council", "community", "nonprofit"]

#: What each example reports: only what its authors would call fair.
REPORTS = {
    "council": [("SMS141", sms.Severity.ADVICE, "action_plan.channels[2]")],
    "community": [],
    "nonprofit": [],
}
#: What the same plans would be told as a business: the advice their profile leaves out.
AS_A_BUSINESS = {
    "council": {"SMS141", "SMS161"},
    "community": set(),
    "nonprofit": {"SMS103", "SMS161"},
}


@pytest.mark.parametrize("key", KEYS)
def test_each_example_reports_only_what_is_fair(key):
    """The reports are pinned: no warning their profile calls unfair, and no error."""
    plan = sms.example(key)
    assert plan.profile is not None
    report = sms.check(plan)
    assert [(f.code, f.severity, f.path) for f in report] == REPORTS[key]
    assert all(f.severity is sms.Severity.ADVICE for f in report)
    business = sms.check(plan, guidelines=sms.Guidelines())
    assert set(business.codes) == AS_A_BUSINESS[key]


def test_the_council_leaves_out_what_its_document_does_not_say():
    """A cadence the council's document does not state is asked for, not judged as zero."""
    [finding] = sms.check(sms.example("council"))
    assert finding.message == "How often \u201cLinkedIn Fjordvik kommune\u201d posts is not stated."
    channels = sms.example("council").action_plan.channels
    assert [c.is_social for c in channels] == [True, True, True, False]  # the newsletter
    assert sms.example("council").measurement.report_to


def test_the_community_talks_in_places_that_are_not_social_networks():
    """A mailing list and a chat room are channels the tool count leaves out."""
    tactics = sms.example("community").tactics
    assert [c.kind.value for c in tactics.channels] == ["social network", "mailing list", "chat"]
    assert sms.Guidelines.for_profile("open-source community").not_applicable >= {"SMS211"}


def test_the_charity_counts_donors_as_its_sales():
    """For a nonprofit, donors measure a sales goal; for a business they would not."""
    plan = sms.example("nonprofit")
    assert sms.check(plan, select="SMS103").codes == ()
    assert sms.check(plan, select="SMS103", guidelines=sms.Guidelines()).codes == ("SMS103",)


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("lang", ["en", "nb", "fi"])
def test_each_example_travels_and_renders(key, lang):
    """The examples round-trip through JSON and render in every language."""
    plan = sms.example(key)
    assert sms.from_json(sms.to_json(plan)) == plan
    assert plan.title in sms.render(plan, lang=lang)
