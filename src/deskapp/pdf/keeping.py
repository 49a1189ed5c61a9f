"""What stays together on paper: subheads with their text, the ending with its credits.

Two rules are made here, before layout, at the width the body is set in
(one column's width, the same on every page of a preset):

* a subhead keeps the first two lines of the paragraph under it, so it
  never ends a column or page (reportlab's ``keepWithNext`` alone would
  move the whole paragraph, however long, or leave the subhead alone when
  the paragraph is taller than the frame);
* the closing credits (byline and source at the end) keep the last
  :data:`ENDING_LINES` lines of the body, so the last page never holds
  only a signature, nor fewer than three lines of text.

A paragraph is cut between lines for this with reportlab's own split at
that width: the parts draw exactly the lines the whole would have drawn,
and the space between them is taken out, so on one page they read as one
paragraph.
"""

from __future__ import annotations

import copy
from io import BytesIO

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph

# How many lines of text the closing credits keep with them.
ENDING_LINES = 3
# How many lines of its paragraph a subhead keeps.
LINES_UNDER_HEADING = 2
# A block other than a paragraph (a photo, a table, a list) kept whole with
# the credits when it is at most this share of the page's text height.
_SMALL_BLOCK = 1 / 3
_HUGE = 1e7


def kept(body: list[Flowable], credits: list[Flowable], width: float,
         page_height: float) -> list[Flowable]:
    """The body and the closing credits with the keep rules applied."""
    flow = _headings_kept(body, width)
    ending, lines = [], 0
    while flow and lines < ENDING_LINES:
        last = flow[-1]
        if isinstance(last, Paragraph) and not _is_heading(last):
            count = line_count(last, width)
            need = ENDING_LINES - lines
            # Cut the paragraph if what stays behind and what goes along
            # both keep two lines (the widow and orphan rules).
            take = max(need, 2)
            parts = split_lines(last, width, count - take) if count - take >= 2 else None
            if parts is not None:
                flow[-1], tail = parts
                ending.insert(0, tail)
                lines += take
                break
            ending.insert(0, flow.pop())
            lines += count
            continue
        if _is_heading(last):
            ending.insert(0, flow.pop())
            continue
        _width, height = last.wrapOn(Canvas(BytesIO()), width, _HUGE)
        if height <= page_height * _SMALL_BLOCK:
            ending.insert(0, flow.pop())
        break
    group = ending + list(credits)
    if not group:
        return flow
    # Leading subheads of the group stay with it through their keepWithNext.
    return [*flow, KeptGroup(group)] if len(group) > 1 else [*flow, *group]


class KeptGroup(KeepTogether):
    """A keep-together group that a column shortened for balancing never breaks up.

    reportlab lets a group that does not fit at the top of a frame flow
    piece by piece when the next frame is no taller; in a column shortened
    to level the last page that would strand the credits or a subhead, so
    the group refuses the column instead: it moves on, or the balancing
    tries taller columns (see :mod:`deskapp.pdf.balance`). A group moved to
    the next frame stays one there. The export's
    template also groups subheads with their text (``keepWithNext``) as
    these.
    """

    def split(self, aW: float, aH: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        if getattr(frame, "balanced", False):
            self.wrap(aW, aH)
            if self._H > aH:
                return []
        parts = super().split(aW, aH)
        # Moved on to the next frame, the group stays a group there (reportlab
        # would hand its pieces on loose, to be parted by the next column).
        if parts and getattr(parts[0], "action", ())[:1] == ("frameEnd",):
            return [parts[0], KeptGroup(parts[1:])]
        return parts


def _headings_kept(body: list[Flowable], width: float) -> list[Flowable]:
    """A subhead followed by a long paragraph keeps only its first lines."""
    flow: list[Flowable] = []
    for index, flowable in enumerate(body):
        previous = body[index - 1] if index else None
        if (previous is not None and _is_heading(previous) and isinstance(flowable, Paragraph)
                and not _is_heading(flowable)):
            count = line_count(flowable, width)
            parts = (split_lines(flowable, width, LINES_UNDER_HEADING)
                     if count >= LINES_UNDER_HEADING + 2 else None)
            if parts is not None:
                flow.extend(parts)
                continue
        flow.append(flowable)
    return flow


def _is_heading(flowable: Flowable) -> bool:
    return isinstance(flowable, Paragraph) and flowable.style.name.startswith("heading")


def line_count(paragraph: Paragraph, width: float) -> int:
    paragraph.wrap(width, _HUGE)
    return len(paragraph.blPara.lines)


def split_lines(
    paragraph: Paragraph, width: float, first: int
) -> tuple[Paragraph, Paragraph] | None:
    """``paragraph`` cut after its ``first`` lines, with no space between the parts.

    None when reportlab will not cut it there (its widow and orphan rules).
    """
    leading = paragraph.style.leading
    parts = paragraph.split(width, first * leading + leading / 2)
    if len(parts) != 2:
        return None
    head, tail = parts
    head.style = copy.copy(head.style)
    head.style.spaceAfter = 0
    tail.style = copy.copy(tail.style)
    tail.style.spaceBefore = 0
    tail.style.firstLineIndent = 0
    return head, tail
