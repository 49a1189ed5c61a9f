"""What stays together on paper: subheads with their text, the ending with its credits.

Two rules, at the width the body is set in (one column's width, the same
on every page of a preset):

* a subhead keeps the first two lines of the paragraph under it (and a
  photo between them), so it never ends a column or page: a
  :class:`HeadingGroup` moves on unless those fit (reportlab's
  ``keepWithNext`` alone would move the whole paragraph, however long, and
  does not reach into a photo's kept-together block);
* the closing credits (byline and source at the end) keep the last
  :data:`ENDING_LINES` lines of the body, so the last page never holds
  only a signature, nor fewer than three lines of text. The paragraph they
  take lines from is cut before layout with reportlab's own split at that
  width: the parts draw exactly the lines the whole would have drawn, and
  the space between them is taken out, so on one page they read as one
  paragraph.

Every group here is a :class:`KeptGroup`, which a column shortened to
balance the last page never breaks up.
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
# the credits when it is at most this share of the page's text height (a
# photo takes at most 60 %: deskapp.pdf.photos.MAX_PHOTO_SHARE).
_SMALL_BLOCK = 0.7
_HUGE = 1e7


def kept(body: list[Flowable], credits: list[Flowable], width: float,
         page_height: float) -> list[Flowable]:
    """The body and the closing credits with the keep rules applied."""
    flow = _headings_kept(body, width)
    ending: list[Flowable] = []
    lines = 0
    opened: int | None = None  # where the last subhead's group was taken apart
    while flow and lines < ENDING_LINES:
        last = flow[-1]
        if isinstance(last, HeadingGroup):  # its text's last lines may be wanted
            opened = len(flow) - 1
            flow[-1:] = list(last._content)
            continue
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
        # A photo, table or list goes along whole if it leaves room on the
        # page for the lines and credits; the lines are then sought above it.
        if _height(last, width) > page_height * _SMALL_BLOCK:
            break
        ending.insert(0, flow.pop())
    # Subheads just above the ending join it: reportlab's keepWithNext does
    # not reach into a kept-together group.
    while flow and _is_heading(flow[-1]):
        ending.insert(0, flow.pop())
    # What is left of a subhead's group (the subhead and its text's first
    # lines) is held together again.
    if opened is not None and len(flow) - opened > 1:
        flow[opened:] = [HeadingGroup(flow[opened:])]
    group = [member for flowable in ending for member in _members(flowable)] + list(credits)
    if not group:
        return flow
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

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        # reportlab deep-copies the document's current frame at every
        # measurement of a group, for content a frame may generate (none
        # here): measured without the document, the group skips that copy.
        canvas = self.canv
        document = canvas.__dict__.pop("_doctemplate", None)
        try:
            return super().wrap(aW, aH)
        finally:
            if document is not None:
                canvas._doctemplate = document

    def _measured(self, aW: float, aH: float) -> None:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)

    def split(self, aW: float, aH: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        if getattr(frame, "balanced", False):
            self._measured(aW, aH)
            if self._H > aH:
                return []
        parts = super().split(aW, aH)
        # Moved on to the next frame, the group stays a group there (reportlab
        # would hand its pieces on loose, to be parted by the next column).
        if parts and getattr(parts[0], "action", ())[:1] == ("frameEnd",):
            return [parts[0], KeptGroup(parts[1:])]
        return parts


def _headings_kept(body: list[Flowable], width: float) -> list[Flowable]:
    """Each subhead, with any photo under it and the text after it, as a :class:`HeadingGroup`."""
    flow: list[Flowable] = []
    index = 0
    while index < len(body):
        flowable = body[index]
        index += 1
        if not _is_heading(flowable):
            flow.append(flowable)
            continue
        group = [flowable]
        while index < len(body) and (_is_heading(body[index])
                                     or isinstance(body[index], KeepTogether)):
            group.append(body[index])
            index += 1
        if index < len(body):
            group.append(body[index])
            index += 1
        members = [member for flowable in group for member in _members(flowable)]
        flow.append(HeadingGroup(members) if len(members) > 1 else members[0])
    return flow


class HeadingGroup(KeptGroup):
    """A subhead (with a photo under it, if any) and the text that follows it.

    The group moves on to the next column or page unless the subhead, the
    photo and the first :data:`LINES_UNDER_HEADING` lines of the text fit
    where it is; when they do, the text runs on and is cut where the frame
    ends, as any paragraph (its widow and orphan rules keep two lines on
    each side). Nothing is cut in advance, so the text's lines are broken
    only once (see :mod:`deskapp.pdf.paragraph`).
    """

    def __init__(self, flowables: list[Flowable]) -> None:
        for member in flowables[:-1]:
            member.__dict__["keepWithNext"] = 0  # held by the group, not regrouped
        super().__init__(flowables)

    def _least(self, width: float) -> float:
        """The height the group needs where it starts: all but the text's later lines."""
        text = self._content[-1]
        if not isinstance(text, Paragraph) or _is_heading(text):
            return self._H
        lines = line_count(text, width)
        if lines < LINES_UNDER_HEADING + 2:
            return self._H  # the widow and orphan rules would not cut it
        return self._H - text.height + LINES_UNDER_HEADING * text.style.leading

    def split(self, aW: float, aH: float) -> list[Flowable]:
        self._measured(aW, aH)
        if self._H <= aH or self._least(aW) <= aH:
            return list(self._content)
        return super().split(aW, aH)


def _members(flowable: Flowable) -> list[Flowable]:
    """A kept-together block's own flowables, to join a larger group.

    reportlab measures a kept-together block inside another as endlessly
    tall (it asks to be split), which would make every group holding a
    photo too tall for any page.
    """
    if not isinstance(flowable, KeepTogether) or not flowable._content:
        return [flowable]
    members = list(flowable._content)
    first = members[0]
    first.spaceBefore = max(first.getSpaceBefore(), flowable.getSpaceBefore())
    return members


def _height(flowable: Flowable, width: float) -> float:
    """How tall a block sets at ``width`` (a kept-together block answers "too tall" to wrap)."""
    _width, height = flowable.wrapOn(Canvas(BytesIO()), width, _HUGE)
    return float(getattr(flowable, "_H", height)) if isinstance(flowable, KeepTogether) else height


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
