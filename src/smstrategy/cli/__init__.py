"""The command line: ``python -m smstrategy`` or ``smstrategy``.

This is the only part of the library that reads and writes files: it reads
plans (JSON or TOML) and results (CSV, JSON or TOML), and prints or writes
what the library renders.  Any problem with the input is one line on
standard error and exit status 2; ``check`` exits 1 when the plan has
findings of the ``--fail-on`` severity or worse.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from smstrategy.cli import calendars, files, reports
from smstrategy.cli.locations import positions
from smstrategy.cli.options import parser
from smstrategy.cli.settings import (
    FAIL_ON,
    Failure,
    Settings,
    codes,
    find_settings,
    load_plugins,
    merged,
    split,
)

__all__ = ["main"]

#: The longest message the command line writes about a problem.
_LONGEST = 600


def _frameworks_text() -> str:
    import smstrategy

    lines = []
    for key, cls in smstrategy.frameworks().items():
        lines.append(f"{key}: {cls.name}")
        lines.extend(f"  {i}. {s.title}" for i, s in enumerate(cls.steps(), 1))
    return "\n".join(lines) + "\n"


def _messages() -> str:
    import io

    from babel.messages.pofile import write_po

    from smstrategy.i18n import catalog

    out = io.BytesIO()
    write_po(out, catalog(), width=100, include_lineno=False)
    return out.getvalue().decode("utf-8")


def _schema(key: str) -> str:
    import smstrategy

    return json.dumps(smstrategy.json_schema(key), ensure_ascii=False, indent=2) + "\n"


def _codes(given: list[str] | None) -> tuple[str, ...] | None:
    if given is None:
        return None
    return tuple(item for text in given for item in split(text))


def _guidelines(plan: Any, profile: str | None, settings: Settings) -> Any:
    """Return the guidelines to check by: the profile's, with the settings' thresholds."""
    import smstrategy
    from smstrategy.convert import _problems, converter
    from smstrategy.rules.guidelines import resolve

    if profile is None and not settings.guidelines:
        return None  # check() holds the plan to its own profile's guidelines
    chosen = smstrategy.Profile(profile) if profile else getattr(plan, "profile", None)
    base = resolve("check", None, chosen)
    if not settings.guidelines:
        return base
    data = {**converter().unstructure(base), **settings.guidelines}
    try:
        return converter().structure(data, smstrategy.Guidelines)
    except Exception as e:  # noqa: BLE001  # every problem is reported, in one line
        found = "; ".join(p.replace("$", "guidelines", 1) for p in _problems(e, "$"))
        raise Failure(f"{settings.source}: [tool.smstrategy] {found}") from None


def _selection(settings: Settings) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
    """Return the codes of the rules to run and to leave out, as the settings choose them."""
    import smstrategy

    known = [rule.code for rule in smstrategy.registered_rules()]
    select = None if settings.select is None else codes("--select", settings.select, known)
    ignore = None if settings.ignore is None else codes("--ignore", settings.ignore, known)
    return select, ignore


def _check(args: Any, settings: Settings, words: dict[str, Any]) -> tuple[str, int]:
    """Check each file; return what to print and the exit status."""
    import smstrategy

    select, ignore = _selection(settings)
    results = None if args.results is None else files.read_results(args.results)
    if results is None and args.as_of is not None:
        raise Failure("--as-of needs --results")
    if args.format not in reports.FINDING_FORMATS and len(args.files) > 1:
        raise Failure(f"--format {args.format} writes one report: check one file at a time")
    chosen = reports.chosen_rules(smstrategy.registered_rules(), select, ignore)
    checked = []
    for name in args.files:
        source = files.read_plan(name)
        report = smstrategy.check(
            source.value,
            select=select,
            ignore=ignore,
            results=results,
            as_of=args.as_of,
            guidelines=_guidelines(source.value, args.profile, settings),
        )
        found = positions(source.text, source.syntax) if len(report) else {}
        checked.append(reports.Located(report=report, file=name, positions=found, rules=chosen))
    failing = FAIL_ON[settings.fail_on]
    status = int(any(f.severity.value in failing for done in checked for f in done.report))
    if args.format in reports.FINDING_FORMATS:
        lang = smstrategy.language(**words)
        return reports.findings_as(args.format, checked, lang), status
    report = checked[0].report
    return smstrategy.render(report, args.format, diagrams=args.diagrams, **words), status


def _score(args: Any, words: dict[str, Any]) -> str:
    import smstrategy

    card = smstrategy.scorecard(
        files.read_plan(args.file).value, files.read_results(args.results), as_of=args.as_of
    )
    if args.format == "text":
        return reports.score_text(card, smstrategy.language(**words))
    if args.format == "json":
        return reports.score_json(card)
    return smstrategy.render(card, args.format, diagrams=args.diagrams, **words)


def _render(args: Any, settings: Settings, words: dict[str, Any]) -> str:
    """Render a plan file, opened with a summary of its check with --summary."""
    import smstrategy

    plan = files.read_plan(args.file).value
    report = None
    if args.summary:
        select, ignore = _selection(settings)
        guidelines = _guidelines(plan, None, settings)
        report = smstrategy.check(plan, select=select, ignore=ignore, guidelines=guidelines)
    return smstrategy.render(plan, args.format, diagrams=args.diagrams, report=report, **words)


def _inputs(args: Any) -> list[str | None]:
    names = [getattr(args, n, None) for n in ("file", "results", "old", "new", "catalog", "sheet")]
    return [*names, *getattr(args, "files", ())]


def _run(args: Any) -> int:
    import smstrategy

    found = find_settings(Path.cwd())
    settings = merged(
        found,
        select=_codes(getattr(args, "select", None)),
        ignore=_codes(getattr(args, "ignore", None)),
        fail_on=getattr(args, "fail_on", None),
    )
    load_plugins(
        (*settings.plugins, *args.plugin),
        Path.cwd() if found.source is None else found.source.parent,
    )
    files.refuse_overwrite(args.output, _inputs(args))
    words: dict[str, Any] = {}
    if hasattr(args, "lang"):
        words = {"lang": args.lang, "catalog": args.catalog}
        smstrategy.language(**words)  # a bad language fails before any file is read
    status = 0
    commands: dict[str, Callable[[], str]] = {
        "demo": lambda: smstrategy.render(
            smstrategy.example(args.framework), args.format, diagrams=args.diagrams, **words
        ),
        "frameworks": _frameworks_text,
        "worksheet": lambda: smstrategy.worksheet(
            smstrategy.get_framework(args.key), args.format, **words
        ),
        "schema": lambda: _schema(args.key),
        "render": lambda: _render(args, settings, words),
        "diff": lambda: smstrategy.render(
            smstrategy.diff(files.read_plan(args.old).value, files.read_plan(args.new).value),
            args.format,
            **words,
        ),
        "messages": _messages,
        "score": lambda: _score(args, words),
    }
    if args.command == "calendar":
        return calendars.run(args, words)
    if args.command == "check":
        text, status = _check(args, settings, words)
    else:
        text = commands[args.command]()
    files.write(text, args.output)
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (the process's arguments by default)."""
    top = parser()
    args = top.parse_args(argv)
    import smstrategy

    if args.version:
        print(smstrategy.__version__)  # the command line prints
        return 0
    if args.command is None:
        top.print_help()
        return 2
    try:
        return _run(args)
    except Failure as e:
        message = str(e)
    except smstrategy.SmstrategyError as e:
        message = " ".join(str(e).split())
    if len(message) > _LONGEST:
        message = message[: _LONGEST - 3] + "..."
    print(f"smstrategy: {message}", file=sys.stderr)  # the command line prints
    return 2
