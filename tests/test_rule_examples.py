"""Every rule's example in docs/rules.md: one change fires it, a change close to it does not."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from markdown_it import MarkdownIt

import smstrategy as sms

PAGE = Path(__file__).parent.parent / "docs" / "rules.md"
SECTION = "Each rule on an example"
RULES = {r.code: r for r in sms.registered_rules() if r.code.startswith("SMS")}


def examples(text: str) -> tuple[list[str], dict[str, list[str]]]:
    """Return the section's opening Python blocks, and each code's blocks, in page order."""
    tokens = MarkdownIt("commonmark").parse(text)
    opening: list[str] = []
    by_code: dict[str, list[str]] = {}
    chapter = code = None
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            title = tokens[i + 1].content
            if token.tag == "h2":
                chapter, code = title, None
            elif token.tag == "h3":
                code = title if re.fullmatch(r"SMS\d{3}", title) else None
        elif token.type == "fence" and token.info.strip() == "python" and chapter == SECTION:
            (opening if code is None else by_code.setdefault(code, [])).append(token.content)
    return opening, by_code


@attrs.frozen
class Outcome:
    """What a code's example left behind: its names, the checks it ran, or its error."""

    names: dict[str, Any]
    checked: list[tuple[Any, dict[str, Any], sms.Report]]
    error: BaseException | None = None


@pytest.fixture(scope="module")
def outcomes() -> dict[str, Outcome]:
    """Run the section as a reader would, top to bottom, noting what each code's blocks did."""
    opening, by_code = examples(PAGE.read_text(encoding="utf-8"))
    namespace: dict[str, Any] = {"__name__": "docs_rules_examples"}
    for block in opening:
        exec(compile(block, str(PAGE), "exec", dont_inherit=True), namespace)  # noqa: S102
    found: dict[str, Outcome] = {}
    real = sms.check
    with pytest.MonkeyPatch.context() as patch:
        for code, blocks in by_code.items():
            checked: list[tuple[Any, dict[str, Any], sms.Report]] = []

            def recording(subject: Any, _into: list[Any] = checked, **options: Any) -> sms.Report:
                report = real(subject, **options)
                _into.append((subject, options, report))
                return report

            patch.setattr(sms, "check", recording)
            for name in ("fires", "near_miss", "also"):
                namespace.pop(name, None)
            try:
                for block in blocks:
                    exec(compile(block, str(PAGE), "exec", dont_inherit=True), namespace)  # noqa: S102
            except Exception as error:  # noqa: BLE001  # reported by the code's own test
                found[code] = Outcome(dict(namespace), checked, error)
            else:
                found[code] = Outcome(dict(namespace), checked)
    return found


@pytest.mark.parametrize("code", sorted(RULES))
def test_each_rule_fires_on_its_example_and_not_on_its_near_miss(code, outcomes):
    """The documented change fires the rule and no other; the near miss is clean."""
    assert code in outcomes, f"docs/rules.md shows no example of {code}"
    outcome = outcomes[code]
    if outcome.error is not None:
        raise outcome.error
    fires, near_miss = outcome.names["fires"], outcome.names["near_miss"]
    also = set(outcome.names.get("also", ()))
    assert code in fires.codes
    assert set(fires.codes) - {code} == also
    assert near_miss.findings == ()
    subject, options = next((s, o) for s, o, report in outcome.checked if report is fires)
    rule = RULES[code]
    for finding in fires:
        if finding.code != code:
            continue
        assert finding.severity is rule.severity
        assert finding.message.strip()
        assert finding.hint.strip()
        if finding.path.startswith("results."):
            assert sms.node_at(options["results"], finding.path.removeprefix("results."))
        else:
            sms.node_at(subject, finding.path)  # the path leads to a part of what was checked


def test_the_examples_start_from_plans_that_follow_the_advice(outcomes):
    """The plans the examples change report nothing, so each change is what fires."""
    names = next(iter(outcomes.values())).names
    for key in ("five_step", "eight_step", "popt", "roadmap", "audit"):
        assert sms.check(names[key]).findings == (), key


def test_every_example_on_the_page_belongs_to_a_rule(outcomes):
    """No example is left for a code that no longer exists."""
    assert set(outcomes) <= set(RULES)
