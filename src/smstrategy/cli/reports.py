"""A check's findings, and a scorecard, written for people and for the tools of CI.

``text`` gives one line per finding, ``file:line:column: CODE severity
message (path)``, as compilers and linters do; ``json`` the same with every
field; ``sarif`` a SARIF 2.1.0 log that code-scanning services read; and
``github`` workflow commands that GitHub Actions turns into annotations.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

import attrs

from smstrategy.cli.locations import Position, locate

__all__ = ["Located", "findings_as", "score_json", "score_text"]

_SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "advice": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "advice": "notice"}
# The same messages as the Markdown report's summary line.
_COUNTS = (
    ("error", "%(count)s error", "%(count)s errors"),
    ("warning", "%(count)s warning", "%(count)s warnings"),
    ("advice", "%(count)s piece of advice", "%(count)s pieces of advice"),
)


@attrs.frozen(kw_only=True)
class Located:
    """A check's report, with the file it was read from and where each part of it is."""

    report: Any
    #: The file as the command was given it; ``-`` for standard input.
    file: str
    #: The position of every part the file writes, by path; ``None`` when not known.
    positions: Mapping[str, Position] | None
    #: The registered rules whose codes were chosen, for the SARIF log's list of rules.
    rules: tuple[Any, ...] = ()

    def where(self, finding: Any) -> Position | None:
        """Return the line and column of the part the finding names."""
        return locate(self.positions, finding.path)


def finding_line(finding: Any, lang: Any) -> str:
    """Write a finding on one line without a file: path, code, severity and message."""
    where = finding.path or lang.gettext("(plan)")
    return f"{where}: {finding.code} [{lang.word(finding.severity)}] {lang.text(finding.message)}"


def _counts(checked: Sequence[Located], lang: Any) -> str:
    counts = {
        severity: sum(done.report.counts[severity] for done in checked)
        for severity, _, _ in _COUNTS
    }
    return ", ".join(
        lang.ngettext(one, many, counts[severity]) % {"count": counts[severity]}
        for severity, one, many in _COUNTS
    )


def _text(checked: Sequence[Located], lang: Any) -> str:
    lines = []
    for done in checked:
        for finding in done.report:
            position = done.where(finding)
            place = done.file if position is None else "{}:{}:{}".format(done.file, *position)
            path = f" ({finding.path})" if finding.path else ""
            severity = lang.word(finding.severity)
            lines.append(f"{place}: {finding.code} {severity} {lang.text(finding.message)}{path}")
    lines.append(_counts(checked, lang))
    return "\n".join(lines) + "\n"


def _json_report(done: Located) -> dict[str, Any]:
    report = done.report
    findings = []
    for f in report:
        position = done.where(f)
        findings.append(
            {
                "code": f.code,
                "severity": f.severity.value,
                "path": f.path,
                "step": f.step,
                "message": f.message,
                "hint": f.hint,
                "file": done.file,
                "line": None if position is None else position[0],
                "column": None if position is None else position[1],
            }
        )
    return {
        "framework": report.framework,
        "title": report.title,
        "file": done.file,
        "ok": report.ok,
        "counts": {str(k): v for k, v in report.counts.items()},
        "findings": findings,
    }


def _json(checked: Sequence[Located], _: Any) -> str:
    reports = [_json_report(done) for done in checked]
    data: Any = reports[0] if len(reports) == 1 else reports
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _sarif(checked: Sequence[Located], _: Any) -> str:
    import smstrategy

    rules = list(checked[0].rules)
    index = {rule.code: i for i, rule in enumerate(rules)}
    results = []
    for done in checked:
        for finding in done.report:
            position = done.where(finding) or (1, 1)
            result: dict[str, Any] = {
                "ruleId": finding.code,
                "level": _SARIF_LEVEL[finding.severity.value],
                "message": {"text": f"{finding.message} {finding.hint}".strip()},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(done.file)},
                            "region": {"startLine": position[0], "startColumn": position[1]},
                        },
                        "logicalLocations": [
                            {"fullyQualifiedName": finding.path or "(plan)", "kind": "member"}
                        ],
                    }
                ],
                "ruleIndex": index[finding.code],  # a finding comes from a chosen rule
            }
            results.append(result)
    log = {
        "$schema": _SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "smstrategy",
                        "version": smstrategy.__version__,
                        "informationUri": "https://github.com/smstrategy/smstrategy",
                        "rules": [_sarif_rule(rule) for rule in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _sarif_rule(rule: Any) -> dict[str, Any]:
    return {
        "id": rule.code,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.rationale or rule.summary},
        "help": {"text": rule.hint or rule.summary},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity.value]},
    }


