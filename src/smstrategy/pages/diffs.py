"""The page of what changed between two revisions of a plan."""

from __future__ import annotations

from smstrategy.i18n import Language
from smstrategy.pages import Page
from smstrategy.revisions import ChangeKind, Diff
from smstrategy.views import inline

__all__ = ["diff_page"]


def diff_page(changes: Diff, lang: Language) -> Page:
    """Lay out what changed between two revisions, step by step."""
    groups = tuple(
        (
            lang.gettext(step) if step else lang.gettext("The plan as a whole"),
            tuple(
                (
                    lang.word(c.kind),
                    c.path,
                    "" if c.kind is ChangeKind.ADDED else inline(c.old, lang),
                    "" if c.kind is ChangeKind.REMOVED else inline(c.new, lang),
                )
                for c in items
            ),
        )
        for step, items in changes.by_step().items()
    )
    context = {
        "diff": changes,
        "groups": groups,
        "heading": lang.markdown("What changed: {title}", title=changes.new_title),
    }
    return ["diff.md.j2"], context, lang.fill("What changed: {title}", title=changes.new_title)
