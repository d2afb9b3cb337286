"""Pictures of what a plan, a calendar, a journey and a scorecard hold.

A chart is a small frozen value that says what to draw, in words already
written in the reader's language; it knows nothing of how it is drawn.
:func:`smstrategy.charts.mermaid.write` draws it as a Mermaid diagram for
Markdown, :func:`smstrategy.charts.svg.write` as inline SVG for the HTML page.
Four kinds cover what people would rather look at than read:

* :class:`Pie`: shares of a whole, such as the content mix;
* :class:`Timeline`: what happens when, one row per channel;
* :class:`Stages`: the journey's four stages and who stands where;
* :class:`Lines`: a metric's observations against the pace it should keep.

:func:`chart_of` finds the chart of a building block wherever a plan holds
it, so a framework of your own gets the same pictures::

    >>> import smstrategy as sms
    >>> from smstrategy.charts import chart_of
    >>> pie = chart_of(sms.ContentMix(promotional=20, curated=30, engagement=50))
    >>> pie.slices
    (('Promotional', 20.0), ('Curated', 30.0), ('Engagement', 50.0))
    >>> pie.description
    'Promotional: 20%; Curated: 30%; Engagement: 50%.'
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, TypeAlias, TypeVar

import attrs

from smstrategy.elements import Calendar, ContentCategory, ContentMix
from smstrategy.i18n import ENGLISH, Language
from smstrategy.stages import Stage

if TYPE_CHECKING:  # what only the journey, the findings and the scorecard's charts read
    from smstrategy.journey import Position, Views
    from smstrategy.rules.findings import Report
    from smstrategy.scorecards import MetricScore

__all__ = [
    "CHARTS",
    "Chart",
    "Lines",
    "Pie",
    "Stages",
    "Timeline",
    "calendar_chart",
    "chart_of",
    "findings_chart",
    "journey_chart",
    "mix_chart",
    "pace_chart",
    "shortened",
    "ticks",
]

#: The most posts a calendar's picture shows; the rest are counted in its description.
MOST_POSTS = 60


@attrs.frozen(kw_only=True)
class Pie:
    """Shares of a whole: ``slices`` of ``(label, value)``, each value above zero."""

    title: str
    slices: tuple[tuple[str, float], ...]
    #: Each slice's label with its share or count, as the legend writes it.
    legend: tuple[str, ...]
    #: The text alternative: what the picture shows, in words.
    description: str


@attrs.frozen(kw_only=True)
class Timeline:
    """Events over time, one row per ``rows`` entry of ``(label, ((day, text), ...))``."""

    title: str
    rows: tuple[tuple[str, tuple[tuple[dt.date, str], ...]], ...]
    #: The first and the last day, written in the reader's language.
    span: tuple[str, str]
    description: str

    @property
    def start(self) -> dt.date:
        """The first day any row has an event."""
        return min(day for _, events in self.rows for day, _ in events)

    @property
    def end(self) -> dt.date:
        """The last day any row has an event."""
        return max(day for _, events in self.rows for day, _ in events)


@attrs.frozen(kw_only=True)
class Stages:
    """Stages in order, and who stands at which: ``marks`` of ``(name, stage index)``."""

    title: str
    stages: tuple[str, ...]
    marks: tuple[tuple[str, int], ...]
    description: str


@attrs.frozen(kw_only=True)
class Lines:
    """Series of values over the same ``points`` (labels along the bottom)."""

    title: str
    points: tuple[str, ...]
    #: ``(name, values)``, a value for each point.
    series: tuple[tuple[str, tuple[float, ...]], ...]
    #: What the values count, written along the side.
    unit: str
    #: Values to mark along the side, ``(value, text)``, lowest first.
    ticks: tuple[tuple[float, str], ...]
    description: str


def shortened(text: str, limit: int) -> str:
    """Return *text* on one line, cut to *limit* characters with an ellipsis, for a picture."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


#: Every kind of chart the writers draw.
Chart: TypeAlias = Pie | Timeline | Stages | Lines
#: The same kinds, for ``isinstance``.
CHARTS = (Pie, Timeline, Stages, Lines)


def mix_chart(mix: ContentMix, lang: Language = ENGLISH) -> Pie:
    """Return the pie of a content mix's shares; a share of nothing has no slice."""
    shares = {category: mix.share(category) for category in ContentCategory}
    pie = _pie(lang.gettext("Content mix"), shares, lambda share: lang.percent(share / 100), lang)
    assert pie is not None  # noqa: S101  # the shares add up to 100
    return pie


def calendar_chart(calendar: Calendar, lang: Language = ENGLISH) -> Timeline | None:
    """Return a calendar's posts by channel over time, or ``None`` when it has none.

    The first :data:`MOST_POSTS` posts in time order are shown; the
    description counts them all.
    """
    if not calendar.posts:
        return None
    posts = sorted(calendar.posts, key=lambda p: p.when)
    shown = posts[:MOST_POSTS]
    rows: dict[str, list[tuple[dt.date, str]]] = {}
    for post in shown:
        rows.setdefault(post.channel, []).append((post.when.date(), post.topic))
    first, last = posts[0].when.date(), posts[-1].when.date()
    description = lang.fill(
        "{count} posts on {channels} channels from {first} to {last}.",
        count=lang.value(len(posts)),
        channels=lang.value(len({p.channel for p in posts})),
        first=lang.value(first),
        last=lang.value(last),
    )
    if len(posts) > len(shown):
        description += " " + lang.fill(
            "The picture shows the first {shown}.", shown=lang.value(len(shown))
        )
    return Timeline(
        title=lang.gettext("Content calendar"),
        rows=tuple((channel, tuple(events)) for channel, events in rows.items()),
        span=(lang.value(shown[0].when.date()), lang.value(shown[-1].when.date())),
        description=description,
    )