def _uri(file: str) -> str:
    """Write the file as a URI: relative to the working directory where it can be.

    Code-scanning uploads place relative URIs in the repository.
    """
    if file == "-":
        return "stdin"
    path = Path(file)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            return path.as_uri()
    return quote(path.as_posix())


def _github(checked: Sequence[Located], _: Any) -> str:
    lines = []
    for done in checked:
        for finding in done.report:
            position = done.where(finding)
            properties = [f"file={_escape_property(done.file)}"]
            if position is not None:
                properties += [f"line={position[0]}", f"col={position[1]}"]
            properties.append(f"title={_escape_property(finding.code)}")
            where = f" ({finding.path})" if finding.path else ""
            message = f"{finding.message} {finding.hint}".strip() + where
            level = _GITHUB_LEVEL[finding.severity.value]
            lines.append(f"::{level} {','.join(properties)}::{_escape_data(message)}")
    return "".join(line + "\n" for line in lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_WRITERS: Mapping[str, Callable[[Sequence[Located], Any], str]] = {
    "text": _text,
    "json": _json,
    "sarif": _sarif,
    "github": _github,
}
#: The formats of a check's findings besides the rendered documents.
FINDING_FORMATS = tuple(_WRITERS)


def findings_as(kind: str, checked: Sequence[Located], lang: Any) -> str:
    """Write the findings of the files *checked* in the format *kind*.

    *kind* is one of :data:`FINDING_FORMATS`.  JSON gives one object for one
    file and a list of them for several; the others write every file's
    findings in one text, one log or one list of annotations.
    """
    return _WRITERS[kind](checked, lang)


def score_text(card: Any, lang: Any) -> str:
    """Write a scorecard as plain text: each goal's status, its metrics, then the findings."""
    value = lang.value
    lines = [
        lang.fill("Scorecard: {title}", title=card.title),
        lang.fill(
            "As of {date}; the plan is reviewed every {period}.",
            date=value(card.as_of),
            period=lang.text(str(card.review_period)),
        ),
        "",
    ]
    for goal in card.goals:
        lines.append(f"{goal.goal.statement}: {lang.word(goal.status)}")
        lines.extend(_score_line(score, lang) for score in goal.metrics)
    if card.metrics:
        lines.append(lang.gettext("Other metrics"))
        lines.extend(_score_line(score, lang) for score in card.metrics)
    lines.append("")
    lines.extend(finding_line(f, lang) for f in card.findings)
    return "\n".join(lines) + "\n"


def _score_line(score: Any, lang: Any) -> str:
    status = lang.gettext("no target") if score.status is None else lang.word(score.status)
    progress = lang.percent(score.progress)
    return f"  {score.metric.name}: {lang.value(score.latest)} ({progress}) {status}"


def score_json(card: Any, _: Any = None) -> str:
    """Write a scorecard as JSON, as the library's converter writes it."""
    from smstrategy.convert import converter

    data = converter().unstructure(card)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def chosen_rules(rules: Iterable[Any], select: Any, ignore: Any) -> tuple[Any, ...]:
    """Return the rules whose codes *select* keeps and *ignore* does not drop."""
    from smstrategy.rules.engine import _wanted

    return tuple(rule for rule in rules if _wanted(rule, select, ignore))
