"""The command line: ``python -m smstrategy`` or ``smstrategy``.

This is the only part of the library that reads and writes files: it reads
plans (JSON or TOML) and results (CSV, JSON or TOML), and prints or writes
what the library renders.  Any
problem with the input is one line on standard error and exit status 2;
``check`` exits 1 when the plan has errors.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

__all__ = ["main"]

_EXAMPLES = ("five-step", "eight-step", "popt", "roadmap")
_DOCUMENT_FORMATS = ("markdown", "html")
_CHECK_FORMATS = ("text", "json", "markdown", "html")
_SCORE_FORMATS = _CHECK_FORMATS


class _Failure(Exception):  # noqa: N818  # internal: becomes exit status 2
    """A problem with what the command was given, said in one line."""


def _output(command: argparse.ArgumentParser, formats: tuple[str, ...], default: str) -> None:
    """Add the options of a command that writes a document: format, file and language."""
    command.add_argument(
        "--format",
        choices=formats,
        default=default,
        help=f"the output format (default: {default})",
    )
    command.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    command.add_argument(
        "--lang",
        default="en",
        metavar="LANG",
        help="the language to write in: en, fi or nb, or another with --catalog (default: en)",
    )
    command.add_argument(
        "--catalog", metavar="FILE", help="a .po or .mo catalog of your own for --lang"
    )


def _as_of(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--as-of",
        metavar="DATE",
        type=_date,
        help="the date to judge the results on, YYYY-MM-DD (default: the newest in the results)",
    )


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"expected a date as YYYY-MM-DD, got {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _parser() -> argparse.ArgumentParser:
    from smstrategy.elements import Profile

    parser = argparse.ArgumentParser(
        prog="smstrategy",
        description="Social-media strategy frameworks: fill in, check and render plans.",
        epilog="Plan files are JSON or TOML, as smstrategy.to_dict writes them.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser(
        "demo", help="print a bundled example plan", description="Print a bundled example plan."
    )
    demo.add_argument(
        "--framework",
        choices=_EXAMPLES,
        default="five-step",
        help="which framework's example to print (default: five-step)",
    )
    _output(demo, _DOCUMENT_FORMATS, "markdown")

    frameworks = commands.add_parser(
        "frameworks",
        help="list the frameworks with their steps",
        description="List the registered frameworks: key, name and steps.",
    )
    frameworks.add_argument("-o", "--output", metavar="FILE", help="write to FILE")

    worksheet = commands.add_parser(
        "worksheet",
        help="print a blank worksheet for a framework",
        description="Print a blank worksheet: every step, its questions and room to answer.",
    )
    worksheet.add_argument("key", metavar="KEY", help="the framework's key, such as five-step")
    _output(worksheet, _DOCUMENT_FORMATS, "markdown")

    render = commands.add_parser(
        "render", help="render a plan file", description="Render a plan file."
    )
    render.add_argument("file", metavar="FILE", help="a plan as JSON or TOML")
    _output(render, _DOCUMENT_FORMATS, "markdown")

    check = commands.add_parser(
        "check",
        help="check a plan file against the rules",
        description="Check a plan file; exit 1 when it has errors, 0 otherwise.",
    )
    check.add_argument("file", metavar="FILE", help="a plan as JSON or TOML")
    check.add_argument("--select", action="append", metavar="CODE", help="only these codes")
    check.add_argument("--ignore", action="append", metavar="CODE", help="not these codes")
    check.add_argument(
        "--results",
        metavar="RESULTS",
        help="results (CSV, JSON or TOML) to check the plan against too (codes SMS6xx)",
    )
    check.add_argument(
        "--profile",
        choices=[profile.value for profile in Profile],
        help="the kind of organisation, whose advice applies (default: the plan's own)",
    )
    _as_of(check)
    _output(check, _CHECK_FORMATS, "text")

    score = commands.add_parser(
        "score",
        help="score a plan against its results",
        description=(
            "Hold a plan against what happened: each goal's and metric's progress, pace and "
            "status, what is working, the feedback, and what to change."
        ),
    )
    score.add_argument("file", metavar="PLAN", help="a plan as JSON or TOML")
    score.add_argument("results", metavar="RESULTS", help="results as CSV, JSON or TOML")
    _as_of(score)
    _output(score, _SCORE_FORMATS, "text")

    diff = commands.add_parser(
        "diff",
        help="show what changed between two revisions of a plan",
        description="Show what changed from OLD to NEW, two plan files of one framework.",
    )
    diff.add_argument("old", metavar="OLD", help="the earlier revision")
    diff.add_argument("new", metavar="NEW", help="the later revision")
    _output(diff, _DOCUMENT_FORMATS, "markdown")

    messages = commands.add_parser(
        "messages",
        help="print a catalog template of every message, to translate",
        description=(
            "Print a gettext catalog template (.pot) of every message the library writes; "
            "translate it to add a language, then pass it with --lang and --catalog."
        ),
    )
    messages.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    return parser


def _read_text(name: str) -> str:
    try:
        return Path(name).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise _Failure(f"{name}: no such file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise _Failure(f"{name}: cannot be read ({e})") from None


def _read_plan(name: str) -> Any:
    """Read a plan file, JSON or TOML, by its suffix; anything else is tried as both.

    A content plan's file (its data says ``"kind": "content-plan"``) is read as one.
    """
    import smstrategy

    def make(data: Any) -> Any:
        if isinstance(data, dict) and data.get("kind") == smstrategy.ContentPlan.key:
            return smstrategy.from_dict(data, smstrategy.ContentPlan)
        return smstrategy.from_dict(data)

    return _read_document(name, make, "plan")


def _read_results(name: str) -> Any:
    """Read results: CSV by its suffix, otherwise JSON or TOML as for plans."""
    import smstrategy

    if Path(name).suffix.lower() == ".csv":
        try:
            return smstrategy.read_results_csv(_read_text(name))
        except smstrategy.StructureError as e:
            raise _Failure(f"{name}: not valid results: {'; '.join(e.problems)}") from None
    return _read_document(
        name, lambda data: smstrategy.from_dict(data, smstrategy.Results), "set of results"
    )


def _read_document(name: str, make: Callable[[Any], Any], what: str) -> Any:
    import smstrategy

    text = _read_text(name)
    suffix = Path(name).suffix.lower()
    data: Any = None
    if suffix in (".json", ".toml"):
        data = _parse(name, text, suffix)
    else:
        for guess in (".json", ".toml"):
            try:
                data = _parse(name, text, guess)
                break
            except _Failure:
                continue
        else:
            raise _Failure(f"{name}: neither JSON nor TOML")
    try:
        return make(data)
    except smstrategy.StructureError as e:
        raise _Failure(f"{name}: not a valid {what}: {'; '.join(e.problems)}") from None


def _parse(name: str, text: str, suffix: str) -> Any:
    try:
        if suffix == ".json":
            return json.loads(text)
        return tomllib.loads(text)
    except (ValueError, tomllib.TOMLDecodeError) as e:
        kind = "JSON" if suffix == ".json" else "TOML"
        raise _Failure(f"{name}: not valid {kind} ({e})") from None


def _frameworks_text() -> str:
    import smstrategy

    lines = []
    for key, cls in smstrategy.frameworks().items():
        lines.append(f"{key}: {cls.name}")
        lines.extend(f"  {i}. {s.title}" for i, s in enumerate(cls.steps(), 1))
    return "\n".join(lines) + "\n"


def _finding_line(finding: Any, lang: Any) -> str:
    """Write a finding on one line: where, code, severity and message."""
    where = finding.path or lang.gettext("(plan)")
    return f"{where}: {finding.code} [{lang.word(finding.severity)}] {lang.text(finding.message)}"


def _check_text(report: Any, lang: Any) -> str:
    lines = [_finding_line(f, lang) for f in report]
    counts = report.counts
    lines.append(
        ", ".join(
            lang.ngettext(one, many, counts[severity]) % {"count": counts[severity]}
            for severity, one, many in _COUNTS
        )
    )
    return "\n".join(lines) + "\n"


# The same messages as the Markdown report's summary line.
_COUNTS = (
    ("error", "%(count)s error", "%(count)s errors"),
    ("warning", "%(count)s warning", "%(count)s warnings"),
    ("advice", "%(count)s piece of advice", "%(count)s pieces of advice"),
)


def _messages() -> str:
    import io

    from babel.messages.pofile import write_po

    from smstrategy.i18n import catalog

    out = io.BytesIO()
    write_po(out, catalog(), width=100, include_lineno=False)
    return out.getvalue().decode("utf-8")


def _score_text(card: Any, lang: Any) -> str:
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
    lines.extend(_finding_line(f, lang) for f in card.findings)
    return "\n".join(lines) + "\n"


def _score_line(score: Any, lang: Any) -> str:
    status = lang.gettext("no target") if score.status is None else lang.word(score.status)
    progress = lang.percent(score.progress)
    return f"  {score.metric.name}: {lang.value(score.latest)} ({progress}) {status}"


def _score_json(card: Any) -> str:
    from smstrategy.convert import converter

    data = converter().unstructure(card)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _check_json(report: Any) -> str:
    data = {
        "framework": report.framework,
        "title": report.title,
        "ok": report.ok,
        "counts": {str(k): v for k, v in report.counts.items()},
        "findings": [
            {
                "code": f.code,
                "severity": f.severity.value,
                "path": f.path,
                "step": f.step,
                "message": f.message,
                "hint": f.hint,
            }
            for f in report
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as e:
        raise _Failure(f"{output}: cannot be written ({e.strerror or e})") from None


def _written(
    value: Any,
    kind: Any,  # a --format choice: text, json, markdown or html
    words: dict[str, Any],
    as_text: Callable[[Any, Any], str],
    as_json: Callable[[Any], str],
) -> str:
    """Write a report or a scorecard as plain text, JSON, or a rendered document."""
    import smstrategy

    if kind == "text":
        return as_text(value, smstrategy.language(**words))
    if kind == "json":
        return as_json(value)
    return smstrategy.render(value, kind, **words)


def _run(args: argparse.Namespace) -> int:
    import smstrategy

    status = 0
    words: dict[str, Any] = {}
    if hasattr(args, "lang"):
        words = {"lang": args.lang, "catalog": args.catalog}
        smstrategy.language(**words)  # a bad language fails before any file is read
    commands: dict[str, Callable[[], str]] = {
        "demo": lambda: smstrategy.render(smstrategy.example(args.framework), args.format, **words),
        "frameworks": _frameworks_text,
        "worksheet": lambda: smstrategy.worksheet(
            smstrategy.get_framework(args.key), args.format, **words
        ),
        "render": lambda: smstrategy.render(_read_plan(args.file), args.format, **words),
        "diff": lambda: smstrategy.render(
            smstrategy.diff(_read_plan(args.old), _read_plan(args.new)), args.format, **words
        ),
        "messages": _messages,
    }
    if args.command == "score":
        card = smstrategy.scorecard(
            _read_plan(args.file), _read_results(args.results), as_of=args.as_of
        )
        text = _written(card, args.format, words, _score_text, _score_json)
    elif args.command == "check":
        results = None if args.results is None else _read_results(args.results)
        if results is None and args.as_of is not None:
            raise _Failure("--as-of needs --results")
        report = smstrategy.check(
            _read_plan(args.file),
            select=args.select,
            ignore=args.ignore,
            results=results,
            as_of=args.as_of,
            guidelines=None
            if args.profile is None
            else smstrategy.Guidelines.for_profile(args.profile),
        )
        text = _written(report, args.format, words, _check_text, _check_json)
        status = 0 if report.ok else 1
    else:
        text = commands[args.command]()
    _write(text, args.output)
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (the process's arguments by default)."""
    parser = _parser()
    args = parser.parse_args(argv)
    import smstrategy

    if args.version:
        print(smstrategy.__version__)
        return 0
    if args.command is None:
        parser.print_help()
        return 2
    try:
        return _run(args)
    except _Failure as e:
        print(f"smstrategy: {e}", file=sys.stderr)
    except smstrategy.SmstrategyError as e:
        print(f"smstrategy: {' '.join(str(e).split())}", file=sys.stderr)
    return 2


if __name__ == "__main__":  # pragma: no cover - exercised through a subprocess in the tests
    sys.exit(main())
