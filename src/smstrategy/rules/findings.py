"""What a check reports: severities, findings and the report that holds them."""

from __future__ import annotations

import enum
from collections.abc import Iterator

import attrs

from smstrategy import validators as v
from smstrategy.exceptions import InvalidPlanError

__all__ = ["Finding", "Flag", "Report", "Severity"]


class Severity(enum.StrEnum):
    """How much a finding matters, from worst to mildest."""

    #: The plan cannot work as written.
    ERROR = "error"
    #: The plan is likely to fall short.
    WARNING = "warning"
    #: Worth a look; the plan may be fine.
    ADVICE = "advice"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for advice."""
        return _RANKS[self]


_RANKS = {severity: rank for rank, severity in enumerate(Severity)}


@attrs.frozen
class Flag:
    """What a rule yields: a message, and optionally a hint, a path and a severity.

    Without a hint the rule's own hint is used.  Without a path the finding
    points at the node the rule ran on; a rule may give the absolute path of
    another node it found through the check's index.  A rule may lower its
    severity where the plan says why the advice is not yet followed.
    """

    message: str = attrs.field(validator=v.text())
    hint: str | None = attrs.field(default=None, kw_only=True)
    path: str | None = attrs.field(default=None, kw_only=True)
    severity: Severity | None = attrs.field(default=None, kw_only=True)


@attrs.frozen(kw_only=True)
class Finding:
    """One thing a check found in a plan.

    ``path`` leads from the plan to the node, such as
    ``technology.channels[2]``; it is empty for the plan as a whole.
    ``step`` is the title of the step the path starts in.
    """

    code: str
    severity: Severity
    path: str
    step: str
    message: str
    hint: str

    def __str__(self) -> str:
        where = self.path or "(plan)"
        return f"{where}: {self.code} [{self.severity}] {self.message}"


@attrs.frozen(kw_only=True)
class Report:
    """The findings of a check, in plan order.

    Iterating a report yields its findings; ``ok`` is true when none of them
    is an error.
    """

    findings: tuple[Finding, ...]
    #: The key of the framework of the plan that was checked.
    framework: str
    #: The title of the plan that was checked.
    title: str

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    @property
    def ok(self) -> bool:
        """Whether the plan has no errors."""
        return not self.errors

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity error."""
        return self.of(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity warning."""
        return self.of(Severity.WARNING)

    @property
    def advice(self) -> tuple[Finding, ...]:
        """The findings of severity advice."""
        return self.of(Severity.ADVICE)

    def of(self, severity: Severity) -> tuple[Finding, ...]:
        """Return the findings of one severity, in plan order."""
        return tuple(f for f in self.findings if f.severity is severity)

    @property
    def counts(self) -> dict[Severity, int]:
        """The number of findings of each severity, every severity present."""
        counts = dict.fromkeys(Severity, 0)
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes of the findings, in plan order."""
        return tuple(f.code for f in self.findings)

    def raise_for_errors(self) -> None:
        """Raise :class:`~smstrategy.exceptions.InvalidPlanError` if there are errors."""
        if errors := self.errors:
            raise InvalidPlanError(errors)
