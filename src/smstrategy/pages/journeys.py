"""The page of a journey map: where one position, or several people's views, stand."""

from __future__ import annotations

from smstrategy.charts import journey_chart
from smstrategy.i18n import Language
from smstrategy.journey import Position, Views
from smstrategy.markdown import strong
from smstrategy.pages import Page
from smstrategy.stages import SIGNS, Sign, Stage

__all__ = ["journey_page"]


def journey_page(value: Position | Views, lang: Language) -> Page:
    """Lay out a journey map: one position, or several views side by side."""
    text = lang.gettext
    several = isinstance(value, Views)
    views = value.positions if isinstance(value, Views) else (("", value),)
    position = views[0][1]
    if several:
        voices = tuple(name for name, _ in views)
        mark = "\u25b6"
        placements = tuple(
            lang.markdown("{name}: {stage}.", name=name, stage=strong(text(p.stage.label)))
            for name, p in views
        )
    else:
        voices = (lang.gettext("Here"),)
        mark = "\u25b6 " + lang.gettext("you are here")
        stage = strong(text(position.stage.label))
        placements = (lang.markdown("Stage reached: {stage}.", stage=stage),)
    scores = () if several else (lang.gettext("Signs held"),)
    stages = tuple(
        (
            text(stage.label),
            *(() if several else (lang.percent(position.score(stage)) if stage.signs else "",)),
            *(mark if p.stage is stage else "" for _, p in views),
            text(stage.description),
            text(stage.risks),
        )
        for stage in Stage
    )
    differences = value.differences if isinstance(value, Views) else ()
    context = {
        "views": several,
        "placements": placements,
        "stage_headers": (
            lang.gettext("Stage"),
            *scores,
            *voices,
            lang.gettext("What it looks like"),
            lang.gettext("Risks"),
        ),
        "stages": stages,
        "evidence_headers": (
            lang.gettext("Sign"),
            lang.gettext("Stage"),
            *(voices if several else (lang.gettext("Holds"),)),
        ),
        "evidence": tuple(
            (text(sign.label), text(sign.stage.label), *(_holds(p, sign, lang) for _, p in views))
            for sign in SIGNS
        ),
        "unknown": "" if several else ", ".join(text(s.label) for s in position.unknown),
        "differences": tuple(
            lang.fill(
                "{sign}: seen by {holding}; not by {lacking}.",
                sign=text(d.sign.label),
                holding=", ".join(d.holding),
                lacking=", ".join(d.lacking),
            )
            for d in differences
        ),
        "next_steps": tuple(text(step) for step in position.next_steps),
        "chart": journey_chart(value, lang),
    }
    return ["journey.md.j2"], context, lang.gettext("Social media journey")


def _holds(position: Position, sign: Sign, lang: Language) -> str:
    """Write whether *sign* holds, and where it was seen, or that it is not known."""
    evidence = position.evidence
    seen = evidence.sources(sign)
    if evidence.holds(sign):
        return lang.fill("yes ({sources})", sources=", ".join(lang.word(s) for s in seen))
    if evidence.unknown(sign):
        return lang.gettext("not known")
    if seen:  # seen only as an intention, where facts are needed
        return lang.fill("no: only in the {source}", source=lang.word(seen[0]))
    return lang.gettext("no")
