"""The command line's commands and options."""

from __future__ import annotations

import argparse
import datetime as dt

from smstrategy.cli.reports import FINDING_FORMATS
from smstrategy.cli.settings import FAIL_ON

__all__ = ["parser"]

_EXAMPLES = ("five-step", "eight-step", "popt", "roadmap")
_DOCUMENT_FORMATS = ("markdown", "html")
_CHECK_FORMATS = (*FINDING_FORMATS, *_DOCUMENT_FORMATS)
_SCORE_FORMATS = ("text", "json", *_DOCUMENT_FORMATS)
_FILE = "a plan as JSON or TOML, or - for standard input"


def _output_file(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE instead of standard output (never to an input file)",
    )


def _output(command: argparse.ArgumentParser, formats: tuple[str, ...], default: str) -> None:
    """Add the options of a command that writes a document: format, file and language."""
    command.add_argument(
        "--format",
        choices=formats,
        default=default,
        help=f"the output format (default: {default})",
    )
    _output_file(command)
    command.add_argument(
        "--lang",
        default="en",
        metavar="LANG",
        help="the language to write in: en, fi or nb, or another with --catalog (default: en)",
    )
    command.add_argument(
        "--catalog", metavar="FILE", help="a .po or .mo catalog of your own for --lang"
    )


def _diagrams(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--no-diagrams",
        dest="diagrams",
        action="store_false",
        help="leave out the pictures (Mermaid diagrams in Markdown, SVG in HTML)",
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
        msg = f"expected a date as YYYY-MM-DD, got {text[:40]!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _plugins() -> argparse.ArgumentParser:
    """Return the option every command takes: modules to import first, for their frameworks."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--plugin",
        action="append",
        default=[],
        metavar="MODULE",
        help="import MODULE first, to register its frameworks and rules (repeatable)",
    )
    return common


def parser() -> argparse.ArgumentParser:  # noqa: PLR0915  # one statement per option
    """Return the parser of the command line."""
    from smstrategy.elements import Profile

    top = argparse.ArgumentParser(
        prog="smstrategy",
        description="Social-media strategy frameworks: fill in, check and render plans.",
        epilog=(
            "Plan files are JSON or TOML, as smstrategy.to_dict writes them. Settings are read "
            "from the nearest pyproject.toml with a [tool.smstrategy] table."
        ),
    )
    top.add_argument("--version", action="store_true", help="print the version and exit")
    commands = top.add_subparsers(dest="command", metavar="COMMAND")
    common = [_plugins()]

    demo = commands.add_parser(
        "demo",
        parents=common,
        help="print a bundled example plan",
        description="Print a bundled example plan.",
    )
    demo.add_argument(
        "--framework",
        choices=_EXAMPLES,
        default="five-step",
        help="which framework's example to print (default: five-step)",
    )
    _output(demo, _DOCUMENT_FORMATS, "markdown")
    _diagrams(demo)

    frameworks = commands.add_parser(
        "frameworks",
        parents=common,
        help="list the frameworks with their steps",
        description="List the registered frameworks: key, name and steps.",
    )
    _output_file(frameworks)

    worksheet = commands.add_parser(
        "worksheet",
        parents=common,
        help="print a blank worksheet for a framework",
        description="Print a blank worksheet: every step, its questions and room to answer.",
    )
    worksheet.add_argument("key", metavar="KEY", help="the framework's key, such as five-step")
    _output(worksheet, _DOCUMENT_FORMATS, "markdown")

    schema = commands.add_parser(
        "schema",
        parents=common,
        help="print the JSON Schema of a framework's plan files",
        description=(
            "Print the JSON Schema (draft 2020-12) of a framework's plan files, for editors "
            "and forms."
        ),
    )
    schema.add_argument("key", metavar="KEY", help="the framework's key, such as five-step")
    _output_file(schema)

    render = commands.add_parser(
        "render", parents=common, help="render a plan file", description="Render a plan file."
    )
    render.add_argument("file", metavar="FILE", help=_FILE)
    _output(render, _DOCUMENT_FORMATS, "markdown")
    _diagrams(render)
    render.add_argument(
        "--summary",
        action="store_true",
        help="open with a summary: the check's findings, the journey stage, the next review",
    )

    check = commands.add_parser(
        "check",
        parents=common,
        help="check a plan file against the rules",
        description=(
            "Check a plan file; exit 1 when it has findings of the --fail-on severity or "
            "worse (errors, by default), 0 otherwise."
        ),
    )
    check.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=_FILE + "; several files are checked one after the other",
    )
    check.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="only the rules whose codes start with these, comma separated (repeatable)",
    )
    check.add_argument(
        "--ignore",
        action="append",
        metavar="CODES",
        help="not the rules whose codes start with these, comma separated (repeatable)",
    )
    check.add_argument(
        "--fail-on",
        choices=tuple(FAIL_ON),
        help="the least severity that makes the exit status 1 (default: error)",
    )
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
    _diagrams(check)

    score = commands.add_parser(
        "score",
        parents=common,
        help="score a plan against its results",
        description=(
            "Hold a plan against what happened: each goal's and metric's progress, pace and "
            "status, what is working, the feedback, and what to change."
        ),
    )
    score.add_argument("file", metavar="PLAN", help=_FILE)
    score.add_argument("results", metavar="RESULTS", help="results as CSV, JSON or TOML")
    _as_of(score)
    _output(score, _SCORE_FORMATS, "text")
    _diagrams(score)

    diff = commands.add_parser(
        "diff",
        parents=common,
        help="show what changed between two revisions of a plan",
        description="Show what changed from OLD to NEW, two plan files of one framework.",
    )
    diff.add_argument("old", metavar="OLD", help="the earlier revision")
    diff.add_argument("new", metavar="NEW", help="the later revision")
    _output(diff, _DOCUMENT_FORMATS, "markdown")

    calendar = commands.add_parser(
        "calendar",
        parents=common,
        help="export a plan's calendar, or check and render a spreadsheet calendar",
        description=(
            "Export the calendar a plan holds (or a content plan's, or a calendar's) with --to; "
            "or read a calendar from a spreadsheet with --from, check it and render it, its "
            "findings on standard error.  --from with --to converts."
        ),
    )
    calendar.add_argument("file", metavar="PLAN", nargs="?", help=_FILE)
    calendar.add_argument(
        "--from",
        dest="sheet",
        metavar="FILE",
        help="a calendar as CSV or XLSX (by the suffix) or iCalendar (.ics)",
    )
    calendar.add_argument(
        "--to",
        choices=("ics", "csv", "bulk-csv", "xlsx"),
        help=(
            "the format to export: iCalendar, CSV of every field, one bulk-scheduler CSV per "
            "channel (into the folder -o names, when there are several), or XLSX"
        ),
    )
    calendar.add_argument(
        "--day-first",
        action="store_true",
        help="bulk-csv dates as DD/MM/YYYY rather than MM/DD/YYYY",
    )
    _output(calendar, _DOCUMENT_FORMATS, "markdown")
    _diagrams(calendar)

    messages = commands.add_parser(
        "messages",
        parents=common,
        help="print a catalog template of every message, to translate",
        description=(
            "Print a gettext catalog template (.pot) of every message the library writes; "
            "translate it to add a language, then pass it with --lang and --catalog."
        ),
    )
    _output_file(messages)
    return top
