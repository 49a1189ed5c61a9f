"""Column balancing: each article's last page ends with its columns about level.

The first layout is measured (how far down each column the text reached);
the last page's columns are then shortened to an equal share of its text
and the document is laid out again, growing a column by a line when the
text no longer fits, for at most ``BALANCE_TRIES`` extra layouts.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.platypus import PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from deskapp.pdf.layout import PagePlan, make_frame

if TYPE_CHECKING:
    from deskapp.pdf.export import _Typeset


@dataclass
class Built:
    """One layout pass: the PDF, and how far down each column of each page the text reached."""

    typeset: _Typeset
    column_use: dict[int, dict[str, float]]


# How many extra layouts the column balancing may try before it keeps the
# unbalanced pages.
BALANCE_TRIES = 6


def balance_last_pages(
    built: Built, plan: PagePlan, build: Callable[[dict[int, float], None], Built]
) -> Built:
    """End each article's last page with its columns about level, not one full and one empty.

    The text on that page is measured in the first layout; the page's
    columns are then shortened to an equal share of it and the document laid
    out again. Lines, kept-together blocks and the widow and orphan rules
    rarely divide evenly, so when the text no longer fits (an article's page
    count changes, or a block that cannot be cut is taller than a shortened
    column) the columns grow by a line at a time. After
    ``BALANCE_TRIES`` failures the unbalanced layout stays.
    """
    done = built.typeset
    lasts = [start - 1 for start in done.starts[1:]] + [done.pages]
    leading = plan.preset.body.leading
    full = plan.preset.content_height
    targets: dict[int, float] = {}
    for page in lasts:
        use = built.column_use.get(page, {})
        columns = [height for name, height in use.items() if name.startswith("column")]
        if not columns:
            continue
        share = sum(columns) / plan.preset.columns  # a column left empty counts too
        if share > max(columns) - leading:
            continue  # already level
        targets[page] = math.ceil(share / leading) * leading
    for _attempt in range(BALANCE_TRIES):
        if not targets:
            return built
        try:
            trial = build(targets, None)
        except LayoutError:
            # A block that cannot be split (a paragraph whose widow and orphan
            # rules forbid the cut, a photo, a kept-together group) is taller
            # than a shortened column: every shortened column grows a line.
            targets = {page: height + leading for page, height in targets.items()
                       if height + leading < full}
            continue
        spilled = _first_spill(lasts, done, trial.typeset)
        if spilled is None:
            return trial
        # That article's text no longer fits its shortened page: a line more.
        # (Later articles are only pushed along by it, so they keep theirs.)
        grown = targets.get(spilled, full) + leading
        if grown < full:
            targets[spilled] = grown
        else:
            targets.pop(spilled, None)
    return built


def _first_spill(lasts: list[int], done: _Typeset, trial: _Typeset) -> int | None:
    """The last page of the first article that ran onto another page in ``trial``, if any."""
    for index, (start, moved) in enumerate(zip(done.starts, trial.starts, strict=False)):
        if index and start != moved:
            return lasts[index - 1]
    return lasts[-1] if trial.pages != done.pages else None


def shortened(template: PageTemplate, height: float) -> PageTemplate:
    """``template`` with its columns cut to ``height`` from their top (never lengthened)."""
    frames = []
    for frame in template.frames:
        if frame.id.startswith("column") and height < frame._height:
            top = frame._y1 + frame._height
            frame = make_frame(frame._x1, top - height, frame._width, height, frame.id)
            frame.balanced = True  # kept groups never break up here (keeping.KeptGroup)
        frames.append(frame)
    return PageTemplate(id=template.id, frames=frames,
                        autoNextPageTemplate=template.autoNextPageTemplate)
