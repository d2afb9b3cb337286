"""An audit of the five-step example's two accounts, in which no rule finds anything."""

from __future__ import annotations

import datetime as dt

import smstrategy as sms

AUDIT = sms.Audit.of(
    [
        sms.Account(
            platform=sms.Platform.INSTAGRAM,
            handle="@fjordcoffee",
            owner="Ingrid Dahl",
            last_post=dt.date(2027, 1, 8),
            followers=2400,
        ),
        sms.Account(
            platform=sms.Platform.FACEBOOK,
            handle="Fjord Coffee Bergen",
            owner="Ola Nilsen",
            last_post=dt.date(2026, 12, 20),
        ),
    ],
    as_of=dt.date(2027, 1, 10),
    plan=sms.example("five-step"),
)
