"""The command line: ``python -m smstrategy``.

This is the only part of the library that writes anywhere: it prints what the
library renders.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

__all__ = ["main"]

_EXAMPLES = ("five-step", "eight-step", "popt", "roadmap")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="smstrategy",
        description="Social-media strategy frameworks: fill in, check and render plans.",
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
    demo.add_argument(
        "--format",
        choices=("markdown", "html"),
        default="markdown",
        help="the output format (default: markdown)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (the process's arguments by default)."""
    parser = _parser()
    args = parser.parse_args(argv)
    import smstrategy

    if args.version:
        print(smstrategy.__version__)
        return 0
    if args.command == "demo":
        try:
            text = smstrategy.render(smstrategy.example(args.framework), args.format)
        except smstrategy.SmstrategyError as e:
            print(f"smstrategy: {e}", file=sys.stderr)
            return 2
        sys.stdout.write(text)
        return 0
    parser.print_help()
    return 2


if __name__ == "__main__":  # pragma: no cover - exercised through a subprocess in the tests
    sys.exit(main())
