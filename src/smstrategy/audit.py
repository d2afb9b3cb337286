"""The social media audit: an inventory of the accounts an organisation already has.

An :class:`Audit` holds the accounts and the date they are judged on; the
library never reads the clock, so the caller passes that date.  Check it like
a plan to find abandoned, duplicate and ownerless accounts, and accounts on
networks the plan does not use::

    >>> import datetime as dt
    >>> import smstrategy as sms
    >>> audit = sms.Audit.of(
    ...     [
    ...         sms.Account(platform=sms.Platform.INSTAGRAM, handle="@fjordcoffee",
    ...                     owner="Ingrid Dahl", last_post=dt.date(2027, 1, 2)),
    ...         sms.Account(platform=sms.Platform.X, handle="@fjord_old",
    ...                     last_post=dt.date(2024, 5, 1)),
    ...     ],
    ...     as_of=dt.date(2027, 1, 10),
    ...     plan=sms.example("five-step"),
    ... )
    >>> [(f.code, f.path) for f in sms.check(audit)]
    [('SMS401', 'accounts[1]'), ('SMS403', 'accounts[1]'), ('SMS404', 'accounts[1]')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, ClassVar

import attrs

from smstrategy import validators as v
from smstrategy.base import Framework, Step
from smstrategy.elements import Channel, Platform, fold

__all__ = ["Account", "Audit"]


def _optional_tuple(value: Iterable[Any] | None) -> tuple[Any, ...] | None:
    return None if value is None else v.to_tuple(value)


@attrs.frozen(kw_only=True)
class Account:
    """An account the organisation has on a network, as found in the audit."""

    platform: Platform = attrs.field(validator=v.instance(Platform))
    handle: str = attrs.field(validator=v.text())
    owner: str = attrs.field(default="", validator=v.string())
    #: The date of the newest post; ``None`` when nothing was ever posted.
    last_post: dt.date | None = attrs.field(default=None, validator=v.optional(v.a_date()))
    followers: int | None = attrs.field(default=None, validator=v.optional(v.whole_number()))
    #: Whether the account's name, look and content fit the brand.
    on_brand: bool = attrs.field(default=True, validator=v.instance(bool))

    @property
    def identity(self) -> tuple[str, str]:
        """The network and handle that tell this account apart from others."""
        return (self.platform.name, fold(self.handle))


@attrs.frozen(kw_only=True)
class Audit:
    """The accounts found, the date they are judged on, and the networks the plan uses.

    ``plan_platforms`` is ``None`` when there is no plan to compare with.
    """

    #: The key reports of audits carry, where plans carry their framework's.
    key: ClassVar[str] = "audit"

    accounts: tuple[Account, ...] = attrs.field(
        converter=v.to_tuple,
        validator=(
            v.tuple_of(v.instance(Account)),
            v.unique_by(lambda account: account.identity, "network and handle"),
        ),
    )
    as_of: dt.date = attrs.field(validator=v.a_date())
    plan_platforms: tuple[Platform, ...] | None = attrs.field(
        default=None,
        converter=_optional_tuple,
        validator=v.optional(v.tuple_of(v.instance(Platform))),
    )

    @classmethod
    def of(
        cls, accounts: Iterable[Account], *, as_of: dt.date, plan: Framework | None = None
    ) -> Audit:
        """Make an audit, taking the networks in use from *plan*'s channels."""
        platforms = None
        if plan is not None:
            from smstrategy.rules.engine import Index

            found = {c.platform: None for _, c in Index(plan).of(Channel)}
            platforms = tuple(found)
        return cls(accounts=tuple(accounts), as_of=as_of, plan_platforms=platforms)

    @property
    def title(self) -> str:
        """How reports of the audit are headed."""
        return f"Social media audit, {self.as_of.isoformat()}"

    @classmethod
    def steps(cls) -> tuple[Step, ...]:
        """Return no steps: an audit has none, and the checker asks every root for them."""
        return ()
