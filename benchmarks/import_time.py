"""The cost of ``import smstrategy`` against ``import attrs``, as whole fresh interpreters.

Also prints, for information, the cost of reaching a framework class and of
checking a plan, which load the modules that ``import smstrategy`` defers.
Budget: 1.2x.

    python benchmarks/import_time.py
"""

from __future__ import annotations

from _timing import median_process_seconds, verdict

BUDGET = 1.2


def main() -> None:
    """Time fresh interpreters importing each, and print the ratio."""
    bare = median_process_seconds("pass")
    attrs = median_process_seconds("import attrs")
    ours = median_process_seconds("import smstrategy")
    ratio = ours / attrs
    print(
        f"import smstrategy: {ours * 1000:.1f} ms; import attrs: {attrs * 1000:.1f} ms "
        f"(an empty interpreter: {bare * 1000:.1f} ms); ratio {ratio:.2f}x, "
        f"{verdict(ratio, BUDGET)}"
    )
    first_use = median_process_seconds("import smstrategy; smstrategy.FiveStep")
    checked = median_process_seconds("import smstrategy as s; s.check(s.example())")
    print(
        f"  for information: up to the first framework class {first_use * 1000:.1f} ms "
        f"({first_use / attrs:.2f}x attrs); up to a first check {checked * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
