"""The tests' view of the public strategies, and the list of building blocks."""

from __future__ import annotations

import smstrategy as sms
from smstrategy.strategies import for_type, plans

__all__ = ["BUILDING_BLOCKS", "for_type", "plans"]

#: The building blocks of the vocabulary, each of which the tests build at random.
BUILDING_BLOCKS = (
    sms.Audience,
    sms.Calendar,
    sms.Channel,
    sms.ContentMix,
    sms.Goal,
    sms.ListeningPanel,
    sms.Member,
    sms.Metric,
    sms.Platform,
    sms.Policy,
    sms.Post,
    sms.Priority,
    sms.Team,
    sms.TimeBudget,
)
