"""The ``calendar`` command: export a calendar, or read, check and render a spreadsheet's."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from smstrategy.cli import files
from smstrategy.cli.settings import Failure

__all__ = ["run"]

_SHEETS = (".csv", ".xlsx", ".ics")


def _calendar_of(value: Any, name: str) -> Any:
    """Return the calendar a plan, a content plan or a calendar holds."""
    import smstrategy
    from smstrategy.rules.engine import Index

    if isinstance(value, smstrategy.ContentPlan):
        return value.calendar
    found = Index(value).of(smstrategy.Calendar)
    if not found:
        raise Failure(f"{name}: holds no calendar")
    return found[0][1]


def _read_sheet(name: str) -> Any:
    """Read a calendar from CSV, XLSX or iCalendar, told apart by the suffix."""
    import smstrategy

    suffix = Path(name).suffix.lower()
    if suffix not in _SHEETS:
        raise Failure(f"--from {name}: expected a .csv, .xlsx or .ics file")
    try:
        data = Path(name).read_bytes()
    except OSError as e:
        raise Failure(f"{name}: cannot be read ({e.strerror or e})") from None
    readers = {
        ".csv": smstrategy.read_calendar_csv,
        ".xlsx": smstrategy.read_calendar_xlsx,
        ".ics": smstrategy.from_ical,
    }
    try:
        return readers[suffix](data)
    except smstrategy.StructureError as e:
        raise Failure(f"{name}: not a valid calendar: {files.problems(e)}") from None


def _slug(channel: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", channel.casefold()).strip("-") or "channel"


def _bulk(calendar: Any, args: Any) -> None:
    import smstrategy

    found = smstrategy.to_bulk_csv(calendar, day_first=args.day_first)
    named = {
        f"{_slug(channel)}{f'-{i}' if len(parts) > 1 else ''}.csv": text
        for channel, parts in found.items()
        for i, text in enumerate(parts, 1)
    }
    if args.output is None or args.output == files.STDIO:
        if len(named) > 1:
            raise Failure(
                f"bulk-csv makes {len(named)} files, one per channel: name a folder with -o"
            )
        files.write("".join(named.values()), args.output)
        return
    folder = Path(args.output)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for file_name, text in named.items():
            (folder / file_name).write_text(text, encoding="utf-8", newline="")
    except OSError as e:
        raise Failure(f"-o {args.output}: cannot be written ({e.strerror or e})") from None
    sys.stderr.write(f"wrote {len(named)} file(s) to {folder}\n")


def _export(calendar: Any, args: Any, name: str) -> None:
    import smstrategy

    if args.to == "bulk-csv":
        _bulk(calendar, args)
    elif args.to == "xlsx":
        data = smstrategy.calendar_to_xlsx(calendar)
        if args.output is None or args.output == files.STDIO:
            sys.stdout.buffer.write(data)
        else:
            files.write_bytes(data, args.output)
    elif args.to == "csv":
        files.write(smstrategy.calendar_to_csv(calendar), args.output)
    else:
        files.write(smstrategy.to_ical(calendar, name=name), args.output)


def run(args: Any, words: dict[str, Any]) -> int:
    """Run the command; return the exit status: 1 when a spreadsheet's calendar has errors."""
    import smstrategy

    if (args.file is None) == (args.sheet is None):
        raise Failure("calendar: give a PLAN, or a spreadsheet with --from, not both")
    if args.sheet is not None:
        calendar, name = _read_sheet(args.sheet), Path(args.sheet).stem
    else:
        source = files.read_plan(args.file)
        calendar, name = _calendar_of(source.value, args.file), source.value.title
    if args.to is not None:
        _export(calendar, args, name)
        return 0
    content = smstrategy.ContentPlan(title=name or "Content calendar", calendar=calendar)
    report = smstrategy.check(content)
    for finding in report:  # the findings go beside the rendered calendar
        sys.stderr.write(f"{finding}\n")
    text = smstrategy.render(content, args.format, diagrams=args.diagrams, **words)
    files.write(text, args.output)
    return int(not report.ok)
