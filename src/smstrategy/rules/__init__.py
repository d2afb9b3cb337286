"""Checks: the rule engine, the rule registry and the built-in catalogue."""

from smstrategy.rules import catalogue as _catalogue  # registers the built-in rules
from smstrategy.rules import progress as _progress  # and the results checks
from smstrategy.rules.engine import Context, Index, RuleError, check
from smstrategy.rules.findings import Finding, Flag, Report, Severity
from smstrategy.rules.guidelines import Guidelines
from smstrategy.rules.registry import Rule, registered_rules, rule, unregister_rule

__all__ = [
    "Context",
    "Finding",
    "Flag",
    "Guidelines",
    "Index",
    "Report",
    "Rule",
    "RuleError",
    "Severity",
    "check",
    "registered_rules",
    "rule",
    "unregister_rule",
]

del _catalogue, _progress
