"""Write the example plans as JSON and TOML, with their rendered Markdown beside them.

The five-step plan's example results are written too: their observations as
``results.csv``, the whole results (feedback included) as ``results.json``.

    python examples/regenerate.py

The tests fail when these files and the library's bundled examples differ.
TOML has no null, so fields that are ``None`` are left out of the TOML files;
reading them back gives the fields' defaults, which are ``None``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import tomli_w

import smstrategy as sms

HERE = Path(__file__).parent
KEYS = ("five-step", "eight-step", "popt", "roadmap", "council", "community", "nonprofit")


def without_none(value: Any) -> Any:
    """Return *value* with every ``None`` left out of its dicts."""
    if isinstance(value, dict):
        return {k: without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_none(item) for item in value]
    return value


def main() -> None:
    """Write every example file anew."""
    for key in KEYS:
        plan = sms.example(key)
        (HERE / f"{key}.json").write_text(sms.to_json(plan, indent=2) + "\n", encoding="utf-8")
        toml = tomli_w.dumps(without_none(sms.to_dict(plan)))
        (HERE / f"{key}.toml").write_text(toml, encoding="utf-8")
        (HERE / f"{key}.md").write_text(sms.render(plan), encoding="utf-8")
    results = sms.example_results("five-step")
    (HERE / "results.csv").write_text(sms.results_to_csv(results), encoding="utf-8", newline="")
    (HERE / "results.json").write_text(sms.to_json(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