def journey_chart(value: Position | Views, lang: Language = ENGLISH) -> Stages:
    """Return the journey's stages with the placement, or each voice's where there are several."""
    from smstrategy.journey import Views  # loaded already: value comes from it

    stages = tuple(Stage)
    if isinstance(value, Views):
        marks = tuple((name, stages.index(p.stage)) for name, p in value.positions)
    else:
        marks = ((lang.gettext("you are here"), stages.index(value.stage)),)
    description = " ".join(
        lang.fill("{name}: {stage}.", name=name, stage=lang.text(stages[at].label))
        for name, at in marks
    )
    return Stages(
        title=lang.gettext("Social media journey"),
        stages=tuple(lang.text(stage.label) for stage in stages),
        marks=marks,
        description=description,
    )


def pace_chart(score: MetricScore, lang: Language = ENGLISH) -> Lines | None:
    """Return a metric's observations against its pace, or ``None`` with nothing to draw.

    The pace runs straight from the baseline at the first observation to the
    target at the deadline; a metric without a target or a deadline has
    observations only.
    """
    from smstrategy import pace  # loaded already, with the scorecard

    history = score.history
    if not history:
        return None
    metric = score.metric
    observed = tuple(value for _, value in history)
    series: list[tuple[str, tuple[float, ...]]] = [(lang.gettext("Observed"), observed)]
    aim = None if score.baseline is None else metric.aim(score.baseline)
    if aim is not None and score.baseline is not None and score.deadline is not None:
        start, baseline = history[0][0], score.baseline
        series.append(
            (
                lang.gettext("Pace"),
                tuple(
                    baseline + (aim - baseline) * (pace.elapsed(start, score.deadline, day) or 0)
                    for day, _ in history
                ),
            )
        )
    description = lang.fill(
        "{metric}: {count} observations from {first} to {last}; the latest is {latest}.",
        metric=metric.name,
        count=lang.value(len(history)),
        first=lang.value(history[0][0]),
        last=lang.value(history[-1][0]),
        latest=lang.value(observed[-1]),
    )
    if len(series) > 1:
        description += " " + lang.fill(
            "The pace expects {expected} by then.", expected=lang.value(series[1][1][-1])
        )
    return Lines(
        title=metric.name,
        points=tuple(lang.value(day) for day, _ in history),
        series=tuple(series),
        unit=metric.unit,
        ticks=tuple((tick, lang.value(tick)) for tick in ticks(v for _, s in series for v in s)),
        description=description,
    )


#: How many values a chart marks along its side, at most.
MOST_TICKS = 5


def ticks(values: Iterable[float]) -> tuple[float, ...]:
    """Return round values, evenly spaced, from at or below the least to at or above the most.

    >>> ticks([12_000, 40_800])
    (10000.0, 20000.0, 30000.0, 40000.0, 50000.0)
    >>> ticks([3, 3])
    (2.0, 3.0, 4.0)
    """
    numbers = [float(value) for value in values]
    low, high = min(numbers), max(numbers)
    if low == high:
        step = (10.0 ** math.floor(math.log10(abs(low))) if low else 0.0) or 1.0
        return (low - step, low, low + step)
    raw = (high - low) / (MOST_TICKS - 1)
    if raw == 0 or not math.isfinite(raw):  # at the ends of what floats hold: show the ends
        return (low, high)
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(power * m for m in (1, 2, 2.5, 5, 10) if power * m * (MOST_TICKS - 1) >= high - low)
    places = max(0, 2 - math.floor(math.log10(step)))  # enough to drop the sums' dust
    first = round(math.floor(low / step) * step, places)
    if first > low:  # rounding went past the least value
        first = round(first - step, places)
    marks = [first]
    while marks[-1] < high:
        marks.append(round(first + len(marks) * step, places))
    return tuple(marks)


def findings_chart(report: Report, lang: Language = ENGLISH) -> Pie | None:
    """Return the pie of a check's findings by severity, or ``None`` when there are none."""
    counts = {severity: float(count) for severity, count in report.counts.items()}
    return _pie(lang.gettext("Findings by severity"), counts, lang.value, lang)


_Member = TypeVar("_Member", bound=enum.Enum)


def _pie(
    title: str, values: Mapping[_Member, float], write: Callable[[float], str], lang: Language
) -> Pie | None:
    """Return a pie of the values above zero, named by their enum's word; ``None`` for none."""
    slices = tuple(
        (_capital(lang.word(member)), value) for member, value in values.items() if value > 0
    )
    if not slices:
        return None
    legend = tuple(f"{name}: {write(value)}" for name, value in slices)
    return Pie(title=title, slices=slices, legend=legend, description="; ".join(legend) + ".")


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]


def chart_of(value: object, lang: Language = ENGLISH) -> Chart | None:
    """Return the chart of a building block, or ``None`` for a block that has none."""
    if isinstance(value, ContentMix):
        return mix_chart(value, lang)
    if isinstance(value, Calendar):
        return calendar_chart(value, lang)
    return None
